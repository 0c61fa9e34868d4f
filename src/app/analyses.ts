/**
 * Reading analyses for the CLI, API, web and reports: the stored ones (made once after ingest by
 * the analyse stage, src/app/stages.ts), hydrated with the one anchoring rule for undated articles
 * (src/app/anchor.ts). An article whose stored analysis is missing or was made by another
 * analyser version is analysed afresh for the reader (readers never write) and counted, so the
 * caller can say so; `kronika reanalyse` brings the stored ones up to date.
 */
import type { ArticleAnalysis } from '../analysis/index.ts';
import { hydrateAnalysis } from '../analysis/stored.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import type { Store } from '../store/store.ts';
import type { Article } from '../types.ts';
import { undatedAnchors, type AnchorOf } from './anchor.ts';

export interface AnalysesRead {
  /** One per article given, in the same order. */
  readonly analyses: ArticleAnalysis[];
  /** How many had no stored analysis of the current version and were analysed afresh. */
  readonly fresh: number;
}

/** Stored analyses fetched per query: a report of a 500-article story reads them in a few pages. */
const PAGE = 200;

/**
 * The analyses of these articles, as readers show them.
 * @example const { analyses } = await readAnalyses(store, await store.articles.getMany(story.articleIds))
 */
export async function readAnalyses(store: Store, articles: readonly Article[], anchorOf: AnchorOf = undatedAnchors(store)): Promise<AnalysesRead> {
  const analyses: ArticleAnalysis[] = [];
  let fresh = 0;
  for (let i = 0; i < articles.length; i += PAGE) {
    const page = articles.slice(i, i + PAGE);
    const stored = await store.analyses.getMany(page.map((a) => a.id));
    for (const article of page) {
      const anchor = await anchorOf(article);
      const options = anchor ? { fallbackDate: anchor } : {};
      const found = stored.get(article.id);
      if (found?.version === ANALYSIS_VERSION) analyses.push(hydrateAnalysis(article, found.payload, options));
      else {
        // The analyser is loaded only when a stored analysis is missing or outdated.
        const { analyzeArticle } = await import('../analysis/index.ts');
        analyses.push(analyzeArticle(article, options));
        fresh++;
      }
    }
  }
  return { analyses, fresh };
}

/** One article's analysis as readers show it. */
export async function readAnalysis(store: Store, article: Article): Promise<{ analysis: ArticleAnalysis; fresh: boolean }> {
  const { analyses, fresh } = await readAnalyses(store, [article]);
  return { analysis: analyses[0]!, fresh: fresh > 0 };
}
