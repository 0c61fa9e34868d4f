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
import { analyseArticle, analysePayload } from '../app/analyse.ts';
import { searchDocument } from '../search/terms.ts';
import type { SearchDocument } from '../search/types.ts';
import type { Store, StoredAnalysis, StoredArticle } from '../store/store.ts';

export type ArticleJobOutcome = 'analysed' | 'indexed' | 'done already';

/** The article is gone (deleted after it was queued): nothing to do, and nothing to retry. */
export class MissingArticleError extends Error {
  override readonly name = 'MissingArticleError';
}

/** What became of each article id given: an outcome, or the error that stopped it. */
export type ArticleResults = Map<string, ArticleJobOutcome | Error>;

/** What a batch of jobs reads before its CPU-bound part: the articles and their current state. */
export interface ArticlesRead {
  readonly ids: readonly string[];
  /** Ids that name no article (not a string), with their errors. */
  readonly invalid: ArticleResults;
  readonly articles: ReadonlyMap<string, StoredArticle>;
  readonly stored: ReadonlyMap<string, StoredAnalysis>;
  readonly indexed: ReadonlySet<string>;
}

/**
 * The reads of a batch, in three round trips sent at once. A worker starts the next batch's
 * reads before analysing the current one (src/worker/index.ts), so the server answers while
 * Node analyses.
 */
export async function readArticles(store: Store, articleIds: readonly unknown[]): Promise<ArticlesRead> {
  const invalid: ArticleResults = new Map();
  const ids: string[] = [];
  for (const id of articleIds) {
    if (typeof id === 'string' && id !== '') ids.push(id);
    else invalid.set(String(id), new TypeError(`the job names no article id (${JSON.stringify(id)})`));
  }
  if (ids.length === 0) return { ids, invalid, articles: new Map(), stored: new Map(), indexed: new Set() };
  const [articles, stored, indexed] = await Promise.all([store.articles.getMany(ids), store.analyses.getMany(ids), store.search.indexed(ids)]);
  return { ids, invalid, articles: new Map(articles.map((a) => [a.id, a])), stored, indexed };
}

/** A batch's CPU-bound part done (`prepareArticles`), its writes not yet (`writeArticles`). */
export interface PreparedArticles {
  readonly results: ArticleResults;
  readonly fresh: readonly StoredAnalysis[];
  readonly documents: readonly SearchDocument[];
  /** Articles whose index, made from an older analysis, is replaced. */
  readonly reindex: readonly string[];
}

/**
 * The CPU-bound part of a batch read by `readArticles`: analyses and makes the search document of
 * each article unless that is done already. An article that fails (gone, analysis error) gets its
 * error and does not stop the others. Between two articles the event loop gets a turn, so the
 * next batch's reads (and the lease's queries) progress meanwhile.
 */
export async function prepareArticles(read: ArticlesRead): Promise<PreparedArticles> {
  const results: ArticleResults = new Map(read.invalid);
  const fresh: StoredAnalysis[] = [];
  const documents: SearchDocument[] = [];
  const reindex: string[] = [];
  for (const id of read.ids) {
    const article = read.articles.get(id);
    if (!article) {
      results.set(id, new MissingArticleError(`article ${id} is not in the store`));
      continue;
    }
    const current = read.stored.get(id)?.version === ANALYSIS_VERSION;
    if (current && read.indexed.has(id)) {
      results.set(id, 'done already');
      continue;
    }
    try {
      if (current) {
        documents.push(searchDocument(id, hydrateAnalysis(article, read.stored.get(id)!.payload).sentences));
      } else {
        // The fresh analysis is what its payload hydrates to (src/analysis/stored.ts): index it as it is.
        const { analysis, payload } = analyseArticle(article);
        documents.push(searchDocument(id, analysis.sentences));
        fresh.push({ articleId: id, version: ANALYSIS_VERSION, payload });
      }
      if (read.indexed.has(id)) reindex.push(id);
      results.set(id, current ? 'indexed' : 'analysed');
    } catch (error) {
      results.set(id, error instanceof Error ? error : new Error(String(error)));
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { results, fresh, documents, reindex };
}

/**
 * The writes of a prepared batch: its analyses, then its search documents. Two short writes
 * rather than one transaction: if the second fails, the jobs run again and find the analyses done.
 */
export async function writeArticles(store: Store, prepared: PreparedArticles): Promise<ArticleResults> {
  if (prepared.fresh.length) await store.analyses.put(prepared.fresh);
  for (const id of prepared.reindex) await store.search.remove(id);
  if (prepared.documents.length) await store.search.index(prepared.documents);
  return prepared.results;
}

/** `prepareArticles`, then `writeArticles`. */
export async function analyseArticles(store: Store, read: ArticlesRead): Promise<ArticleResults> {
  return writeArticles(store, await prepareArticles(read));
}

/**
 * Analyses and indexes stored articles unless that is done already (`readArticles`, then
 * `analyseArticles`). An article that fails (bad id, analysis error) gets its error and does not
 * stop the others.
 * @example await processArticles(store, ['a31a041b0d5d493a']) // → Map { 'a31a041b0d5d493a' => 'analysed' }
 */
export async function processArticles(store: Store, articleIds: readonly unknown[]): Promise<ArticleResults> {
  return analyseArticles(store, await readArticles(store, articleIds));
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
