/**
 * English lemmas through wink-lemmatizer (WordNet exception lists + suffix rules). Without part
 * of speech tags we pick: a changed noun reading (plurals: "children" → "child") first, then a
 * changed verb reading ("said" → "say", "meeting" → "meet"), then the adjective ("bigger" → "big").
 * Capitalised words inside a sentence are treated as names and keep their form.
 */
import { createRequire } from 'node:module';
import { BoundedMemo, isCapitalised, type LemmaContext, type Lemmatizer } from './lemmatizer.ts';

interface Wink {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

const wink = createRequire(import.meta.url)('wink-lemmatizer') as Wink;

function commonLemma(lower: string): string {
  const bare = lower.replace(/['’]s$/, '');
  const noun = wink.noun(bare);
  if (noun !== bare) return noun;
  const verb = wink.verb(bare);
  if (verb !== bare) return verb;
  return wink.adjective(bare);
}

export function createEnglishLemmatizer(): Lemmatizer {
  const memo = new BoundedMemo<string>();
  return {
    lemma(word: string, context?: LemmaContext): string {
      const key = context?.sentenceInitial ? `^${word}` : word;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const lower = word.toLowerCase();
      // A capital inside a sentence (or an all-caps acronym) marks a name: keep it.
      const name = isCapitalised(word) && (!context?.sentenceInitial || word !== word.charAt(0) + word.slice(1).toLowerCase() || commonLemma(lower) === lower && !isEnglishWord(lower));
      return memo.set(key, name ? word.replace(/['’]s$/, '') : commonLemma(lower));
    },
    candidates(word: string): string[] {
      const lower = word.toLowerCase();
      return [...new Set([wink.noun(lower), wink.verb(lower), wink.adjective(lower)])].filter((l) => l !== lower || isEnglishWord(lower));
    },
    knows(word: string): boolean {
      return isEnglishWord(word.toLowerCase());
    },
  };
}

/** wink has no lexicon lookup; a word is "known" when some reading changes it or it is a closed-class word. */
function isEnglishWord(lower: string): boolean {
  return wink.noun(lower) !== lower || wink.verb(lower) !== lower || wink.adjective(lower) !== lower;
}
