/**
 * Language identification for Polish and English articles. `eld` (n-gram detector) decides
 * longer texts; very short ones, where n-grams are unreliable, fall back to Polish diacritics
 * and the function words in resources/<lang>/language-id.txt. Anything else is 'und'.
 */
import { eld } from 'eld/extrasmall';
import { loadResource } from '../resources.ts';
import type { Language } from '../types.ts';

/**
 * Below this many letters eld's answer is not trusted (eld README, XS database: single words 67 %,
 * sentences 98.7 %; a short sentence is about 40 letters). XS loads in half the time of S/M.
 */
export const MIN_LETTERS_FOR_NGRAMS = 40;
/** eld reads only so much text; 2,000 characters decide any real article and keep it fast. */
const SAMPLE_CHARS = 2000;

const POLISH_LETTERS = /[ąćęłńóśźż]/giu;

let functionWords: Map<string, Language> | undefined;
function wordLanguages(): Map<string, Language> {
  if (!functionWords) {
    functionWords = new Map();
    for (const lang of ['pl', 'en'] as const) {
      for (const word of loadResource(lang, 'language-id')) functionWords.set(word.toLowerCase(), lang);
    }
  }
  return functionWords;
}

/** Cheap vote for very short texts: function words, plus Polish-only letters. */
function guessShort(text: string): Language {
  let pl = (text.match(POLISH_LETTERS) ?? []).length > 0 ? 1 : 0;
  let en = 0;
  const words = wordLanguages();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const lang = words.get(word);
    if (lang === 'pl') pl++;
    else if (lang === 'en') en++;
  }
  if (pl === en) return 'und';
  return pl > en ? 'pl' : 'en';
}

/**
 * Detects whether a text is Polish or English.
 * @example detectLanguage('Kim Dzong Un jest już w Rosji.') // → 'pl'
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return 'und';
  if (letters < MIN_LETTERS_FOR_NGRAMS) return guessShort(sample);
  const result = eld.detect(sample);
  if (result.language === 'pl' || result.language === 'en') return result.language;
  // Another language reliably detected: not ours. Otherwise let the cheap vote try.
  return result.isReliable() ? 'und' : guessShort(sample);
}
