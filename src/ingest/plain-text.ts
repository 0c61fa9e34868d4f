/**
 * Plain-text reader: the seeds' format. An optional ` date YYYY-MM[-DD]` prefix on the first line
 * gives the publication date (month or day precision) and the text continues on that line;
 * paragraphs are separated by blank lines. Cleaning is left to clean.ts.
 */
import type { RawDocument } from '../types.ts';
import { parsePublished } from './published.ts';

const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)/;

/**
 * Reads one plain-text article. Without a date prefix `published` stays undefined.
 * @example readPlainText(' date 2023-09 Kreml przekazał…', 'a.txt').published // → { value: '2023-09', precision: 'month' }
 */
export function readPlainText(text: string, origin: string): RawDocument {
  const match = DATE_PREFIX.exec(text);
  const published = match ? parsePublished(match[1]) : undefined;
  // An invalid date ("date 2023-13") is left in the text rather than silently eaten.
  const body = match && published ? text.slice(match[0].length) : text;
  return { origin, format: 'text', text: body, ...(published && { published }) };
}
