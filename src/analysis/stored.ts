/**
 * The stored form of an article's analysis (the `analyses` concern of src/store/store.ts) and the
 * way back. Compact because it is kept for every article (docs/BENCHMARKS.md, bytes per article):
 * - no copies of the article text: in a record with offsets, a string field equal to
 *   `article.text.slice(start, end)` (its `text`, often its `base` or a speaker's `name`) is stored
 *   as SLICED and sliced again on the way back; a sentence keeps only its offsets;
 * - no tokens: they are re-derived by the tokenizer (a regular expression over the sentence,
 *   cheap), and only each word's lemma is kept (0 when it is the lower-cased word, 1 when it is
 *   the word as written, else as an edit of the lower-cased word: `"1y"` for "ubiegłą" →
 *   "ubiegły", see StoredLemma);
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
import { strip, unstrip, type StoredRecord } from './sliced.ts';

export type { StoredRecord } from './sliced.ts';

/**
 * A stored lemma: 0 for the lower-cased word, 1 for the word as written, or a string — a digit
 * `n` then a suffix for "the lower-cased word without its last n characters, then the suffix"
 * ("1y": ubiegłą → ubiegły; inflection changes the end of a word, so this is usually a character
 * or two where the lemma is ten), else the lemma itself, after a U+0001 when it starts with a
 * digit or U+0001 of its own. Payloads stored before this form (codec formats 0 and 1,
 * src/store/codec.ts) are read through `fromLiteralLemmas`.
 */
export type StoredLemma = string | 0 | 1;

const LITERAL = '\u0001';
const isDigit = (code: number) => code >= 48 && code <= 57;

/** The lemma of `word` from its stored string form. */
function lemmaFrom(word: string, stored: string): string {
  const first = stored.charCodeAt(0);
  if (isDigit(first)) {
    const lower = word.toLowerCase();
    return lower.slice(0, lower.length - (first - 48)) + stored.slice(1);
  }
  return stored[0] === LITERAL ? stored.slice(1) : stored;
}

/** The shortest string form of `lemma` that lemmaFrom reads back exactly. */
function lemmaString(word: string, lemma: string): string {
  const literal = isDigit(lemma.charCodeAt(0)) || lemma[0] === LITERAL ? LITERAL + lemma : lemma;
  const lower = word.toLowerCase();
  let same = 0;
  while (same < lower.length && same < lemma.length && lower[same] === lemma[same]) same++;
  const cut = lower.length - same;
  if (cut > 9) return literal;
  const edit = `${cut}${lemma.slice(same)}`;
  return edit.length < literal.length && lemmaFrom(word, edit) === lemma ? edit : literal;
}

/** Lemmas stored as plain strings (the form before edits) in today's form: only a string that would read as an edit changes. */
export function fromLiteralLemmas(lemmas: readonly StoredLemma[]): StoredLemma[] {
  return lemmas.map((l) => (typeof l === 'string' && (isDigit(l.charCodeAt(0)) || l[0] === LITERAL) ? LITERAL + l : l));
}

/**
 * Story-clustering signals as stored, filled in by the caller (src/app/analyse.ts): as little as
 * lets them re-derive from this analysis (usually only the title's lemmas and names), else whole.
 */
export interface StoredFeatures {
  /** Lemma of each word token of the title (StoredLemma) and [key, base] of its mentions. */
  readonly title?: { readonly lemmas: readonly StoredLemma[]; readonly names: readonly (readonly [string, string])[] };
  /** Kept whole only when they do not re-derive from the title and the analysis. */
  readonly terms?: readonly (readonly [string, number])[];
  readonly names?: readonly (readonly [string, string])[];
}

export interface AnalysisPayload {
  /** Per sentence: [start, end, paragraph]. */
  readonly sentences: readonly (readonly [number, number, number])[];
  /** Per sentence, the lemma of each word token in order (StoredLemma). */
  readonly lemmas: readonly (readonly StoredLemma[])[];
  /** Sentences (by index) whose tokens the tokenizer would not reproduce, kept whole. */
  readonly tokens?: Readonly<Record<string, readonly Token[]>>;
  readonly mentions: readonly StoredRecord[];
  readonly quotes: readonly StoredRecord[];
  readonly times: readonly StoredRecord[];
  readonly statuses: readonly StoredRecord[];
  /** What the story clusterer compares (src/stories/features.ts), from the title and the text. */
  readonly features: StoredFeatures;
}

