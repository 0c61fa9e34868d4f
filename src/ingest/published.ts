/**
 * Publication dates from the forms ingest meets (`2023-09`, ISO 8601 timestamps, RFC 822 feed
 * dates) into a `Published` with honest precision. Unknown or invalid stays undefined: never "now".
 */
import type { Published } from '../types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses a date string; the precision follows what the string actually says.
 * Timestamps with a time become minute precision in UTC; a bare time-less date stays a day.
 * @example parsePublished('2023-09') // → { value: '2023-09', precision: 'month' }
 * @example parsePublished('Mon, 11 Sep 2023 10:30:00 +0200') // → { value: '2023-09-11T08:30Z', precision: 'minute' }
 */
export function parsePublished(input: string | undefined | null): Published | undefined {
  const s = input?.trim();
  if (!s) return undefined;
  const partial = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (partial) {
    const [, y, m, d] = partial;
    const year = Number(y), month = Number(m), day = Number(d);
    if (year < 1800 || year > 2200) return undefined;
    if (!m) return { value: y, precision: 'year' };
    if (month < 1 || month > 12) return undefined;
    if (!d) return { value: `${y}-${m}`, precision: 'month' };
    return validDay(year, month, day) ? { value: `${y}-${m}-${d}`, precision: 'day' } : undefined;
  }
  // A timestamp without a zone is taken as UTC; a wrong hour is cheaper than dropping the date.
  const isoNoZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
  const ms = Date.parse(isoNoZone ? `${s.replace(' ', 'T')}Z` : s);
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1800 || year > 2200) return undefined;
  const value = `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}Z`;
  return { value, precision: 'minute' };
}
