/**
 * What PoliMorf's tags say about names: whether a noun names a person (gender m1), the gender
 * of a name, and the nominative of a name phrase whose adjectives agree with its head noun
 * ("Dolnej Saksonii" → "Dolna Saksonia", "Stanach Zjednoczonych" → "Stany Zjednoczone").
 * Deciding what is a name, its type and its span is left to src/analysis/entities/.
 */
import { BoundedMemo } from './lemmatizer.ts';
import { ADJECTIVAL, parseTag, type GrammaticalCase, type GrammaticalGender, type GrammaticalNumber, type ParsedTag } from './polimorf-tags.ts';
import { loadPolimorf, type MorphInterpretation, type Polimorf } from './polimorf.ts';

const NOUN_CLASSES = new Set(['subst', 'depr']);

/** A reading of one word with its tag parsed, and whether it came from the lower-cased spelling. */
interface Reading {
  readonly lemma: string;
  readonly tag: ParsedTag;
  readonly lowerCased: boolean;
}

/** Readings of the word as written and, when `lowerCase`, of its lower-case spelling. */
function readingsOf(word: string, lowerCase: boolean, dictionary: Polimorf): Reading[] {
  const out: Reading[] = dictionary.lookup(word).map((r) => ({ lemma: r.lemma, tag: parseTag(r.tag), lowerCased: false }));
  const lower = word.toLocaleLowerCase('pl');
  if (lowerCase && lower !== word) for (const r of dictionary.lookup(lower)) out.push({ lemma: r.lemma, tag: parseTag(r.tag), lowerCased: true });
  return out;
}

function isAcronym(word: string): boolean {
  return [...word].length > 1 && word === word.toLocaleUpperCase('pl') && /\p{Lu}.*\p{Lu}/u.test(word);
}

/** Noun readings of the first spelling the dictionary knows (as written, else lower-case, else capitalised). */
function nounReadings(word: string, dictionary: Polimorf): MorphInterpretation[] {
  return dictionary.lookupAnyCase(word).interpretations.filter((r) => NOUN_CLASSES.has(parseTag(r.tag).pos));
}

/**
 * True when a noun reading of the word is masculine personal (m1): "Putinem", "Kowalskiego",
 * "prezydenta", "Polaków". Feminine and plural person nouns carry no such mark in NKJP tags
 * ("Kowalska" is f like "Warszawa"), so false says nothing about them.
 * @example isPersonNoun('Putinem') // → true; isPersonNoun('Warszawy') // → false
 */
export function isPersonNoun(word: string, dictionary: Polimorf = loadPolimorf()): boolean {
  return nounReadings(word, dictionary).some((r) => parseTag(r.tag).genders.includes('m1'));
}

export type NameGender = 'm' | 'f' | 'n';

/**
 * Grammatical gender of a name from its noun readings: 'm' (m1–m3), 'f', 'n' (n1, n2); undefined
 * when the dictionary does not know it, when it is plural-only ("Niemcy"), or when its readings
 * disagree beyond what the word's own nominative reading settles. Pass the nominative:
 * inflected forms are often ambiguous ("Pawła" is a feminine name and Paweł's genitive).
 * @example nameGender('Anna') // → 'f'; nameGender('Paweł') // → 'm'; nameGender('Nowakowska') // → 'f'
 */
export function nameGender(word: string, dictionary: Polimorf = loadPolimorf()): NameGender | undefined {
  const readings = nounReadings(word, dictionary);
  const gendersOf = (list: readonly MorphInterpretation[]) => new Set(list.flatMap((r) => parseTag(r.tag).genders.map(broadGender)));
  let genders = gendersOf(readings);
  // Disagreeing readings: the word as its own singular nominative settles it ("Paweł" is also
  // listed as a plural genitive of the feminine "Pawła").
  if (genders.size > 1) {
    genders = gendersOf(readings.filter((r) => r.lemma === word && parseTag(r.tag).number === 'sg' && parseTag(r.tag).cases.includes('nom')));
  }
  return genders.size === 1 ? [...genders][0] : undefined;
}

function broadGender(gender: GrammaticalGender): NameGender | undefined {
  if (gender === 'f') return 'f';
  if (gender === 'n1' || gender === 'n2') return 'n';
  return gender.startsWith('m') ? 'm' : undefined;
}

/** One agreement value a word's reading allows. */
interface Agreement {
  readonly number: GrammaticalNumber;
  readonly case: GrammaticalCase;
  readonly gender: GrammaticalGender;
}

const key = (a: Agreement) => `${a.number}:${a.case}:${a.gender}`;

/**
 * The (number, case, gender) values a reading allows. The vocative is left out: news does not
 * address the people and places it names, and a form that is only a vocative is far more often
 * a foreign nominative ("Galileo" is not Galilea's vocative, "Porto" not Porta's).
 */
function agreements(tag: ParsedTag): Agreement[] {
  if (!tag.number) return [];
  const out: Agreement[] = [];
  for (const c of tag.cases) if (c !== 'voc') for (const g of tag.genders) out.push({ number: tag.number, case: c, gender: g });
  return out;
}

