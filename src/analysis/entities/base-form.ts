/**
 * Nominative base form of a Polish name phrase, BSNLP style: the phrase's own number and
 * the inner genitive kept ("Grupy Wagnera" → "Grupa Wagnera", "Rady Bezpieczeństwa
 * Narodowego" → "Rada Bezpieczeństwa Narodowego"), adjectives agreeing with their head
 * ("Białym Domu" → "Biały Dom", "Korei Północnej" → "Korea Północna"), and every part of a
 * person's name inflected ("Władimirem Putinem" → "Władimir Putin").
 */
import { adjectiveByRule, agreeAdjective, analyze, genderOf, tokenInfo, type Gender, type TokenInfo } from './morphology.ts';
import { forenameGender, forenameOf, taggedAdjectivalSurname, taggedNominative, taggedPhrase } from './dictionary-tags.ts';
import { knownKey } from './gazetteer.ts';
import { loadPairs } from './resources.ts';

/** Capitalised words seen in the article, to settle unknown names ("Kima" when "Kim" occurs). */
export type ArticleForms = ReadonlySet<string>;

/** `ending = replacement | stem condition` from resources/pl/entity-name-suffixes*.txt. */
interface SuffixRule {
  readonly ending: string;
  readonly replacement: string;
  readonly stem: RegExp;
}

let strong: readonly SuffixRule[] | undefined;
let weak: readonly SuffixRule[] | undefined;

