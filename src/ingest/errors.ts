/** The one error type ingest raises for a bad input; it carries the input it is about. */

/**
 * A failure reading one input (file, URL, feed item, JSONL line). The message says the reason
 * only; `input` names the input, so a reporter prints "<input>: <message>" on one line.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}