/** Agreement values shared by the candidate set and any of `readings`, each with the reading that allows it. */
function intersect(allowed: ReadonlyMap<string, Agreement>, readings: readonly Reading[]): Map<string, Agreement> {
  const out = new Map<string, Agreement>();
  for (const r of readings) for (const a of agreements(r.tag)) if (allowed.has(key(a))) out.set(key(a), a);
  return out;
}

interface PhraseParse {
  readonly head: number;
  /** Index after the last word that agrees with the head. */
  readonly end: number;
  readonly kind: HeadKind;
  readonly allowed: ReadonlyMap<string, Agreement>;
}

/** What the caller knows of the phrase's type: a person's name or not (place, organisation…). */
export interface PhraseHint {
  readonly person?: boolean;
}

/** How a word may head the phrase: a noun in its own (capitalised) entries or its lower-case ones, or an adjective. */
type HeadKind = 'noun' | 'lower-case noun' | 'adjective';
/** In order of preference when two parses cover as many words. */
const HEAD_KINDS: readonly HeadKind[] = ['noun', 'lower-case noun', 'adjective'];

/**
 * The readings a word may head the phrase with. A capitalised word's own entries come before
 * the common word's (the name "Berlina" is Berlin's genitive, not the noun "berlina"); the
 * phrase type, when known, keeps or drops masculine personal readings ("Polski" as a place is
 * Polska's genitive, as a person the surname Polski), unless that would leave none.
 */
function headReadings(readings: readonly Reading[], kind: HeadKind, hint: PhraseHint): Reading[] {
  let heads = readings.filter((r) => kind === 'adjective'
    ? ADJECTIVAL.has(r.tag.pos)
    : NOUN_CLASSES.has(r.tag.pos) && r.lowerCased === (kind === 'lower-case noun'));
  if (hint.person !== undefined) {
    const preferred = heads.filter((r) => r.tag.genders.includes('m1') === hint.person);
    if (preferred.length > 0) heads = preferred;
  }
  return heads;
}

/**
 * The widest run [adjectives] head [adjectives] from the first word whose readings agree in
 * number, case and gender; ties go by HEAD_KINDS ("Zieloni" alone is adjectival).
 */
function parsePhrase(readings: readonly Reading[][], hint: PhraseHint): PhraseParse | undefined {
  let best: PhraseParse | undefined;
  for (let head = 0; head < readings.length; head++) {
    for (const kind of HEAD_KINDS) {
      const heads = headReadings(readings[head], kind, hint);
      let allowed = new Map(heads.flatMap((r) => agreements(r.tag)).map((a) => [key(a), a] as const));
      for (let i = 0; i < head && allowed.size > 0; i++) allowed = intersect(allowed, readings[i].filter((r) => ADJECTIVAL.has(r.tag.pos)));
      if (allowed.size === 0) continue;
      let end = head + 1;
      for (; end < readings.length; end++) {
        const next = intersect(allowed, readings[end].filter((r) => ADJECTIVAL.has(r.tag.pos)));
        if (next.size === 0) break;
        allowed = next;
      }
      if (!best || end > best.end) best = { head, end, kind, allowed };
    }
    // Words before the head must all be adjectives.
    if (!readings[head].some((r) => ADJECTIVAL.has(r.tag.pos))) break;
  }
  return best;
}

const isPluralOnly = (gender: GrammaticalGender) => gender === 'p1' || gender === 'p2' || gender === 'p3';

/**
 * Which agreement a name is most likely in, without frequencies to go by. A name usually
 * names one thing: singular readings and plural-only nouns ("Chiny", "Stany") before other
 * plurals, so "Warszawy" is Warszawa's genitive, not a plural nominative. Masculine personal
 * plurals are the exception: a group of people is common in news ("Hiszpanie", "Polaków" →
 * "Polacy"), so they come before the other plurals and their nominative is taken as written.
 * Within a rank the form as written (nominative) wins.
 */
function chooseAgreement(allowed: ReadonlyMap<string, Agreement>): Agreement {
  const rank = (a: Agreement) => {
    const nominative = a.case === 'nom';
    if (a.number === 'sg' || isPluralOnly(a.gender)) return nominative ? 0 : 1;
    if (a.gender === 'm1') return nominative ? 0 : 2;
    return nominative ? 3 : 4;
  };
  return [...allowed.values()].sort((a, b) => rank(a) - rank(b))[0]!;
}

/** `form` cased like `surface`: "UNII" → upper, "Unii" → capitalised, else as the dictionary spells it. */
function caseLike(form: string, surface: string): string {
  if (surface.length > 1 && surface === surface.toLocaleUpperCase('pl') && /\p{Lu}/u.test(surface)) return form.toLocaleUpperCase('pl');
  const first = surface.charAt(0);
  if (first !== first.toLocaleLowerCase('pl')) return form.charAt(0).toLocaleUpperCase('pl') + form.slice(1);
  return form;
}

/** Among several nominatives the shortest: "Polacy" before "Polakowie" (the dictionary lists both). */
function shortest(forms: readonly string[]): string | undefined {
  return [...forms].sort((a, b) => a.length - b.length || a.localeCompare(b, 'pl'))[0];
}

