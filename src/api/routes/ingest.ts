/**
 * POST /api/ingest: one article as JSON, in one of three shapes — `{text, title?, published?,
 * outlet?, author?, url?}`, `{html, url?}` or `{url}` (fetched; http/https only) — cleaned and
 * identified by the same path as file ingest (src/ingest), stored, and indexed for search.
 * Feeds and batches stay with `kronika ingest`, which reports per-input failures.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { toArticle, EmptyArticleError } from '../../ingest/article.ts';
import { decodeBytes } from '../../ingest/charset.ts';
import { IngestError } from '../../ingest/errors.ts';
import { extractHtml } from '../../ingest/extract.ts';
import { parsePublished } from '../../ingest/published.ts';
import type { RawDocument } from '../../types.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { articleSummary } from '../records.ts';
import { parseJsonBody } from '../validate.ts';

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2048);
// Lone UTF-16 surrogates ("\ud800" in JSON) are not text: they cannot be stored as UTF-8 and
// would turn into U+FFFD on the way back out.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const WellFormed = z.string().refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogates)');
const Text = (max: number) => WellFormed.pipe(z.string().trim().min(1).max(max));
/** An article body must hold at least one letter; digits or punctuation alone are not news. */
const Body = WellFormed.pipe(z.string().regex(/\p{L}/u, 'must contain text'));

const TextBody = z.strictObject({
  text: Body,
  title: Text(1000).optional(),
  published: Text(40).optional(),
  outlet: Text(200).optional(),
  author: Text(200).optional(),
  url: HttpUrl.optional(),
});
const HtmlBody = z.strictObject({ html: Body, url: HttpUrl.optional() });
const UrlBody = z.strictObject({ url: HttpUrl });
export const IngestBody = z.union([TextBody, HtmlBody, UrlBody]);
export type IngestBody = z.infer<typeof IngestBody>;

const LOOKS_LIKE_HTML = /^\s*(<!doctype html|<html|<head|<body)/i;

function textDocument(body: z.infer<typeof TextBody>): RawDocument {
  const published = parsePublished(body.published);
  if (body.published && !published) {
    throw new ApiError('unprocessable', 'published must be an ISO date: YYYY, YYYY-MM, YYYY-MM-DD or a date-time');
  }
  return {
    origin: body.url ?? 'api', format: 'text', text: body.text,
    ...(body.title && { title: body.title }),
    ...(published && { published }),
    ...(body.outlet && { outlet: body.outlet }),
    ...(body.author && { author: body.author }),
    ...(body.url && { url: body.url }),
  };
}

async function toDocument(body: IngestBody, deps: RouteDeps): Promise<RawDocument> {
  if ('text' in body) return textDocument(body);
  if ('html' in body) return extractHtml(body.html, { origin: body.url ?? 'api', ...(body.url && { url: body.url }) });
  const fetched = await deps.fetchUrl(body.url);
  const { text } = decodeBytes(fetched.bytes, { origin: body.url, ...(fetched.contentType && { contentType: fetched.contentType }) });
  if (/html|xml/i.test(fetched.contentType ?? '') || LOOKS_LIKE_HTML.test(text)) {
    return extractHtml(text, { origin: body.url, url: fetched.url });
  }
  return { origin: body.url, format: 'text', text, url: fetched.url };
}

export function ingestRoutes(deps: RouteDeps): Hono {
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c, IngestBody);
    let article;
    try {
      article = toArticle(await toDocument(body, deps), deps.now().toISOString());
    } catch (error) {
      // The input is well-formed but holds no article we can use: 422, with the reader's reason.
      if (error instanceof IngestError || error instanceof EmptyArticleError) throw new ApiError('unprocessable', error.message);
      throw error;
    }
    const [outcome] = deps.store.saveArticles([article]);
    const stored = deps.store.getArticle(outcome!.id) ?? article;
    const indexed = deps.search.indexArticles([stored]) > 0;
    return c.json(
      { status: outcome!.status, id: stored.id, duplicateOf: stored.duplicateOf ?? null, indexed, article: articleSummary(stored) },
      outcome!.status === 'stored' ? 201 : 200,
    );
  });
}
