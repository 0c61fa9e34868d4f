/**
 * The web pages, served by the API process, in Polish, without scripts:
 *   /                      the story home: events ranked by coverage and growth (src/app/front-page.ts)
 *   /stories               events or storylines (?level=storyline), ?sort=recent|articles|growth, ?entity=
 *   /stories/:id           an event's report with what is new since the reader's last visit, or a
 *                          storyline's events as a timeline; /stories/:id/feed.atom its articles
 *   /articles              articles in ingest order; /articles/:id?start=&end= one with a passage highlighted
 *   /search                full-text search with filters, hits grouped by event
 *   /entities/:key         a person, organisation or place by key or any form of its name
 *   /watches               saved searches: list, create (POST), /watches/:id, delete, feed.atom
 *   /sources               followed feeds and their health
 * Same store, use cases and validation as the JSON API; errors render as HTML pages. Writes
 * (POST) go through the same host, origin and token checks as the API (src/api/security.ts).
 * `reportDocument` is the one HTML rendering of a report: the story page, also written by
 * `kronika report --format html`.
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { RouteDeps } from '../api/deps.ts';
import { ApiError } from '../api/errors.ts';
import { articleSummary } from '../app/records.ts';
import { findEntity, storiesOfEntity } from '../app/entity-lookup.ts';
import { frontPage, storiesByGrowth } from '../app/front-page.ts';
import { articleInStory } from '../app/stories.ts';
import { MAX_QUERY_CHARS } from '../api/routes/search.ts';
import { reportCache, STORY_ID } from '../api/routes/stories.ts';
import { MAX_SEARCH_LIMIT } from '../search/index.ts';
import type { Story } from '../stories/story.ts';
import type { Store, StoredArticle } from '../store/store.ts';
import type { StoryReport } from '../synthesis/types.ts';
import type { Article } from '../types.ts';
import { WatchSpecSchema } from '../watch/index.ts';
import { ARTICLE_ID, DatePrefix, LanguageParam, OffsetParam, parseArticleId, parseQueryParams, Source } from '../api/validate.ts';
import { atomFeed } from './atom.ts';
import { entityNotFoundPage, entityPage } from './entity-page.ts';
import { escapeHtml } from './html.ts';
import { parseIsoDate } from './i18n.ts';
import { articlePage, errorPage, listPage, storyPage } from './pages.ts';
import { searchPage } from './search-page.ts';
import { sourceHealth } from './source-health.ts';
import { sourcesPage } from './sources-page.ts';
import { homePage, storiesPage, storylinePage, type StoryOrder } from './story-lists.ts';
import { lastVisit, VISIT_COOKIE, visitCookie } from './visits.ts';
import { watchesPage, watchPage, type WatchForm } from './watch-pages.ts';

/** Rows per page: a screenful or two. */
const PAGE_SIZE = 30;
/** Stories on a page of the home. */
const HOME_SIZE = 20;
/** Search hits counted for "N artykułów"; past it the page says "ponad N". */
const SEARCH_COUNT_CAP = 500;
/** Entries of an Atom feed. */
const FEED_SIZE = 50;
/** Articles of a storyline read for its charts and its events: the newest ones. */
const STORYLINE_READ = 2000;

/** No scripts, frames, or remote anything: the pages need only their inline style. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** An empty form field ("lang=") means "any", not an invalid value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ListQuery = z.strictObject({ lang: optional(LanguageParam), source: optional(Source), offset: OffsetParam });
const HomeQuery = z.strictObject({ offset: OffsetParam });
/** A date prefix that is a real date ("2023-13" is not). */
const RealDate = DatePrefix.refine((value) => parseIsoDate(value) !== undefined, 'not a calendar date');
const SearchQuery = z.strictObject({
  q: z.string().max(MAX_QUERY_CHARS).optional(), lang: optional(LanguageParam), source: optional(Source),
  since: optional(RealDate), until: optional(RealDate), offset: OffsetParam,
});
const StoriesQuery = z.strictObject({
  level: optional(z.enum(['event', 'storyline'])), sort: optional(z.enum(['recent', 'articles', 'growth'])),
  lang: optional(LanguageParam), entity: optional(z.string().trim().min(1).max(200)), offset: OffsetParam,
});
const Offset = z.coerce.number().int().min(0);
const ArticleQuery = z.strictObject({ start: Offset.optional(), end: Offset.optional() });
const NoQuery = z.strictObject({});
const EntityQuery = z.strictObject({ name: optional(z.string().trim().min(1).max(200)) });
/** Watch ids are 8 hex digits (src/store/sqlite/watches.ts); longer ones are allowed for other engines. */
const WATCH_ID = /^[0-9a-f]{8,64}$/;

