/**
 * JSON Lines reader: one article object per line (`title`, `text` or `html`, `url`,
 * `published`, `source`). A bad line is an error for that line only; the others still come out.
 */
import type { RawDocument, RemovedBlock } from '../types.ts';
import { isHttpUrl } from '../net/url.ts';
import { IngestError } from './errors.ts';
import { htmlFragmentParagraphs } from './html.ts';
import { parsePublished } from './published.ts';

export type JsonlItem =
  | { readonly kind: 'document'; readonly document: RawDocument }
  | { readonly kind: 'error'; readonly error: IngestError };

const optionalString = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function lineDocument(value: unknown, origin: string): RawDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new IngestError(origin, 'not a JSON object');
  const record = value as Record<string, unknown>;
  const removed: RemovedBlock[] = [];
  const text =
    typeof record.text === 'string' ? record.text
    : typeof record.html === 'string' ? htmlFragmentParagraphs(record.html, removed, origin).join('\n\n')
    : undefined;
  if (!text?.trim()) throw new IngestError(origin, 'no "text" or "html" field');
  const title = optionalString(record.title);
  // Only a web address is an article's URL: a javascript: or data: one is dropped, never linked.
  const givenUrl = optionalString(record.url);
  const url = givenUrl && isHttpUrl(givenUrl) ? givenUrl : undefined;
  const outlet = optionalString(record.source) ?? optionalString(record.outlet);
  const author = optionalString(record.author);
  const rawDate = optionalString(record.published);
  const published = parsePublished(rawDate);
  if (rawDate && !published) throw new IngestError(origin, `"published" is not a date: ${JSON.stringify(rawDate)}`);
  return {
    origin: url ?? origin,
    format: 'jsonl',
    text,
    ...(title && { title }),
    ...(url && { url }),
    ...(published && { published }),
    ...(author && { author }),
    ...(outlet && { outlet }),
    removed,
  };
}

/**
 * Reads every line; errors name the line as `file.jsonl:17`.
 * @example readJsonl('{"text":"Ala"}\n{oops', 'a.jsonl') // → [{ kind: 'document', … }, { kind: 'error', … 'a.jsonl:2' }]
 */
export function readJsonl(content: string, origin: string): JsonlItem[] {
  const items: JsonlItem[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const lineOrigin = `${origin}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      items.push({ kind: 'error', error: new IngestError(lineOrigin, `not JSON: ${reason}`) });
      continue;
    }
    try {
      items.push({ kind: 'document', document: lineDocument(value, lineOrigin) });
    } catch (error) {
      items.push({ kind: 'error', error: error instanceof IngestError ? error : new IngestError(lineOrigin, String(error)) });
    }
  }
  return items;
}