function loadRules(name: string): SuffixRule[] {
  return loadPairs('pl', name).map(([ending, value]) => {
    const [replacement, condition] = value.split('|').map((x) => x.trim());
    // Default condition: the stem ends in a consonant (apostrophe endings follow a silent vowel).
    const stem = condition ? new RegExp(`${condition}$`, 'u') : /^['’]/.test(ending) ? /./u : CONSONANT;
    return { ending, replacement: replacement ?? '', stem };
  });
}

/** The stem left by the rule, if it applies; `strict` false skips the stem condition. */
function applies(rule: SuffixRule, word: string, strict = true): string | undefined {
  if (!word.endsWith(rule.ending) || word.length - rule.ending.length < 2) return undefined;
  const stem = word.slice(0, word.length - rule.ending.length);
  return !strict || rule.stem.test(stem) ? stem : undefined;
}

const CONSONANT = /[bcćdfghklłmnńprsśtwzźżvx]$/u;
const FEMININE_SIBLINGS = ['y', 'ę', 'ą', 'i'];

/**
 * Nominative of a name the dictionary does not know, by foreign-name suffix rules
 * (resources/pl/entity-name-suffixes*.txt), preferring a form the article itself uses.
 */
/** Every nominative the suffix rules allow for `word`, strong rules first. */
function ruleCandidates(word: string, strict = true): string[] {
  strong ??= loadRules('entity-name-suffixes');
  weak ??= loadRules('entity-name-suffixes-weak');
  const candidates: string[] = [];
  for (const rule of [...strong, ...weak]) {
    const stem = applies(rule, word, strict);
    if (stem !== undefined) candidates.push(stem + rule.replacement);
  }
  return candidates;
}

/** Every nominative the strong and weak ending rules allow for an unknown name, conditions aside. */
export function nameNominatives(word: string): string[] {
  return ruleCandidates(word, false);
}

let given: readonly SuffixRule[] | undefined;

export function unknownNameBase(word: string, forms: ArticleForms, givenName: boolean | 'attested' = false): string {
  // The article's own use of a shorter form settles it even where the rule alone would not
  // dare ("Pjongjangu" next to "Pjongjang").
  const attested = ruleCandidates(word, false).find((c) => c !== word && forms.has(c));
  if (attested) return attested;
  if (givenName === 'attested') return word;
  // "Jean-Claude'a", "Farage’a": an apostrophe ending is a case ending whatever the position.
  const apostrophe = strong!.find((r) => /^['’]/.test(r.ending) && word.endsWith(r.ending));
  if (apostrophe) return word.slice(0, word.length - apostrophe.ending.length) + apostrophe.replacement;
  if (givenName) {
    // Before a surname only feminine endings are read ("Theresy", "Asi" → "Theresa", "Asia"):
    // masculine given names of news (Donald, Władimir) are in the dictionary already.
    given ??= loadRules('entity-given-name-suffixes');
    for (const rule of given) {
      const stem = applies(rule, word);
      if (stem !== undefined) return stem + rule.replacement;
    }
    return word;
  }
  for (const rule of strong!) {
    const stem = applies(rule, word);
    if (stem === undefined || stem.length < 3) continue;
    // A feminine name shows other case forms of the same stem in the article ("Theresa"/"Theresy").
    if (rule.ending === 'a' && FEMININE_SIBLINGS.some((e) => forms.has(stem + e))) return word;
    return stem + rule.replacement;
  }
  return word;
}

/** Nominative of one name token read as a noun. */
export function nounBase(word: string, forms: ArticleForms): string {
  if (isAcronym(word)) return word.replace(/-\p{L}+$/u, ''); // "ONZ-u" → "ONZ"
  if (/^\p{Lu}\.$/u.test(word) || /\d/.test(word)) return word;
  if (word.includes('-')) return word.split('-').map((p) => nounBase(p, forms)).join('-');
  const tagged = taggedNominative(word, false);
  if (tagged) return tagged;
  const info = tokenInfo(word);
  // "Włoszech", "Wyspach": forms of plural-only names the dictionary lemmatises to a singular
  // or not at all; the suffix rules find "Włochy" / "Wyspy" among the known names.
  if (!(info.noun && knownKey(info.noun, 'pl'))) {
    // A known name vouches for a rule it would not pass on its own ("Pjongjangu" → "Pjongjang").
    const known = ruleCandidates(word, false).find((c) => knownKey(c, 'pl'));
    if (known) return known;
  }
  // A bare listed form ("Wrocławia", "Sorosa") is an inflected form: the name rules decide.
  if (info.bareProper && !info.common) return unknownNameBase(word, forms);
  if (info.proper && info.inflected && isForeignNominative(word, info, forms)) return word;
  if (info.proper) return info.noun ?? word;
  // A common-word reading with a real ending ("Unii" → "Unia") is the name's stem.
  if (info.noun && info.noun !== word) return info.noun;
  // A common word in the nominative ("Izba") stays, unless the article shows it is an
  // inflected name ("Kima" beside "Kim").
  // Only a shorter form: "Parlamenty" in the article does not make "Parlament" an inflected name.
  if (info.noun) return ruleCandidates(word, false).find((c) => c.length < word.length && forms.has(c)) ?? word;
  return unknownNameBase(word, forms);
}

/**
 * A flatly listed form ending in -o/-e/-y whose declined reading the article never uses is a
 * foreign nominative, not a case form: "Galileo" (not the vocative of "Galilea"), "Lee" (not
 * "Lea"), "Tony" (not "Ton"). Polish -a names show these endings only in the vocative and the
 * dative/locative or genitive, and an article declining such a name shows its nominative too.
 */
function isForeignNominative(word: string, info: TokenInfo, forms: ArticleForms): boolean {
  return info.listedAsWritten && /[oey]$/u.test(word) && info.noun !== undefined && !forms.has(info.noun);
}

/** Part of a person's name: a common-word reading is a coincidence ("Jake" is not "jak"). */
function personPart(word: string, forms: ArticleForms, last: boolean): string {
  if (last) {
    const surname = adjectivalSurname(word);
    if (surname) return surname.base;
    const tagged = taggedNominative(word, true);
    if (tagged) return tagged;
  }
  const info = tokenInfo(word);
  if (info.proper || isAcronym(word) || /^\p{Lu}\.$/u.test(word)) return nounBase(word, forms);
  // An unknown given name before the surname ends in -a as often because it is feminine
  // ("Theresa May") as because it is a masculine genitive; only the article can tell.
  return unknownNameBase(word, forms, !last);
}

let surnameEndings: readonly (readonly [string, string, Gender])[] | undefined;

/**
 * An adjectival surname with its nominative and gender: "Kowalskiego" → Kowalski (m),
 * "Nowakowskiej" → Nowakowska (f); resources/pl/entity-surname-endings.txt. A word the
 * dictionary reads as a form of another proper noun is not one ("Gdańska" is Gdańsk's genitive);
 * the dictionary lists surnames under their masculine form ("Nowakowski").
 */
export function adjectivalSurname(word: string): { base: string; gender: Gender } | undefined {
  if (!/^\p{Lu}\p{Ll}/u.test(word) || word.length < 5) return undefined;
  surnameEndings ??= loadPairs('pl', 'entity-surname-endings')
    .map(([ending, value]) => [ending, ...value.split(/\s+/)] as [string, string, Gender])
    .sort((a, b) => b[0].length - a[0].length);
  const rule = surnameEndings.find(([ending]) => word.endsWith(ending));
  if (!rule) return undefined;
  const noun = tokenInfo(word).noun;
  // PoliMorf lists surnames under both genders: "Czerwińska" is a woman's name, not Czerwińsk's genitive.
  if (noun !== undefined && !/(?:s|c|dz)ki$/u.test(noun) && !taggedAdjectivalSurname(word)) return undefined;
  return { base: word.slice(0, word.length - rule[0].length) + rule[1], gender: rule[2] };
}

/**
 * A person's gender as the surname shows it: an adjectival surname's own ("Nowakowskiej" f), or
 * masculine when the surname dropped a case ending and does not end in -a ("Mercera" → Mercer,
 * "Hammondzie" → Hammond); undefined when the surname does not decline.
 */
function personGender(surface: string, base: string): Gender | undefined {
  const adjectival = adjectivalSurname(surface);
  if (adjectival) return adjectival.gender;
  if (base !== surface && !/a$/u.test(base) && !/[ąę]$/u.test(surface)) return 'm';
  return undefined;
}

/** Endings a masculine given name drops in the oblique cases (strong suffix rules minus the feminine ą/ę). */
function masculineForename(word: string, forms: ArticleForms): string {
  const tagged = forenameOf(word, 'm');
  if (tagged) return tagged;
  // Readings the dictionary lists: "Jarosława" is Jarosław's genitive here, not Jarosława.
  const listed = analyze(word)
    .filter((a) => a.flagged && /^\p{Lu}/u.test(a.lemma) && !/a$/u.test(a.lemma) && (a.ending !== '' || a.lemma === word))
    .sort((a, b) => a.lemma.length - b.lemma.length)[0];
  if (listed) return listed.lemma;
  const attested = ruleCandidates(word, false).find((c) => c !== word && forms.has(c) && !/[aąę]$/u.test(c));
  if (attested) return attested; // "Tonym" beside "Tony"
  if (!/(?:a|owi|em|ie|u)$/u.test(word)) {
    // A nominative: "Leo", "Mario" are not forms of Lea, Maria next to a man's surname.
    const base = personPart(word, forms, false);
    return /a$/u.test(base) && !/a$/u.test(word) ? word : base;
  }
  for (const candidate of ruleCandidates(word, false)) {
    if (/[aąę]$/u.test(candidate) || candidate === word || candidate.length < 2) continue;
    // A mobile e the ending hid: "Pawła" → Paweł, "Marka" → Marek (if the dictionary lists it).
    const withE = candidate.replace(/(\p{L})(\p{L})$/u, '$1e$2');
    if (withE !== candidate && polishStem(withE)) return withE;
    if (polishStem(candidate) || forms.has(candidate) || !tokenInfo(word).proper) return candidate;
  }
  return word;
}

/** A flagged capitalised stem of the dictionary: a real name lemma. */
function polishStem(word: string): boolean {
  return analyze(word).some((a) => a.lemma === word && a.flagged && a.ending === '');
}

/**
 * Every part of a person's name, the given names agreeing in gender with the surname; when the
 * surname does not show the gender ("Słupek", "Bochniarz"), the forename does ("Katarzyny
 * Słupek" → Katarzyna Słupek), and a woman's surname that is not adjectival stays as written.
 */
function personBase(tokens: readonly string[], forms: ArticleForms): string {
  const lastIndex = tokens.length - 1;
  const surface = tokens[lastIndex]!;
  let surname = personPart(surface, forms, true);
  const gender = personGender(surface, surname) ?? forenameGender(tokens[0]!);
  if (gender === 'f' && !adjectivalSurname(surface)) surname = taggedNominative(surface, true) ?? surface;
  return tokens.map((t, i) => {
    if (i === lastIndex) return surname;
    const plain = !isAcronym(t) && !/^\p{Lu}\.$/u.test(t) && !t.includes('-');
    if (gender === 'm' && plain) return masculineForename(t, forms);
    if (gender === 'f' && plain) return forenameOf(t, 'f') ?? personPart(t, forms, false);
    const base = personPart(t, forms, false);
    // A woman's name ends in -o only as a vocative, which news does not use: "Alessandro" (a
    // man's nominative) is no form of Alessandra.
    return /o$/u.test(t) && /a$/u.test(base) ? t : base;
  }).join(' ');
}

let plurals: readonly (readonly [string, string])[] | undefined;

/** The plural nominative of a demonym lemma that the dictionary confirms ("Belg" → "Belgowie"). */
function pluralOf(lemma: string): string | undefined {
  plurals ??= loadPairs('pl', 'entity-demonym-plurals');
  for (const [singular, plural] of plurals) {
    if (!lemma.endsWith(singular)) continue;
    const candidate = lemma.slice(0, lemma.length - singular.length) + plural;
    if (analyze(candidate).some((a) => a.lemma === lemma)) return candidate;
  }
  return undefined;
}

/**
 * BSNLP keeps the number of a demonym: "Polaków" → "Polacy", "Rosjan" → "Rosjanie", while
 * the dictionary lemma is singular. Plural forms: the plural nominative itself, the oblique
 * plural endings, and the bare genitive of -anin words ("Rosjan").
 */
function demonymPlural(word: string): string | undefined {
  const info = tokenInfo(word);
  if (!info.demonym || !info.noun || info.noun === word) return undefined;
  const plural = pluralOf(info.noun);
  if (!plural) return undefined;
  const obliquePlural = /(ów|om|ami|ach)$/u.test(word) || (info.noun.endsWith('anin') && word === info.noun.slice(0, -2));
  return word === plural || obliquePlural ? plural : undefined;
}

/** A roman numeral ("II", "XXI"). */
export function isRomanNumeral(word: string): boolean {
  return /^(?=[IVXLC])(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/u.test(word) || /^C{1,3}$/u.test(word);
}

export function isAcronym(word: string): boolean {
  // Most words are rejected by their second letter alone ("Kowalski", "PiS"): the test below
  // lower- and upper-cases the word.
  const second = word.charAt(1);
  if (second !== second.toUpperCase()) return false;
  const core = word.replace(/-\p{L}+$/u, '');
  return core.length >= 2 && /\p{Lu}.*\p{Lu}/u.test(core) && core === core.toLocaleUpperCase('pl');
}

/** Unknown to the dictionary in every reading. */
function isForeign(word: string): boolean {
  const info = tokenInfo(word);
  return !info.proper && !info.common && !isAcronym(word);
}

/** "Środkowo-Wschodniej": leading "-o" parts stay, the last part declines ("-Wschodnia"). */
const COMPOUND_ADJECTIVE = /^(?:\p{L}+o-)+(\p{L}+)$/u;

function adjectiveOf(word: string): string | undefined {
  if (isAcronym(word)) return undefined;
  const compound = COMPOUND_ADJECTIVE.exec(word);
  if (compound) return adjectiveOf(compound[1]!);
  const info = tokenInfo(word);
  if (info.adjective) return info.adjective;
  // Rule-based reading only for words the dictionary cannot place at all ("Zjednoczonego").
  return info.proper || info.noun ? undefined : adjectiveByRule(word);
}

/** The adjective agreeing with its head, declining only the last part of a compound. */
function agree(masculine: string, gender: Gender, surface: string): string {
  const compound = COMPOUND_ADJECTIVE.exec(surface);
  if (!compound) return agreeAdjective(masculine, gender, surface);
  return surface.slice(0, surface.length - compound[1]!.length) + agreeAdjective(masculine, gender, compound[1]!);
}

/**
 * A street's name after its street word: adjectives agree with the street noun ("Kolejowej" after
 * "ul." → "Kolejowa", "Zamkowym" after "placu" → "Zamkowy"); other words stay as written, since
 * streets named after people are genitives ("Mickiewicza", "Jana Pawła II").
 * @example streetBase(['Kolejowej'], 'f') === 'Kolejowa'
 */
export function streetBase(tokens: readonly string[], gender: Gender): string {
  return tokens.map((t) => {
    const adjective = adjectiveOf(t);
    return adjective ? agree(adjective, gender, t) : t;
  }).join(' ');
}

/**
 * Base form of a phrase. `person` inflects every token (apposition); otherwise the head noun
 * and adjectives around it inflect and everything after the first following noun is an inner
 * genitive, kept as written.
 * @example phraseBase(['Białym', 'Domu'], false, new Set()) === 'Biały Dom'
 */
export function phraseBase(tokens: readonly string[], person: boolean, forms: ArticleForms): string {
  // A leading ordinal stays as written: "II wojny światowej" → "II wojna światowa".
  if (tokens.length > 1 && isRomanNumeral(tokens[0]!)) return `${tokens[0]} ${phraseBase(tokens.slice(1), false, forms)}`;
  if (tokens.length === 1) return demonymPlural(tokens[0]!) ?? (person ? personPart(tokens[0]!, forms, true) : nounBase(tokens[0]!, forms));
  if (person) return personBase(tokens, forms);
  if (tokens.every((t) => isForeign(t))) {
    // "Cambridge Analytica", "Financial Times": an all-foreign phrase is usually not declined.
    return tokens.map((t) => unknownNameBase(t, forms, 'attested')).join(' ');
  }
  const adjectives = tokens.map((t) => adjectiveOf(t));
  let head = adjectives.findIndex((a, i) => a === undefined || i === tokens.length - 1);
  if (head < 0) head = tokens.length - 1;
  const headBase = nounBase(tokens[head]!, forms);
  const gender = genderOf(headBase);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i === head) out.push(headBase);
    else if (i < head) out.push(agree(adjectives[i]!, gender, t));
    else if (adjectives[i] !== undefined) out.push(agree(adjectives[i]!, gender, t));
    else {
      out.push(...tokens.slice(i)); // inner genitive: "Partii Pracy", "Rady Bezpieczeństwa Narodowego"
      break;
    }
  }
  const ours = out.join(' ');
  return taggedPhrase(tokens, ours) ?? ours;
}
