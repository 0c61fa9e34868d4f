/**
 * Step 2 of time analysis: place a matched expression on the calendar against an anchor
 * (the publication date, or the previous absolute date in the text), never claiming more
 * precision than the anchor has: with a month-precision anchor "we wtorek" stays a month
 * with a weekday note instead of an invented day.
 */
import type { RawTime } from './patterns.ts';
import type { TimeUnit } from './lexicon.ts';

export type Granularity = 'year' | 'month' | 'week' | 'day' | 'minute' | 'range';
export type Relation = 'absolute' | 'relative' | 'weekday';

/** A calendar point known to year, month or day. */
export interface Anchor {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export interface Resolved {
  readonly value: string;
  readonly granularity: Granularity;
  readonly relation: Relation;
  readonly note?: string;
  /** True when the value did not need an anchor (it can anchor later expressions). */
  readonly absolute: boolean;
}

/** Parses an ISO prefix ("2023", "2023-09", "2023-09-12", "2023-09-12T10:30Z"). */
export function parseAnchor(value: string): Anchor | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined };
}

export function formatAnchor(a: Anchor): string {
  if (a.month === undefined) return String(a.year);
  const ym = `${a.year}-${pad(a.month)}`;
  return a.day === undefined ? ym : `${ym}-${pad(a.day)}`;
}

/**
 * Resolves one expression; undefined when it needs an anchor and there is none. `future` says
 * the sentence speaks of what is ahead, which decides a plain weekday's direction.
 */
export function resolveTime(t: RawTime, anchor: Anchor | undefined, future = false): Resolved | undefined {
  switch (t.kind) {
    case 'date': {
      if (t.yearShift !== undefined) {
        if (!anchor) return undefined;
        return { value: formatAnchor({ year: anchor.year + t.yearShift, month: t.month, day: t.day }), granularity: 'day', relation: 'relative', absolute: false };
      }
      const year = t.year ?? anchor?.year;
      if (year === undefined) return undefined;
      return { value: formatAnchor({ year, month: t.month, day: t.day }), granularity: 'day', relation: 'absolute', absolute: t.year !== undefined };
    }
    case 'year':
      return { value: String(t.year), granularity: 'year', relation: 'absolute', absolute: true, ...(t.since ? { note: 'since' } : {}) };
    case 'month': {
      const note = t.part ? `${t.part} of month` : undefined;
      if (t.year !== undefined) return withNote({ value: formatAnchor({ year: t.year, month: t.month }), granularity: 'month', relation: 'absolute', absolute: true }, note);
      if (!anchor) return undefined;
      const year = t.yearShift !== undefined ? anchor.year + t.yearShift : nearestYear(t.month, anchor);
      return withNote({ value: formatAnchor({ year, month: t.month }), granularity: 'month', relation: 'relative', absolute: false }, note);
    }
    case 'weekday':
      return anchor ? resolveWeekday(t.weekday, t.word, t.shift, anchor, future) : undefined;
    case 'day-offset':
      return anchor ? shiftDays(anchor, t.days, t.word) : undefined;
    case 'unit-shift':
      return anchor ? withNote(shiftUnit(anchor, t.unit, t.shift), t.part ? `${t.part} of ${t.unit}` : undefined) : undefined;
    case 'ago':
      return anchor ? resolveAgo(anchor, t.unit, t.count) : undefined;
    case 'near':
      return anchor ? { ...coarse(anchor), relation: 'relative', note: `coming ${t.unit}s`, absolute: false } : undefined;
  }
}

/**
 * The year that puts a bare month nearest the anchor, the past winning a tie: news looks back
 * more than ahead, but "w sierpniu" in June is this August ("w sierpniu" in September → August
 * of the same year; "W marcu" in September → March, six months back; "w lutym" in January → February).
 */
function nearestYear(month: number, anchor: Anchor): number {
  if (anchor.month === undefined) return anchor.year;
  const delta = month - anchor.month;
  if (delta > 6) return anchor.year - 1;
  if (delta < -6) return anchor.year + 1;
  return anchor.year;
}

