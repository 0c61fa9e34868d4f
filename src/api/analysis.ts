/**
 * Article analysis for the API: the offsets a reader needs to mark evidence in the clean text
 * (sentences with their epistemic status, entity mentions, quotes, time expressions). Articles
 * never change under an id (the id is a hash of the text), so analyses are memoised by id.
 */
import type { ArticleAnalysis } from '../analysis/index.ts';
import type { Article } from '../types.ts';

export type ArticleAnalyzer = (article: Article) => ArticleAnalysis | Promise<ArticleAnalysis>;

/** The JSON shape of an analysis: everything but tokens, which the client can re-derive. */
export interface ArticleAnalysisRecord {
  readonly sentences: readonly { readonly index: number; readonly paragraph: number; readonly start: number; readonly end: number }[];
  readonly statuses: ArticleAnalysis['statuses'];
  readonly mentions: ArticleAnalysis['mentions'];
  readonly quotes: ArticleAnalysis['quotes'];
  readonly times: ArticleAnalysis['times'];
  readonly events: ArticleAnalysis['events'];
}

/**
 * Analyses kept in memory. One analysis of a 5 KB article is tens of KB of records; 500 keep
 * the cache to a few tens of MB while covering the articles a reader or the entity list touches.
 */
export const ANALYSIS_CACHE_SIZE = 500;

// Loaded on first use: the analysis layer parses the Polish dictionary (≈0.5 s), which a
// server answering only search or stats never needs.
const defaultAnalyzer: ArticleAnalyzer = async (article) => {
  const { analyzeArticle } = await import('../analysis/index.ts');
  return analyzeArticle(article);
};

export function analysisRecord(analysis: ArticleAnalysis): ArticleAnalysisRecord {
  return {
    sentences: analysis.sentences.map((s) => ({ index: s.index, paragraph: s.paragraph, start: s.start, end: s.end })),
    statuses: analysis.statuses,
    mentions: analysis.mentions,
    quotes: analysis.quotes,
    times: analysis.times,
    events: analysis.events,
  };
}

/**
 * A memoising analyzer: the same article id is analysed once while it stays in the cache.
 * @example const analyze = cachedAnalyzer(); (await analyze(article)).mentions
 */
export function cachedAnalyzer(analyze: ArticleAnalyzer = defaultAnalyzer, size = ANALYSIS_CACHE_SIZE) {
  const cache = new Map<string, Promise<ArticleAnalysis>>();
  return function analyzeCached(article: Article): Promise<ArticleAnalysis> {
    const hit = cache.get(article.id);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the oldest key is the least recently used.
      cache.delete(article.id);
      cache.set(article.id, hit);
      return hit;
    }
    const pending = Promise.resolve().then(() => analyze(article));
    pending.catch(() => cache.delete(article.id));
    cache.set(article.id, pending);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return pending;
  };
}
