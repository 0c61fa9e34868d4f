/**
 * Figures stated in a sentence: "600 lotów", "około 50 tys. pasażerów", "czworo dzieci", "12 proc.".
 * Each is a value (magnitude applied), the unit it counts (a group of lemma stems from
 * resources/<lang>/synthesis-units.txt, so "klientów" and "pasażerów" count the same thing), and
 * whether it is approximate ("około", "ponad", "niecałe"). Dates are the date slot's, so digits inside
 * a time expression and bare years are left out. Words and markers are data:
 * resources/<lang>/synthesis-numbers.txt.
 */
import { loadResource, type ResourceLanguage } from '../resources.ts';
import type { Language, Span } from '../types.ts';
import { resourceLanguage } from './resources.ts';

export interface Figure extends Span {
  readonly value: number;
  /** The unit's group id (its first listed stem), or the unit word's own stem; '' when none follows. */
  readonly unit: string;
  readonly approximate: boolean;
  /**
   * One-sided approximations: `below` for a ceiling ("niecałe 200", "prawie 400", "do 34"), `above` for
   * a floor ("ponad 600"); unset for "około" and exact figures.
   */
  readonly bound?: Bound;
  /** As written, with its unit word: "około 50 tys. pasażerów". */
  readonly text: string;
}

/** The word a figure is read from: its text, lemma and offsets in the article. */
export interface FigureWord extends Span {
  readonly text: string;
  readonly lemma: string;
}

export type Bound = 'below' | 'above';

interface NumberLexicon {
  readonly words: ReadonlyMap<string, number>;
  readonly magnitudes: readonly (readonly [string, number])[];
  readonly approx: readonly (readonly string[])[];
  /** Approximation markers (joined by spaces) that bound the figure on one side. */
  readonly bounds: ReadonlyMap<string, Bound>;
  /** Phrases after a number that add a half ("cztery i pół miliona", "four and a half million"), each as its words. */
  readonly halves: readonly (readonly string[])[];
  readonly unitOf: ReadonlyMap<string, string>;
  readonly durations: ReadonlySet<string>;
}

/** Stems compare units: "lotów"/"lot", "pasażerów"/"pasażer" (as in features.ts). */
const UNIT_STEM = 6;
/** Approximate values within this share of each other are one figure ("niecałe 200" and 190). */
export const APPROXIMATE_TOLERANCE = 0.1;

/** Plural genitive adjectives skipped before the unit word ("rozkładowych europejskich lotów"). */
const MAX_UNIT_ADJECTIVES = 2;

const cache = new Map<ResourceLanguage, NumberLexicon>();

function lexicon(language: Language): NumberLexicon {
  const lang: ResourceLanguage = resourceLanguage(language);
  let lex = cache.get(lang);
  if (!lex) {
    const words = new Map<string, number>();
    const magnitudes: [string, number][] = [];
    const approx: string[][] = [];
    const bounds = new Map<string, Bound>();
    const halves: string[][] = [];
    for (const line of loadResource(lang, 'synthesis-numbers')) {
      const [key, rest] = line.split(/:\s*/u, 2) as [string, string];
      const parts = rest.split(/\s+/u);
      if (key === 'word') words.set(parts[0]!, Number(parts[1]));
      else if (key === 'magnitude') magnitudes.push([parts[0]!, Number(parts[1])]);
      else if (key === 'approx') for (const p of parts) approx.push([p]);
      else if (key === 'approx-phrase') approx.push(parts);
      else if (key === 'half') halves.push(parts);
      else if (key === 'below' || key === 'above') for (const p of rest.split(/\s*,\s*/u)) bounds.set(p.trim(), key);
    }
    const unitOf = new Map<string, string>();
    const durations = new Set<string>();
    for (const line of loadResource(lang, 'synthesis-units')) {
      const duration = line.startsWith('duration:');
      const stems = line.replace(/^duration:\s*/u, '').split(/\s+/u);
      for (const s of stems) unitOf.set(s, stems[0]!);
      if (duration) durations.add(stems[0]!);
    }
    lex = { words, magnitudes, approx, bounds, halves, unitOf, durations };
    cache.set(lang, lex);
  }
  return lex;
}

const lower = (s: string): string => s.toLowerCase();

