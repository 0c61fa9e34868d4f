/**
 * Analysing one article for storage: the analysis every reader shows (src/analysis) plus the
 * clustering signals the story engine compares (src/stories/features.ts), made once after ingest
 * and stored together (src/analysis/stored.ts). Pure: the analyse stage (src/app/stages.ts)
 * reads and writes the store around it.
 */
import { findMentions } from '../analysis/entities/index.ts';
import { analyzeArticle } from '../analysis/index.ts';
import { encodeAnalysis, storedSignals, type AnalysisPayload, type ClusterSignals } from '../analysis/stored.ts';
import { extractFeatures, type ArticleFeatures } from '../stories/features.ts';
import type { StoryInput } from '../store/store.ts';
import { analyzeText } from '../text/index.ts';
import type { Article } from '../types.ts';

/**
 * The text clustering reads: the title goes in front of the text, since headlines name the event
 * most densely (stories eval, BSNLP pl dev).
 */
function titled(article: Article): Article {
  return article.title ? { ...article, text: `${article.title}\n\n${article.text}` } : article;
}

/** Clustering signals of one article: content-lemma and entity-key counts, and the names behind the keys. */
export function clusterSignals(article: Article): ClusterSignals {
  const subject = titled(article);
  const sentences = analyzeText(subject.text, subject.language);
  const mentions = findMentions(subject.text, subject.language, sentences);
  const { terms, entities } = extractFeatures(subject, sentences, mentions);
  return { terms, entities, names: mentions.map((m) => ({ key: m.key, base: m.base })) };
}

/**
 * Clustering features of one article from its real lemmas and resolved entity keys.
 * @example featuresOf(article).entities.get('wldmr-ptn') // → 3
 */
export function featuresOf(article: Article): ArticleFeatures {
  return featuresFrom(article, clusterSignals(article));
}

/**
 * The features the clusterer takes, from an article and its signals: the article's own fields
 * (date, language, title, outlet, copy, fingerprint) exactly as extractFeatures sets them.
 */
export function featuresFrom(article: Article, signals: Pick<ClusterSignals, 'terms' | 'entities'>): ArticleFeatures {
  return { ...extractFeatures(titled(article), [], []), terms: signals.terms, entities: signals.entities };
}

/**
 * The stored form of an article's analysis and clustering signals.
 * @example await store.analyses.put([{ articleId: a.id, version: ANALYSIS_VERSION, payload: analysePayload(a) }])
 */
export function analysePayload(article: Article): AnalysisPayload {
  return encodeAnalysis(analyzeArticle(article), clusterSignals(article));
}

/** What the story writer takes for one article, from its stored analysis. */
export function storyInput(article: Article, payload: AnalysisPayload): StoryInput {
  const signals = storedSignals(payload);
  return { features: featuresFrom(article, signals), names: signals.names };
}
