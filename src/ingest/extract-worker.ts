/**
 * The worker thread behind src/ingest/extract.ts: reads one HTML page per message with
 * readHtml and answers with the document or the error, one page at a time.
 */
import { parentPort } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import { readHtml, type HtmlInput } from './html.ts';

export interface ExtractRequest {
  readonly id: number;
  readonly html: string;
  readonly input: HtmlInput;
}

parentPort!.on('message', ({ id, html, input }: ExtractRequest) => {
  try {
    parentPort!.postMessage({ id, document: readHtml(html, input) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort!.postMessage({ id, error: { input: error instanceof IngestError ? error.input : input.origin, message, ingest: error instanceof IngestError } });
  }
});
