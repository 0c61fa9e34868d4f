/**
 * The stored form of an article's analysis (the `analyses` concern of src/store/store.ts) and the
 * way back. Compact because it is kept for every article (docs/BENCHMARKS.md, bytes per article):
 * - no copies of the article text: a `text` field equal to `article.text.slice(start, end)` is
 *   stored as null and sliced again on the way back; a sentence keeps only its offsets;
 * - no tokens: they are re-derived by the tokenizer (a regular expression over the sentence,
 *   cheap), and only each word's lemma is kept (0 when it is the lower-cased word itself);
 * - no timeline events: timelineEvents derives them from the times, as analyzeArticle does.
 * What remains is plain JSON; the store compresses it (src/store/codec.ts).
 *
 * `hydrateAnalysis(article, encodeAnalysis(analysis, …))` deep-equals `analysis`
 * (test/app/stored-analysis.test.ts checks it on real articles), so readers of stored analyses
 * see exactly what analysing afresh would give.
 */
import type { Article, Published, Span } from '../types.ts';
import { tokenize, type Sentence, type Token } from '../text/index.ts';
import type { ArticleAnalysis } from './index.ts';
import type { Mention } from './entities/index.ts';
import type { Quote } from './quotes/index.ts';
import { findTimeExpressions, timelineEvents, type TimeExpression } from './time/index.ts';
import type { SentenceStatus } from './epistemic/index.ts';

/** A JSON object as stored: analysis records with their text fields possibly nulled. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/** Clustering features as stored: the two count maps as [key, count] pairs in insertion order. */
export interface StoredFeatures {
  readonly terms: readonly (readonly [string, number])[];
  readonly entities: readonly (readonly [string, number])[];
}

export interface AnalysisPayload {
  /** Per sentence: [start, end, paragraph]. */
  readonly sentences: readonly (readonly [number, number, number])[];
  /** Per sentence, the lemma of each word token in order; 0 where it is the lower-cased word. */
  readonly lemmas: readonly (readonly (string | 0)[])[];
  /** Sentences (by index) whose tokens the tokenizer would not reproduce, kept whole. */
  readonly tokens?: Readonly<Record<string, readonly Token[]>>;
  readonly mentions: readonly StoredRecord[];
  readonly quotes: readonly StoredRecord[];
  readonly times: readonly StoredRecord[];
  readonly statuses: readonly StoredRecord[];
  /** What the story clusterer compares (src/stories/features.ts), from the title and the text. */
  readonly features: StoredFeatures;
  /** [entity key, base form] of each mention behind `features.entities`: display names of stories. */
  readonly names: readonly (readonly [string, string])[];
}

/** The clustering signals analysed alongside the article (src/app/analyse.ts makes them). */
export interface ClusterSignals {
  readonly terms: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
  readonly names: readonly { readonly key: string; readonly base: string }[];
}

export interface HydrateOptions {
  /**
   * For an undated article, the date its relative time expressions resolve against (the one
   * rule: src/app/anchor.ts). Ignored when the article has a date of its own.
   */
  readonly fallbackDate?: Published;
}

const isSpan = (value: Record<string, unknown>): value is Record<string, unknown> & Span =>
  typeof value.start === 'number' && typeof value.end === 'number';

/** A copy of `value` with every `text` that equals the article's slice at its offsets set to null. */
function strip(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, text));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const sliceable = isSpan(record) && record.text === text.slice(record.start, record.end);
  const out: Record<string, unknown> = {};
  for (const key in record) out[key] = key === 'text' && sliceable ? null : strip(record[key], text);
  return out;
}

/** The inverse of strip: every null `text` of a record with offsets is sliced from the article again. */
function unstrip(value: unknown, text: string): unknown {
  if (Array.isArray(value)) return value.map((v) => unstrip(v, text));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const sliced = isSpan(record) && record.text === null;
  const out: Record<string, unknown> = {};
  for (const key in record) out[key] = key === 'text' && sliced ? text.slice(record.start as number, record.end as number) : unstrip(record[key], text);
  return out;
}

