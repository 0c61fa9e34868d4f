/**
 * `kronika reanalyse` (and the serving process, in the background): brings stored analyses made by
 * another analyser version (src/analysis/version.ts) up to date, and re-indexes those articles for
 * search, which is built from the analyses. Stories are not re-clustered here: their features
 * changed with the analyser, and `kronika stories --rebuild` re-clusters everything at once.
 */
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { searchDocument } from '../search/terms.ts';
import type { Store } from '../store/store.ts';
import { analyseArticle } from './analyse.ts';

/** Articles re-analysed per transaction (~10 ms each: about a second of work between commits). */
const BATCH = 100;

export interface ReanalyseRun {
  readonly reanalysed: number;
  /** Of those, re-indexed for search (the rest were not indexed yet: the index stage will). */
  readonly reindexed: number;
}

/**
 * @example await reanalyse(store, { onProgress: (n) => console.error(n) })
 */
export async function reanalyse(store: Store, options: { readonly onProgress?: (done: number) => void; readonly signal?: AbortSignal } = {}): Promise<ReanalyseRun> {
  let reanalysed = 0;
  let reindexed = 0;
  let after = 0;
  // Only articles the analyse stage has passed: newer ones are the stage's to analyse.
  const upTo = await store.cursors.get('analyse');
  for (;;) {
    if (options.signal?.aborted) break;
    const outdated = (await store.analyses.outdated(ANALYSIS_VERSION, after, BATCH)).filter((o) => o.seq <= upTo);
    if (outdated.length === 0) break;
    const articles = await store.articles.getMany(outdated.map((o) => o.articleId));
    // The fresh analysis is what its payload hydrates to (src/analysis/stored.ts): index it as it is.
    const analysed = articles.map((a) => analyseArticle(a));
    const analyses = articles.map((a, i) => ({ articleId: a.id, version: ANALYSIS_VERSION, payload: analysed[i]!.payload }));
    const documents = articles.map((a, i) => searchDocument(a.id, analysed[i]!.analysis.sentences));
    reindexed += await store.transaction(async (tx) => {
      await tx.analyses.put(analyses);
      const indexed = await tx.search.indexed(articles.map((a) => a.id));
      for (const id of indexed) await tx.search.remove(id);
      return tx.search.index(documents.filter((d) => indexed.has(d.articleId)));
    });
    reanalysed += articles.length;
    after = outdated[outdated.length - 1]!.seq;
    options.onProgress?.(reanalysed);
  }
  return { reanalysed, reindexed };
}

/** How many stored analyses another analyser version made. */
export async function outdatedAnalyses(store: Store): Promise<number> {
  const versions = await store.analyses.versions();
  return Object.entries(versions).reduce((n, [version, count]) => (Number(version) === ANALYSIS_VERSION ? n : n + count), 0);
}
