/**
 * Demonyms point at their country, as BSNLP links them ("Polacy", "Brytyjczyków" → the
 * country's entity, type PER), in both languages, so "Rosjanie", "Russian" and "Russia" share
 * `geo-ru`. Derivation from the CLDR country names, not a table of every demonym:
 * - Polish: the demonym's stem ("Pol-", "Brytyj-", "Rosj-") is the start of the country's name
 *   ("Polska", "Wielka Brytania", "Rosja");
 * - English: suffix rules turn the country name into its demonym ("Russia" → "Russian", "North
 *   Korea" → "North Korean", "Japan" → "Japanese"; resources/en/entity-demonym-rules.txt), plus
 *   the irregular ones (resources/en/entity-demonyms.txt: "French", "Dutch", "Swiss").
 */
import type { Language } from '../../types.ts';
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
 * @example demonymCountry('Brytyjczycy', 'pl') === 'geo-gb'
 * @example demonymCountry('North Korean', 'en') === 'geo-kp'
 */
export function demonymCountry(base: string, language: Language): string | undefined {
  if (language === 'en') return englishDemonyms().get(base);
  if (cache.has(base)) return cache.get(base);
  endings ??= loadPairs('pl', 'entity-demonym-plurals')
    .flatMap(([singular, plural]) => [singular, plural])
    .filter((e) => e.length > 0)
    .sort((a, b) => b.length - a.length);
  countries ??= nationCountries('pl');
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

/** Organisations among CLDR regions (EU) are not anyone's country: "Europejczycy" ≠ the EU. */
function nationCountries(language: Language): readonly (readonly [string, string])[] {
  const organisations = loadList('pl', 'entity-org-countries');
  return loadPairs(language, 'entity-countries').filter(([code]) => !organisations.includes(code));
}

let english: ReadonlyMap<string, string> | undefined;

/**
 * English demonym → country key: the listed irregular forms first, then every rule's form of
 * every country name (on the last word: "South Africa" → "South African"), earlier rules first;
 * each form also with its plural "-s" ("Russians", "Israelis"), which no form ending in "s" takes.
 */
function englishDemonyms(): ReadonlyMap<string, string> {
  if (english) return english;
  const map = new Map<string, string>();
  const add = (form: string, code: string) => {
    const key = `geo-${code.toLowerCase()}`;
    for (const f of form.endsWith('s') ? [form] : [form, `${form}s`]) if (!map.has(f)) map.set(f, key);
  };
  const countries = nationCountries('en');
  const names = new Set(countries.map(([, name]) => name));
  for (const [form, code] of loadPairs('en', 'entity-demonyms')) add(form, code);
  for (const [ending, replacement] of loadPairs('en', 'entity-demonym-rules')) {
    for (const [code, name] of countries) {
      if (!name.endsWith(ending)) continue;
      const stem = name.slice(0, name.length - ending.length);
      const form = stem + replacement;
      // A form that is some country's own name is that country, not a demonym.
      if (stem.length >= MIN_STEM && !names.has(form)) add(form, code);
    }
  }
  english = map;
  return map;
}
