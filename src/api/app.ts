/**
 * The HTTP app (hono): JSON under /api, the web pages (src/web) at /, one route module per
 * resource in routes/, errors rendered once by errors.ts, body size and time limited by
 * middleware.ts. Stories come from a StorySource (stories.ts), computed from the store unless
 * the caller hands in another (e.g. one reading persisted engine state).
 */
import { Hono } from 'hono';
import { fetchResource, type FetchedResource } from '../ingest/fetch.ts';
import type { SearchIndex } from '../search/index.ts';
import type { Store } from '../store/legacy.ts';
import { cachedAnalyzer, type ArticleAnalyzer } from './analysis.ts';
import type { RouteDeps } from './deps.ts';
import { ApiError, errorRenderer } from './errors.ts';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, limitBody, requestTimeout } from './middleware.ts';
import { API_PATHS, openApiDocument } from './openapi.ts';
import { articleRoutes } from './routes/articles.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { searchRoutes } from './routes/search.ts';
import { statsRoutes } from './routes/stats.ts';
import { storyRoutes } from './routes/stories.ts';
import { alertAfterIngest, watchRoutes, type AlertOptions } from './routes/watches.ts';
import { storedStories, type StorySource } from './stories.ts';
import { webRoutes } from '../web/routes.ts';

export interface AppOptions {
  readonly store: Store;
  readonly search: SearchIndex;
  /** Analysis for article pages and entities; defaults to src/analysis analyzeArticle, memoised. */
  readonly analyze?: ArticleAnalyzer;
  /** URL fetcher for POST /api/ingest {url}; defaults to src/ingest fetchResource. */
  readonly fetchUrl?: (url: string) => Promise<FetchedResource>;
  readonly bodyLimitBytes?: number;
  readonly requestTimeoutMs?: number;
  /** Clock for `ingestedAt`. */
  readonly now?: () => Date;
  /** Stories and their reports; defaults to computing them from the store (src/api/stories.ts). */
  readonly stories?: StorySource;
  /** Saved-search alerts after POST /api/ingest (base URL for story links, retries, a hook per run). */
  readonly alerts?: AlertOptions;
  /** Where unexpected (500) errors are reported; default stderr. */
  readonly log?: (error: unknown) => void;
}

/**
 * Builds the app; serve it with server.ts or call `app.request()` in tests.
 * @example const app = createApp({ store, search }); await app.request('/api/stats')
 */
export function createApp(options: AppOptions): Hono {
  const deps: RouteDeps = {
    store: options.store,
    search: options.search,
    analyze: cachedAnalyzer(options.analyze),
    fetchUrl: options.fetchUrl ?? ((url) => fetchResource(url)),
    now: options.now ?? (() => new Date()),
  };
  const log = options.log ?? ((error: unknown) => process.stderr.write(`kronika api: ${error instanceof Error ? error.stack : String(error)}\n`));
  const app = new Hono();
  app.onError(errorRenderer(log));
  app.notFound(() => {
    throw new ApiError('not_found', 'no such route');
  });
  app.use('*', requestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
  app.use('*', limitBody(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES));

  app.route('/health', healthRoutes());
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/articles', articleRoutes(deps));
  app.route('/api/entities', entityRoutes(deps));
  app.route('/api/search', searchRoutes(deps));
  app.use('/api/ingest', alertAfterIngest(deps, { baseUrl: process.env.KRONIKA_BASE_URL || undefined, ...options.alerts }));
  app.route('/api/ingest', ingestRoutes(deps));
  app.route('/api/watches', watchRoutes(deps));
  app.route('/api/stats', statsRoutes(deps));
  const stories = options.stories ?? storedStories(deps.store, deps.analyze);
  app.route('/api/stories', storyRoutes(deps, stories));
  app.route('/', webRoutes(deps, stories));

  // A known path with another method: 405 with Allow, rather than a misleading 404.
  for (const [path, methods] of Object.entries(API_PATHS)) {
    const allow = methods.map((m) => m.toUpperCase()).join(', ');
    app.all(path.replace(/\{(\w+)\}/g, ':$1'), (c) => {
      c.header('Allow', allow);
      throw new ApiError('method_not_allowed', `${c.req.method} is not allowed here; use ${allow}`);
    });
  }
  return app;
}