function secureHeaders(c: Context): void {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
}

function respond(c: Context, render: () => string | Response | Promise<string | Response>) {
  secureHeaders(c);
  return Promise.resolve()
    .then(render)
    .then(
      (body) => (typeof body === 'string' ? c.html(body) : body),
      (error: unknown) => {
        // Client mistakes become an HTML page; anything else goes to app.onError (logged, JSON 500).
        if (!(error instanceof ApiError) || error.code === 'internal') throw error;
        return c.html(errorPage(error.status), error.status);
      },
    );
}

/**
 * The answer to a path no route knows outside the API: the Polish 404 page a reader can find
 * their way back from (a mistyped /storie, an old link), not the API's JSON error.
 */
export function webNotFound(c: Context): Promise<Response> {
  return respond(c, () => {
    throw new ApiError('not_found', 'no such page');
  });
}

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

/** Where feeds point their links: KRONIKA_BASE_URL, else the origin the request came to (its Host is checked by src/api/security.ts). */
function baseUrl(c: Context): string {
  return (process.env.KRONIKA_BASE_URL || new URL(c.req.url).origin).replace(/\/+$/, '');
}

function atom(c: Context, xml: string): Response {
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}

const newestFirst = (a: Article, b: Article) => b.ingestedAt.localeCompare(a.ingestedAt) || (b.published?.value ?? '').localeCompare(a.published?.value ?? '');

async function storyOf(store: Store, id: string): Promise<Story> {
  if (!STORY_ID.test(id)) throw new ApiError('bad_request', 'story id must look like ev-<hex> or sl-<hex>');
  const story = await store.stories.get(id);
  if (!story) throw new ApiError('not_found', `no story with id "${id}"`);
  return story;
}

/** Articles matching a saved search, newest first (among its best matches). */
async function watchMatches(store: Store, watch: { query: string; language?: Article['language']; source?: string }, limit: number): Promise<StoredArticle[]> {
  const hits = await store.search.search(watch.query, { language: watch.language, source: watch.source, limit: MAX_SEARCH_LIMIT });
  return (await store.articles.getMany(hits.map((h) => h.articleId))).sort(newestFirst).slice(0, limit);
}

/** What the watch form posted, as a spec, or its problems in Polish. */
function parseWatchForm(form: Record<string, unknown>): { spec: z.infer<typeof WatchSpecSchema> } | { form: WatchForm } {
  const text = (key: string) => (typeof form[key] === 'string' && (form[key] as string).trim() !== '' ? (form[key] as string).trim() : undefined);
  const input = { query: text('query') ?? '', ...(text('language') && { language: text('language') }), ...(text('source') && { source: text('source') }) };
  const parsed = WatchSpecSchema.safeParse(input);
  if (parsed.success) return { spec: parsed.data };
  const problems = [...new Set(parsed.error.issues.map((i) => ({
    query: 'Zapytanie musi zawierać co najmniej jedno wyszukiwalne słowo (najwyżej 1000 znaków).',
    language: 'Wybierz język z listy.',
    source: 'Nazwa serwisu może mieć najwyżej 200 znaków.',
  } as Record<string, string>)[String(i.path[0])] ?? 'Formularz zawiera nieprawidłową wartość.'))];
  return { form: { query: input.query, language: input.language, source: input.source, problems } };
}