function resolveWeekday(weekday: number, word: string, shift: number, anchor: Anchor, future: boolean): Resolved {
  const note = `weekday: ${word}${shift < 0 ? ' (previous)' : shift > 0 ? ' (next)' : ''}`;
  if (anchor.day === undefined) return { ...coarse(anchor), relation: 'weekday', note, absolute: false };
  const base = toDate(anchor);
  const baseWeekday = ((base.getUTCDay() + 6) % 7) + 1;
  // Plain "we wtorek": news mostly reports what happened, so the latest Tuesday on or before the
  // publication day, unless the sentence speaks of the future ("odbędzie się we wtorek"): then the
  // next one on or after it. "W ubiegły wtorek" is strictly before, "w przyszły wtorek" strictly after.
  let delta = weekday - baseWeekday;
  if (shift === 0 && !future && delta > 0) delta -= 7;
  if (shift === 0 && future && delta < 0) delta += 7;
  if (shift < 0 && delta >= 0) delta -= 7;
  if (shift > 0 && delta <= 0) delta += 7;
  return { value: iso(addDays(base, delta)), granularity: 'day', relation: 'weekday', note, absolute: false };
}

function shiftDays(anchor: Anchor, days: number, word: string): Resolved {
  if (anchor.day === undefined) return { ...coarse(anchor), relation: 'relative', note: word.toLowerCase(), absolute: false };
  return { value: iso(addDays(toDate(anchor), days)), granularity: 'day', relation: 'relative', absolute: false };
}

function shiftUnit(anchor: Anchor, unit: TimeUnit, shift: number): Resolved {
  const relative = { relation: 'relative' as const, absolute: false };
  if (unit === 'year') return { value: String(anchor.year + shift), granularity: 'year', ...relative };
  if (unit === 'month' && anchor.month !== undefined) return { value: addMonths(anchor, shift * 1), granularity: 'month', ...relative };
  if (unit === 'week' && anchor.day !== undefined) return { value: isoWeek(addDays(toDate(anchor), 7 * shift)), granularity: 'week', ...relative };
  return { ...coarse(anchor), ...relative, note: `${shift < 0 ? 'previous' : shift > 0 ? 'next' : 'this'} ${unit}` };
}

function resolveAgo(anchor: Anchor, unit: TimeUnit, count: number): Resolved {
  const relative = { relation: 'relative' as const, absolute: false };
  if (Number.isNaN(count)) {
    // "Kilka dni temu" stays within the anchor's month at best; a few weeks, months or years
    // may cross into earlier months, so only the anchor's year is claimed.
    const coarser: Anchor = unit === 'day' ? { year: anchor.year, ...(anchor.month !== undefined ? { month: anchor.month } : {}) } : { year: anchor.year };
    return { ...coarse(coarser), ...relative, note: `a few ${unit}s ago` };
  }
  const months = unit === 'year' ? count * 12 : unit === 'month' ? count : undefined;
  if (months !== undefined) {
    if (Number.isInteger(months / 12) && (unit === 'year' || anchor.month === undefined)) {
      return { value: String(anchor.year - Math.round(months / 12)), granularity: 'year', ...relative };
    }
    if (anchor.month !== undefined) return { value: addMonths(anchor, -Math.round(months)), granularity: 'month', ...relative };
    return { value: String(anchor.year - Math.round(months / 12)), granularity: 'year', ...relative, note: `${count} ${unit}s ago` };
  }
  if (anchor.day !== undefined) {
    const days = unit === 'week' ? 7 * count : count;
    return { value: iso(addDays(toDate(anchor), -Math.round(days))), granularity: 'day', ...relative };
  }
  // Days or weeks before a date known only to the month may fall in the month before: only the year is claimed.
  return { ...coarse({ year: anchor.year }), ...relative, note: `${count} ${unit}s ago` };
}

/** The anchor itself at its own precision, for expressions finer than the anchor. */
function coarse(anchor: Anchor): { value: string; granularity: Granularity } {
  return { value: formatAnchor(anchor), granularity: anchor.day !== undefined ? 'day' : anchor.month !== undefined ? 'month' : 'year' };
}

function withNote(r: Resolved, note: string | undefined): Resolved {
  return note ? { ...r, note: r.note ? `${r.note}; ${note}` : note } : r;
}

function addMonths(a: Anchor, delta: number): string {
  const index = a.year * 12 + (a.month! - 1) + delta;
  return formatAnchor({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

function toDate(a: Anchor): Date {
  return new Date(Date.UTC(a.year, (a.month ?? 1) - 1, a.day ?? 1));
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO 8601 week ("2023-W37"): the week belongs to the year of its Thursday. */
function isoWeek(d: Date): string {
  const thursday = addDays(d, 3 - ((d.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A sortable key: weeks become their Monday so "2023-W37" sorts among days and months. */
export function timeSortKey(value: string): string {
  const w = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!w) return value;
  const jan4 = new Date(Date.UTC(Number(w[1]), 0, 4));
  const monday = addDays(jan4, -((jan4.getUTCDay() + 6) % 7) + 7 * (Number(w[2]) - 1));
  return iso(monday);
}
