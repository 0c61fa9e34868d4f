/**
 * Article → the features story clustering compares: content-lemma counts, entity-key counts,
 * numbers and a time with its precision. Pure; the text and entity layers run before it.
 *
 * When the caller has no sentences or mentions (a bare article, a quick test), a surface fallback
 * stands in: lower-cased words cut to a fixed stem length for terms and capitalised words inside
 * sentences for entities. The eval and the CLI pass the real lemmas and entity keys.
 */
import type { Article, DatePrecision, Language } from '../types.ts';
import { storyStopWords } from './resources.ts';
import { headlineFromText } from '../synthesis/title.ts';

/** The slice of a text-layer token this stage reads (src/text). */
export interface FeatureToken {
  readonly text: string;
  readonly lemma?: string;
  readonly kind?: string;
}
/** The slice of a text-layer sentence this stage reads. */
export interface FeatureSentence {
  readonly tokens: readonly FeatureToken[];
}
/** The slice of an entity mention this stage reads: its language-neutral key (src/analysis/entities). */
export interface FeatureMention {
  readonly key: string;
}

export interface ArticleFeatures {
  readonly articleId: string;
  /** Milliseconds since the epoch at the middle of the published period; undefined when unknown. */
  readonly time?: number;
  readonly timePrecision?: DatePrecision;
  readonly language: Language;
  /** Content lemma counts; numbers appear as `#<digits>` so they match across languages. */
  readonly terms: ReadonlyMap<string, number>;
  /** Entity key counts. */
  readonly entities: ReadonlyMap<string, number>;
  readonly title?: string;
  readonly outlet?: string;
  readonly duplicateOf?: string;
  readonly fingerprint?: readonly number[];
}

export interface FeatureOptions {
  /** Use `ingestedAt` when `published` is missing (live feeds); off by default so archives stay undated. */
  readonly fallbackToIngested?: boolean;
}

/**
 * Polish inflects at the end of a word; cutting surface forms to 6 letters groups most forms of one
 * lemma ("putina", "putinem" → "putin"; "spotkanie", "spotkania" → "spotka") in the fallback.
 * 6 was the best of 5/6/7 on the stories eval with the fallback path (BSNLP pl dev, B-cubed F1, 2026-11-23).
 */
const FALLBACK_STEM = 6;
const MIN_TERM_LENGTH = 3;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * Features of one article for clustering.
 * @example extractFeatures(article, analyzeText(article.text, 'pl'), findMentions(...))
 */
export function extractFeatures(
  article: Article,
  sentences?: readonly FeatureSentence[],
  mentions?: readonly FeatureMention[],
  options: FeatureOptions = {},
): ArticleFeatures {
  const stop = storyStopWords(article.language);
  const terms = sentences ? termsFromTokens(sentences, stop) : termsFromSurface(article.text, stop);
  const entities = mentions ? countKeys(mentions.map((m) => m.key)) : entitiesFromSurface(article.text, stop);
  const dated = article.published ?? (options.fallbackToIngested ? { value: article.ingestedAt, precision: 'minute' as const } : undefined);
  const time = dated ? publishedMidpoint(dated.value, dated.precision) : undefined;
  return {
    articleId: article.id,
    ...(time !== undefined ? { time, timePrecision: dated!.precision } : {}),
    language: article.language,
    terms,
    entities,
    ...titleOf(article),
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(article.duplicateOf ? { duplicateOf: article.duplicateOf } : {}),
    ...(article.fingerprint ? { fingerprint: article.fingerprint } : {}),
  };
}

/** The middle of the period a published value names, so month precision sits mid-month. */
export function publishedMidpoint(value: string, precision: DatePrecision): number | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1971) return undefined; // 1970-01-01 is the "unknown" placeholder in BSNLP metadata
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) : 1;
  switch (precision) {
    case 'year': return Date.UTC(year, 6, 1);
    case 'month': return Date.UTC(year, month, 15);
    case 'day': return Date.UTC(year, month, day, 12);
    case 'minute': return Date.UTC(year, month, day, Number(m[4] ?? 12), Number(m[5] ?? 0));
  }
}

/** Half the length of the period a precision names, in days: how far a date may really be off. */
export function precisionSlackDays(precision: DatePrecision | undefined): number {
  switch (precision) {
    case 'year': return 182;
    case 'month': return 15;
    case 'day': return 0.5;
    default: return 0;
  }
}

function termsFromTokens(sentences: readonly FeatureSentence[], stop: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (t.kind === 'punct' || t.kind === 'symbol') continue;
      const term = normaliseTerm((t.lemma ?? t.text).toLowerCase(), stop, Number.POSITIVE_INFINITY);
      if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return counts;
}

function termsFromSurface(text: string, stop: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    const term = normaliseTerm(w, stop, FALLBACK_STEM);
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

function normaliseTerm(word: string, stop: ReadonlySet<string>, stem: number): string | undefined {
  if (/^\d+$/.test(word)) return word.length >= 2 ? `#${word}` : undefined;
  if (/\d/.test(word) || word.length < MIN_TERM_LENGTH || stop.has(word)) return undefined;
  return word.length > stem ? word.slice(0, stem) : word;
}

/** Capitalised words that do not open a sentence, stemmed: a rough stand-in for entity keys. */
function entitiesFromSurface(text: string, stop: ReadonlySet<string>): Map<string, number> {
  const keys: string[] = [];
  for (const sentence of text.split(/(?<=[.!?…])\s+|\n+/)) {
    const words = sentence.match(WORD) ?? [];
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      if (w.length < MIN_TERM_LENGTH || !/^\p{Lu}\p{Ll}/u.test(w) || stop.has(w.toLowerCase())) continue;
      keys.push(`~${w.toLowerCase().slice(0, FALLBACK_STEM - 1)}`);
    }
  }
  return countKeys(keys);
}

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** One title everywhere: the story report's headline rules (src/synthesis/title.ts). */
function titleOf(article: Article): { title?: string } {
  const title = headlineFromText(article.title ?? article.text, article.language);
  return title ? { title } : {};
}
