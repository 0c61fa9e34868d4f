/**
 * What PoliMorf's tags (src/text/polimorf.ts) add to the hunspell readings of morphology.ts for
 * Polish names: the nominative of a name the hunspell dictionary reads wrongly or not at all
 * ("Wrocławia", "Węgrzech", "Włosi", "Zadrożna"), the gender of a forename, masculine personal
 * nouns (m1) as evidence of a person, and whether the adjectives of a multi-word name agree with
 * its head. Only Polish paths call these, so PoliMorf is never loaded for English text.
 * docs/QUALITY.md ("PoliMorf in the entity layer") has what each use measured leave-one-topic-out.
 */
import { loadPolimorf, parseTag, type ParsedTag } from '../../text/polimorf.ts';
import { nominativeParse, type NominativeParse } from '../../text/polimorf-names.ts';
import type { Gender } from './morphology.ts';

/** The uses of the dictionary, each switchable for the evaluation's ablations (eval/entities.ts). */
export interface DictionaryUses {
  /** Nominatives of one-word names and of a person's name words. */
  readonly nominatives: boolean;
  /** A multi-word name's nominative when its adjectives agree with the head in the text but not in our base. */
  readonly agreement: boolean;
  /** The gender of a person from the forename when the surname does not show it. */
  readonly forenames: boolean;
  /** An m1 noun as evidence that a one-word name is a person. */
  readonly persons: boolean;
  /** A sentence-initial word the dictionary lists only in lower case is no name. */
  readonly commonWords: boolean;
}

const uses: { -readonly [K in keyof DictionaryUses]: boolean } = { nominatives: true, agreement: true, forenames: true, persons: true, commonWords: true };

/**
 * Turn uses of the dictionary off (or on) in this process, for measuring what each one brings.
 * @example setDictionaryUses({ persons: false })
 */
export function setDictionaryUses(changes: Partial<DictionaryUses>): void {
  Object.assign(uses, changes);
}

export function dictionaryUses(): DictionaryUses {
  return { ...uses };
}

interface Reading {
  readonly lemma: string;
  readonly tag: ParsedTag;
}

const NOUNS = new Set(['subst', 'depr']);
const PLURAL_ONLY = new Set(['p1', 'p2', 'p3']);
const memo = new Map<string, readonly Reading[]>();
const MAX_MEMO = 100_000;

const isCapital = (w: string) => w.charAt(0) !== w.charAt(0).toLocaleLowerCase('pl');

/**
 * Noun readings of the word exactly as written whose lemma is capitalised (the dictionary's
 * proper nouns), without vocative-only readings: news names people and places, it does not
 * address them, and a form that is only a vocative is far more often a foreign nominative.
 */
function properNouns(word: string): readonly Reading[] {
  let out = memo.get(word);
  if (out) return out;
  out = !isCapital(word) ? [] : loadPolimorf().lookup(word)
    .map((r) => ({ lemma: r.lemma, tag: parseTag(r.tag) }))
    .filter((r) => NOUNS.has(r.tag.pos) && isCapital(r.lemma) && r.tag.cases.some((c) => c !== 'voc'));
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(word, out);
  return out;
}

const isM1 = (r: Reading) => r.tag.genders.includes('m1');
const isPersonGender = (r: Reading) => r.tag.genders.some((g) => g === 'm1' || g === 'f');

/**
 * The nominative of a one-word name when the dictionary is sure of its lemma: "Wrocławia" →
 * Wrocław, "Węgrzech" → Węgry, "Asi" → Asia, "Zadrożna" → Zadrożna. A name names one thing, so
 * only singular readings and plural-only names count ("Franciszek" is not read as the plural
 * genitive of Franciszka); for a name that is not a person, masculine personal singular readings
 * are surname homographs and are left out ("Banku" is not a form of a man named Banek), and for
 * a person only masculine personal and feminine readings count. A group of people keeps its
 * number ("Włochów", "Hiszpanie" → Włosi, Hiszpanie; see taggedGroup). Undefined when the
 * readings left name more than one lemma.
 */
export function taggedNominative(word: string, person: boolean): string | undefined {
  if (!uses.nominatives) return undefined;
  const all = properNouns(word);
  if (all.length === 0) return undefined;
  if (isGroup(all)) return nominativeParse([word], { person: true })?.base;
  const single = all.filter((r) => r.tag.number === 'sg' || r.tag.genders.some((g) => PLURAL_ONLY.has(g)));
  const readings = person ? single.filter(isPersonGender) : single.filter((r) => !isM1(r));
  const lemmas = new Set(readings.map((r) => r.lemma));
  // The lemma itself: the phrase reader would weigh the readings left out here again
  // ("Krakowie" is also the plural of a man named Krak, already a nominative).
  return lemmas.size === 1 ? [...lemmas][0] : undefined;
}