export function webRoutes(deps: RouteDeps): Hono {
  const reportOf = reportCache(deps.store);
  const store = deps.store;
  return new Hono()
    .get('/', (c) => respond(c, async () => {
      const offset = parseQueryParams(c, HomeQuery).offset ?? 0;
      return homePage(await frontPage(store, { limit: HOME_SIZE, offset }), offset, HOME_SIZE, deps.now());
    }))
    .get('/articles', (c) => respond(c, async () => {
      const q = parseQueryParams(c, ListQuery);
      const offset = q.offset ?? 0;
      const articles = await store.articles.list({ language: q.lang, source: q.source, limit: PAGE_SIZE, offset });
      const total = q.lang || q.source ? undefined : await store.articles.count();
      return listPage(articles.map(articleSummary), offset, PAGE_SIZE, { lang: q.lang, source: q.source }, total);
    }))
    .get('/search', (c) => respond(c, async () => {
      const q = parseQueryParams(c, SearchQuery);
      const query = q.q?.trim() ?? '';
      const offset = q.offset ?? 0;
      const filters = { language: q.lang, source: q.source, since: q.since, until: q.until };
      const hits = query ? await store.search.search(query, { ...filters, limit: PAGE_SIZE, offset }) : [];
      // The count: every match up to the cap, ids only, a page of the search at a time.
      let total = 0;
      if (hits.length) {
        for (let at = 0; at <= SEARCH_COUNT_CAP; at += MAX_SEARCH_LIMIT) {
          const page = await store.search.search(query, { ...filters, limit: MAX_SEARCH_LIMIT, offset: at });
          total += page.length;
          if (page.length < MAX_SEARCH_LIMIT) break;
        }
      }
      const storyOf = new Map<string, Story>();
      for (const hit of hits) {
        const story = await store.stories.ofArticle(hit.articleId, 'event').catch(() => undefined);
        if (story) storyOf.set(hit.articleId, story);
      }
      // Untitled hits are headed by their article's first sentence, not by where they were read from.
      const untitled = hits.filter((hit) => !hit.title).map((hit) => hit.articleId);
      const articles = new Map((await store.articles.getMany(untitled)).map((a) => [a.id, a]));
      const outlets = query ? Object.keys((await store.articles.stats()).bySource).sort((a, b) => a.localeCompare(b, 'pl')).slice(0, 200) : [];
      return searchPage({
        query, filters: { lang: q.lang, source: q.source, since: q.since, until: q.until }, hits, total, countCap: SEARCH_COUNT_CAP,
        offset, size: PAGE_SIZE, storyOf, articles, outlets,
      });
    }))
    .get('/articles/:id', (c) => respond(c, async () => {
      const id = parseArticleId(c);
      const q = parseQueryParams(c, ArticleQuery);
      const article = await store.articles.find(id);
      if (!article) throw new ApiError('not_found', `no article with id "${id}"`);
      if ((q.start === undefined) !== (q.end === undefined)) throw new ApiError('bad_request', 'give both start and end, or neither');
      if (q.start !== undefined && q.end !== undefined && !(q.start < q.end && q.end <= article.text.length)) {
        throw new ApiError('bad_request', `start and end must satisfy 0 ≤ start < end ≤ ${article.text.length}`);
      }
      const passage = q.start !== undefined && q.end !== undefined ? { start: q.start, end: q.end } : undefined;
      const story = await store.stories.ofArticle(article.id, 'event').catch(() => undefined);
      return articlePage(article, passage, story);
    }))
    .get('/stories', (c) => respond(c, async () => {
      const q = parseQueryParams(c, StoriesQuery);
      const level = q.level ?? 'event';
      const sort: StoryOrder = q.sort ?? 'recent';
      const offset = q.offset ?? 0;
      const profile = q.entity ? await findEntity(store, q.entity, MAX_SEARCH_LIMIT) : undefined;
      const entityKeys = q.entity ? [q.entity, ...(profile ? [profile.key, ...profile.aliases] : [])] : undefined;
      const filter = { level, ...(q.lang && { language: q.lang }), ...(entityKeys && { entityKeys }) };
      const page = sort === 'growth'
        ? await storiesByGrowth(store, { ...filter, limit: PAGE_SIZE, offset })
        : { ...await store.stories.list({ ...filter, sort, limit: PAGE_SIZE, offset }), growth: undefined };
      return storiesPage({
        level, sort, total: page.total, stories: page.stories, offset, size: PAGE_SIZE, growth: page.growth?.counts, lang: q.lang,
        ...(q.entity && { entity: { query: q.entity, ...(profile && { name: profile.name }) } }),
      });
    }))
    .get('/stories/:id', (c) => respond(c, async () => {
      parseQueryParams(c, NoQuery);
      // An article's id in a story link (copied from `kronika articles`, a search hit): its event.
      const id = c.req.param('id');
      const named = !STORY_ID.test(id) && ARTICLE_ID.test(id) ? await articleInStory(store, id) : undefined;
      if (named?.story) return c.redirect(`/stories/${named.story.id}`, 302);
      const story = await storyOf(store, id);
      const now = deps.now();
      if (story.level === 'storyline') {
        const members = await store.articles.getMany(story.articleIds.slice(-STORYLINE_READ));
        const events = new Map<string, { story: Story; members: number }>();
        for (const article of members) {
          const event = await store.stories.ofArticle(article.id, 'event');
          if (!event) continue;
          const entry = events.get(event.id) ?? { story: event, members: 0 };
          entry.members++;
          events.set(event.id, entry);
        }
        return storylinePage(story, [...events.values()], members.map((a) => ({ date: a.published?.value, outlet: a.outlet })), now);
      }
      const [report, members, storyline] = await Promise.all([
        reportOf(story), store.articles.getMany(story.articleIds), store.stories.ofArticle(story.articleIds[0] ?? '', 'storyline'),
      ]);
      const seen = lastVisit(getCookie(c, VISIT_COOKIE));
      const lastChanged = members.reduce((latest, a) => (a.ingestedAt > latest ? a.ingestedAt : latest), '');
      setCookie(c, VISIT_COOKIE, ...visitCookie(c.req.path, now));
      return storyPage(story, report, {
        now,
        ...(lastChanged && { lastChanged }),
        ...(seen && { lastVisit: seen }),
        fresh: seen ? members.filter((a) => a.ingestedAt > seen).sort(newestFirst) : [],
        corrected: members.filter((a) => a.revisionOf),
        ...(storyline && storyline.articles > story.articles && { storyline }),
      });
    }))
    .get('/stories/:id/feed.atom', (c) => respond(c, async () => {
      parseQueryParams(c, NoQuery);
      const story = await storyOf(store, c.req.param('id'));
      const base = baseUrl(c);
      const articles = (await store.articles.getMany(story.articleIds.slice(-STORYLINE_READ))).sort(newestFirst).slice(0, FEED_SIZE);
      return atom(c, atomFeed({
        id: `urn:kronika:story:${story.id}`, title: story.title ?? (story.level === 'storyline' ? 'Wątek' : 'Wydarzenie'),
        subtitle: story.level === 'storyline' ? 'Nowe artykuły wątku w Kronice' : 'Nowe artykuły wydarzenia w Kronice',
        self: `${base}/stories/${story.id}/feed.atom`, page: `${base}/stories/${story.id}`, base, articles, emptyUpdated: deps.now().toISOString(),
      }));
    }))
    .get('/entities/:key', (c) => respond(c, async () => {
      const { name } = parseQueryParams(c, EntityQuery);
      const asked = c.req.param('key').trim();
      if (!asked || asked.length > 200) throw new ApiError('bad_request', 'an entity key or name of 1 to 200 characters');
      const profile = await findEntity(store, asked, undefined, name);
      if (!profile) return c.html(entityNotFoundPage(asked), 404);
      return entityPage(profile, await storiesOfEntity(store, profile));
    }))
    .get('/watches', (c) => respond(c, async () => {
      parseQueryParams(c, NoQuery);
      return watchesPage(await store.watches.list(), deps.now());
    }))
    .post('/watches', (c) => respond(c, async () => {
      const parsed = parseWatchForm(await c.req.parseBody());
      if ('form' in parsed) return c.html(watchesPage(await store.watches.list(), deps.now(), parsed.form), 422);
      const watch = await store.watches.add(parsed.spec, deps.now().toISOString());
      return c.redirect(`/watches/${watch.id}`, 303);
    }))
    .get('/watches/:id', (c) => respond(c, async () => {
      parseQueryParams(c, NoQuery);
      const watch = await watchOf(store, c.req.param('id'));
      const pending = await store.watches.pending(watch.id);
      const pendingArticles = new Map((await store.articles.getMany(pending.slice(0, PAGE_SIZE).map((m) => m.articleId))).map((a) => [a.id, a]));
      return watchPage({ watch, latest: await watchMatches(store, watch, 20), pending: pending.slice(0, PAGE_SIZE), pendingArticles, now: deps.now() });
    }))
    .post('/watches/:id/delete', (c) => respond(c, async () => {
      const watch = await watchOf(store, c.req.param('id'));
      await store.watches.remove(watch.id);
      return c.redirect('/watches', 303);
    }))
    .get('/watches/:id/feed.atom', (c) => respond(c, async () => {
      parseQueryParams(c, NoQuery);
      const watch = await watchOf(store, c.req.param('id'));
      const base = baseUrl(c);
      return atom(c, atomFeed({
        id: `urn:kronika:watch:${watch.id}`, title: `Obserwowane: ${watch.query}`, subtitle: 'Artykuły pasujące do zapisanego wyszukiwania w Kronice',
        self: `${base}/watches/${watch.id}/feed.atom`, page: `${base}/watches/${watch.id}`, base,
        articles: await watchMatches(store, watch, FEED_SIZE), emptyUpdated: watch.createdAt,
      }));
    }))
    .get('/sources', (c) => respond(c, async () => {
      const offset = parseQueryParams(c, HomeQuery).offset ?? 0;
      return sourcesPage(await sourceHealth(store, { limit: PAGE_SIZE, offset }), offset, PAGE_SIZE, deps.now());
    }));
}

async function watchOf(store: Store, id: string) {
  if (!WATCH_ID.test(id)) throw new ApiError('bad_request', 'watch id must be 8 to 64 lower-case hex digits');
  const watch = await store.watches.get(id);
  if (!watch) throw new ApiError('not_found', `no watch with id "${id}"`);
  return watch;
}
