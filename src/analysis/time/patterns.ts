/**
 * Step 1 of time analysis: find time expressions in text and read their parts, without
 * resolving them (resolve.ts does that against an anchor). Patterns are built from the
 * language's lexicon, so Polish and English share this code.
 */
import type { Span } from '../../types.ts';
import type { TimeLexicon, TimeUnit } from './lexicon.ts';

export type PeriodPart = 'start' | 'end';

/** What a matched expression says, before it is placed on the calendar. */
export type RawTime =
  /** `yearShift` -1/0/1 for a year said from the moment of writing ("29 marca ub.r.", "March 29 last year"). */
  | { readonly kind: 'date'; readonly year?: number; readonly yearShift?: number; readonly month: number; readonly day: number }
  | { readonly kind: 'month'; readonly month: number; readonly year?: number; readonly yearShift?: number; readonly part?: PeriodPart }
  | { readonly kind: 'year'; readonly year: number; readonly since: boolean }
  /** `shift` -1/1 for "ubiegły"/"przyszły"; 0 for a plain weekday, whose direction comes from the sentence's tense. */
  | { readonly kind: 'weekday'; readonly weekday: number; readonly word: string; readonly shift: number }
  | { readonly kind: 'day-offset'; readonly days: number; readonly word: string }
  | { readonly kind: 'unit-shift'; readonly unit: TimeUnit; readonly shift: number; readonly part?: PeriodPart }
  /** `count` is NaN for a vague quantity ("kilka dni temu"). */
  | { readonly kind: 'ago'; readonly unit: TimeUnit; readonly count: number }
  | { readonly kind: 'near'; readonly unit: TimeUnit };

export interface RawMatch {
  readonly start: number;
  readonly end: number;
  readonly time: RawTime;
}

/** Word boundaries that understand Polish letters (`\b` does not). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const YEAR = '((?:1[89]|20)\\d{2})';

interface Pattern {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray, lx: TimeLexicon) => RawTime | undefined;
}

interface Compiled {
  readonly patterns: readonly Pattern[];
  /** Any word a time expression must contain (month, weekday, unit, day word) or a digit. */
  readonly trigger: RegExp;
}

const patternCache = new WeakMap<TimeLexicon, Compiled>();

