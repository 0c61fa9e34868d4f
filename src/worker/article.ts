/**
 * The per-article job of a worker: analyse a stored article and index it for search, in one
 * short transaction — the CPU-bound part of the stream (docs/ARCHITECTURE.md), which any number
 * of workers share. Idempotent: an article already analysed by this analyser version and indexed
 * is left alone, so a job run twice (a retry after a lost worker) costs one read.
 */
import { hydrateAnalysis } from '../analysis/stored.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { analysePayload } from '../app/analyse.ts';
import { searchDocument } from '../search/terms.ts';
import type { Store } from '../store/store.ts';

export type ArticleJobOutcome = 'analysed' | 'indexed' | 'done already';

/** The article is gone (deleted after it was queued): nothing to do, and nothing to retry. */
export class MissingArticleError extends Error {
  override readonly name = 'MissingArticleError';
}

/**
 * Analyses and indexes one stored article unless that is done already.
 * @example await processArticle(store, 'a31a041b0d5d493a') // → 'analysed'
 */
export async function processArticle(store: Store, articleId: string): Promise<ArticleJobOutcome> {
  if (typeof articleId !== 'string' || articleId === '') throw new TypeError(`the job names no article id (${JSON.stringify(articleId)})`);
  const [article, stored, indexed] = await Promise.all([
    store.articles.get(articleId), store.analyses.get(articleId), store.search.indexed([articleId]),
  ]);
  if (!article) throw new MissingArticleError(`article ${articleId} is not in the store`);
  const current = stored?.version === ANALYSIS_VERSION;
  if (current && indexed.has(articleId)) return 'done already';
  // The expensive part runs before the transaction: no lock is held while analysing.
  const analysis = current ? stored : { articleId, version: ANALYSIS_VERSION, payload: analysePayload(article) };
  const document = searchDocument(articleId, hydrateAnalysis(article, analysis.payload).sentences);
  // Two short writes rather than one transaction: if the second fails, the job runs again and
  // finds the analysis done (fewer round trips per article is most of a worker's overhead).
  if (!current) await store.analyses.put([analysis]);
  // An index made from an older analysis is replaced.
  if (indexed.has(articleId)) await store.search.remove(articleId);
  await store.search.index([document]);
  return current ? 'indexed' : 'analysed';
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
