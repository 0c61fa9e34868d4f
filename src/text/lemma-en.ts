/**
 * English lemmas through wink-lemmatizer (WordNet's Morphy: exception lists + suffix rules).
 * Without part-of-speech tags we pick a changed noun reading first (plurals: "children" → "child"),
 * then a changed verb reading ("said" → "say"), then the adjective ("bigger" → "big").
 * Capitalised words inside a sentence and acronyms are names and keep their form; a
 * sentence-initial capital is folded when the word is a known common word (WordNet base forms
 * from wink-lexicon, plus resources/en/function-words.txt for the closed classes WordNet omits).
 */
import { createRequire } from 'node:module';
import { loadResource } from '../resources.ts';
import { isCapitalised, memoisedLemma, type Lemmatizer } from './lemmatizer.ts';

interface Wink {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

const require = createRequire(import.meta.url);
// Both are read on first use, not at import: they take ~0.2 s, and commands that only read the
// store (kronika stories) import this module without lemmatising any English.
let winkModule: Wink | undefined;
const wink = (): Wink => (winkModule ??= require('wink-lemmatizer') as Wink);
/** WordNet base forms → index; wink-lemmatizer's own dependency, so always installed with it. */
let wordNetIndex: Record<string, number> | undefined;
const wordNetHas = (word: string): boolean =>
  Object.hasOwn(wordNetIndex ??= require('wink-lexicon/src/wn-words.js') as Record<string, number>, word);

const POSSESSIVE = /['’]s$/;

function readings(lower: string): string[] {
  const w = wink();
  return [w.noun(lower), w.verb(lower), w.adjective(lower)];
}

function commonLemma(lower: string): string {
  const [noun, verb, adjective] = readings(lower);
  if (noun !== lower) return noun;
  if (verb !== lower) return verb;
  return adjective;
}

export function createEnglishLemmatizer(): Lemmatizer {
  const functionWords = new Set(loadResource('en', 'function-words'));
  const known = (lower: string): boolean =>
    functionWords.has(lower) || wordNetHas(lower) || readings(lower).some(wordNetHas);

  const lemmaOf = (word: string, sentenceInitial: boolean): string => {
    const bare = word.replace(POSSESSIVE, '');
    const lower = bare.toLowerCase();
    if (!isCapitalised(bare)) return commonLemma(lower);
    const acronym = bare.length > 1 && bare === bare.toUpperCase();
    if (!sentenceInitial || acronym || !known(lower)) return bare;
    return commonLemma(lower);
  };

  return {
    lemma: memoisedLemma(lemmaOf),
    candidates(word: string): string[] {
      const lower = word.replace(POSSESSIVE, '').toLowerCase();
      return known(lower) ? [...new Set(readings(lower).filter((r) => r !== lower || wordNetHas(r) || functionWords.has(r)))] : [];
    },
    knows(word: string): boolean {
      return known(word.replace(POSSESSIVE, '').toLowerCase());
    },
  };
}