export interface HydrateOptions {
  /**
   * For an undated article, the date its relative time expressions resolve against (the one
   * rule: src/app/anchor.ts). Ignored when the article has a date of its own.
   */
  readonly fallbackDate?: Published;
}

/** Lemmas of the word tokens as stored (StoredLemma). */
export function keptLemmas(tokens: readonly Token[]): StoredLemma[] {
  return tokens.filter((t) => t.kind === 'word')
    .map((t) => (t.lemma === t.text.toLowerCase() ? 0 : t.lemma === t.text ? 1 : lemmaString(t.text, t.lemma)));
}

/** Tokens of a text span as the tokenizer makes them, with the stored lemmas put back. */
export function retokenize(sentence: Span & { readonly text: string }, lemmas: readonly StoredLemma[]): Token[] {
  // In place: every report re-derives the tokens of every sentence of its story.
  const tokens = tokenize(sentence.text, sentence.start);
  let word = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const lemma = lemmas[word++];
    if (lemma === 0 || lemma === undefined) continue;
    tokens[i] = { text: t.text, kind: t.kind, start: t.start, end: t.end, lemma: lemma === 1 ? t.text : lemmaFrom(t.text, lemma) };
  }
  return tokens;
}

/**
 * The payload with its lemmas in their shortest form (edits of their words), as encodeAnalysis
 * writes them today; payloads stored with lemmas spelled out (read through fromLiteralLemmas)
 * shrink this way without being analysed again. Kept-whole tokens are left as they are.
 */
export function compactLemmas(article: Article, payload: AnalysisPayload): AnalysisPayload {
  const title = payload.features.title;
  const again = (span: Span & { readonly text: string }, lemmas: readonly StoredLemma[]) => keptLemmas(retokenize(span, lemmas));
  return {
    ...payload,
    lemmas: payload.sentences.map(([start, end], i) => again({ start, end, text: article.text.slice(start, end) }, payload.lemmas[i] ?? [])),
    features: {
      ...payload.features,
      ...(title && article.title !== undefined && { title: { ...title, lemmas: again({ start: 0, end: article.title.length, text: article.title }, title.lemmas) } }),
    },
  };
}

export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => {
    const o = b[i]!;
    return t.start === o.start && t.end === o.end && t.kind === o.kind && t.text === o.text && t.lemma === o.lemma;
  });
}

export interface EncodeOptions {
  /**
   * The analysis is analyzeArticle's, made just now: every sentence's tokens are the tokenizer's
   * over its text with the lemmatiser's lemmas set (src/text/index.ts analyzeText), which
   * keptLemmas and retokenize give back by construction (0 is tokenize's own lower-cased lemma,
   * lemmaString checks each edit it writes). The check that tokenises every sentence again is
   * then skipped: a second tokenisation of the article, ~8 % of analysis' allocation.
   */
  readonly fresh?: boolean;
}

/**
 * The stored form of an analysis, with the clustering features as the caller stores them.
 * @example encodeAnalysis(analyzeArticle(article), {})
 */
export function encodeAnalysis(analysis: ArticleAnalysis, features: StoredFeatures, options: EncodeOptions = {}): AnalysisPayload {
  const text = analysis.article.text;
  const tokens: Record<string, readonly Token[]> = {};
  const lemmas = analysis.sentences.map((s) => {
    const kept = keptLemmas(s.tokens);
    // The tokenizer is deterministic, so this only trips if a sentence's tokens were made another
    // way; then they are kept whole rather than re-derived wrongly.
    if (s.text !== text.slice(s.start, s.end) || (!options.fresh && !sameTokens(retokenize(s, kept), s.tokens))) tokens[s.index] = s.tokens;
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
    features,
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
