/**
 * Entity type of a name phrase from its shape and head word: known names carry their type;
 * acronyms are organisations; head nouns from resources/<lang>/entity-{org,loc,evt,pro}-words.txt
 * decide institutions, places, events and products (media titles); plural demonyms ("Polacy",
 * "Rosjan") are people (BSNLP convention); remaining multi-word names without adjectives are people.
 */
import type { EntityType, Language } from '../../types.ts';
import { adjectivalSurname, isAcronym, isRomanNumeral, nameNominatives } from './base-form.ts';
import { demonymCountry } from './demonyms.ts';
import { taggedPerson } from './dictionary-tags.ts';
import { matchKnown } from './gazetteer.ts';
import { tokenInfo, type TokenInfo } from './morphology.ts';
import { loadList, loadPairs } from './resources.ts';

const heads = new Map<string, ReadonlyMap<string, EntityType>>();
let mediaTails: ReadonlySet<string> | undefined;
let placeLeads: ReadonlySet<string> | undefined;

function headWords(language: Language): ReadonlyMap<string, EntityType> {
  let m = heads.get(language);
  if (!m) {
    const map = new Map<string, EntityType>();
    for (const [file, type] of [['entity-org-words', 'ORG'], ['entity-loc-words', 'LOC'], ['entity-evt-words', 'EVT'], ['entity-pro-words', 'PRO']] as const) {
      for (const w of loadList(language, file)) map.set(w, type);
    }
    m = map;
    heads.set(language, m);
  }
  return m;
}

/**
 * Is this word a head noun of an institution, place, event or product ("Ministry", "Airport")?
 * @example isHeadWord('Ministry', 'en') === true
 */
export function isHeadWord(word: string, language: Language): boolean {
  const map = headWords(language);
  return language === 'pl' ? tokenInfo(word).lemmas.some((l) => map.has(l)) : map.has(word.toLowerCase());
}

/** The type the first listed Polish head lemma among `lemmas` gives ("sąd" → ORG), if any. */
export function headWordTypeOf(lemmas: readonly string[]): EntityType | undefined {
  const map = headWords('pl');
  for (const l of lemmas) {
    const t = map.get(l);
    if (t) return t;
  }
  return undefined;
}

/** The type an English head noun gives ("Ministry" → ORG, "Gulf" → LOC), if it is one. */
export function headWordType(word: string, language: Language): EntityType | undefined {
  return language === 'pl' ? undefined : headWords(language).get(word.toLowerCase());
}

/**
 * Type of a phrase that is not a known name.
 * 1. acronyms are organisations; 2. a head noun from the word lists decides (Polish: first
 * word or the one after an adjective; English: first word, else last word), an English title
 * ending ("… Post", "… Times") makes a product (BSNLP types media as PRO), a known place first
 * makes a place ("Irlandia Północna", "Europa Środkowo-Wschodnia"); 3. a word
 * inflecting like a person's name or a demonym makes a person; 4. a number makes a product
 * ("Nord Stream 2", "A380"); 5. an adjective makes an institution ("Partia Konserwatywna");
 * 6. one word: in the dictionary → place (it lists places, not brands), unknown → organisation;
 * several unknown words → a foreign person ("Jake Sullivan", "Kim Jo Dzong").
 */
export function classify(words: readonly string[], language: Language): EntityType {
  return decide(words, language).type;
}

/**
 * The type, and whether it is only the default for a phrase with no evidence: the article's
 * cues or other articles may settle it (resolve.ts settleGuessedTypes).
 */
export function decide(words: readonly string[], language: Language): { type: EntityType; guess: boolean } {
  const type = evidenceType(words, language);
  if (type) return { type, guess: false };
  return { type: defaultType(words, language), guess: true };
}

/**
 * With no evidence: English several words → PER, one → LOC; Polish several words → ORG with an
 * adjective ("Partia Konserwatywna"), else PER; one word in the dictionary → LOC (it lists
 * places more than brands), unknown → ORG.
 */
