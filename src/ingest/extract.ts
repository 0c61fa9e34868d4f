/**
 * HTML extraction bounded in time: readHtml (src/ingest/html.ts) runs in a worker thread, and
 * a page that takes longer than the limit is abandoned by terminating the worker, so one hostile
 * page never blocks the server's event loop or the rest of a batch. The budget check in
 * src/ingest/html-budget.ts keeps ordinary extremes fast; this is the bound for what is left.
 * One worker serves the process, a page at a time; it is started on first use, replaced after a
 * timeout or crash, and never keeps the process alive when idle.
 */
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../types.ts';
import { IngestError } from './errors.ts';
import type { ExtractRequest } from './extract-worker.ts';
import type { HtmlInput } from './html.ts';

/** A real page takes 5–50 ms; ten seconds is a page that would otherwise never finish. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 10_000;
/** Heap for one page's DOM: a 10 MB page parses in well under this; past it the page is refused. */
const WORKER_HEAP_MB = 1024;

interface Job {
  readonly request: ExtractRequest;
  readonly timeoutMs: number;
  readonly resolve: (document: RawDocument) => void;
  readonly reject: (error: Error) => void;
}

type Reply =
  | { readonly id: number; readonly document: RawDocument }
  | { readonly id: number; readonly error: { readonly input: string; readonly message: string; readonly ingest: boolean } };

/**
 * Starts the worker. Under tsx (a .ts module) the worker must register tsx itself: a worker does
 * not inherit the loader hooks of the thread that starts it.
 */
function spawn(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

class Extractor {
  private worker?: Worker;
  private current?: Job & { readonly timer: NodeJS.Timeout };
  private readonly queue: Job[] = [];
  private nextId = 1;

  run(html: string, input: HtmlInput, timeoutMs: number): Promise<RawDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, html, input }, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    const worker = this.ensureWorker();
    worker.ref();
    const timer = setTimeout(() => {
      const seconds = +(job.timeoutMs / 1000).toFixed(3);
      this.fail(new IngestError(job.request.input.origin, `HTML extraction took longer than ${seconds} s: refused`));
    }, job.timeoutMs);
    this.current = { ...job, timer };
    worker.postMessage(job.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => {
      if (this.worker === worker) this.fail(new IngestError(this.current?.request.input.origin ?? 'HTML', `HTML extraction failed: ${error.message.split('\n')[0]}`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new IngestError(this.current?.request.input.origin ?? 'HTML', 'HTML extraction stopped (out of memory?): refused'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const job = this.current;
    if (!job || job.request.id !== reply.id) return;
    clearTimeout(job.timer);
    this.current = undefined;
    if ('document' in reply) job.resolve(reply.document);
    else if (reply.error.ingest) job.reject(new IngestError(reply.error.input, reply.error.message));
    else job.reject(new IngestError(reply.error.input, `HTML extraction failed: ${reply.error.message}`));
    this.dispatch();
  }

  /** Ends the current job with `error` and replaces the worker, which may be stuck in it. */
  private fail(error: IngestError): void {
    const job = this.current;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    if (job) {
      clearTimeout(job.timer);
      this.current = undefined;
      job.reject(error);
    }
    this.dispatch();
  }
}

let shared: Extractor | undefined;

export interface ExtractOptions {
  /** Longest one page may take. Default 10 s. */
  readonly timeoutMs?: number;
}

/**
 * readHtml in a worker thread, bounded in time. Rejects with IngestError naming the page.
 * @example const document = await extractHtml(html, { origin: 'https://example.pl/a' })
 */
export function extractHtml(html: string, input: HtmlInput, options: ExtractOptions = {}): Promise<RawDocument> {
  shared ??= new Extractor();
  return shared.run(html, input, options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS);
}
