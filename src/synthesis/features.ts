/**
 * Per-sentence features every synthesis step shares: weighted content stems and entity keys
 * (for "same claim?" and "redundant?"), digits, epistemic status, and whether the sentence can
 * stand alone in a summary. Built once per story so later steps stay cheap.
 */
import type { Article } from '../types.ts';
import type { EpistemicStatus, InputMention, InputQuote, InputSentence, InputTime, SynthesisArticle } from './input.ts';
import { synthesisLexicon, type SynthesisLexicon } from './resources.ts';

/**
 * Content words are compared by their first STEM_LENGTH letters when no lemma merges them:
 * Polish inflection lives in the last 1–3 letters ("pocisków"/"pocisk", "milionów"/"milion").
 * 6 merged the seed paraphrases without merging unrelated words on the seeds (2026-11, by eye).
 */
const STEM_LENGTH = 6;
/** Fewer words than this reads as a fragment or headline, not a summary sentence. */
const MIN_SUMMARY_WORDS = 6;
/**
 * More words than this is usually two sentences the splitter could not part (a report glued to
 * the dash speech after it); such a sentence is still a claim but too long for the summary.
 * The seeds' longest clean sentences run to ~40 words (2026-11).
 */
const MAX_SUMMARY_WORDS = 45;

export interface SentenceFeatures {
  /** Position in `StoryFeatures.sentences`. */
  readonly id: number;
  readonly articleIndex: number;
  readonly article: Article;
  readonly sentence: InputSentence;
  readonly language: Article['language'];
  /** Content stems and `e:<entity key>` features. */
  readonly terms: ReadonlySet<string>;
  readonly entityKeys: ReadonlySet<string>;
  readonly mentions: readonly InputMention[];
  readonly times: readonly InputTime[];
  readonly quotes: readonly InputQuote[];
  /** Lower-cased words, in order (for cue matching). */
  readonly words: readonly string[];
  /** Lemmas (or lower-cased words when the text layer gave none), parallel to `words`. */
  readonly lemmas: readonly string[];
  /** Start offsets of `words` in the article text. */
  readonly wordStarts: readonly number[];
  /** `words` as written (case kept). */
  readonly surfaces: readonly string[];
  readonly digits: readonly { readonly value: string; readonly unit: string }[];
  readonly epistemic: EpistemicStatus;
  /** Position of the sentence in its article, 0 = lead, 1 = last. */
  readonly position: number;
  readonly standalone: boolean;
  /** Standalone, short enough and free of glued dash speech: may be a summary sentence. */
  readonly summarisable: boolean;
}

export interface StoryFeatures {
  readonly sentences: readonly SentenceFeatures[];
  /** Inverse document frequency of each term over the story's sentences. */
  readonly idf: ReadonlyMap<string, number>;
  readonly byArticle: readonly (readonly SentenceFeatures[])[];
}

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

export function stemOf(word: string): string {
  return lower(word).slice(0, STEM_LENGTH);
}

interface WordToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly lemma?: string;
}

function wordTokens(sentence: InputSentence): WordToken[] {
  if (sentence.tokens.length > 0) return sentence.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  // Hand-built analyses may leave tokens out; split on letters and digits.
  return [...sentence.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    text: m[0],
    start: sentence.start + m.index,
    end: sentence.start + m.index + m[0].length,
  }));
}

