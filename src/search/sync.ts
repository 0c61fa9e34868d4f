/**
 * Keeps the search index in step with the store: the store is the truth, the index a cache of
 * it that can always be rebuilt. Indexes only articles not indexed yet.
 */
import type { Store } from '../store/legacy.ts';
import type { Article } from '../types.ts';
import type { SearchIndex } from './types.ts';

/**
 * Articles per index transaction: each commit is a WAL append, and 200 matches the ingest
 * chunk (src/ingest/batch.ts) so a sync after ingest costs one commit per ingested chunk.
 */
const SYNC_CHUNK = 200;

/**
 * Indexes every stored article the index lacks; returns how many were added. Cheap when in
 * sync: equal counts skip the scan (the index never holds an article the store lacks, except
 * after a store-side delete, which Kronika does not do).
 * @example syncSearchIndex(store, index) // → 5 after the first ingest of the seeds, then 0
 */
export function syncSearchIndex(store: Store, index: SearchIndex): number {
  if (index.countArticles() >= store.countArticles()) return 0;
  let added = 0;
  let chunk: Article[] = [];
  const flush = () => {
    const known = index.indexedIds(chunk.map((a) => a.id));
    added += index.indexArticles(chunk.filter((a) => !known.has(a.id)));
    chunk = [];
  };
  for (const article of store.iterateArticles()) {
    chunk.push(article);
    if (chunk.length >= SYNC_CHUNK) flush();
  }
  if (chunk.length) flush();
  return added;
}
