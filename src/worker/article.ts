/**
 * The per-article jobs of a worker: analyse stored articles and index them for search — the
 * CPU-bound part of the stream (docs/ARCHITECTURE.md), which any number of workers share.
 * A worker takes its jobs a few at a time and does each few with three reads and two writes in
 * all (the round trips to the database, not the SQL, are most of a job's cost besides analysis).
 * Idempotent: an article already analysed by this analyser version and indexed is left alone, so
 * a job run twice (a retry after a lost worker) costs a read.
 */
import { hydrateAnalysis } from '../analysis/stored.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { analysePayload } from '../app/analyse.ts';
import { searchDocument } from '../search/terms.ts';
import type { SearchDocument } from '../search/types.ts';
import type { Store, StoredAnalysis } from '../store/store.ts';

export type ArticleJobOutcome = 'analysed' | 'indexed' | 'done already';

/** The article is gone (deleted after it was queued): nothing to do, and nothing to retry. */
export class MissingArticleError extends Error {
  override readonly name = 'MissingArticleError';
}

/** What became of each article id given: an outcome, or the error that stopped it. */
export type ArticleResults = Map<string, ArticleJobOutcome | Error>;

/**
 * Analyses and indexes stored articles unless that is done already. An article that fails
 * (bad id, analysis error) gets its error and does not stop the others.
 * @example await processArticles(store, ['a31a041b0d5d493a']) // → Map { 'a31a041b0d5d493a' => 'analysed' }
 */
export async function processArticles(store: Store, articleIds: readonly unknown[]): Promise<ArticleResults> {
  const results: ArticleResults = new Map();
  const ids: string[] = [];
  for (const id of articleIds) {
    if (typeof id === 'string' && id !== '') ids.push(id);
    else results.set(String(id), new TypeError(`the job names no article id (${JSON.stringify(id)})`));
  }
  if (ids.length === 0) return results;
  const [articles, stored, indexed] = await Promise.all([store.articles.getMany(ids), store.analyses.getMany(ids), store.search.indexed(ids)]);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const fresh: StoredAnalysis[] = [];
  const documents: SearchDocument[] = [];
  const reindex: string[] = [];
  for (const id of ids) {
    const article = byId.get(id);
    if (!article) {
      results.set(id, new MissingArticleError(`article ${id} is not in the store`));
      continue;
    }
    const current = stored.get(id)?.version === ANALYSIS_VERSION;
    if (current && indexed.has(id)) {
      results.set(id, 'done already');
      continue;
    }
    try {
      const analysis = current ? stored.get(id)! : { articleId: id, version: ANALYSIS_VERSION, payload: analysePayload(article) };
      documents.push(searchDocument(id, hydrateAnalysis(article, analysis.payload).sentences));
      if (!current) fresh.push(analysis);
      // An index made from an older analysis is replaced.
      if (indexed.has(id)) reindex.push(id);
      results.set(id, current ? 'indexed' : 'analysed');
    } catch (error) {
      results.set(id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  // Two short writes rather than one transaction: if the second fails, the jobs run again and
  // find the analyses done.
  await store.analyses.put(fresh);
  for (const id of reindex) await store.search.remove(id);
  await store.search.index(documents);
  return results;
}

/**
 * Loads what analysis reads lazily (morphology dictionaries, lexicons) by analysing two short
 * texts, so a fresh worker's first jobs run at full speed.
 */
export function warmUp(): void {
  for (const [language, text] of [['pl', 'Prezydent Polski spotkał się w Warszawie z premierem.'], ['en', 'The president met the prime minister in London.']] as const) {
    analysePayload({ id: `warm-up-${language}`, origin: 'warm-up', format: 'text', language, text, removed: [], ingestedAt: new Date(0).toISOString() });
  }
}