function compiled(lx: TimeLexicon): Compiled {
  const cached = patternCache.get(lx);
  if (cached) return cached;
  const r = lx.re;
  const prep = `(?:(${r.prep})\\s+)?`;
  const part = `(?:(${r.part})\\s+(?:${r.fill}\\s+)*)?`;
  const yearword = `(?:\\s*(?:${r.yearword}))?`;
  const num = `(\\d+(?:[.,]5)?|${r.num})`;
  // A year counted from the moment of writing after a date or month: "ubiegłego roku", "w przyszłym
  // roku", "ub.r.", "br.", "last year". Three groups: shift word, unit word, abbreviation (yearShiftOf).
  const relativeYear = `(?:(?:(?:${r.prep})\\s+)?(${r.shift})\\s+(${r.unit})|(${r.yearshift}))`;
  const make = (src: string, read: Pattern['read']): Pattern => ({ re: new RegExp(B + src + E, 'gu'), read });
  const list: Pattern[] = [
    // "30 czerwca 2019 r.", "30 June 2019"
    make(`${prep}(\\d{1,2})\\.?\\s+(${r.month})\\s+${YEAR}${yearword}`, (m, l) =>
      date(Number(m[4]), l.monthOf(m[3]!), Number(m[2]))),
    // "June 30, 2019"
    make(`${prep}(${r.month})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, (m, l) =>
      date(Number(m[4]), l.monthOf(m[2]!), Number(m[3]))),
    // "12.09.2023"
    make(`(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}`, (m) => date(Number(m[3]), Number(m[2]), Number(m[1]))),
    // "2023-09-12"
    make(`${YEAR}-(\\d{2})-(\\d{2})`, (m) => date(Number(m[1]), Number(m[2]), Number(m[3]))),
    // "29 marca ub.r.", "29 marca ubiegłego roku", "March 29 last year"
    make(`${prep}(\\d{1,2})\\.?\\s+(${r.month})\\s+${relativeYear}`, (m, l) =>
      relativeDate(yearShiftOf(l, m[4], m[5], m[6]), l.monthOf(m[3]!), Number(m[2]))),
    make(`${prep}(${r.month})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${relativeYear}`, (m, l) =>
      relativeDate(yearShiftOf(l, m[4], m[5], m[6]), l.monthOf(m[2]!), Number(m[3]))),
    // "30 czerwca", "June 30" (year from the anchor)
    make(`${prep}(\\d{1,2})\\.?\\s+(${r.month})`, (m, l) => date(undefined, l.monthOf(m[3]!), Number(m[2]))),
    make(`${prep}(${r.month})\\s+(\\d{1,2})(?:st|nd|rd|th)?`, (m, l) => date(undefined, l.monthOf(m[2]!), Number(m[3]))),
    // "w kwietniu 2019 r.", "pod koniec lipca 2023", "in April 2019"
    make(`${prep}${part}(${r.month})\\s+${YEAR}${yearword}`, (m, l) =>
      month(l.monthOf(m[3]!), { year: Number(m[4]), part: partOf(l, m[2]) })),
    // "w sierpniu", "w listopadzie ubiegłego roku", "we wrześniu ub.r.", "in November last year", "lipcowej"
    make(`${prep}${part}(${r.month})(?:\\s+${relativeYear})?`, (m, l) => {
      const yearShift = yearShiftOf(l, m[4], m[5], m[6]);
      if (yearShift === null) return undefined;
      return month(l.monthOf(m[3]!), { yearShift, part: partOf(l, m[2]) });
    }),
    // "w 2017 roku", "od 2019 roku", "in 2017": a bare number needs a preposition or "roku".
    make(`(${r.prep})\\s+${YEAR}${yearword}`, (m, l) => ({
      kind: 'year', year: Number(m[2]), since: l.value('since', m[1]!) !== undefined,
    })),
    // "w roku 2009", "od roku 2010": the year word before the number, an order Polish uses as well.
    make(`(${r.prep})\\s+(?:${r.yearword})\\s+${YEAR}`, (m, l) => ({
      kind: 'year', year: Number(m[2]), since: l.value('since', m[1]!) !== undefined,
    })),
    make(`${YEAR}\\s*(?:${r.yearword})`, (m) => ({ kind: 'year', year: Number(m[1]), since: false })),
    // "w ub.r.", "br.": the abbreviation alone is the year it names.
    make(`${prep}(${r.yearshift})`, (m, l) => ({ kind: 'unit-shift', unit: 'year', shift: Number(l.value('yearshift', m[2]!)) })),
    // "w ubiegły wtorek", "we wtorek", "last Tuesday", "poniedziałkowym"
    make(`${prep}(?:(${r.shift})\\s+)?(${r.weekday})`, (m, l) => {
      const weekday = l.weekdayOf(m[3]!);
      return weekday === undefined ? undefined
        : { kind: 'weekday', weekday, word: l.weekdayName(weekday), shift: m[2] ? Number(l.value('shift', m[2])) : 0 };
    }),
    // "wczoraj", "yesterday"
    make(`(${r.day})`, (m, l) => ({ kind: 'day-offset', days: Number(l.value('day', m[1]!)), word: m[1]! })),
    // "w zeszłym roku", "pod koniec ubiegłego miesiąca", "last month", "end of last month"
    make(`${prep}${part}(${r.shift})\\s+(${r.unit})`, (m, l) => {
      const unit = l.value('unit', m[4]!) as TimeUnit;
      // "the next day" / "w tym dniu" count from the narrated event, not from publication.
      if (unit === 'day') return undefined;
      return { kind: 'unit-shift', unit, shift: Number(l.value('shift', m[3]!)), part: partOf(l, m[2]) };
    }),
    // "dwa miesiące temu", "półtora roku temu", "two months ago", "a year ago"
    make(`(?:${num}\\s+)?(${r.unit})\\s+(?:${r.ago})`, (m, l) => ago(l, m[1], m[2]!)),
    // "przed dwoma miesiącami", "przed rokiem"
    make(`(?:${r.before})\\s+(?:${num}\\s+)?(${r.unit})`, (m, l) => ago(l, m[1], m[2]!)),
    // "w najbliższych dniach", "in the coming days"
    make(`${prep}(?:${r.fill}\\s+)*(?:${r.near})\\s+(${r.unit})`, (m, l) => ({ kind: 'near', unit: l.value('unit', m[2]!) as TimeUnit })),
  ];
  const trigger = new RegExp(`${B}(?:${[r.month, r.weekday, r.day, r.unit, r.yearshift].join('|')})${E}|\\d+`, 'gu');
  const result = { patterns: list, trigger };
  patternCache.set(lx, result);
  return result;
}

/**
 * Where expressions can be: stretches of text around trigger words, cut at spaces. The full
 * pattern set then runs only there, which keeps its cost off the (mostly timeless) rest.
 */
const WINDOW_MARGIN = 60;

function windows(text: string, trigger: RegExp): Span[] {
  const out: Span[] = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    let start = Math.max(0, m.index - WINDOW_MARGIN);
    let end = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    const last = out.at(-1);
    if (last && start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, end) };
    else out.push({ start, end });
  }
  return out;
}

function date(year: number | undefined, month: number | undefined, day: number): RawTime | undefined {
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { kind: 'date', year, month, day };
}

/** A day and month of a year counted from the publication date; undefined when the shift is no year's. */
function relativeDate(yearShift: number | undefined | null, month: number | undefined, day: number): RawTime | undefined {
  if (yearShift === undefined || yearShift === null || date(undefined, month, day) === undefined) return undefined;
  return { kind: 'date', yearShift, month: month!, day };
}

/**
 * The year shift a relative-year group says: a shift word with a year unit ("ubiegłego roku") or
 * an abbreviation ("ub.r."); undefined when there is none, null when the shift is of another unit
 * ("w marcu przyszłego tygodnia"), which the expression must then not swallow.
 */
function yearShiftOf(lx: TimeLexicon, shift: string | undefined, unit: string | undefined, abbreviation: string | undefined): number | undefined | null {
  if (abbreviation) return Number(lx.value('yearshift', abbreviation));
  if (!shift) return undefined;
  return lx.value('unit', unit!) === 'year' ? Number(lx.value('shift', shift)) : null;
}

function month(m: number | undefined, extra: { year?: number; yearShift?: number; part?: PeriodPart }): RawTime | undefined {
  if (m === undefined) return undefined;
  return { kind: 'month', month: m, ...definedOnly(extra) };
}

function partOf(lx: TimeLexicon, word: string | undefined): PeriodPart | undefined {
  return word ? (lx.value('part', word) as PeriodPart | undefined) : undefined;
}

function ago(lx: TimeLexicon, count: string | undefined, unitWord: string): RawTime | undefined {
  const unit = lx.value('unit', unitWord) as TimeUnit | undefined;
  if (!unit) return undefined;
  const value = count === undefined ? '1' : /\d/.test(count) ? count.replace(',', '.') : lx.value('num', count);
  if (value === 'few') return { kind: 'ago', unit, count: Number.NaN };
  const n = Number(value);
  return Number.isFinite(n) ? { kind: 'ago', unit, count: n } : undefined;
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * All time expressions in `text`, longest match winning where candidates overlap.
 * @example matchTimes('w kwietniu 2019 r.', lexicon) // → [{ time: { kind: 'month', month: 4, year: 2019 } }]
 */
export function matchTimes(text: string, lx: TimeLexicon): RawMatch[] {
  const { patterns, trigger } = compiled(lx);
  const candidates: RawMatch[] = [];
  for (const w of windows(text, trigger)) {
    const slice = text.slice(w.start, w.end);
    for (const p of patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(slice); m; m = p.re.exec(slice)) {
        const time = p.read(m, lx);
        if (time) candidates.push({ start: w.start + m.index, end: w.start + m.index + m[0].length, time });
      }
    }
  }
  // Longest first: "w kwietniu 2019 r." beats its parts "w kwietniu" and "2019 r.".
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: RawMatch[] = [];
  for (const c of candidates) {
    if (!chosen.some((u) => c.start < u.end && u.start < c.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
