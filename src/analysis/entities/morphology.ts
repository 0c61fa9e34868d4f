/**
 * Word-level Polish morphology for names: what one capitalised token is (adjective, known noun,
 * unknown name) and its nominative. Rules live in resources/pl/entity-*.txt; the dictionary
 * is dictionary-pl as parsed once by the text layer (src/text), read here through its suffix
 * analyses and stem flags. Phrase-level agreement is in base-form.ts.
 */
import { analyzeSuffixes, polishDictionary } from '../../text/index.ts';
import { loadList, loadPairs } from './resources.ts';

/** One dictionary reading of a word form, as names need it. */
export interface Analysis {
  /** The dictionary stem, with its own capitalisation ("Putin", "północny"). */
  readonly lemma: string;
  /** The rule's ending that was removed ("" when the word is the stem itself). */
  readonly ending: string;
  /**
   * The stem carries affix flags: a real lemma. dictionary-pl also lists some inflected
   * forms as bare flagless stems ("Unii", "Korei", "Włoszech"), which are not lemmas.
   */
  readonly flagged: boolean;
  /** The stem's affix flags: in dictionary-pl they also tell the paradigm (person names, demonyms). */
  readonly flags: string;
}

/**
 * Suffix readings of the word as written. Prefix readings ("nie-") never make a name, and
 * neither do zero-ending readings (strip-only rules): they make every short name a form of some
 * common word ("Kim" the genitive plural of "kima", "Kima" a form of "kimać"), so a name is read
 * only through an ending it visibly carries. (Measured on BSNLP pl dev, 2026-11: allowing them
 * costs 0.034 base-form accuracy.)
 */
function readingsAsWritten(word: string): Analysis[] {
  const data = polishDictionary();
  const out: Analysis[] = [];
  for (const a of analyzeSuffixes(data, word)) {
    if (a.suffix && a.suffix.add === '') continue;
    if (out.some((b) => b.lemma === a.lemma)) continue;
    const flags = data.stems.get(a.stem) ?? '';
    out.push({ lemma: a.lemma, ending: a.suffix?.add ?? '', flagged: flags.length > 0, flags });
  }
  return out;
}

/**
 * Every stem the word can come from: exact case first, then the lower-cased word's stems.
 * @example analyze('Kremlowi')[0]?.lemma // → 'Kreml'
 */
export function analyze(word: string): Analysis[] {
  const out = readingsAsWritten(word);
  const lower = word.toLowerCase();
  if (lower !== word) for (const a of readingsAsWritten(lower)) if (!out.some((b) => b.lemma === a.lemma)) out.push(a);
  return out;
}

export type Gender = 'm' | 'f' | 'n' | 'pl';

export interface TokenInfo {
  /** Nominative masculine lemma when the token is an adjective ("Północnej" → "północny"). */
  readonly adjective?: string;
  /** Nominative of the token read as a noun, capitalised like a name ("Korei" → "Korea"). */
  readonly noun?: string;
  /** True when the dictionary has a lower-case reading: the word is also a common word. */
  readonly common: boolean;
  /** True when the dictionary has a capitalised stem for it (a proper-name stem). */
  readonly proper: boolean;
  /** True when the only capitalised reading is a bare listed form ("Włoszech"), not a lemma. */
  readonly bareProper: boolean;
  /**
   * True when the dictionary lists this exact capitalised form flatly (no flags): either an
   * inflected form of a listed name ("Korei") or a foreign name as written ("Galileo", "Lee").
   */
  readonly listedAsWritten: boolean;
  /** True when the noun reading differs from the surface: an inflected (non-nominative) form. */
  readonly inflected: boolean;
  /** A capitalised stem inflecting like a person's name (see PERSON_FLAGS). */
  readonly person: boolean;
  /** A capitalised stem inflecting like a demonym ("Brytyjczyk", "Rosjanin"). */
  readonly demonym: boolean;
  /** Every lemma, for gazetteer matching. */
  readonly lemmas: readonly string[];
}

/**
 * dictionary-pl paradigms, read off its .dic: masculine first names and surnames carry
 * o+T ("Putin/NoOsT", "Michel/NOosT"), feminine first names n+N ("Teresa/MnN"), demonyms
 * q+T ("Brytyjczyk/NOqsT"); places use other classes ("Kreml/O", "Moskwa/M", "Londyn/Q").
 */
const PERSON_FLAGS: readonly (readonly [string, string])[] = [['o', 'T'], ['n', 'N']];
const DEMONYM_FLAGS: readonly [string, string] = ['q', 'T'];
const hasFlags = (flags: string, [a, b]: readonly [string, string]) => flags.includes(a) && flags.includes(b);

const ADJ_LEMMA = /[yi]$/u;
// Nominative adjective endings too: "Północna", "Białe", "Wielki".
const ADJ_FORMS = /(ego|emu|ej|ym|im|ych|ich|ymi|imi|ą|a|e|y|i)$/u;

let heads: ReadonlySet<string> | undefined;
function nameHeads(): ReadonlySet<string> {
  heads ??= new Set(['entity-org-words', 'entity-loc-words', 'entity-evt-words', 'entity-pro-words'].flatMap((f) => loadList('pl', f)));
  return heads;
}

let adjEndings: readonly (readonly [string, string])[] | undefined;
let genderRules: readonly (readonly [string, readonly string[]])[] | undefined;
const cache = new Map<string, TokenInfo>();

export function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('pl') + word.slice(1);
}

const isUpper = (w: string) => w.charAt(0) !== w.charAt(0).toLocaleLowerCase('pl');

