/**
 * Ranges of a figure, for the number slot's conflicts (./conflicts.ts): "10-12 mld euro", "ok. 12-13
 * mld euro", "12–15 mld euro". The figure reader (numbers.ts) reads the range's last number with the
 * unit and its first as a bare number; here the two are one value, the span between them. Sources
 * that give an amount as a range disagree when neither span holds the other ("10-12" vs "12-13 mld
 * euro", "13" vs "10-12 mld euro"); a figure inside another's span ("13" in "12-15 mld euro") says
 * nothing against it.
 */
import type { SentenceFeatures } from './features.ts';
import { sameFigure, type Figure } from './numbers.ts';

/** A figure given as a span: `low` to `value` (its last number, with the magnitude both share). */
export interface RangeFigure extends Figure {
  readonly low: number;
}

export const isRange = (f: Figure): f is RangeFigure => typeof (f as Partial<RangeFigure>).low === 'number';

/** A dash between the two numbers of a range, with a space either side at most ("10-12", "12 – 15"). */
const RANGE_DASH = /^ ?[-–—] ?$/u;

/** The figure's first number as written ("12" of "12 mld euro"): what the magnitude multiplies. */
function leadingNumber(f: Figure): number | undefined {
  const m = /^(\d+(?:[.,]\d+)?)(?!\S)/u.exec(f.text);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

/** A bare figure's number as written, after any approximation word ("12" of "ok. 12"). */
function trailingNumber(f: Figure): number | undefined {
  const m = /(?:^|\s)(\d+(?:[.,]\d+)?)$/u.exec(f.text);
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

/**
 * The figure as the range it ends, when the sentence writes a smaller bare number and a dash right
 * before it ("wpływało rocznie 10-12 mld euro"): the first number takes the last one's magnitude,
 * and its approximation word ("ok. 12-13 mld euro") qualifies the range. A falling pair ("3-1", a
 * score) or a number with a unit of its own before the dash is no range.
 */
export function asRange(s: SentenceFeatures, f: Figure): Figure {
  const first = leadingNumber(f);
  if (first === undefined || first === 0 || f.approximate) return f;
  const before = s.figures.find((g) => g.end <= f.start && g.unit === '' && RANGE_DASH.test(s.sentence.text.slice(g.end - s.sentence.start, f.start - s.sentence.start)));
  // The first number may carry its approximation word ("ok. 12"): its number ends its text.
  const lowFirst = before && trailingNumber(before);
  if (!before || lowFirst === undefined || lowFirst >= first) return f;
  const range: RangeFigure = {
    ...f,
    low: lowFirst * (f.value / first),
    approximate: before.approximate,
    ...(before.bound ? { bound: before.bound } : {}),
    start: before.start,
    text: s.sentence.text.slice(before.start - s.sentence.start, f.end - s.sentence.start),
  };
  return range;
}

/** The span a figure stands for: a range's two ends, or one number. */
const span = (f: Figure): readonly [number, number] => [isRange(f) ? f.low : f.value, f.value];

/**
 * Whether two figures are one value: a range only equals a range with the same ends (within the
 * approximation tolerance, numbers.ts); figures that are no range compare as numbers.ts does.
 */
export function sameAmount(a: Figure, b: Figure): boolean {
  if (!isRange(a) && !isRange(b)) return sameFigure(a, b);
  if (!isRange(a) || !isRange(b)) return false;
  const exact = { approximate: a.approximate || b.approximate };
  return sameFigure({ ...exact, value: a.low }, { ...exact, value: b.low }) && sameFigure({ ...exact, value: a.value }, { ...exact, value: b.value });
}

/**
 * Whether one figure's span holds the other's ("13" in "12-15 mld euro", "12-13" in "10-15"): the
 * narrower is no disagreement with the wider, only a narrower statement, and of another measure
 * as often as not.
 */
export function withinRange(a: Figure, b: Figure): boolean {
  if (!isRange(a) && !isRange(b)) return false;
  const [la, ha] = span(a);
  const [lb, hb] = span(b);
  return (la <= lb && hb <= ha) || (lb <= la && ha <= hb);
}

/**
 * Whether a figure lies farther from a range than the range is wide: two sources' estimates of one
 * amount lie next to each other ("13" beside "10-12 mld euro", "10-12" against "12-15"); a figure
 * far outside a range counts something else ("nawet 25 mld euro rocznie", a hole with new spending,
 * against the British contribution of "12-14 mld euro rocznie"; "około 58 mld euro" for farming).
 */
export function beyondRange(a: Figure, b: Figure): boolean {
  if (!isRange(a) && !isRange(b)) return false;
  const [la, ha] = span(a);
  const [lb, hb] = span(b);
  return Math.max(0, lb - ha, la - hb) > Math.max(ha - la, hb - lb);
}
