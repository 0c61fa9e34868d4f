/**
 * Where polled articles go. The one place source monitoring calls the article store: when the
 * store turns async and split by concern, `articleSink` becomes `store.articles.save`.
 */
import type { SaveOutcome, Store } from '../store/store.ts';
import type { Article } from '../types.ts';

export interface ArticleSink {
  /** Stores a batch atomically; an id already stored is 'unchanged' (see Store.saveArticles). */
  save(articles: readonly Article[]): Promise<readonly SaveOutcome[]>;
}

/** @example const sink = articleSink(openSqliteStore(path)) */
export function articleSink(store: Pick<Store, 'saveArticles'>): ArticleSink {
  return { save: async (articles) => (articles.length === 0 ? [] : store.saveArticles(articles)) };
}
