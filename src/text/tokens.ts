/**
 * Tokenisation with exact offsets. Decisions (documented because other stages rely on them):
 * - A word is a run of letters/marks/digits starting with a letter; inner hyphens and apostrophes
 *   keep it whole when a letter or digit follows: "północno-wschodni", "Kim-Putin", "O'Brien",
 *   "F-16". Hyphenated compounds stay one token because Polish writes compound adjectives and
 *   double surnames that way; the lemmatiser lemmatises hyphen parts on its own.
 * - A number is digits with inner `.`, `,` or `:` groups: "1,5", "1.000", "2023", "10:30".
 *   A trailing full stop stays punctuation ("w 2019." → "2019", ".").
 * - Dotted abbreviations of short parts are one word with their dots: "m.in.", "p.n.e.", "U.S.",
 *   "e.g." (otherwise "m.in." would yield a spurious word "in"); single-part ones ("r.", "prof.")
 *   are a word plus a full stop, as in NKJP.
 * - A soft hyphen (U+00AD, left by some CMSs) stays inside its word.
 * - URLs and e-mail addresses are one `symbol` token, so their dots never look like sentence ends.
 * - "..." is one punctuation token; every other punctuation mark is its own token.
 */
import type { Span } from '../types.ts';

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  readonly text: string;
  readonly kind: TokenKind;
  /** Lower-case lemma for common words; proper-name lemmas keep their capital ("Kreml", "Władywostok"). */
  readonly lemma: string;
}

// Order matters: URL before word (so "www.x.pl" is not a word), dotted abbreviation before word,
// number before punctuation. Capture groups by number, in this order (exec allocates no `groups`
// object per token).
const URL_OR_EMAIL = String.raw`((?:https?:\/\/|www\.)[^\s<>"„”«»]+[^\s<>"„”«».,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`;
const OTHER_TOKENS = [
  String.raw`((?<![\p{L}\p{N}.])(?:\p{L}{1,3}\.){2,}(?![\p{L}\p{N}]))`, // dotted
  String.raw`(\p{L}[\p{L}\p{M}\p{N}\u00AD]*(?:['’\-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD]*)*)`, // word
  String.raw`(\p{N}+(?:[.,:]\p{N}+)*(?:['’\-‐]?\p{L}[\p{L}\p{M}]*)?)`, // number
  String.raw`(\.\.\.|\p{P})`, // punct
  String.raw`(\S)`, // symbol
];
const TOKEN = new RegExp([URL_OR_EMAIL, ...OTHER_TOKENS].join('|'), 'gu');
/**
 * The same without URLs and e-mail addresses (an empty group keeps the numbers), for text with no
 * "@", "www." or "http": there the first alternative can never match, yet it is tried at every
 * token and scans each word for an "@" — most of the tokenizer's time on ordinary prose.
 */
const TOKEN_WITHOUT_URLS = new RegExp(['((?!))', ...OTHER_TOKENS].join('|'), 'gu');
const LETTER = /\p{L}/u;

/**
 * Tokens of `text`; `offset` is added to every span (pass a sentence's start to get article offsets).
 * `lemma` is the lower-cased text until a lemmatiser fills it in (see analyzeText).
 * @example tokenize('Kim-Putin: 1,5 mln.') // → Kim-Putin, :, 1,5, mln, .
 */
export function tokenize(text: string, offset = 0): Token[] {
  const pattern = text.includes('@') || text.includes('www.') || text.includes('http') ? TOKEN : TOKEN_WITHOUT_URLS;
  pattern.lastIndex = 0;
  const tokens: Token[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // "20-latek", "5km": a number glued to letters is a word for lemmas and counting.
    const kind: TokenKind = m[2] !== undefined || m[3] !== undefined ? 'word'
      : m[4] !== undefined ? (LETTER.test(m[4]) ? 'word' : 'number')
      : m[5] !== undefined ? 'punct' : 'symbol';
    const start = offset + m.index;
    tokens.push({ text: m[0], kind, start, end: start + m[0].length, lemma: m[0].toLowerCase() });
  }
  return tokens;
}
