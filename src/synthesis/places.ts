/**
 * Place names as synthesis compares them: a folded signature so inflected and base forms meet
 * ("Władywostoku" ↔ "Władywostok"), aliases folded onto one name, and containment (a city in its
 * region, a country in its continent) from resources/<lang>/synthesis-places.txt. Shared by the
 * features (place lists), the conflicts and the eval.
 */
import type { Language } from '../types.ts';
import { loadResource } from '../resources.ts';
import { foldText } from '../search/fold.ts';
import { keyedLines, keyedWords, synthesisLexicon, perLanguage } from './resources.ts';

/** Place names fold as search folds them (src/search/fold.ts): "Płn." → "pln.". */
const fold = foldText;

/**
 * Folded four-letter prefixes per word, a final vowel dropped first, so inflected and base forms
 * of a place name meet: "Dalekim Wschodzie Rosji" ↔ "Daleki Wschód Rosji", "Władywostoku" ↔
 * "Władywostok", "Ust-Ługi" ↔ "Ust-Ługa".
 */
export function placeSignature(name: string): string {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => abbreviations().get(w) ?? w)
    // A case ending is a final vowel; a four-letter name inflects inside its prefix ("Ługa"/"Ługi").
    .map((w) => (w.length >= 4 ? w.replace(/[aeiouy]$/u, '') : w).slice(0, 4))
    .join(' ');
}

let abbreviationCache: Map<string, string> | undefined;

/**
 * Abbreviated words of place names, folded ("pln" → "polnocna"): "Irlandia Płn." is "Irlandia
 * Północna". From the `place-abbreviation` lines of resources/pl/conflict-grammar.txt.
 */
function abbreviations(): ReadonlyMap<string, string> {
  if (!abbreviationCache) {
    abbreviationCache = new Map();
    for (const pair of keyedWords(keyedLines('pl', 'conflict-grammar'), 'place-abbreviation')) {
      const [short, full] = pair.split('=') as [string, string];
      abbreviationCache.set(fold(short).replace(/\.$/u, ''), fold(full));
    }
  }
  return abbreviationCache;
}

interface PlaceNames {
  /** Signature → the resource's base form. */
  readonly known: ReadonlyMap<string, string>;
  /** Signature of an alias → signature of its canonical name. */
  readonly aliases: ReadonlyMap<string, string>;
  /** The entity layer's short names and exonyms ("Wlk. Brytania" → "Wielka Brytania"), folded first. */
  readonly entityAliases: ReadonlyMap<string, string>;
}

export const placeNames = perLanguage((lang): PlaceNames => {
    const lexicon = synthesisLexicon(lang);
    const known = new Map<string, string>();
    for (const pair of lexicon.placeParents) for (const name of pair) known.set(placeSignature(name), name);
    const aliases = new Map(lexicon.placeAliases.map(([alias, canonical]) => [placeSignature(alias), placeSignature(canonical)] as const));
    // One list of short names for the entity layer and synthesis: an abbreviation the entity layer
    // knows is one name ("Wlk. Brytania") must not read as a second place in a conflict.
    const entityAliases = new Map<string, string>();
    for (const line of loadResource('pl', 'entity-aliases')) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const canonical = line.slice(eq + 1).split('|')[0]!.trim();
      entityAliases.set(placeSignature(line.slice(0, eq).trim()), placeSignature(canonical));
    }
    return { known, aliases, entityAliases };
});

/** The identity of a place name: its signature, aliases folded onto their canonical name (also used by eval). */
export function placeKey(name: string, language: Language): string {
  const cacheKey = `${language}\u0000${name}`;
  let key = keyCache.get(cacheKey);
  if (key === undefined) {
    const names = placeNames(language);
    const raw = placeSignature(name);
    // Entity aliases first, then synthesis aliases: both lists may name one place differently
    // ("USA = Stany Zjednoczone" there, "Stany Zjednoczone → USA" here), and this order ends in one key.
    const signature = names.entityAliases.get(raw) ?? raw;
    key = names.aliases.get(signature) ?? signature;
    if (keyCache.size > MAX_CACHED_KEYS) keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}

/** Place keys are asked for the same few names over and over (NFD folding is the cost). */
const keyCache = new Map<string, string>();
const MAX_CACHED_KEYS = 50_000;
