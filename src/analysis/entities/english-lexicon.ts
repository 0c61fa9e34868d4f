/**
 * English words that are never names at the start of a run: those whose first part-of-speech
 * reading in wink-lexicon (Penn tags, most frequent first; a dependency of wink-lemmatizer) is
 * a function word or an adverb ("Later Hamas said", "Meanwhile Pfizer …"). Nouns and adjectives
 * are left alone: "Real Madrid", "New Jersey", "General Motors" start with one.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let lexicon: Readonly<Record<string, readonly string[]>> | undefined;

const FUNCTION_TAGS: ReadonlySet<string> = new Set(['RB', 'RBR', 'RBS', 'WRB', 'CC', 'IN', 'DT', 'PDT', 'PRP', 'PRP$', 'WDT', 'WP', 'MD', 'EX', 'TO', 'UH']);

/** @example isFunctionWordOrAdverb('Later') === true; isFunctionWordOrAdverb('Real') === false */
export function isFunctionWordOrAdverb(word: string): boolean {
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, readonly string[]>;
  const lower = word.toLowerCase();
  const tags = Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined;
  return tags !== undefined && FUNCTION_TAGS.has(tags[0]!);
}
