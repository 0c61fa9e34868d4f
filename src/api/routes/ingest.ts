/**
 * POST /api/ingest: one article as JSON, in one of three shapes — `{text, title?, published?,
 * outlet?, author?, url?}`, `{html, url?}` or `{url}` (fetched; http/https only; read by the same
 * format detection as `kronika ingest <url>`, so a feed URL stores its items) — cleaned and
 * identified by the same path as file ingest (src/ingest), stored, then analysed, indexed and
 * clustered before the answer, which says where the article went; alerts follow in the background.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { articleSummary } from '../../app/records.ts';
import { EmptyArticleError, toArticle } from '../../ingest/article.ts';
import { IngestError } from '../../ingest/errors.ts';
import { extractHtml } from '../../ingest/extract.ts';
import { readFetched } from '../../ingest/index.ts';
import { parsePublished } from '../../ingest/published.ts';
import type { Article, RawDocument } from '../../types.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
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

/** Articles stored from one fetched URL at most: a feed's usual length, bounded so one request stays short. */
const MAX_ITEMS_PER_URL = 100;

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

async function toDocuments(body: IngestBody, deps: RouteDeps): Promise<RawDocument[]> {
  if ('text' in body) return [textDocument(body)];
  if ('html' in body) return [await extractHtml(body.html, { origin: body.url ?? 'api', ...(body.url && { url: body.url }) })];
  const documents: RawDocument[] = [];
  let problem: string | undefined;
  for await (const item of readFetched(body.url, await deps.fetchUrl(body.url))) {
    if (item.kind === 'document') documents.push(item.document);
    else problem ??= item.message;
    if (documents.length >= MAX_ITEMS_PER_URL) break;
  }
  if (documents.length === 0) throw new ApiError('unprocessable', problem ?? `${body.url} holds no article`);
  return documents;
}

/** Where the article went, as the answer shows it. */
async function placed(deps: RouteDeps, articleIds: readonly string[]) {
  const indexed = await deps.store.search.indexed(articleIds);
  return Promise.all(articleIds.map(async (id) => {
    const story = await deps.store.stories.ofArticle(id, 'event').catch(() => undefined);
    return { indexed: indexed.has(id), story: story ? { id: story.id, title: story.title ?? null } : null };
  }));
}

export function ingestRoutes(deps: RouteDeps): Hono {
  return new Hono().post('/', async (c) => {
    const body = await parseJsonBody(c, IngestBody);
    let articles: Article[];
    try {
      const at = deps.now().toISOString();
      articles = (await toDocuments(body, deps)).map((doc) => toArticle(doc, at));
    } catch (error) {
      // The input is well-formed but holds no article we can use: 422, with the reader's reason.
      if (error instanceof IngestError || error instanceof EmptyArticleError) throw new ApiError('unprocessable', error.message);
      throw error;
    }
    const outcomes = await deps.store.articles.save(articles);
    const stored = outcomes.some((o) => o.status === 'stored');
    // The stored stages run before the answer (a failure there is logged; the article stays
    // stored and the next run catches up), so the answer can say where the article went.
    if (stored) await deps.stages.afterIngest();
    const ids = outcomes.map((o) => o.id);
    const [records, places] = await Promise.all([deps.store.articles.getMany(ids), placed(deps, ids)]);
    const items = outcomes.map((o, i) => ({
      status: o.status, id: o.id, duplicateOf: records[i]?.duplicateOf ?? null, ...places[i]!,
      article: articleSummary(records[i]!),
      ...(deps.stages.elsewhere && { pending: deps.stages.elsewhere }),
    }));
    return c.json({ ...items[0]!, ...(items.length > 1 && { items }) }, stored ? 201 : 200);
  });
}