/** What the dictionary says about one token (memoised: names repeat across articles). */
export function tokenInfo(word: string): TokenInfo {
  let info = cache.get(word);
  if (info) return info;
  const analyses = analyze(word);
  info = describe(word, analyses);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, info);
  return info;
}

function describe(word: string, analyses: readonly Analysis[]): TokenInfo {
  const lower = word.toLocaleLowerCase('pl');
  const proper = analyses.filter((a) => isUpper(a.lemma));
  const common = analyses.filter((a) => !isUpper(a.lemma));
  const adjective = common.find((a) => ADJ_LEMMA.test(a.lemma) && ADJ_FORMS.test(lower) && a.lemma.length > 3)?.lemma;
  // An inflected reading beats the literal stem: dictionary-pl lists some inflected surname
  // forms as stems of their own ("Korei", "Białym"), while "Korea" + ending "i" is the country.
  // The shortest inflected lemma: "Donaldowi" is Donald's dative, not the adjective "Donaldowy".
  const inflected = proper
    .filter((a) => a.ending !== '' && a.lemma !== word)
    .sort((a, b) => a.lemma.length - b.lemma.length)[0];
  const literal = proper.find((a) => a.lemma === word);
  // A flagged stem identical to the word is its own nominative ("Franciszek", "Morze").
  const nominative = analyses.find((a) => a.flagged && a.ending === '' && a.lemma.toLocaleLowerCase('pl') === lower);
  // Only a stem with flags is a true lemma; a bare one is a listed inflected form.
  const literalLemma = literal?.flagged ? literal : undefined;
  // Homographs ("Rady": rada / rad) resolve towards institution and place heads, the nouns
  // names are built on.
  const nouns = common.filter((a) => a.ending !== '' && !(ADJ_LEMMA.test(a.lemma) && a.lemma === adjective));
  const commonNoun = nouns.find((a) => nameHeads().has(a.lemma)) ?? nouns[0];
  // dictionary-pl also lists inflected forms as bare stems ("Unii", "Korei"), so a literal
  // capitalised stem only wins when no reading has a real ending.
  // Proper-name readings first ("Berlina" is Berlin's genitive before it is a common noun),
  // then a common noun in the nominative ("Izba", "Morze"), then inflected common nouns.
  const noun = literalLemma?.lemma ?? inflected?.lemma ?? (nominative ? word : undefined)
    ?? (commonNoun ? capitaliseLike(commonNoun.lemma, word) : undefined) ?? literal?.lemma;
  return {
    ...(adjective ? { adjective } : {}),
    ...(noun ? { noun } : {}),
    common: common.length > 0,
    inflected: noun !== undefined && noun !== word,
    person: proper.some((a) => PERSON_FLAGS.some((f) => hasFlags(a.flags, f))),
    // -anin / -iec nouns ("Rosjanin/COtZz", "Ukrainiec") have other paradigm classes but are
    // demonyms too.
    demonym: proper.some((a) => hasFlags(a.flags, DEMONYM_FLAGS) || /(anin|iec)$/u.test(a.lemma)),
    bareProper: proper.length > 0 && proper.every((a) => !a.flagged && a.ending === ''),
    listedAsWritten: literal !== undefined && !literal.flagged,
    proper: proper.length > 0,
    lemmas: analyses.map((a) => a.lemma.toLocaleLowerCase('pl')).concat(lower),
  };
}

/** Keep the surface's casing pattern: "UNII" stays upper, "Unii" → "Unia". */
function capitaliseLike(lemma: string, surface: string): string {
  if (surface.length > 1 && surface === surface.toLocaleUpperCase('pl')) return lemma.toLocaleUpperCase('pl');
  return isUpper(surface) ? capitalise(lemma) : lemma;
}

/** Masculine nominative of an inflected adjective the dictionary does not know ("Zjednoczonego"). */
export function adjectiveByRule(word: string): string | undefined {
  adjEndings ??= loadPairs('pl', 'entity-adjective-endings');
  const lower = word.toLocaleLowerCase('pl');
  for (const [ending, lemmaEnding] of adjEndings) {
    if (lower.endsWith(ending) && lower.length > ending.length + 2) return lower.slice(0, -ending.length) + lemmaEnding;
  }
  return undefined;
}

/** The adjective's nominative agreeing with a head noun of `gender`, cased like `surface`. */
export function agreeAdjective(masculine: string, gender: Gender, surface: string): string {
  genderRules ??= loadPairs('pl', 'entity-adjective-gender').map(([k, v]) => [k, v.split(/\s+/)] as const);
  let out = masculine;
  if (gender !== 'm') {
    for (const [ending, forms] of genderRules) {
      if (!masculine.endsWith(ending)) continue;
      const form = forms[gender === 'f' ? 0 : gender === 'n' ? 1 : 2]!;
      out = masculine.slice(0, -ending.length) + form;
      break;
    }
  }
  return capitaliseLike(out, surface);
}

/**
 * Grammatical gender from a noun's nominative: -a feminine ("Korea", but "Kim"-like names are
 * handled as persons before this), -o/-e/-um neuter, -y/-i plural-only names ("Niemcy",
 * "Stany"), anything else masculine. Polish rule of thumb; exceptions (-a masculine "Kolega")
 * are rare among institution/place heads.
 */
export function genderOf(noun: string): Gender {
  const w = noun.toLocaleLowerCase('pl');
  if (/a$/.test(w)) return 'f';
  if (/(o|e|um|ę)$/.test(w)) return 'n';
  if (/(y|i)$/.test(w)) return 'pl';
  return 'm';
}
