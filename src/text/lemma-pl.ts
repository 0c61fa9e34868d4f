/**
 * Polish lemmas: Hunspell affix analysis over dictionary-pl (see hunspell.ts), a small table of
 * irregular forms, and a suffix fallback for unknown words (resources/pl/name-endings.txt for
 * capitalised names, resources/pl/common-endings.txt for lower-case loanwords).
 *
 * Choosing among analyses (the dictionary has no part-of-speech tags):
 *   1. inside a sentence a capitalised word is a name first: capitalised stems ("Kremlowi" → "Kreml"),
 *      then a name ending stripped to a known capitalised stem ("Kima" → "Kim", not "kimać"),
 *      then common readings; at sentence start common readings come first ("Według" → "według")
 *      unless the word is a name whose lower-case form is no lemma of its own ("Kim");
 *   2. within one reading class, the smallest edit wins, verbs lose to non-verbs ("broni" → "broń":
 *      news uses the noun far more often), and bare capitalised flagless stems lose to real
 *      paradigms ("Koreą" is listed as its own flagless entry, but is a form of "Korea");
 *   3. a capitalised word inside a sentence keeps a capitalised lemma even when its reading is a
 *      common word ("Komisji" → "Komisja"), since it is used in a name; acronyms stay as written.
 *      Callers that want names and common words to meet should compare lemmas case-insensitively.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadList, loadMap, loadResource } from '../resources.ts';
import { analyzeWord, buildHunspell, parseAff, parseDic, type HunspellAnalysis, type HunspellData } from './hunspell.ts';
import { isCapitalised, memoisedLemma, type Lemmatizer } from './lemmatizer.ts';

/** dictionary-pl's suffix class deriving adverbs from adjectives ("prawdopodobny" → "prawdopodobnie"). */
const ADVERB_FLAG = 'y';

/** Ranking penalties, tuned on the seed lemma table in test/text/lemma-pl.test.ts (2026-11). */
const VERB_PENALTY = 3;
const FLAGLESS_SELF_PENALTY = 4;
/**
 * Among capitalised readings a noun lemma beats an adjective one ("Polski" → "Polska", the
 * genitive, rather than the adjective "Polski"): a lone capitalised word is a name, and names
 * are nouns. Set from BSNLP pl dev single-token mentions (2026-11): +3 outranks the 2-character
 * edit of the noun reading; tune together with VERB_PENALTY.
 */
const ADJECTIVE_NAME_PENALTY = 3;
/** Default shortest stem left after stripping a name ending ("Una" → "Un"); rules may ask for more. */
const MIN_NAME_STEM = 2;

interface NameEnding {
  readonly ending: string;
  readonly replacement: string;
  readonly condition: RegExp;
  readonly minStem: number;
}

export interface PolishLemmatizer extends Lemmatizer {
  /** Analyses as the dictionary gives them, for callers that rank by themselves. */
  analyses(word: string): HunspellAnalysis[];
}

/** Reads dictionary-pl's .aff/.dic (the package's index.js uses top-level await, so resolve beside it). */
export function loadPolishDictionary(): HunspellData {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-pl'));
  return buildHunspell(
    parseAff(readFileSync(join(dir, 'index.aff'), 'utf8')),
    parseDic(readFileSync(join(dir, 'index.dic'), 'utf8')),
  );
}

function loadEndings(name: 'name-endings' | 'common-endings'): NameEnding[] {
  return loadList('pl', name)
    .map((line) => {
      const [ending, replacement, condition, minStem] = line.split(/\s+/);
      return {
        ending,
        replacement: replacement === '-' ? '' : replacement,
        condition: new RegExp(`(?:${condition})$`, 'iu'),
        minStem: minStem ? Number(minStem) : MIN_NAME_STEM,
      };
    })
    .sort((a, b) => b.ending.length - a.ending.length);
}

function isVerbLemma(lemma: string): boolean {
  return lemma.endsWith('ć') || lemma.endsWith('c');
}

