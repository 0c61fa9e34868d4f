/**
 * One article through the language and analysis layers: sentences with lemmas, entity
 * mentions, quotes, time expressions, timeline events and each sentence's epistemic status.
 * Pure: the caller loads the article and decides what to keep.
 */
import type { Article, Published } from '../types.ts';
import { analyzeText, type Sentence } from '../text/index.ts';
import { findMentions, type Mention } from './entities/index.ts';
import { findQuotes, type Quote } from './quotes/index.ts';
import { findTimeExpressions, timelineEvents, type TimeExpression, type TimelineEvent } from './time/index.ts';
import { classifySentences, type SentenceStatus } from './epistemic/index.ts';

export interface ArticleAnalysis {
  readonly article: Article;
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly Mention[];
  readonly quotes: readonly Quote[];
  readonly times: readonly TimeExpression[];
  readonly events: readonly TimelineEvent[];
  readonly statuses: readonly SentenceStatus[];
}

export interface AnalysisOptions {
  /**
   * Date to resolve relative time expressions against when the article has none of its own
   * (e.g. the month of the story an undated article belongs to). The article keeps no date.
   */
  readonly fallbackDate?: Published;
}

/**
 * Analyse one article.
 * @example analyzeArticle(article).mentions.filter((m) => m.type === 'PER')
 */
export function analyzeArticle(article: Article, options: AnalysisOptions = {}): ArticleAnalysis {
  const { text, language } = article;
  const published = article.published ?? options.fallbackDate;
  const sentences = analyzeText(text, language);
  const mentions = findMentions(text, language, sentences);
  const quotes = findQuotes({ text, language, sentences, mentions });
  const times = findTimeExpressions({ text, language, sentences, published });
  const events = timelineEvents({ text, language, sentences, times });
  const statuses = classifySentences({ text, language, sentences, quotes, mentions, times });
  return { article, sentences, mentions, quotes, times, events, statuses };
}
