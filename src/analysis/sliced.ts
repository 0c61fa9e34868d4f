/**
 * Strings of stored analysis records that the article text re-derives (src/analysis/stored.ts):
 * kept apart from stored.ts, which loads the tokenizer and the time patterns, so that the store
 * can read a payload's mentions and times (src/analysis/digest.ts) without loading either.
 */
import type { Span } from '../types.ts';

/** A JSON object as stored: analysis records with strings their offsets re-derive replaced by SLICED. */
export type StoredRecord = Readonly<Record<string, unknown>>;

/** Stands for "the article text at this record's offsets"; NUL never occurs in analysis strings. */
const SLICED = '\u0000';

const isSpan = (value: Record<string, unknown>): value is Record<string, unknown> & Span =>
  typeof value.start === 'number' && typeof value.end === 'number';

/** A copy of `value` where every string of a record with offsets that equals the article text there is SLICED. */
export const strip = (value: unknown, text: string): unknown => swapSlices(value, text, true);

/** The inverse of strip: every SLICED string of a record with offsets is the article text there again. */
export const unstrip = (value: unknown, text: string): unknown => swapSlices(value, text, false);

/** One walk for both directions: `stripping` swaps the article text for SLICED, else SLICED for the text. */
function swapSlices(value: unknown, text: string, stripping: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => swapSlices(v, text, stripping));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const slice = isSpan(record) ? text.slice(record.start, record.end) : undefined;
  const [from, to] = stripping ? [slice, SLICED] : [SLICED, slice];
  const out: Record<string, unknown> = {};
  for (const key in record) out[key] = slice !== undefined && record[key] === from ? to : swapSlices(record[key], text, stripping);
  return out;
}

/** Stored records with their SLICED strings put back from the article text (src/analysis/digest.ts reads mentions and times this way). */
export function unstripRecords(records: readonly StoredRecord[], text: string): Record<string, unknown>[] {
  return unstrip(records, text) as Record<string, unknown>[];
}

