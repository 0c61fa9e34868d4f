/**
 * Where polled articles go: the store's article concern. The stages (analysis, search, stories,
 * alerts) pick them up by cursor afterwards, as after `kronika ingest` (src/app/stages.ts).
 */
import type { SaveOutcome, Store } from '../store/store.ts';
import type { Article } from '../types.ts';

export interface ArticleSink {
  /** Stores a batch atomically; an id already stored is 'unchanged' (see Store.articles.save). */
  save(articles: readonly Article[]): Promise<readonly SaveOutcome[]>;
}

/** @example const sink = articleSink(await openStore(path)) */
export function articleSink(store: Pick<Store, 'articles'>): ArticleSink {
  return { save: async (articles) => (articles.length === 0 ? [] : store.articles.save(articles)) };
}
