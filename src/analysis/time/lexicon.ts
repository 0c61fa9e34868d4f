/**
 * Time vocabulary of one language (months, weekdays, relative-time words) read from
 * resources/<lang>/{months,weekdays,time-words}.txt and compiled into regular-expression
 * fragments. Code here knows roles ("shift", "unit"), never words.
 */
import { loadResource, type ResourceLanguage } from '../../resources.ts';

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export interface TimeLexicon {
  /** Surface form (as written) → month number 1–12; adjective stems are handled by `monthOf`. */
  readonly monthOf: (word: string) => number | undefined;
  readonly weekdayOf: (word: string) => number | undefined;
  /** Weekday number → its dictionary name (first form in weekdays.txt), for notes. */
  readonly weekdayName: (weekday: number) => string;
  /** Regex alternations (no capture groups) for each role. */
  readonly re: Readonly<Record<'month' | 'weekday' | Role, string>>;
  /** Role word → its value (`shift`, `yearshift` → -1/0/1, `num` → count, `unit` → unit, `day` → offset). */
  readonly value: (role: Role, word: string) => string | undefined;
}

type Role = 'num' | 'unit' | 'day' | 'shift' | 'yearshift' | 'part' | 'ago' | 'before' | 'near' | 'prep' | 'since' | 'until' | 'yearword' | 'fill' | 'future';
const ROLES: readonly Role[] = ['num', 'unit', 'day', 'shift', 'yearshift', 'part', 'ago', 'before', 'near', 'prep', 'since', 'until', 'yearword', 'fill', 'future'];

/** Matches nothing: a role absent from a language's data must not match the empty string. */
const NEVER = '(?!)';

const cache = new Map<ResourceLanguage, TimeLexicon>();

export function timeLexicon(language: ResourceLanguage): TimeLexicon {
  let lexicon = cache.get(language);
  if (!lexicon) {
    lexicon = buildLexicon(language);
    cache.set(language, lexicon);
  }
  return lexicon;
}

function buildLexicon(language: ResourceLanguage): TimeLexicon {
  const months = numberedForms(loadResource(language, 'months'));
  const weekdays = numberedForms(loadResource(language, 'weekdays'));
  const roleValues = new Map<Role, Map<string, string>>(ROLES.map((r) => [r, new Map()]));
  for (const line of loadResource(language, 'time-words')) {
    const [role, value, ...forms] = line.split(/\s+/);
    const table = roleValues.get(role as Role);
    if (!table || value === undefined) continue;
    for (const form of forms) table.set(form.toLowerCase(), value);
  }
  const re = {
    month: alternation([...months.keys()]),
    weekday: alternation([...weekdays.keys()]),
  } as Record<'month' | 'weekday' | Role, string>;
  for (const role of ROLES) re[role] = alternation([...roleValues.get(role)!.keys()]);
  return {
    monthOf: (word) => lookupForm(months, word),
    weekdayOf: (word) => lookupForm(weekdays, word),
    weekdayName: (n) => [...weekdays].find(([, v]) => v === n)?.[0] ?? String(n),
    re,
    // An abbreviation matched with a space after its inner dot ("ub. roku") is the listed form.
    value: (role, word) => lookupForm(roleValues.get(role)!, word.toLowerCase().replace(/\s+/gu, '')),
  };
}

/** Lines `<n> <form> …` → form → n. */
function numberedForms(lines: readonly string[]): Map<string, number> {
  const forms = new Map<string, number>();
  for (const line of lines) {
    const [n, ...words] = line.split(/\s+/);
    for (const w of words) forms.set(w, Number(n));
  }
  return forms;
}

/** A table's forms lower-cased once, in its order: a stem (`stem*`) or a whole form. */
interface FormEntry<T> {
  readonly lower: string;
  readonly stem: boolean;
  readonly value: T;
}

// The lexicon's tables never change once built; lookups run for every word of a clause around a
// time expression (src/analysis/time/index.ts speaksOfFuture), so their forms are folded once.
const foldedTables = new WeakMap<Map<string, unknown>, readonly FormEntry<unknown>[]>();

function folded<T>(table: Map<string, T>): readonly FormEntry<T>[] {
  let entries = foldedTables.get(table) as readonly FormEntry<T>[] | undefined;
  if (!entries) {
    entries = [...table].map(([form, value]) => form.endsWith('*')
      ? { lower: form.slice(0, -1).toLowerCase(), stem: true, value }
      : { lower: form.toLowerCase(), stem: false, value });
    foldedTables.set(table, entries);
  }
  return entries;
}

/** Exact form first, then adjective stems written `stem*`, compared case-insensitively. */
function lookupForm<T>(table: Map<string, T>, word: string): T | undefined {
  const lower = word.toLowerCase();
  for (const e of folded(table)) if (e.stem ? lower.startsWith(e.lower) : e.lower === lower) return e.value;
  return undefined;
}

/**
 * Words → one alternation, longest first so "czerwca" wins over "czerwiec"-like prefixes.
 * Lower-case forms also match capitalised (sentence start); capitalised forms (English months)
 * match only as written. `stem*` becomes `stem\p{L}*`; an abbreviation's inner dot may be followed
 * by a space ("ub.r." also matches "ub. r."), as writers space them either way.
 */
function alternation(words: readonly string[]): string {
  if (words.length === 0) return NEVER;
  const variants = new Set<string>();
  for (const w of words) {
    variants.add(w);
    if (w[0] && w[0] === w[0].toLowerCase()) variants.add(w[0].toUpperCase() + w.slice(1));
  }
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}\\p{L}*` : escape(w).replace(INNER_DOT, '\\.\\s?'))).join('|')})`;
}

/** An escaped dot with more of the form after it. */
const INNER_DOT = /\\\.(?!$)/gu;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