/** Tokens of a sentence as the tokenizer makes them, with the stored lemmas put back. */
function retokenize(sentence: Span & { readonly text: string }, lemmas: readonly (string | 0)[]): Token[] {
  let word = 0;
  return tokenize(sentence.text, sentence.start).map((t) => {
    if (t.kind !== 'word') return t;
    const lemma = lemmas[word++];
    return lemma === 0 || lemma === undefined ? t : { ...t, lemma };
  });
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => {
    const o = b[i]!;
    return t.start === o.start && t.end === o.end && t.kind === o.kind && t.text === o.text && t.lemma === o.lemma;
  });
}

/**
 * The stored form of an analysis and the clustering signals made with it.
 * @example encodeAnalysis(analyzeArticle(article), clusterSignals(article))
 */
export function encodeAnalysis(analysis: ArticleAnalysis, signals: ClusterSignals): AnalysisPayload {
  const text = analysis.article.text;
  const tokens: Record<string, readonly Token[]> = {};
  const lemmas = analysis.sentences.map((s) => {
    const kept = s.tokens.filter((t) => t.kind === 'word').map((t) => (t.lemma === t.text.toLowerCase() ? 0 : t.lemma));
    // The tokenizer is deterministic, so this only trips if a sentence's tokens were made another
    // way; then they are kept whole rather than re-derived wrongly.
    if (s.text !== text.slice(s.start, s.end) || !sameTokens(retokenize(s, kept), s.tokens)) tokens[s.index] = s.tokens;
    return kept;
  });
  return {
    sentences: analysis.sentences.map((s) => [s.start, s.end, s.paragraph] as const),
    lemmas,
    ...(Object.keys(tokens).length > 0 && { tokens }),
    mentions: strip(analysis.mentions, text) as StoredRecord[],
    quotes: strip(analysis.quotes, text) as StoredRecord[],
    times: strip(analysis.times, text) as StoredRecord[],
    statuses: strip(analysis.statuses, text) as StoredRecord[],
    features: { terms: [...signals.terms], entities: [...signals.entities] },
    names: signals.names.map((n) => [n.key, n.base] as const),
  };
}

/**
 * The analysis back from its stored form; equal to what analyzeArticle(article, options) gives.
 * Only the time expressions (and the events dated by them) of an undated article depend on
 * `options.fallbackDate`; they are resolved again here, which costs a pass of the time patterns.
 * @example hydrateAnalysis(article, stored.payload, { fallbackDate: anchor }).quotes
 */
export function hydrateAnalysis(article: Article, payload: AnalysisPayload, options: HydrateOptions = {}): ArticleAnalysis {
  const { text, language } = article;
  const sentences: Sentence[] = payload.sentences.map(([start, end, paragraph], index) => {
    const sentence = { start, end, index, paragraph, text: text.slice(start, end) };
    const kept = payload.tokens?.[index];
    return { ...sentence, tokens: kept ? [...kept] : retokenize(sentence, payload.lemmas[index] ?? []) };
  });
  const reanchor = !article.published && options.fallbackDate !== undefined;
  const times = reanchor
    ? findTimeExpressions({ text, language, sentences, published: options.fallbackDate })
    : (unstrip(payload.times, text) as TimeExpression[]);
  return {
    article,
    sentences,
    mentions: unstrip(payload.mentions, text) as Mention[],
    quotes: unstrip(payload.quotes, text) as Quote[],
    times,
    events: timelineEvents({ text, language, sentences, times }),
    statuses: unstrip(payload.statuses, text) as SentenceStatus[],
  };
}

/** The clustering signals back from their stored form. */
export function storedSignals(payload: AnalysisPayload): ClusterSignals {
  return {
    terms: new Map(payload.features.terms),
    entities: new Map(payload.features.entities),
    names: payload.names.map(([key, base]) => ({ key, base })),
  };
}
