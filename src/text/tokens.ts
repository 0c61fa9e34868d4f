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
// number before punctuation.
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"„”«»]+[^\s<>"„”«».,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`(?<dotted>(?<![\p{L}\p{N}.])(?:\p{L}{1,3}\.){2,}(?![\p{L}\p{N}]))`,
    String.raw`(?<word>\p{L}[\p{L}\p{M}\p{N}\u00AD]*(?:['’\-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD]*)*)`,
    String.raw`(?<number>\p{N}+(?:[.,:]\p{N}+)*(?:['’\-‐]?\p{L}[\p{L}\p{M}]*)?)`,
    String.raw`(?<punct>\.\.\.|\p{P})`,
    String.raw`(?<symbol>\S)`,
  ].join('|'),
  'gu',
);

/**
 * Tokens of `text`; `offset` is added to every span (pass a sentence's start to get article offsets).
 * `lemma` is the lower-cased text until a lemmatiser fills it in (see analyzeText).
 * @example tokenize('Kim-Putin: 1,5 mln.') // → Kim-Putin, :, 1,5, mln, .
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    // "20-latek", "5km": a number glued to letters is a word for lemmas and counting.
    const kind: TokenKind = g.word !== undefined || g.dotted !== undefined ? 'word'
      : g.number !== undefined ? (/\p{L}/u.test(g.number) ? 'word' : 'number')
      : g.punct !== undefined ? 'punct' : 'symbol';
    const start = offset + m.index;
    tokens.push({ text: m[0], kind, start, end: start + m[0].length, lemma: m[0].toLowerCase() });
  }
  return tokens;
}