/** The unit group of a word's lemma ("klientów" → "pasaże"), or its own stem. */
export function unitOf(lemma: string, language: Language): string {
  const stem = lower(lemma).slice(0, UNIT_STEM);
  return lexicon(language).unitOf.get(stem) ?? stem;
}

/**
 * Digit groups of thousands as each language writes them: Polish "994.800 osób" (a dot; its decimal
 * mark is the comma), English "994,800 people". Read as a decimal, "994.800" became 994.8 and met
 * "2702 osoby" as one order of magnitude. Groups of three digits after a one-to-three-digit head only.
 */
const THOUSANDS: Readonly<Record<'pl' | 'en', RegExp>> = { pl: /^\d{1,3}(?:\.\d{3})+$/u, en: /^\d{1,3}(?:,\d{3})+$/u };

function digitsValue(text: string, language: Language): number | undefined {
  const grouped = THOUSANDS[language === 'en' ? 'en' : 'pl'];
  if (grouped.test(text)) return Number(text.replace(/[.,]/gu, ''));
  if (!/^\d+(?:[.,]\d+)?$/u.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}

const isYear = (value: number, unitLemma: string): boolean =>
  Number.isInteger(value) && value >= 1900 && value <= 2099 && (unitLemma === '' || /^(?:r|rok|roku|year)$/u.test(unitLemma));

/** "324 do 295": a number, "do"/"to", and a smaller number read as a score, not as a range "up to". */
function isScore(first: number, joiner: FigureWord, second: FigureWord, language: Language): boolean {
  const end = digitsValue(second.text, language);
  return /^(?:do|to)$/u.test(lower(joiner.text)) && end !== undefined && first > end;
}

/**
 * The figures among `words`, skipping any inside `exclude` (time expressions).
 * @example figures(text, wordsOf(text), 'pl')[0] // text 'Ryanair odwołał około 600 lotów'
 *   // → { value: 600, unit: 'lot', approximate: true, text: 'około 600 lotów', … }
 */
export function figures(text: string, words: readonly FigureWord[], language: Language, exclude: readonly Span[] = []): Figure[] {
  const lex = lexicon(language);
  const out: Figure[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const c = w.text.charCodeAt(0);
    let base = c >= 48 && c <= 57 ? digitsValue(w.text, language) : lex.words.get(lower(w.text));
    if (base === undefined || exclude.some((e) => e.start <= w.start && w.end <= e.end)) continue;
    const prev = words[i - 1];
    const gap = prev ? text.slice(prev.end, w.start) : '';
    const prevDigits = prev && digitsValue(prev.text, language);
    // The denominator of a fraction ("2/3 Brytyjczyków", "ponad 2/5 Polaków") counts nothing: the
    // share is no figure of the unit after it.
    if (prevDigits !== undefined && gap === '/') continue;
    // A decimal comma a typo spaced out before a magnitude ("ok. 1, 2 tys. km" is 1.2 thousand): the
    // whole number read just before is this figure's.
    let joined: Figure | undefined;
    if (prevDigits !== undefined && Number.isInteger(prevDigits) && gap === ', ' && /^\d$/u.test(w.text) && words[i + 1] && lex.magnitudes.some(([prefix]) => lower(words[i + 1]!.text).startsWith(prefix)) && out.at(-1)?.end === prev!.end) {
      joined = out.pop();
      base = Number(`${prevDigits}.${w.text}`);
    }
    // A code, not a count: "FR 1002", "A4", "F-16".
    if (i > 0 && /^\p{Lu}{1,4}$/u.test(words[i - 1]!.text) && w.text.length >= 3) continue;
    // One end of a range or list whose last number carries the unit or month ("25 i 26 lipca", "10-15").
    // A range rises: "324 do 295" is a vote's score, two figures.
    if (words[i + 1] && /^(?:i|lub|albo|do|or|and|to)$/u.test(lower(words[i + 1]!.text)) && words[i + 2] && digitsValue(words[i + 2]!.text, language) !== undefined && !isScore(base, words[i + 1]!, words[i + 2]!, language)) continue;
    let j = i + 1;
    let value = base;
    // "cztery i pół miliona": four and a half, before its magnitude.
    const half = lex.halves.find((h) => h.every((x, k) => words[j + k] && lower(words[j + k]!.text) === x));
    if (half) {
      value = base = base + 0.5;
      j += half.length;
    }
    const magnitude = lex.magnitudes.find(([prefix]) => words[j] && lower(words[j]!.text).startsWith(prefix));
    // A word like "milion" is itself a number; "2 miliony" multiplies.
    if (magnitude && !(lex.words.has(lower(w.text)) && base >= 1000)) {
      value = base * magnitude[1];
      j++;
    }
    // Adjectives between the number and what it counts: "600 odwołanych lotów", "2400
    // rozkładowych europejskich lotów".
    for (let k = 0; k < MAX_UNIT_ADJECTIVES && words[j] && words[j + 1] && /(?:ych|ich)$/u.test(lower(words[j]!.text)); k++) j++;
    const unitWord = words[j];
    // A unit is a word of three letters or more ("lotów", "proc."): not "i", "w", "z"; or a shorter
    // abbreviation listed as a unit ("374 km" as "374 kilometry").
    const unitLemma = unitWord && (/^\p{L}{3}/u.test(unitWord.text) || lex.unitOf.has(lower(unitWord.text))) ? lower(unitWord.lemma) : '';
    if (digitsValue(w.text, language) !== undefined && value === base && isYear(value, unitLemma)) continue;
    const before = words.slice(Math.max(0, i - 2), i).map((x) => lower(x.text.replace(/\.$/u, '')));
    const score = i >= 2 && isScore(digitsValue(words[i - 2]!.text, language) ?? 0, words[i - 1]!, w, language);
    const marker = joined ? undefined : score ? undefined : lex.approx.find((m) => m.join(' ') === before.slice(before.length - m.length).join(' '));
    const end = unitLemma ? unitWord!.end : words[j - 1]!.end;
    const start = joined ? joined.start : marker ? words[i - marker.length]!.start : w.start;
    const bound = joined ? joined.bound : marker && lex.bounds.get(marker.join(' '));
    out.push({ value, unit: unitLemma ? unitOf(unitLemma, language) : '', approximate: joined ? joined.approximate : marker !== undefined, ...(bound && { bound }), start, end, text: text.slice(start, end) });
    i = j - 1;
  }
  return out;
}

/** Whether any of these lower-cased words can start a figure (a digit or a number word): most sentences have none. */
export function mayStateFigures(words: readonly string[], language: Language): boolean {
  const lex = lexicon(language);
  // A plain loop: asked for every sentence of a report's story, mostly before the JIT compiles it.
  for (const w of words) {
    const c = w.charCodeAt(0);
    if ((c >= 48 && c <= 57) || lex.words.has(w)) return true;
  }
  return false;
}

/** Whether a unit (a group id from unitOf) measures time: "osiem lat", "dwa dni". */
export function isDuration(unit: string, language: Language): boolean {
  return lexicon(language).durations.has(unit);
}

type Approximate = { readonly value: number; readonly approximate: boolean; readonly bound?: Bound };

/** The least and greatest value a figure may stand for. */
function lowest(f: Approximate): number {
  return f.approximate && f.bound !== 'above' ? f.value * (1 - APPROXIMATE_TOLERANCE) : f.value;
}
function highest(f: Approximate): number {
  return f.approximate && f.bound !== 'below' ? f.value * (1 + APPROXIMATE_TOLERANCE) : f.value;
}

/** A one-sided figure the other cannot meet: "do 34 krajów" (at most 34) and 37, "ponad 600" and 580. */
function outOfBound(a: Approximate, b: Approximate): boolean {
  return (a.bound === 'below' && lowest(b) > a.value) || (a.bound === 'above' && highest(b) < a.value);
}

/**
 * Whether two figures of one unit can be the same figure: equal, or within tolerance when approximate
 * and on the side a one-sided marker allows.
 */
export function sameFigure(a: Approximate, b: Approximate): boolean {
  if (a.value === b.value) return true;
  if (!a.approximate && !b.approximate) return false;
  if (outOfBound(a, b) || outOfBound(b, a)) return false;
  return Math.abs(a.value - b.value) <= APPROXIMATE_TOLERANCE * Math.max(a.value, b.value);
}