function defaultType(words: readonly string[], language: Language): EntityType {
  if (language !== 'pl') return words.length > 1 ? 'PER' : 'LOC';
  const infos = words.map((w) => tokenInfo(w));
  if (words.length > 1) return infos.some((i) => i.adjective) ? 'ORG' : 'PER';
  // A capital inside the word ("PiS", "UOKiK", "BiznesAlert") marks a party, body or brand; place
  // names are written so only after Mc / Mac / O' ("McAllen"), which are surnames first.
  const inner = /^\p{Lu}.*\p{Lu}/u.test(words[0]!) && !/^(?:Mc|Mac|O['’])/u.test(words[0]!);
  return infos[0]!.proper && !inner ? 'LOC' : 'ORG';
}

function evidenceType(words: readonly string[], language: Language): EntityType | undefined {
  const first = words[0]!;
  const map = headWords(language);
  // A disease or event word in capitals or with its number ("COVID-19", "SARS"), and a numbered
  // war ("II wojna światowa").
  if ((isAcronym(first) || /\d/.test(first)) && map.get(first.toLocaleLowerCase('pl').replace(/-?\d+$/u, '')) === 'EVT') return 'EVT';
  if (isRomanNumeral(first) && words.length > 1 && language === 'pl' && tokenInfo(words[1]!).lemmas.some((l) => map.get(l) === 'EVT')) return 'EVT';
  if (isAcronym(first)) return 'ORG';
  const infos = language === 'pl' ? words.map((w) => tokenInfo(w)) : [];
  // Polish heads come first, or second after a leading adjective ("Europejski Bank"). English
  // compounds are head-final ("Security Council", "Vostochny Cosmodrome"), but a head before
  // "of" rules ("International Court [of Justice]", "Gulf [of Mexico]"), so English tries the
  // word before "of", then the first word, then the last.
  const heads = language === 'pl' ? (infos[0]?.adjective && words.length > 1 ? [0, 1] : [0]) : englishHeads(words);
  for (const i of heads) {
    const lemmas = language === 'pl' ? infos[i]!.lemmas : [words[i]!.toLowerCase().replace(/['’]s$/u, '')];
    for (const l of lemmas) {
      const t = map.get(l);
      if (t) return t;
    }
  }
  // An English name quoted in Polish text has an English head: "Downing Street", "Houben
  // Centre", "London School of Economics", "Baltic Pipe" (resources/en/entity-*-words.txt).
  if (language === 'pl' && words.length > 1) {
    const english = headWords('en');
    for (const i of englishHeads(words)) {
      const t = english.get(words[i]!.toLowerCase());
      if (t) return t;
    }
  }
  mediaTails ??= new Set(loadList('en', 'entity-media-tails'));
  if (words.length > 1 && mediaTails.has(words[words.length - 1]!)) return 'PRO';
  // A quoted foreign title with no head noun: "The Sun", "Die Welt" (BSNLP: media are PRO).
  if (language === 'pl' && words.length > 1 && isForeignArticle(first)) return 'PRO';
  if (words.length > 1 && !infos[0]?.adjective && matchKnown([first], language)?.entry.type === 'LOC') return 'LOC';
  if (language !== 'pl') return isPlaceLead(words) ? 'LOC' : undefined;
  if (words.length === 1 && eventBySuffix(first)) return 'EVT';
  if (isAdjectivalSurnameName(words, infos)) return 'PER';
  if (infos.some((i) => i.person || i.demonym)) return 'PER';
  // PoliMorf's masculine personal nouns: "Franciszek", "Mahometa", "Włosi" (dictionary-tags.ts).
  if (words.length === 1 && taggedPerson(first)) return 'PER';
  // Adjectives around a proper noun the dictionary knows that is no person: a region or state
  // ("Dolna Saksonia", "Kraków Główny").
  if (words.length > 1 && infos.some((i) => i.proper && !i.common && !i.adjective) && infos.some((i) => i.adjective !== undefined)
    && infos.every((i) => i.adjective !== undefined || (i.proper && !i.common))) return 'LOC';
  if (words.some((w) => /\d/.test(w))) return 'PRO';
  return undefined;
}

let foreignArticles: ReadonlySet<string> | undefined;

/**
 * "The", "Die", "Der": an article opening a foreign name in Polish text ("The Times"), not a
 * Polish word (resources/pl/entity-foreign-articles.txt).
 */
export function isForeignArticle(word: string): boolean {
  foreignArticles ??= new Set(loadList('pl', 'entity-foreign-articles'));
  return foreignArticles.has(word);
}

/** Where an English name has its head: before "of", else first, else last ("Bank of England", "Air France", "Security Council"). */
function englishHeads(words: readonly string[]): number[] {
  const of = words.indexOf('of');
  return [...(of > 0 ? [of - 1] : []), 0, ...(words.length > 1 ? [words.length - 1] : [])];
}

let groups: ReadonlyMap<string, { plural: string; type: EntityType }> | undefined;
let groupStems: RegExp | undefined;

/** A caseless test for words starting like one of `words` (their first three letters). */
export function stemTest(words: readonly string[]): RegExp {
  const stems = [...new Set(words.map((w) => w.slice(0, 3).toLocaleLowerCase('pl')))];
  return new RegExp(`^(?:${stems.join('|')})`, 'iu');
}

/**
 * A party member or a party named in the plural (resources/pl/entity-group-nouns.txt): members
 * keep their number ("torysów" → "torysi", "torysa" → "torys"), a party is its plural name and
 * must be capitalised ("Zielonych" → "Zieloni").
 * @example groupName('laburzystów') // → { base: 'laburzyści', type: 'PER' }
 */
export function groupName(word: string): { base: string; type: EntityType } | undefined {
  groups ??= new Map(loadPairs('pl', 'entity-group-nouns').map(([lemma, value]) => {
    const [plural, type] = value.split('|').map((x) => x.trim());
    return [lemma, { plural: plural!, type: type as EntityType }] as const;
  }));
  groupStems ??= stemTest([...groups].flatMap(([lemma, g]) => [lemma, g.plural]));
  // The stem test first: the dictionary lookup is the costly part and most words fail the stem.
  if (!groupStems.test(word)) return undefined;
  const lower = word.toLocaleLowerCase('pl');
  const byPlural = [...groups].find(([, g]) => g.plural.toLocaleLowerCase('pl') === lower)?.[0];
  for (const lemma of byPlural ? [byPlural] : tokenInfo(lower).lemmas) {
    const group = groups.get(lemma);
    if (!group) continue;
    if (group.type !== 'PER') return /^\p{Lu}/u.test(word) && lower !== lemma ? { base: group.plural, type: group.type } : undefined;
    const plural = lower === group.plural || /(ów|om|ami|ach)$/u.test(lower);
    return { base: plural ? group.plural : lemma, type: group.type };
  }
  return undefined;
}

let eventSuffixes: readonly string[] | undefined;
const suffixTests = new Map<string, RegExp>();

/**
 * The nominative of a one-word event name made with a listed ending, in any case and either
 * capitalisation ("brexicie" → "Brexit", "Polexitu" → "Polexit"); resources/pl/entity-evt-suffixes.txt.
 * @example eventBySuffix('brexitem') === 'Brexit'
 */
export function eventBySuffix(word: string): string | undefined {
  eventSuffixes ??= loadList('pl', 'entity-evt-suffixes');
  for (const suffix of eventSuffixes) if (!suffixTests.has(suffix)) suffixTests.set(suffix, new RegExp(suffix.slice(0, -1), 'iu'));
  let lower: string | undefined;
  for (const suffix of eventSuffixes) {
    // Most words fail this cheap test; lower-casing every token is not cheap.
    const letter = suffix[0]!;
    if ((!word.includes(letter) && !word.includes(letter.toUpperCase())) || !suffixTests.get(suffix)!.test(word)) continue;
    lower ??= word.toLocaleLowerCase('pl');
    const nominative = [lower, ...nameNominatives(lower)].find((c) => c.endsWith(suffix) && c.length >= suffix.length + 2);
    if (nominative) return nominative.charAt(0).toLocaleUpperCase('pl') + nominative.slice(1);
  }
  return undefined;
}

/**
 * An adjectival surname, alone or after given names: "Kowalski", "Nowakowskiej", "Paweł
 * Kowalski" are people, although "kowalski" is also an adjective (which would make an
 * institution). Given names are proper or unknown words, never adjectives or common nouns
 * alone ("Teatr Polski" is no person).
 */
function isAdjectivalSurnameName(words: readonly string[], infos: readonly TokenInfo[]): boolean {
  if (!adjectivalSurname(words[words.length - 1]!)) return false;
  return infos.slice(0, -1).every((i) => !i.adjective && (i.proper || !i.common));
}

/**
 * A compass word opening a name, after a leading demonym if any, with no head noun: "North
 * Carolina", "Middle East", "Russian Far East" (a region of its own, not Russia: Far East is
 * its head); resources/en/entity-loc-leads.txt.
 */
function isPlaceLead(words: readonly string[]): boolean {
  placeLeads ??= new Set(loadList('en', 'entity-loc-leads'));
  const rest = words.length > 2 && demonymCountry(words[0]!, 'en') ? words.slice(1) : words;
  return rest.length > 1 && placeLeads.has(rest[0]!.toLowerCase());
}

/**
 * True when `classify` had no evidence and fell back to its default for one unknown word;
 * the article may then settle the type (findMentions: "w Pjongjangu" makes a place).
 */
export function isTypeGuess(words: readonly string[], language: Language): boolean {
  // English: one unknown word (LOC) or several with no head (PER), as classify defaulted.
  if (language === 'en') return decide(words, language).guess;
  if (words.length !== 1 || isAcronym(words[0]!)) return false;
  const info = tokenInfo(words[0]!);
  if (info.proper || info.person || info.demonym || /\d/.test(words[0]!)) return false;
  return !info.lemmas.some((l) => headWords(language).has(l));
}
