/**
 * The HTTP app (hono): JSON under /api, the web pages (src/web) at /, one route module per
 * resource in routes/, errors rendered once by errors.ts, body size and time limited by
 * middleware.ts. Routes are thin: the use cases they call are src/app's, shared with the CLI,
 * and every record they answer with is shaped by src/app/records.ts. GET handlers only read; the
 * stages run after an ingest and in the background (src/app/runner.ts).
 */
import { Hono } from 'hono';
import { servingStages, type ServingStages } from '../app/runner.ts';
import type { PipelineReport } from '../app/stages.ts';
import { fetchResource, type FetchedResource } from '../ingest/fetch.ts';
import type { Store } from '../store/store.ts';
import type { DeliveryOptions, WatchRunReport } from '../watch/index.ts';
import type { RouteDeps } from './deps.ts';
import { ApiError, errorRenderer } from './errors.ts';
import { apiSecurity, hideServerPaths, type SecurityOptions } from './security.ts';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, limitBody, requestTimeout } from './middleware.ts';
import { API_PATHS, openApiDocument } from './openapi.ts';
import { articleRoutes } from './routes/articles.ts';
import { entityRoutes } from './routes/entities.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { searchRoutes } from './routes/search.ts';
import { statsRoutes } from './routes/stats.ts';
import { storyRoutes } from './routes/stories.ts';
import { watchRoutes } from './routes/watches.ts';
import { webNotFound, webRoutes } from '../web/routes.ts';

export interface AlertOptions extends Partial<Omit<DeliveryOptions, 'print'>> {
  /**
   * Where alerts of watches without a webhook go. Unset (what `kronika serve` and `run` pass),
   * they stay pending for `kronika watch run`, as after `ingest` or `update`: a server's stdout
   * is a log no one reads (a systemd journal), and printing there marked them delivered, so the
   * `kronika watch run | mail` of the README found nothing.
   */
  readonly print?: (line: string) => void;
  /** Called after each alert run (tests wait on it; a server may log it). */
  readonly onRun?: (report: WatchRunReport) => void;
}

/** Paths whose clients are programs: an unknown one answers in the API's JSON error shape. */
const API_PREFIX = /^\/(?:api(?:\/|$)|openapi\.json$|health(?:\/|$))/;

export interface AppOptions {
  readonly store: Store;
  /** The stages to run after an ingest; by default made here over `store` (serve passes its polling ones). */
  readonly stages?: ServingStages;
  /** URL fetcher for POST /api/ingest {url}; defaults to src/ingest fetchResource. */
  readonly fetchUrl?: (url: string) => Promise<FetchedResource>;
  readonly bodyLimitBytes?: number;
  readonly requestTimeoutMs?: number;
  /** Clock for `ingestedAt`. */
  readonly now?: () => Date;
  /** Saved-search alerts after an ingest (base URL for story links, retries, a hook per run). */
  readonly alerts?: AlertOptions;
  /** Host names and API token checked on every request (src/api/security.ts); `kronika serve` always sets it. */
  readonly security?: SecurityOptions;
  /** Where unexpected (500) errors and failed stages are reported; default stderr. */
  readonly log?: (error: unknown) => void;
}

/**
 * The stages a server runs, reporting failed stages to `log` and alert runs to `alerts.onRun`.
 * @example const stages = appStages(store, { baseUrl }, log); stages.poll()
 */
export function appStages(store: Store, alerts: AlertOptions = {}, log: (error: unknown) => void = defaultLog): ServingStages {
  const { onRun, print, ...delivery } = alerts;
  return servingStages(store, {
    alerts: { ...(print && { print }), baseUrl: process.env.KRONIKA_BASE_URL || undefined, ...delivery },
  }, (report: PipelineReport) => {
    if (report.failed) log(new Error(`the ${report.failed.stage} stage failed: ${report.failed.error}`));
    if (report.alerts && onRun) onRun(report.alerts);
  });
}

function defaultLog(error: unknown): void {
  process.stderr.write(`kronika api: ${error instanceof Error ? error.stack : String(error)}\n`);
}

/**
 * Builds the app; serve it with server.ts or call `app.request()` in tests.
 * @example const app = createApp({ store }); await app.request('/api/stats')
 */
export function createApp(options: AppOptions): Hono {
  const log = options.log ?? defaultLog;
  const deps: RouteDeps = {
    store: options.store,
    stages: options.stages ?? appStages(options.store, options.alerts, log),
    fetchUrl: options.fetchUrl ?? ((url) => fetchResource(url)),
    now: options.now ?? (() => new Date()),
  };
  const app = new Hono();
  app.onError(errorRenderer(log));
  app.notFound((c) => {
    if (!API_PREFIX.test(c.req.path)) return webNotFound(c);
    throw new ApiError('not_found', 'no such route');
  });
  app.use('*', requestTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
  app.use('*', limitBody(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES));
  if (options.security) app.use('*', apiSecurity(options.security));
  app.use('/api/*', hideServerPaths());

  app.route('/health', healthRoutes());
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/articles', articleRoutes(deps));
  app.route('/api/entities', entityRoutes(deps));
  app.route('/api/search', searchRoutes(deps));
  app.route('/api/ingest', ingestRoutes(deps));
  app.route('/api/watches', watchRoutes(deps));
  app.route('/api/stats', statsRoutes(deps));
  app.route('/api/stories', storyRoutes(deps));
  app.route('/', webRoutes(deps));

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
