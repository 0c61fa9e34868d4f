/**
 * Known names: countries (CLDR, Polish and English) and aliases/exonyms. A phrase matches an
 * entry when every token shares a dictionary lemma with the entry's token, so inflected
 * "Stanach Zjednoczonych" finds "Stany Zjednoczone" and "Korei Północnej" finds
 * "Korea Północna" without listing case forms. Countries get `geo-<iso>` keys; other listed
 * names (resources/pl/entity-known-names.txt) carry only their type.
 */
import type { EntityType, Language } from '../../types.ts';
import { nameNominatives } from './base-form.ts';
import { nameKey } from './keys.ts';
import { tokenInfo } from './morphology.ts';
import { loadList, loadPairs } from './resources.ts';

export interface KnownName {
  /** The entry as written: the base form of a mention that matched it. */
  readonly name: string;
  readonly key: string;
  readonly type: EntityType;
  readonly tokens: readonly (readonly string[])[];
}

interface Gazetteer {
  readonly byFirst: Map<string, KnownName[]>;
  readonly maxTokens: number;
}

const built = new Map<Language, Gazetteer>();

/** Polish lemma readings per word: names recur across articles, their analysis need not. */
const polishLemmas = new Map<string, readonly string[]>();
const MAX_CACHED = 100_000;

function lemmasOf(word: string, language: Language): readonly string[] {
  if (language !== 'pl') return [word.toLowerCase()];
  let lemmas = polishLemmas.get(word);
  if (lemmas === undefined) {
    if (polishLemmas.size >= MAX_CACHED) polishLemmas.clear();
    polishLemmas.set(word, (lemmas = polishLemmasOf(word)));
  }
  return lemmas;
}

function polishLemmasOf(word: string): readonly string[] {
  const info = tokenInfo(word);
  // A word the dictionary does not know is matched through the nominatives its case ending
  // allows ("Brexitu" → "Brexit"), so an inflected listed name is found inside a longer run.
  if (info.proper || info.common || !/^\p{Lu}\p{Ll}/u.test(word)) return info.lemmas;
  return [...info.lemmas, ...nameNominatives(word).map((n) => n.toLocaleLowerCase('pl'))];
}

function words(name: string): string[] {
  return name.split(/\s+/).filter((w) => w.length > 0);
}

function gazetteer(language: Language): Gazetteer {
  let g = built.get(language);
  if (g) return g;
  const byFirst = new Map<string, KnownName[]>();
  let maxTokens = 1;
  const countryKey = new Map<string, string>();
  const add = (name: string, key: string, type: EntityType) => {
    const ws = words(name);
    const tokens = ws.map((w) => lemmasOf(w, language));
    const entry: KnownName = { name, key, type, tokens };
    for (const first of tokens[0] ?? []) {
      const list = byFirst.get(first) ?? [];
      if (!list.some((e) => e.name === name)) list.push(entry);
      byFirst.set(first, list);
    }
    maxTokens = Math.max(maxTokens, ws.length);
  };
  const orgCodes = new Set(loadList('pl', 'entity-org-countries'));
  for (const lang of ['pl', 'en'] as const) {
    for (const [code, name] of loadPairs(lang, 'entity-countries')) {
      const key = `geo-${code.toLowerCase()}`;
      countryKey.set(name.toLowerCase(), key);
      if (lang === language) add(name, key, orgCodes.has(code) ? 'ORG' : 'LOC');
    }
  }
  for (const [variant, value] of loadPairs('pl', 'entity-aliases')) {
    const [canonical, typed] = value.split('|').map((x) => x.trim()) as [string, string | undefined];
    const key = countryKey.get(canonical.toLowerCase()) ?? nameKey(canonical, 'pl');
    const type: EntityType = (typed as EntityType | undefined)
      ?? (countryKey.has(canonical.toLowerCase()) && !key.endsWith('-eu') ? 'LOC' : 'ORG');
    add(variant, key, type);
    add(canonical, key, type);
  }
  // Names typed by kind (cities, agencies, media, companies, events) in resources/pl, keyed like
  // any other name so their mentions group with unlisted spellings.
  for (const [name, type] of loadPairs('pl', 'entity-known-names')) add(name, nameKey(name, 'pl'), type as EntityType);
  g = { byFirst, maxTokens };
  built.set(language, g);
  return g;
}