function isFlaglessSelf(data: HunspellData, a: HunspellAnalysis): boolean {
  return a.edit === 0 && !a.prefix && data.stems.get(a.stem) === '';
}

function rank(data: HunspellData, a: HunspellAnalysis, asName = false): number {
  let score = a.edit;
  if (asName && /[yi]$/.test(a.lemma)) score += ADJECTIVE_NAME_PENALTY;
  if (isVerbLemma(a.lemma)) score += VERB_PENALTY;
  // Capitalised flagless entries are flat lists of declined names ("Koreą" beside "Korea/M"),
  // lower-case ones are indeclinable words that are their own lemma ("od", not "oda").
  if (isFlaglessSelf(data, a) && isCapitalised(a.stem)) score += FLAGLESS_SELF_PENALTY;
  return score;
}

function best(data: HunspellData, analyses: readonly HunspellAnalysis[], asName = false): string | undefined {
  let chosen: HunspellAnalysis | undefined;
  let chosenScore = Infinity;
  for (const a of analyses) {
    const s = rank(data, a, asName);
    if (s < chosenScore) { chosen = a; chosenScore = s; }
  }
  return chosen?.lemma;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Title" case: capital then at least one lower-case letter, so acronyms ("KCNA") are not declined. */
function isTitleCase(word: string): boolean {
  return isCapitalised(word) && /\p{Ll}/u.test(word.slice(1));
}

export function createPolishLemmatizer(data: HunspellData = loadPolishDictionary()): PolishLemmatizer {
  const exceptions = loadMap('pl', 'lemma-exceptions');
  const functionWords = new Set(loadResource('pl', 'function-words'));
  // Dotted abbreviations are single tokens ("m.in."); the sentence splitter's list names them.
  const abbreviations = new Set(loadResource('pl', 'abbreviations').map((e) => e.split(/\s+/)[0].toLowerCase()));
  const nameEndings = loadEndings('name-endings');
  const commonEndings = loadEndings('common-endings');

  // Adverbs are lemmas of their own (NKJP, Morfeusz): "prawdopodobnie" stays, it does not become
  // "prawdopodobny" — hedge and time cues depend on it.
  const analyses = (word: string): HunspellAnalysis[] =>
    analyzeWord(data, word).map((a) => (a.suffix?.flag === ADVERB_FLAG ? { ...a, lemma: word, edit: 0 } : a));

  /** Ending-rule candidates ("Pieskowa" → "Pieskow"), longest ending first, conditions met. */
  const strippedStems = (word: string, rules: readonly NameEnding[]): string[] => {
    const out: string[] = [];
    for (const rule of rules) {
      if (!word.endsWith(rule.ending)) continue;
      const stem = word.slice(0, word.length - rule.ending.length);
      if (stem.length < rule.minStem || !rule.condition.test(stem)) continue;
      out.push(stem + rule.replacement);
    }
    return out;
  };

  const lemmaOfSimple = (word: string, sentenceInitial: boolean): string => {
    const lower = word.toLowerCase();
    const exception = exceptions.get(lower);
    if (exception && (lower === word || sentenceInitial)) return exception;
    if (!isCapitalised(word)) return best(data, analyses(word)) ?? strippedStems(word, commonEndings)[0] ?? word;
    // Acronyms ("PE", "DUP", "KCNA") are names as written; declining them finds false friends ("dupa").
    if (word.length > 1 && !/\p{Ll}/u.test(word)) return word;

    const capital = split(analyses(word).filter((a) => isCapitalised(a.lemma)));
    const lowerReadings = word === lower ? [] : analyses(lower);
    const common = split(lowerReadings);
    const names = isTitleCase(word) ? strippedStems(word, nameEndings) : [];
    const knownName = names.find((stem) => data.stems.has(stem));
    // Closed-class words are never names, wherever their capital comes from (sentence start,
    // a quotation opening after a colon, a headline).
    if (functionWords.has(lower)) return best(data, lowerReadings) ?? lower;
    if (sentenceInitial && lowerReadings.length > 0) {
      const commonLemma = best(data, lowerReadings)!;
      const capitalLemma = best(data, capital.paradigm);
      // "Kremlowi" at sentence start: the name and the common noun "kreml" are one word; keep the capital.
      if (capitalLemma?.toLowerCase() === commonLemma) return capitalLemma;
      // The capital is positional unless the word is also a name *and* its lower-case form is
      // not a lemma in its own right: "Kim" (a name; "kim" is only a form of "kto"/"kima") stays
      // a name, while "Kraj" (a lemma itself) is the common word. Closed-class words ("W", "Tak")
      // were settled above from resources/pl/function-words.txt.
      const nameEvidence = capital.paradigm.length > 0 || capital.flagless.length > 0 || knownName !== undefined;
      const lowerIsLemma = common.paradigm.some((a) => a.edit === 0);
      if (!nameEvidence || lowerIsLemma) return commonLemma;
    }
    if (capital.paradigm.length > 0) return best(data, capital.paradigm, true)!;
    if (knownName) return knownName;
    const commonLemma = best(data, common.paradigm);
    // The dictionary lists some names flatly ("Unia", "Unii", "Unią" without flags); the common
    // word's paradigm finds the lemma, the flat list confirms its capitalised spelling.
    if (commonLemma && data.stems.has(capitalise(commonLemma))) return capitalise(commonLemma);
    // A name the dictionary lists as written ("Kim", "Dzong") beats a common homograph's reading
    // ("kim" → "kima"), but flatly listed adjectival name parts ("Północnej" in "Korei Północnej")
    // are better served by their adjective lemma ("północny"): Polish adjective lemmas end in -y/-i.
    if (capital.flagless.length > 0 && names.length === 0 && !(commonLemma && /[yi]$/.test(commonLemma))) return word;
    // A capital inside a sentence marks use in a name ("Komisji Europejskiej"), so the lemma keeps it.
    if (commonLemma) return sentenceInitial ? commonLemma : capitalise(commonLemma);
    // Flagless entries are indeclinable words or flatly listed name forms ("Pieskowa" next to
    // "Pieskowej"), so a name ending beats them; otherwise keep the word as written.
    return names[0] ?? (capital.flagless.length > 0 ? word : common.flagless[0]?.lemma ?? word);
  };

  /** Separates real paradigm readings from bare flagless self-entries. */
  const split = (readings: HunspellAnalysis[]) => ({
    paradigm: readings.filter((a) => !isFlaglessSelf(data, a)),
    flagless: readings.filter((a) => isFlaglessSelf(data, a)),
  });

  const lemmaOf = (word: string, sentenceInitial: boolean): string => {
    if (!word.includes('-')) return lemmaOfSimple(word, sentenceInitial);
    // A flagless listing of the whole compound is only a spelling entry, not its lemma.
    const whole = analyses(word).filter((a) => !isFlaglessSelf(data, a));
    if (whole.length > 0) return best(data, whole)!;
    // Compounds: "północno-wschodniego" declines only its last part; double names
    // ("Rimskiego-Korsakowa") decline every part. An "-o" first part marks the former.
    const parts = word.split('-');
    return parts
      .map((part, i) => (i < parts.length - 1 && /o$/.test(part) && !isCapitalised(part)) ? part
        : lemmaOfSimple(part, sentenceInitial && i === 0))
      .join('-');
  };

  return {
    analyses,
    lemma: memoisedLemma(lemmaOf),
    candidates(word: string): string[] {
      const lower = word.toLowerCase();
      const all = [...analyses(word), ...(lower === word ? [] : analyses(lower))];
      return [...new Set(all.sort((a, b) => rank(data, a) - rank(data, b)).map((a) => a.lemma))];
    },
    knows(word: string): boolean {
      const lower = word.toLowerCase();
      // Any case: as written, lower-case ("Według"), or capitalised ("władywostoku" in a URL slug).
      return [...new Set([word, lower, capitalise(lower)])].some((form) => analyses(form).length > 0)
        || exceptions.has(lower) || abbreviations.has(lower);
    },
  };
}
