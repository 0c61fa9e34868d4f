/**
 * Analysing one article for storage: the analysis every reader shows (src/analysis) plus the
 * clustering signals the story engine compares (src/stories/features.ts), made once after ingest
 * and stored together (src/analysis/stored.ts). Pure: the analyse stage (src/app/stages.ts)
 * reads and writes the store around it.
 *
 * Clustering reads the title in front of the text (headlines name the event most densely: stories
 * eval, BSNLP pl dev), so its signals come from "title\n\ntext": its sentences are the text's,
 * already analysed, after the title's (only the title is tokenised and lemmatised again), and its
 * names are found again over the whole. An article without a title needs nothing more than its
 * analysis. Stored, the signals usually re-derive from the text's analysis plus the title's lemmas
 * and names; they are kept whole only for an article where that would not give exactly the same
 * signals.
 */
import { findMentions } from '../analysis/entities/index.ts';
import { analyzeArticle, type ArticleAnalysis } from '../analysis/index.ts';
import {
  encodeAnalysis, hydrateAnalysis, keptLemmas, retokenize, sameTokens,
  type AnalysisPayload, type StoredFeatures, type StoredLemma,
} from '../analysis/stored.ts';
import { extractFeatures, type ArticleFeatures, type FeatureSentence } from '../stories/features.ts';
import type { StoryInput } from '../store/store.ts';
import { analyzeText, type Sentence, type SentenceSpan, type Token } from '../text/index.ts';
import type { Article } from '../types.ts';

export interface EntityName {
  readonly key: string;
  readonly base: string;
}

/** What clustering compares for one article, and the base forms naming its entity keys. */
export interface ClusterSignals {
  readonly terms: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
  readonly names: readonly EntityName[];
}

/** The signals with the title's share of the titled analysis kept apart (what storing needs). */
interface TitledSignals extends ClusterSignals {
  readonly title?: { readonly tokens: readonly Token[]; readonly names: readonly EntityName[] };
}

function titled(article: Article): Article {
  return article.title ? { ...article, text: `${article.title}\n\n${article.text}` } : article;
}

function countKeys(names: readonly EntityName[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
  return counts;
}

/** Content-lemma counts exactly as extractFeatures counts them over these sentences. */
function termsOf(article: Article, sentences: readonly FeatureSentence[]): ReadonlyMap<string, number> {
  return extractFeatures(article, sentences, []).terms;
}

/**
 * The text's sentences as they sit in "title\n\ntext", `shift` characters further on, for
 * analyzeText to take instead of tokenising and lemmatising them again.
 */
function shiftedSentences(sentences: readonly Sentence[], shift: number): (span: SentenceSpan) => Token[] | undefined {
  const byStart = new Map(sentences.map((s) => [s.start + shift, s]));
  return (span) => {
    const s = byStart.get(span.start);
    if (!s || s.end + shift !== span.end) return undefined;
    return s.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }));
  };
}

/** The signals of the titled text; `analysis`, the text's own, lends its sentences' tokens. */
function titledSignals(article: Article, analysis?: ArticleAnalysis): TitledSignals {
  const subject = titled(article);
  const known = analysis && shiftedSentences(analysis.sentences, subject.text.length - article.text.length);
  const sentences = analyzeText(subject.text, subject.language, known);
  const mentions = findMentions(subject.text, subject.language, sentences);
  const { terms, entities } = extractFeatures(subject, sentences, mentions);
  const names = mentions.map((m) => ({ key: m.key, base: m.base }));
  if (!article.title) return { terms, entities, names };
  const end = article.title.length;
  return {
    terms, entities, names,
    title: {
      tokens: sentences.filter((s) => s.end <= end).flatMap((s) => s.tokens),
      names: mentions.filter((m) => m.end <= end).map((m) => ({ key: m.key, base: m.base })),
    },
  };
}

/** Clustering signals of one article: content-lemma and entity-key counts, and the names behind the keys. */
export function clusterSignals(article: Article): ClusterSignals {
  const { terms, entities, names } = titledSignals(article);
  return { terms, entities, names };
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
 * (date, language, title, outlet, copy, fingerprint) exactly as extractFeatures sets them. A
 * correction (`revisionOf`) joins the story of the article it corrects, as a copy joins its
 * original's, and like a copy is no independent source.
 */
export function featuresFrom(article: Article, signals: Pick<ClusterSignals, 'terms' | 'entities'>): ArticleFeatures {
  const features = extractFeatures(titled(article), [], []);
  const original = features.duplicateOf ?? article.revisionOf;
  return { ...features, ...(original && { duplicateOf: original }), terms: signals.terms, entities: signals.entities };
}

const sameEntries = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>) => {
  if (a.size !== b.size) return false;
  const bs = [...b];
  return [...a].every(([k, v], i) => bs[i]![0] === k && bs[i]![1] === v);
};
const sameNames = (a: readonly EntityName[], b: readonly EntityName[]) =>
  a.length === b.length && a.every((n, i) => n.key === b[i]!.key && n.base === b[i]!.base);
