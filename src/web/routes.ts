/**
 * The web pages, served by the API process: `/` (article list), `/search?q=`,
 * `/articles/:id?start=&end=` (the article with that passage highlighted, as search results
 * and story citations link to it, and a link to its story), `/stories` and `/stories/:id` (a story report). Same store,
 * use cases and validation as the JSON API; errors render as HTML pages. `reportDocument` is the
 * one HTML rendering of a report: the story page, also written by `kronika report --format html`.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../api/deps.ts';
import { ApiError } from '../api/errors.ts';
import { articleSummary } from '../app/records.ts';
import { MAX_QUERY_CHARS } from '../api/routes/search.ts';
import { reportCache, STORY_ID } from '../api/routes/stories.ts';
import type { Story } from '../stories/story.ts';
import type { StoryReport } from '../synthesis/types.ts';
import { LanguageParam, OffsetParam, parseArticleId, parseQueryParams, Source } from '../api/validate.ts';
import { escapeHtml } from './html.ts';
import { articlePage, errorPage, listPage, searchPage, storiesPage, storyPage } from './pages.ts';

/** Rows per page: a screenful or two. */
const PAGE_SIZE = 30;

/** No scripts, frames, or remote anything: the pages need only their inline style. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const ListQuery = z.strictObject({ lang: LanguageParam.optional(), source: Source.optional(), offset: OffsetParam });
const SearchQuery = z.strictObject({ q: z.string().max(MAX_QUERY_CHARS).optional(), offset: OffsetParam });
const Offset = z.coerce.number().int().min(0);
const ArticleQuery = z.strictObject({ start: Offset.optional(), end: Offset.optional() });

function respond(c: Context, render: () => string | Promise<string>) {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  return Promise.resolve()
    .then(render)
    .then(
      (body) => c.html(body),
      (error: unknown) => {
        // Client mistakes become an HTML page; anything else goes to app.onError (logged, JSON 500).
        if (!(error instanceof ApiError) || error.code === 'internal') throw error;
        return c.html(errorPage(error.status), error.status);
      },
    );
}

/** Stories listed on one page; the list is ordered by size, so the long tail is single articles. */
const STORY_PAGE_SIZE = 100;

/**
 * A report as a whole HTML document (the web's story page); with `baseUrl` its links point at a
 * running `kronika serve`, so a saved file still opens the cited passages.
 * @example writeFileSync('story.html', reportDocument(story, report, 'http://127.0.0.1:8080'))
 */
export function reportDocument(story: Story, report: StoryReport, baseUrl?: string): string {
  const document = storyPage(story, report);
  if (!baseUrl) return document;
  const base = `<base href="${escapeHtml(baseUrl.replace(/\/*$/, '/'))}">`;
  return document.replace('<head>', `<head>${base}`);
}

export function webRoutes(deps: RouteDeps): Hono {
  const reportOf = reportCache(deps.store);
  return new Hono()
    .get('/', (c) => respond(c, async () => {
      const q = parseQueryParams(c, ListQuery);
      const offset = q.offset ?? 0;
      const articles = await deps.store.articles.list({ language: q.lang, source: q.source, limit: PAGE_SIZE, offset });
      return listPage(articles.map(articleSummary), offset, PAGE_SIZE);
    }))
    .get('/search', (c) => respond(c, async () => {
      const q = parseQueryParams(c, SearchQuery);
      const query = q.q?.trim() ?? '';
      const offset = q.offset ?? 0;
      const hits = query ? await deps.store.search.search(query, { limit: PAGE_SIZE, offset }) : [];
      // Untitled hits are headed by their article's first sentence, not by where they were read from.
      const untitled = hits.filter((hit) => !hit.title).map((hit) => hit.articleId);
      const articles = new Map((await deps.store.articles.getMany(untitled)).map((a) => [a.id, a]));
      return searchPage(query, hits, offset, PAGE_SIZE, articles);
    }))
    .get('/articles/:id', (c) => respond(c, async () => {
      const id = parseArticleId(c);
      const q = parseQueryParams(c, ArticleQuery);
      const article = await deps.store.articles.find(id);
      if (!article) throw new ApiError('not_found', `no article with id "${id}"`);
      if ((q.start === undefined) !== (q.end === undefined)) throw new ApiError('bad_request', 'give both start and end, or neither');
      if (q.start !== undefined && q.end !== undefined && !(q.start < q.end && q.end <= article.text.length)) {
        throw new ApiError('bad_request', `start and end must satisfy 0 ≤ start < end ≤ ${article.text.length}`);
      }
      const passage = q.start !== undefined && q.end !== undefined ? { start: q.start, end: q.end } : undefined;
      const story = await deps.store.stories.ofArticle(article.id, 'event').catch(() => undefined);
      return articlePage(article, passage, story);
    }))
    .get('/stories', (c) => respond(c, async () => {
      parseQueryParams(c, z.strictObject({}));
      return storiesPage((await deps.store.stories.list({ level: 'event', limit: STORY_PAGE_SIZE })).stories);
    }))
    .get('/stories/:id', (c) => respond(c, async () => {
      const id = c.req.param('id');
      if (!STORY_ID.test(id)) throw new ApiError('bad_request', 'story id must look like ev-<hex> or sl-<hex>');
      const story = await deps.store.stories.get(id);
      if (!story) throw new ApiError('not_found', `no story with id "${id}"`);
      return storyPage(story, await reportOf(story));
    }));
}