/**
 * A plural of people: a masculine personal plural reading and no plural-only name among the
 * readings and no singular thing or place ("Włosi", "Hiszpanie", "Rosjan"; not "Niemcami", which is
 * also Niemcy the country, nor "Krakowie", Kraków's locative and the plural of a man named Krak).
 */
function isGroup(readings: readonly Reading[]): boolean {
  return readings.some((r) => isM1(r) && r.tag.number === 'pl')
    && !readings.some((r) => r.tag.genders.some((g) => PLURAL_ONLY.has(g)) || (r.tag.number === 'sg' && !isPersonGender(r)));
}

/**
 * True when the word names a group of people in the plural, whatever a country list says its
 * lemma is: "Włosi" are Italians, not Włochy (Italy). BSNLP types such a demonym as a person.
 */
export function taggedGroup(word: string): boolean {
  return uses.persons && isGroup(properNouns(word));
}

/**
 * True when every reading of the word as a proper noun is masculine personal (m1), or a
 * feminine plural beside one ("Franciszek" is also the plural genitive of Franciszka): a person
 * or a group of people ("Mahometa", "Włosi"). A place or thing reading rules it out ("Kraków" is
 * also the genitive plural of Krak; "Polski" is also Polska's genitive), and so does a feminine
 * singular, which NKJP tags do not tell from a place's.
 */
export function taggedPerson(word: string): boolean {
  if (!uses.persons) return false;
  const readings = properNouns(word);
  if (!readings.some(isM1)) return false;
  return readings.every((r) => isM1(r) || (r.tag.genders.includes('f') && r.tag.number === 'pl' && !r.tag.genders.some((g) => g !== 'f')));
}

/**
 * A forename's gender when all its singular proper-noun readings agree: "Katarzyny", "Henryki"
 * → f, "Paweł" → m. A masculine reading counts only in the nominative: a foreign woman's
 * forename in -a reads as a man's genitive ("Federica" as Federico's), and a man's name in an
 * oblique case shows it on his surname too (personGender in base-form.ts). "Aleksandra"
 * (Aleksandra, or Aleksander's genitive) → undefined.
 */
export function forenameGender(word: string): Gender | undefined {
  if (!uses.forenames) return undefined;
  const readings = personReadings(word);
  if (readings.length === 0) return undefined;
  if (readings.every((r) => r.tag.genders.every((g) => g === 'f'))) return 'f';
  if (readings.every(isM1) && readings.some((r) => r.lemma === word)) return 'm';
  return undefined;
}

/** The lemma of a forename read in one gender ("Aleksandra" as a man's → Aleksander, as a woman's → Aleksandra). */
export function forenameOf(word: string, gender: 'm' | 'f'): string | undefined {
  if (!uses.forenames) return undefined;
  const lemmas = new Set(personReadings(word).filter((r) => (gender === 'm' ? isM1(r) : r.tag.genders.includes('f'))).map((r) => r.lemma));
  return lemmas.size === 1 ? [...lemmas][0] : undefined;
}

/** Singular masculine personal and feminine readings: one person's forename ("New" is not Newa's plural genitive). */
function personReadings(word: string): readonly Reading[] {
  return properNouns(word).filter((r) => isPersonGender(r) && r.tag.number === 'sg');
}

/** True when the dictionary reads the word as a feminine or masculine personal noun whose lemma ends like an adjectival surname ("Czerwińska"). */
export function taggedAdjectivalSurname(word: string): boolean {
  if (!uses.nominatives) return false;
  return properNouns(word).some((r) => isPersonGender(r) && /(?:s|c|dz)k[ai]$/u.test(r.lemma));
}

/**
 * The dictionary's nominative of a multi-word name that is not a person, when it reads more
 * agreement in the text than in `ours`: an adjective our base left disagreeing with its head
 * ("Liberalna Demokrata", "Europejski Przestrzeń Gospodarczy" → Liberalni Demokraci, Europejska
 * Przestrzeń Gospodarcza) or the number of the phrase ("Wyspach Brytyjskich" → Wyspy
 * Brytyjskie, not Wyspa Brytyjska). Undefined when ours is as good a reading.
 */
export function taggedPhrase(words: readonly string[], ours: string): string | undefined {
  if (!uses.agreement || words.length < 2) return undefined;
  const text = nominativeParse(words, { person: false });
  if (!text || text.agreeing < 2 || text.base === ours) return undefined;
  const base: NominativeParse | undefined = nominativeParse(ours.split(' '), { person: false });
  if (!base || base.agreeing < text.agreeing) return text.base;
  return base.number !== text.number ? text.base : undefined;
}

/**
 * True when the dictionary knows the word only in lower case ("Rozpowszechnianie", "Jak"):
 * at a sentence start its capital says nothing, whatever surname homograph the hunspell
 * dictionary lists.
 */
export function taggedCommonOnly(word: string): boolean {
  if (!uses.commonWords || !isCapital(word)) return false;
  const dictionary = loadPolimorf();
  return dictionary.lookup(word).length === 0 && dictionary.lookup(word.toLocaleLowerCase('pl')).length > 0;
}
