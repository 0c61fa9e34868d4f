/**
 * Demonyms point at their country, as BSNLP links them ("Polacy", "Brytyjczyków" → the
 * country's entity, type PER): the demonym's stem ("Pol-", "Brytyj-", "Rosj-") is the start
 * of the country's name ("Polska", "Wielka Brytania", "Rosja"). Derivation, not a table.
 */
import { loadList, loadPairs } from './resources.ts';

let endings: readonly string[] | undefined;
let countries: readonly (readonly [string, string])[] | undefined;
const cache = new Map<string, string | undefined>();

/** Shortest stem prefix compared with a country word: "Pol" (Polak) is the shortest useful one. */
const MIN_STEM = 3;
/** Compare at most this many letters: "Brytyj-" vs "Brytan-" agree on "Bryt". */
const MAX_PREFIX = 4;

/**
 * The country key (`geo-pl`) a demonym base refers to, if any.
 * @example demonymCountry('Brytyjczycy') === 'geo-gb'
 */
export function demonymCountry(base: string): string | undefined {
  if (cache.has(base)) return cache.get(base);
  endings ??= loadPairs('pl', 'entity-demonym-plurals')
    .flatMap(([singular, plural]) => [singular, plural])
    .filter((e) => e.length > 0)
    .sort((a, b) => b.length - a.length);
  // Organisations among CLDR regions (EU) are not anyone's country: "Europejczycy" ≠ the EU.
  countries ??= loadPairs('pl', 'entity-countries').filter(([code]) => !loadList('pl', 'entity-org-countries').includes(code));
  let key: string | undefined;
  const ending = endings.find((e) => base.endsWith(e) && base.length - e.length >= MIN_STEM);
  if (ending !== undefined) {
    const stem = base.slice(0, -ending.length).toLocaleLowerCase('pl');
    const prefix = stem.slice(0, MAX_PREFIX);
    let best: readonly [string, string] | undefined;
    for (const c of countries) {
      const words = c[1].toLocaleLowerCase('pl').split(/\s+/);
      if (!words.some((w) => w.startsWith(prefix))) continue;
      if (!best || c[1].length < best[1].length) best = c;
    }
    if (best) key = `geo-${best[0].toLowerCase()}`;
  }
  cache.set(base, key);
  return key;
}