const TERMINAL = /[.!?…]["”»']?\s*$/;

/** Headlines glued into the text, dash/quote speech and credits do not stand alone. */
function isStandalone(text: string, wordCount: number, headline: boolean): boolean {
  if (headline || wordCount < MIN_SUMMARY_WORDS) return false;
  if (/^[\s\-–—„"«»'”]/.test(text)) return false;
  if (!TERMINAL.test(text)) return false;
  return /^\p{Lu}/u.test(text.trim()) || /^\p{N}/u.test(text.trim());
}

function sentenceFeatures(
  a: SynthesisArticle,
  articleIndex: number,
  sentence: InputSentence,
  id: number,
  lexicon: SynthesisLexicon,
  mentionsBySentence: Map<number, InputMention[]>,
  timesBySentence: Map<number, InputTime[]>,
  quotesBySentence: Map<number, InputQuote[]>,
  statusBySentence: Map<number, EpistemicStatus>,
  headlineParagraphs: ReadonlySet<number>,
): SentenceFeatures {
  const tokens = wordTokens(sentence);
  const words = tokens.map((t) => lower(t.text));
  const terms = new Set<string>();
  const digits: { value: string; unit: string }[] = [];
  const mentions = mentionsBySentence.get(sentence.index) ?? [];
  // Words inside a mention count once, as its entity key: as stems too ("Putinem" → "putine")
  // they would make every sentence naming the participants look alike.
  const inMention = (t: WordToken): boolean => mentions.some((m) => m.start <= t.start && t.end <= m.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inMention(t)) continue;
    if (/^\p{N}+$/u.test(t.text)) {
      const next = words[i + 1];
      digits.push({ value: t.text, unit: next ? stemOf(next) : '' });
      terms.add(`n:${t.text}`);
      continue;
    }
    const lemma = lower(t.lemma ?? t.text);
    if (lemma.length < 3 || lexicon.stopwords.has(lemma) || lexicon.stopwords.has(words[i]!)) continue;
    terms.add(stemOf(lemma));
  }
  const entityKeys = new Set(mentions.map((m) => m.key));
  for (const key of entityKeys) terms.add(`e:${key}`);
  const count = a.sentences.length;
  const text = a.article.text.slice(sentence.start, sentence.end);
  const standalone = isStandalone(text, words.length, headlineParagraphs.has(sentence.paragraph));
  return {
    id,
    articleIndex,
    article: a.article,
    sentence,
    language: a.article.language,
    terms,
    entityKeys,
    mentions,
    times: timesBySentence.get(sentence.index) ?? [],
    quotes: quotesBySentence.get(sentence.index) ?? [],
    words,
    lemmas: tokens.map((t, i) => (t.lemma ? lower(t.lemma) : words[i]!)),
    wordStarts: tokens.map((t) => t.start),
    surfaces: tokens.map((t) => t.text),
    digits,
    epistemic: statusBySentence.get(sentence.index) ?? 'asserted',
    position: count > 1 ? sentence.index / (count - 1) : 0,
    standalone,
    summarisable: standalone && words.length <= MAX_SUMMARY_WORDS && !/[.!?]["”]?\s+[-–—]\s/.test(text),
  };
}

function groupBySentence<T extends { readonly sentence: number }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.sentence);
    if (list) list.push(item);
    else map.set(item.sentence, [item]);
  }
  return map;
}

/**
 * Paragraphs that end without terminal punctuation are headlines scraped into the body
 * ("Władimir Putin spotkał się z Kim Dzong Unem. Mieli rozmawiać o…"): none of their sentences
 * stands alone, even one that happens to end with a full stop.
 */
function headlineParagraphs(a: SynthesisArticle): Set<number> {
  const last = new Map<number, InputSentence>();
  for (const s of a.sentences) last.set(s.paragraph, s);
  const out = new Set<number>();
  for (const [paragraph, s] of last) if (!TERMINAL.test(a.article.text.slice(s.start, s.end))) out.add(paragraph);
  return out;
}

/** Features of every sentence of a story, with term weights over the whole story. */
export function storyFeatures(articles: readonly SynthesisArticle[]): StoryFeatures {
  const sentences: SentenceFeatures[] = [];
  const byArticle: SentenceFeatures[][] = [];
  articles.forEach((a, articleIndex) => {
    const lexicon = synthesisLexicon(a.article.language);
    const mentions = groupBySentence(a.mentions);
    const times = groupBySentence(a.times);
    const quotes = groupBySentence(a.quotes);
    const statuses = new Map(a.statuses.map((s) => [s.sentence, s.status] as const));
    const own: SentenceFeatures[] = [];
    const headlines = headlineParagraphs(a);
    for (const sentence of a.sentences) {
      const f = sentenceFeatures(a, articleIndex, sentence, sentences.length, lexicon, mentions, times, quotes, statuses, headlines);
      sentences.push(f);
      own.push(f);
    }
    byArticle.push(own);
  });
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  const n = sentences.length;
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return { sentences, idf, byArticle };
}

/** Cosine similarity of two sentences' idf-weighted term sets. */
export function similarity(a: SentenceFeatures, b: SentenceFeatures, idf: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of a.terms) {
    const w = idf.get(t) ?? 0;
    na += w * w;
    if (b.terms.has(t)) dot += w * w;
  }
  for (const t of b.terms) {
    const w = idf.get(t) ?? 0;
    nb += w * w;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
