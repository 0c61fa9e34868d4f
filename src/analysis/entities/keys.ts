/**
 * Language-neutral entity keys. A key must be equal for "Władimir Putin" / "Vladimir Putin",
 * "Dmitrij Pieskow" / "Dymitri Pieskow" / "Dmitry Peskov", "Pjongjang" / "Pyongyang", and
 * for a Western name written the same in both languages ("Jake Sullivan"). So one
 * language-independent normalisation: spelling classes (resources/pl/entity-transliteration.txt:
 * sz/sh → S, cz/ch/kh → C, dz/dż → J, v → w …), then a consonant skeleton, because vowels
 * and the semivowel j/y vary most between romanisations (Dmitrij/Dymitri, Pjong/Pyong).
 */
import type { Language } from '../../types.ts';
import { isAcronym } from './base-form.ts';
import { loadPairs } from './resources.ts';

let classes: readonly (readonly [string, string])[] | undefined;
/** Names recur across a stream ("Putin" in every other article): each word is normalised once. */
const skeletons = new Map<string, string>();
const MAX_SKELETONS = 100_000;

/** Consonant skeleton of one word: "Dmitrij" → "dmtr", "Władimir" → "wldmr", "Szojgu" → "Sg". */
function skeleton(word: string): string {
  let done = skeletons.get(word);
  if (done === undefined) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.clear();
    skeletons.set(word, (done = computeSkeleton(word)));
  }
  return done;
}

function computeSkeleton(word: string): string {
  // An acronym is spelled out letter by letter, not transliterated, and it must not meet a
  // name word of the same letters ("UN" vs the surname "Un", "ONZ" vs "Onz"): it keeps its
  // capitals, so it differs from the lower-case skeleton of a normal word.
  if (isAcronym(word)) return word.normalize('NFD').replace(/[^\p{Lu}\p{N}]/gu, '');
  classes ??= loadPairs('pl', 'entity-transliteration');
  let w = word.toLocaleLowerCase('pl');
  // j and y are consonants only at the start of a word (Jong, Yoon); elsewhere they are the
  // semivowel of Pjongjang/Pyongyang and Dmitrij/Dmitry, which romanisations drop or swap.
  w = w.replace(/^[jy](?=[aeiouąęóy])/u, 'J');
  for (const [from, to] of classes) w = w.split(from).join(to);
  w = w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-zA-Z0-9]/g, '');
  if (w.length <= 2 || /^[0-9]+$/.test(w)) return w.toLowerCase();
  const body = w[0]! + w.slice(1).replace(/[aeiouyj]/g, '');
  return body.replace(/(.)\1+/g, '$1');
}

/**
 * The key of a name. The language is accepted for symmetry with the other stages; the
 * normalisation is deliberately the same for every language.
 * @example nameKey('Władimir Putin', 'pl') === nameKey('Vladimir Putin', 'en')
 */
export function nameKey(name: string, _language: Language): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map(skeleton)
    .join('-');
}