const pairs = (names: readonly EntityName[]) => names.map((n) => [n.key, n.base] as const);

/** Signals re-derived from the text's analysis and the stored title part. */
function derivedSignals(article: Article, analysis: ArticleAnalysis, title: { tokens: readonly Token[]; names: readonly EntityName[] } | undefined): ClusterSignals {
  const sentences: FeatureSentence[] = title ? [{ tokens: title.tokens }, ...analysis.sentences] : [...analysis.sentences];
  const names = [...(title?.names ?? []), ...analysis.mentions.map((m) => ({ key: m.key, base: m.base }))];
  return { terms: termsOf(article, sentences), entities: countKeys(names), names };
}

/** Tokens of the title as the tokenizer makes them, with these lemmas. */
function titleTokens(title: string, lemmas: readonly StoredLemma[]): Token[] {
  return retokenize({ start: 0, end: title.length, text: title }, lemmas);
}

/** The least that re-derives exactly the titled text's signals, or the signals whole. */
function storedFeatures(article: Article, analysis: ArticleAnalysis): StoredFeatures {
  // Without a title the titled text is the text: its signals are those of `analysis` itself
  // (the same sentences and mentions), which signalsFrom re-derives from nothing stored.
  if (!article.title) return {};
  const signals = titledSignals(article, analysis);
  const title = signals.title && {
    lemmas: keptLemmas(signals.title.tokens),
    names: signals.title.names,
  };
  const titleOk = !title || sameTokens(titleTokens(article.title!, title.lemmas), signals.title!.tokens);
  if (titleOk) {
    const derived = derivedSignals(article, analysis, title && { tokens: signals.title!.tokens, names: title.names });
    if (sameEntries(derived.terms, signals.terms) && sameEntries(derived.entities, signals.entities) && sameNames(derived.names, signals.names)) {
      return title ? { title: { lemmas: title.lemmas, names: pairs(title.names) } } : {};
    }
  }
  return { terms: [...signals.terms], names: pairs(signals.names) };
}

/**
 * The clustering signals of a stored analysis (`analysis` is its hydrated form).
 * @example signalsFrom(article, hydrateAnalysis(article, payload), payload.features)
 */
export function signalsFrom(article: Article, analysis: ArticleAnalysis, features: StoredFeatures): ClusterSignals {
  if (features.terms && features.names) {
    const names = features.names.map(([key, base]) => ({ key, base }));
    return { terms: new Map(features.terms), entities: countKeys(names), names };
  }
  const title = article.title && features.title
    ? { tokens: titleTokens(article.title, features.title.lemmas), names: features.title.names.map(([key, base]) => ({ key, base })) }
    : undefined;
  return derivedSignals(article, analysis, title);
}

/** An article's analysis and its stored form, which hydrates back to exactly that analysis (src/analysis/stored.ts). */
export interface Analysed {
  readonly analysis: ArticleAnalysis;
  readonly payload: AnalysisPayload;
}

/**
 * Analyses an article once for storage: the analysis, and the clustering signals of the titled
 * text from it (its sentences reused, only the title tokenised and names found again).
 * @example const { analysis, payload } = analyseArticle(a); searchDocument(a.id, analysis.sentences)
 */
export function analyseArticle(article: Article): Analysed {
  const analysis = analyzeArticle(article);
  return { analysis, payload: encodeAnalysis(analysis, storedFeatures(article, analysis), { fresh: true }) };
}

/**
 * The stored form of an article's analysis and clustering signals.
 * @example await store.analyses.put([{ articleId: a.id, version: ANALYSIS_VERSION, payload: analysePayload(a) }])
 */
export function analysePayload(article: Article): AnalysisPayload {
  return analyseArticle(article).payload;
}

/** What the story writer takes for one article, from its stored analysis. */
export function storyInput(article: Article, payload: AnalysisPayload, analysis = hydrateAnalysis(article, payload)): StoryInput {
  const signals = signalsFrom(article, analysis, payload.features);
  return { features: featuresFrom(article, signals), names: signals.names };
}