/** The nominative of one word of the agreeing run, keeping its number, gender and (for adjectives) degree. */
function nominativeOf(word: string, readings: readonly Reading[], target: Agreement, dictionary: Polimorf): string | undefined {
  if (target.case === 'nom') return word;
  const fitting = readings.filter((r) => agreements(r.tag).some((a) => key(a) === key(target)));
  // The spelling as written first: "Biały" the surname before "biały" the adjective.
  fitting.sort((a, b) => Number(a.lowerCased) - Number(b.lowerCased) || Number(!NOUN_CLASSES.has(a.tag.pos)) - Number(!NOUN_CLASSES.has(b.tag.pos)));
  for (const r of fitting) {
    // A noun's lemma is its singular nominative (plural for plural-only nouns: "Stany").
    if (NOUN_CLASSES.has(r.tag.pos) && (target.number === 'sg' || isPluralOnly(target.gender))) return caseLike(r.lemma, word);
    const forms = dictionary.inflect(r.lemma, (t) => t.pos === r.tag.pos && t.number === target.number
      && t.cases.includes('nom') && t.genders.includes(target.gender) && t.degree === r.tag.degree && t.negation === r.tag.negation);
    const form = shortest(forms.map((f) => f.form));
    if (form) return caseLike(form, word);
  }
  return undefined;
}

/** A phrase's nominative with what the dictionary read in it. */
export interface NominativeParse {
  /** The nominative ("Dolna Saksonia"). */
  readonly base: string;
  /** How many words from the start agree with the head (adjectives, the head, adjectives): the rest is kept as written. */
  readonly agreeing: number;
  /** The number the phrase was read in ("Wyspach Brytyjskich" → pl, "Dolnej Saksonii" → sg). */
  readonly number: GrammaticalNumber;
}

/**
 * Nominative of a name phrase: the head noun and the adjectives agreeing with it go to the
 * nominative in the phrase's own number and gender; words after the agreeing run (an inner
 * genitive: "Rady Bezpieczeństwa Narodowego") stay as written. Undefined when no reading of
 * the first word starts an agreeing run or a nominative cannot be generated. `hint.person`
 * says whether the phrase names a person, when the caller knows. A person's name with a first
 * name ("Władimirem Putinem") is an apposition, not an agreeing run: pass its words one by one.
 * @example nominativePhrase(['Dolnej', 'Saksonii']) // → 'Dolna Saksonia'
 * @example nominativePhrase(['Polaków']) // → 'Polacy'
 * @example nominativePhrase(['Polski'], { person: false }) // → 'Polska'
 */
export function nominativePhrase(words: readonly string[], hint: PhraseHint = {}, dictionary: Polimorf = loadPolimorf()): string | undefined {
  return nominativeParse(words, hint, dictionary)?.base;
}

/**
 * nominativePhrase with the length of the agreeing run and the number read: callers weighing
 * the dictionary's nominative against their own (src/analysis/entities/dictionary-tags.ts)
 * need to know whether it saw an adjective agree with the head.
 * @example nominativeParse(['Wyspach', 'Brytyjskich']) // → { base: 'Wyspy Brytyjskie', agreeing: 2, number: 'pl' }
 */
export function nominativeParse(words: readonly string[], hint: PhraseHint = {}, dictionary: Polimorf = loadPolimorf()): NominativeParse | undefined {
  let memo = phraseMemos.get(dictionary);
  if (!memo) phraseMemos.set(dictionary, memo = new BoundedMemo<NominativeParse | null>());
  // Names repeat across articles; the memo key holds the hint and the words.
  const memoKey = `${hint.person === undefined ? '?' : hint.person ? 'p' : '-'}${words.join('\u0000')}`;
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit ?? undefined;
  const result = phraseNominative(words, hint, dictionary);
  memo.set(memoKey, result ?? null);
  return result;
}

const phraseMemos = new WeakMap<Polimorf, BoundedMemo<NominativeParse | null>>();

function phraseNominative(words: readonly string[], hint: PhraseHint, dictionary: Polimorf): NominativeParse | undefined {
  if (words.length === 0) return undefined;
  // An acronym is read only as written ("DUP" lower-cased is a form of "dupa"); words in capitals
  // are a headline ("UNII EUROPEJSKIEJ") only when the whole phrase of several words is.
  const headline = words.length > 1 && words.every(isAcronym);
  const readings = words.map((w) => readingsOf(w, headline || !isAcronym(w), dictionary));
  const parse = parsePhrase(readings, hint);
  if (!parse) return undefined;
  const target = chooseAgreement(parse.allowed);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i >= parse.end) { out.push(words[i]); continue; }
    const pool = i === parse.head ? headReadings(readings[i], parse.kind, hint) : readings[i].filter((r) => ADJECTIVAL.has(r.tag.pos));
    const nominative = nominativeOf(words[i], pool, target, dictionary);
    if (nominative === undefined) return undefined;
    out.push(nominative);
  }
  return { base: out.join(' '), agreeing: parse.end, number: target.number };
}
