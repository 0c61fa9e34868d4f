/**
 * Plain-text reader: the seeds' format. An optional ` date YYYY-MM[-DD]` prefix on the first line
 * gives the publication date (month or day precision) and the text continues on that line;
 * paragraphs are separated by blank lines. A first line that reads as a headline (headline()
 * below) is the title and leaves the text. Cleaning is left to clean.ts.
 */
import type { RawDocument } from '../types.ts';
import { endsWithAbbreviation } from '../text/sentences.ts';
import { parsePublished } from './published.ts';

const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)/;

/** Longer than this is a paragraph, not a headline (Polish news headlines mostly run 60–120). */
const MAX_HEADLINE_CHARS = 200;
/** A headline opens like a sentence: a capital, a digit or a quotation mark. */
const HEADLINE_START = /^["„“«'‘(]?[\p{Lu}\p{N}]/u;
/** …and does not end like one: no full stop (an abbreviation's dot is fine: "w 2019 r."), and no comma, colon or semicolon that leads on. */
const SENTENCE_END = /[.,:;]$/;
/** A headline heads something: at least a sentence of text after it. */
const MIN_BODY_CHARS = 40;

/**
 * Splits off the first line when it is a headline: short, opening with a capital, without a
 * final full stop (the language is not known yet: Polish and English abbreviations both count), and followed by a blank line and the body, or directly by a longer line that
 * opens a sentence (a hard-wrapped paragraph's first line is as long as the next one).
 * @example headline('Kim w Rosji\n\nKim Dzong Un przyjechał.') // → { title: 'Kim w Rosji', body: 'Kim Dzong Un przyjechał.' }
 */
export function headline(text: string): { title: string; body: string } | undefined {
  const m = /^[ \t]*([^\n]*?)[ \t]*\r?\n([ \t]*\r?\n)?\s*/.exec(text);
  if (!m) return undefined;
  const title = m[1]!;
  const body = text.slice(m[0].length);
  if (!title || title.length > MAX_HEADLINE_CHARS || !HEADLINE_START.test(title)) return undefined;
  if (SENTENCE_END.test(title) && !endsWithAbbreviation(title, 'und')) return undefined;
  if (body.trim().length < MIN_BODY_CHARS) return undefined;
  const blankLine = m[2] !== undefined;
  if (!blankLine) {
    const next = /^[^\n]*/.exec(body)![0].trim();
    if (!HEADLINE_START.test(next) && !/^[-–—]\s/.test(next)) return undefined;
    if (next.length <= title.length) return undefined;
  }
  return { title: title.replace(/\s+/g, ' '), body };
}

/**
 * Reads one plain-text article. Without a date prefix `published` stays undefined.
 * @example readPlainText(' date 2023-09 Kreml przekazał…', 'a.txt').published // → { value: '2023-09', precision: 'month' }
 */
export function readPlainText(text: string, origin: string): RawDocument {
  const match = DATE_PREFIX.exec(text);
  const published = match ? parsePublished(match[1]) : undefined;
  // An invalid date ("date 2023-13") is left in the text rather than silently eaten.
  const dated = match && published ? text.slice(match[0].length) : text;
  const head = headline(dated);
  return { origin, format: 'text', text: head ? head.body : dated, ...(head && { title: head.title }), ...(published && { published }) };
}
