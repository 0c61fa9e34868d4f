/**
 * Turns a reader's RawDocument into an Article: language id, cleaning, stable identity and a
 * MinHash fingerprint. Pure: the caller supplies `ingestedAt`.
 */
import { createHash } from 'node:crypto';
import { fingerprint } from '../stories/fingerprint.ts';
import { detectLanguage } from '../text/language.ts';
import type { Article, RawDocument } from '../types.ts';
import { cleanText } from './clean.ts';

/** Raised when a document has no article text left after cleaning. */
export class EmptyArticleError extends Error {
  override readonly name = 'EmptyArticleError';
  constructor(
    readonly origin: string,
    message = 'no article text left after removing boilerplate',
  ) {
    super(message);
  }
}

/**
 * Content id: the first 16 hex digits of sha256 over the lower-cased, whitespace-collapsed
 * clean text, so the same content read from a file, a feed or a URL gets the same id.
 * @example articleId('Ala  ma\n\nkota') === articleId('ala ma kota') // → true
 */
export function articleId(cleanText: string): string {
  const normalised = cleanText.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cleans and identifies one document.
 * @example toArticle(readPlainText(text, 'samples/x/001.txt'), new Date().toISOString()).language // → 'pl'
 */
export function toArticle(raw: RawDocument, ingestedAt: string): Article {
  const language = detectLanguage(raw.title ? `${raw.title}\n\n${raw.text}` : raw.text);
  const cleaned = cleanText(raw.text, language);
  if (!cleaned.text) throw new EmptyArticleError(raw.origin);
  // As the API refuses such a body (src/api/routes/ingest.ts): digits or punctuation alone are not news.
  if (!/\p{L}/u.test(cleaned.text)) throw new EmptyArticleError(raw.origin, 'no words in the text (only digits or punctuation)');
  // The source's own name (feed title, JSON-LD publisher, og:site_name), else the URL's host; a
  // file's folder names nothing a reader knows, so a local file without either has no outlet.
  const outlet = raw.outlet?.trim() || hostOf(raw.url) || hostOf(raw.origin);
  return {
    id: articleId(cleaned.text),
    origin: raw.origin,
    format: raw.format,
    ...(raw.url && { url: raw.url }),
    ...(raw.title?.trim() && { title: raw.title.trim().replace(/\s+/g, ' ') }),
    ...(raw.published && { published: raw.published }),
    language,
    ...(outlet && { outlet }),
    ...(raw.author?.trim() && { author: raw.author.trim() }),
    text: cleaned.text,
    removed: [...(raw.removed ?? []), ...cleaned.removed],
    fingerprint: fingerprint(cleaned.text),
    ingestedAt,
  };
}
