/**
 * The edge between ingest and storage: reads inputs, turns documents into articles and saves
 * them in chunks, one transaction per chunk. A failing input or chunk becomes one error line
 * and the batch goes on; what is already stored is never touched (articles.save skips known ids).
 */
import type { Store } from '../store/store.ts';
import type { Article } from '../types.ts';
import { toArticle } from './article.ts';
import { readInputs, type IngestOptions } from './index.ts';

/** Articles per transaction. 200 keeps a SIGKILL's lost work small while commits stay cheap (bench: ingest). */
export const INGEST_CHUNK_SIZE = 200;

export interface IngestFailure {
  readonly input: string;
  readonly message: string;
}

export interface IngestProgress {
  /** Documents read (stored, unchanged or duplicates) plus failures. */
  readonly done: number;
  readonly stored: number;
  readonly unchanged: number;
  /** Stored articles that nearly duplicate an earlier one (syndicated copies). */
  readonly duplicates: number;
  readonly failed: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

export interface IngestResult extends IngestProgress {
  readonly failures: readonly IngestFailure[];
  /** Inputs read with a doubt (a guessed charset…); they are stored all the same. */
  readonly warnings: readonly IngestFailure[];
  readonly articleIds: readonly string[];
}

export interface BatchOptions extends IngestOptions {
  readonly chunkSize?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly onFailure?: (failure: IngestFailure) => void;
  readonly onWarning?: (warning: IngestFailure) => void;
  /** Clock for `ingestedAt`; tests pin it. */
  readonly now?: () => Date;
}

/**
 * Ingest every input into the store.
 * @example await ingestBatch(store, ['samples/kim-putin-2023'])  // → { stored: 5, failed: 0, … }
 */
export async function ingestBatch(
  store: Store,
  inputs: readonly string[],
  options: BatchOptions = {},
): Promise<IngestResult> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? INGEST_CHUNK_SIZE;
  const now = options.now ?? (() => new Date());
  const failures: IngestFailure[] = [];
  const warnings: IngestFailure[] = [];
  const articleIds: string[] = [];
  let stored = 0, unchanged = 0, duplicates = 0, bytes = 0;
  let chunk: Article[] = [];

  const progress = (): IngestProgress => ({
    done: stored + unchanged + failures.length,
    stored, unchanged, duplicates,
    failed: failures.length,
    bytes,
    elapsedMs: performance.now() - started,
  });
  const fail = (failure: IngestFailure) => {
    failures.push(failure);
    options.onFailure?.(failure);
  };

  const flush = async () => {
    if (chunk.length === 0) return;
    const batch = chunk;
    chunk = [];
    try {
      for (const outcome of await store.articles.save(batch)) {
        articleIds.push(outcome.id);
        if (outcome.status === 'unchanged') unchanged++;
        else {
          stored++;
          if (outcome.duplicateOf) duplicates++;
        }
      }
    } catch (error) {
      // The transaction rolled back: none of this chunk is stored, earlier chunks are intact.
      const reason = error instanceof Error ? error.message : String(error);
      for (const article of batch) fail({ input: article.origin, message: `not stored: ${reason}` });
    }
    options.onProgress?.(progress());
  };

  for await (const item of readInputs(inputs, options)) {
    if (item.kind === 'warning') {
      warnings.push({ input: item.input, message: item.message });
      options.onWarning?.(warnings.at(-1)!);
      continue;
    }
    if (item.kind === 'error') {
      fail({ input: item.input, message: item.message });
      options.onProgress?.(progress());
      continue;
    }
    try {
      const article = toArticle(item.document, now().toISOString());
      bytes += Buffer.byteLength(article.text);
      chunk.push(article);
    } catch (error) {
      fail({ input: item.input, message: error instanceof Error ? error.message : String(error) });
    }
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return { ...progress(), failures, warnings, articleIds };
}
