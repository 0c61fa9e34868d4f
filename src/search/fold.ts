import { BoundedMemo } from '../text/lemmatizer.ts';

/**
 * Accent folding for search: both the index and the query go through `foldText`, so a query
 * typed without Polish letters ("wladywostok") meets the text ("Władywostoku").
 */

// Letters NFD does not decompose (they are distinct letters, not base + mark), mapped by hand.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'l', ß: 'ss', ẞ: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i',
};
const EXTRA = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower-cased, accent-free form: NFD, combining marks dropped, ł/ß and friends mapped.
 * @example foldText('Władywostoku') // → 'wladywostoku'
 */
export function foldText(text: string): string {
  // Lower-case first: "İ" lower-cases to "i" + a combining dot, which the mark strip then drops.
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(EXTRA, (c) => EXTRA_FOLDS[c]!);
}

const folded = new BoundedMemo<string>();

/**
 * `foldText` of one word, memoised: indexing folds every word and lemma of every article
 * (src/search/terms.ts), four new strings a call, and news vocabulary repeats (Zipf).
 * @example foldWord('Władywostoku') // → 'wladywostoku'
 */
export function foldWord(word: string): string {
  return folded.get(word) ?? folded.set(word, foldText(word));
}
