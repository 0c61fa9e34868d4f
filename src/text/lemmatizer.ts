/** The lemmatiser contract shared by the language back-ends (see index.ts for the public API). */
export interface LemmaContext {
  /** The token starts its sentence, so a capital may be only positional. */
  readonly sentenceInitial?: boolean;
}

export interface Lemmatizer {
  /** Best lemma. `sentenceInitial` tells a capital may be only positional. */
  lemma(word: string, context?: LemmaContext): string;
  /** All dictionary analyses (lemma candidates), empty when unknown. */
  candidates(word: string): string[];
  /** True when the dictionary knows the form (any case). */
  knows(word: string): boolean;
}

/** Upper bound on memoised word forms per lemmatiser: ~100k forms ≈ a few MB, covers a news corpus' vocabulary. */
export const LEMMA_MEMO_LIMIT = 100_000;

/**
 * A bounded memo: when full it is cleared rather than evicted one by one, which keeps the hot
 * path to a single Map lookup; news vocabulary is Zipfian, so the hot forms come back at once.
 */
export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = LEMMA_MEMO_LIMIT) {}
  get(key: string): V | undefined { return this.map.get(key); }
  set(key: string, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/**
 * `lemma()` for a lemmatiser: memoised per word form, and per position, since a sentence-initial
 * capital says less than one inside a sentence.
 */
export function memoisedLemma(lemmaOf: (word: string, sentenceInitial: boolean) => string): Lemmatizer['lemma'] {
  const memo = new BoundedMemo<string>();
  return (word, context) => {
    const initial = context?.sentenceInitial === true;
    const key = initial ? `^${word}` : word;
    const hit = memo.get(key);
    return hit !== undefined ? hit : memo.set(key, lemmaOf(word, initial));
  };
}

/** Polish/English capital check on the first character. */
export function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