/** The longest known name starting at `words[0]`, with how many words it covers. */
export function matchKnown(tokens: readonly string[], language: Language): { entry: KnownName; length: number } | undefined {
  const g = gazetteer(language);
  const abbreviation = tokens[0]!.endsWith('.') ? ABBREVIATION.exec(tokens[0]!)?.[1]?.toLocaleLowerCase('pl') : undefined;
  let best: { entry: KnownName; length: number } | undefined;
  if (abbreviation) best = longestMatch(abbreviated(g, abbreviation), tokens, language, best);
  else for (const lemma of lemmasOf(tokens[0]!, language)) best = longestMatch(g.byFirst.get(lemma) ?? [], tokens, language, best);
  return best;
}

/** The longest of `entries` whose words after the first all match `tokens`, if longer than `best`. */
function longestMatch(entries: readonly KnownName[], tokens: readonly string[], language: Language, best: { entry: KnownName; length: number } | undefined) {
  for (const entry of entries) {
    const n = entry.tokens.length;
    if (n > tokens.length || (best && best.length >= n)) continue;
    let ok = true;
    for (let i = 1; i < n && ok; i++) {
      const have = lemmasOf(tokens[i]!, language);
      ok = entry.tokens[i]!.some((l) => have.includes(l));
    }
    if (ok) best = { entry, length: n };
  }
  return best;
}

/**
 * The base form of a phrase that matched `entry` whole: the entry as written, keeping an
 * abbreviated first word as the text has it ("W. Brytanii" → "W. Brytania").
 */
export function knownBase(words: readonly string[], entry: KnownName): string {
  if (!ABBREVIATION.test(words[0]!)) return entry.name;
  return [words[0]!, ...entry.name.split(' ').slice(1)].join(' ');
}

/** An abbreviated first word: "W.", "Wlk.", "Płn." (letters and a dot). */
const ABBREVIATION = /^(\p{Lu}\p{Ll}{0,3})\.$/u;

/**
 * Multi-word names whose first word the abbreviation shortens: same first letter, the other
 * letters in order ("W." and "Wlk." → Wielka Brytania, "Płn." → Północna …). The rest of the
 * name must still match word by word.
 */
const byAbbreviation = new Map<Gazetteer, Map<string, KnownName[]>>();

function abbreviated(g: Gazetteer, letters: string): KnownName[] {
  const cached = byAbbreviation.get(g)?.get(letters);
  if (cached) return cached;
  const out: KnownName[] = [];
  for (const list of g.byFirst.values()) {
    for (const e of list) {
      const word = e.name.split(' ')[0]!.toLocaleLowerCase('pl');
      if (e.tokens.length < 2 || out.includes(e) || word[0] !== letters[0] || word.length <= letters.length) continue;
      let at = 1;
      for (const ch of letters.slice(1)) {
        at = word.indexOf(ch, at) + 1;
        if (at === 0) break;
      }
      if (at > 0) out.push(e);
    }
  }
  (byAbbreviation.get(g) ?? byAbbreviation.set(g, new Map()).get(g)!).set(letters, out);
  return out;
}

/** The key an alias/country canonical name maps to, if the name is known exactly. */
export function knownKey(name: string, language: Language): KnownName | undefined {
  const m = matchKnown(words(name), language);
  return m && m.length === words(name).length ? m.entry : undefined;
}

/**
 * One-word listed names of events ("Brexit"): Polish often writes them in lower case ("po
 * brexicie"), so findMentions also looks for lower-case uses of these, not only of names the
 * article capitalises. Other kinds are left out: a lower-case "łódź" is a boat, not the city.
 */
export function knownEventWords(language: Language): readonly KnownName[] {
  const out: KnownName[] = [];
  for (const list of gazetteer(language).byFirst.values()) {
    for (const e of list) if (e.type === 'EVT' && e.tokens.length === 1 && !out.includes(e)) out.push(e);
  }
  return out;
}
