/**
 * The slice of the text layer entities need: word tokens with offsets and sentence numbers.
 * Accepts sentences from src/text (anything with start/end) and tokenises inside them itself,
 * so it does not depend on the text layer's token kinds; with no sentences given it splits
 * on end punctuation followed by a capital or a paragraph break.
 */
import { loadList } from './resources.ts';

let abbrev: ReadonlySet<string> | undefined;
/** Capitalised abbreviations that are part of names ("Wlk. Brytania", "St. Petersburg"). */
function abbreviations(): ReadonlySet<string> {
  abbrev ??= new Set(loadList('pl', 'entity-abbreviations'));
  return abbrev;
}

/** The structural minimum of a text-layer sentence. */
export interface SentenceLike {
  readonly start: number;
  readonly end: number;
}

export interface WordToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** First word of its sentence, or first after an opening quote / dash / colon. */
  readonly initial: boolean;
}

// Initialisms with their dots ("U.S.", "U.K."); letters with inner hyphen/apostrophe; digits as
// their own tokens ("Nord Stream 2").
// A number after a hyphen stays in the word: "COVID-19", "F-16", "Su-27".
const WORD = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*(?:-\d+(?![\d.,]\d))?\.?|\d+/gu;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const SENTENCE_END = /[.!?…]["”»)]*\s+(?=["„«(]?[\p{Lu}\d])|\n\s*\n/gu;

/** Split into sentences when the caller has none. */
export function splitSentences(text: string): SentenceLike[] {
  const out: SentenceLike[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    // "m.in. Kim", "W. Brytania", "ul. Wiejska": an initial or a listed abbreviation is not an end
    // (but "r." and acronyms like "UE." often are, so they are not listed).
    const before = text.slice(Math.max(start, m.index - 8), m.index + 1);
    if (m[0].trim() !== '' && (/(^|[\s(])\p{Lu}\.$/u.test(before) || abbreviations().has(/[\p{L}.]+\.$/u.exec(before)?.[0] ?? ''))) continue;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** What before a word starts a new utterance: an opening quote, a colon, a dash, a line break. */
const BREAK_BEFORE = /[„"«:–—]\s*$|\s-\s*$|^-\s*$|\n/;

/** Word tokens of the whole text, numbered by sentence. */
export function wordTokens(text: string, sentences: readonly SentenceLike[]): WordToken[] {
  const out: WordToken[] = [];
  sentences.forEach((s, index) => {
    let initial = true;
    let last = s.start;
    const slice = text.slice(s.start, s.end);
    // exec on the shared regex rather than matchAll, which copies the regex and makes an iterator
    // per sentence (nothing in the loop runs WORD meanwhile).
    WORD.lastIndex = 0;
    for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
      let word = m[0];
      const start = s.start + m.index;
      // A trailing dot belongs to the word only for initials ("W. Brytania", "J. Kowalski", "U.S.").
      if (word.endsWith('.') && !INITIALS.test(word) && !abbreviations().has(word)) word = word.slice(0, -1);
      const gap = text.slice(last, start);
      // After an opening quote, a colon, a dash (also a spaced hyphen " - ") or a line break.
      if (BREAK_BEFORE.test(gap) && out.length > 0) initial = true;
      out.push({ text: word, start, end: start + word.length, sentence: index, initial });
      initial = false;
      last = start + word.length;
    }
  });
  return out;
}
