/**
 * Ingesting, as the CLI and the API both do it: read the inputs into articles and store them
 * (src/ingest), then run the stages over whatever is new (src/app/stages.ts). The articles are
 * committed before any stage runs, so a failing stage never loses them: the run says which stage
 * failed and the next run catches up.
 */
import { toArticle } from '../ingest/article.ts';
import { ingestBatch, type BatchOptions, type IngestResult } from '../ingest/batch.ts';
import type { SaveOutcome, Store, StoredArticle } from '../store/store.ts';
import type { RawDocument } from '../types.ts';
import { runStages, STAGES, type PipelineOptions, type PipelineReport } from './stages.ts';

export interface IngestOptions extends BatchOptions, PipelineOptions {
  /** Run the stages after storing (default); false leaves them to the next `kronika update` or server. */
  readonly runStages?: boolean;
}

export interface IngestRun {
  readonly result: IngestResult;
  /** What the stages did; absent when they were not run. */
  readonly pipeline?: PipelineReport;
}

/**
 * Reads and stores every input, then runs the stages.
 * @example const { result, pipeline } = await ingestInputs(store, ['samples/kim-putin-2023'])
 */
export async function ingestInputs(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestRun> {
  const result = await ingestBatch(store, inputs, options);
  if (options.runStages === false) return { result };
  return { result, pipeline: await runStages(store, { stages: options.stages ?? STAGES, ...options }) };
}

/**
 * Stores one document (a POST to the API); the caller runs the stages.
 * @example const { outcome, article } = await storeDocument(store, { origin: 'api', format: 'text', text }, new Date())
 */
export async function storeDocument(store: Store, document: RawDocument, now: Date): Promise<{ outcome: SaveOutcome; article: StoredArticle }> {
  const [outcome] = await store.articles.save([toArticle(document, now.toISOString())]);
  const article = await store.articles.get(outcome!.id);
  return { outcome: outcome!, article: article! };
}
