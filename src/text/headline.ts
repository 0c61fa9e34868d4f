/**
 * Headlines made from running text: an untitled article's first sentence, and a long sentence
 * shortened to fit a title. Both go by the sentence splitter and its abbreviation lists
 * (sentences.ts, resources/<lang>/abbreviations.txt), so a headline never stops inside an
 * abbreviation ("…referendum ws.", "…w W.") and a cut never ends on one.
 */
import type { Language } from '../types.ts';
import { endsWithAbbreviation, splitSentences } from './sentences.ts';

/** Enough text for any opening sentence a title would use; the segmenter never sees a whole article. */
const LEAD_CHARS = 600;

/**
 * The text's first sentence, whitespace collapsed, shortened to `max` characters.
 * @example firstSentence('Referendum ws. Brexitu odbyło się w czerwcu. Potem…', 'pl', 160) // → 'Referendum ws. Brexitu odbyło się w czerwcu.'
 */
export function firstSentence(text: string, language: Language, max: number): string | undefined {
  const lead = text.trimStart().slice(0, LEAD_CHARS);
  const first = splitSentences(lead, language)[0];
  return first ? shorten(lead.slice(first.start, first.end).replace(/\s+/g, ' '), max, language) : undefined;
}

/** A cut may not end on an abbreviation, an initial, or a one-letter word ("w", "z", "i" lead on). */
function dangles(kept: string, language: Language): boolean {
  return endsWithAbbreviation(kept, language) || /(?:^|\s)\p{L}$/u.test(kept);
}

/**
 * `text` when it fits in `max` characters, else cut at the last word boundary that fits and is not
 * right after an abbreviation, an initial or a one-letter word, marked with "…".
 * @example shorten('Marsz z żądaniem powtórki referendum ws. Brexitu', 44, 'pl') // → 'Marsz z żądaniem powtórki referendum…'
 */
export function shorten(text: string, max: number, language: Language): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  let end = room.lastIndexOf(' ');
  while (end > 0 && dangles(room.slice(0, end), language)) end = room.lastIndexOf(' ', end - 1);
  const kept = end > 0 ? room.slice(0, end) : room;
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`;
}
