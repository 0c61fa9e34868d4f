/**
 * /api/watches: saved searches (issue 8) — GET lists them with their delivery state, POST saves
 * one ({query, language?, source?, webhook?}; no webhook = alerts on the server's stdout),
 * DELETE /api/watches/{id} removes one. `alertAfterIngest` is the middleware that runs the
 * watches on an article POST /api/ingest has just stored.
 */
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { syncStories } from '../../app/stories.ts';
import type { Watch } from '../../store/store.ts';
import { runWatches, WatchSpecSchema, type WatchRunOptions, type WatchRunReport } from '../../watch/index.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { redactWebhook } from '../security.ts';
import { parseJsonBody } from '../validate.ts';

/** Watch ids are 8 hex digits (src/store/sqlite); longer ones are allowed for other backends. */
const WATCH_ID = /^[0-9a-f]{8,64}$/;

export function watchRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/', (c) => c.json({ watches: deps.store.listWatches().map(shown) }))
    .post('/', async (c) => {
      const spec = await parseJsonBody(c, WatchSpecSchema);
      return c.json({ watch: shown(deps.store.addWatch(spec, deps.now().toISOString())) }, 201);
    })
    .delete('/:id', (c) => {
      const id = c.req.param('id');
      if (!WATCH_ID.test(id)) throw new ApiError('bad_request', 'watch id must be 8 to 64 lower-case hex digits');
      if (!deps.store.removeWatch(id)) throw new ApiError('not_found', `no watch with id "${id}"`);
      return c.json({ removed: id });
    });
}

/** A watch as the API shows it: the webhook's origin only, never its secret path or credentials. */
function shown(watch: Watch): Watch {
  return watch.webhook ? { ...watch, webhook: redactWebhook(watch.webhook) } : watch;
}

export interface AlertOptions extends Partial<WatchRunOptions> {
  /** Called after each background run (tests wait on it; a server may log it). */
  readonly onRun?: (report: WatchRunReport) => void;
  readonly log?: (error: unknown) => void;
}

/**
 * After a 201 from POST /api/ingest, runs the watches on the stored article in the background,
 * so a slow webhook never delays the answer. Runs are queued one after another: two overlapping
 * runs could both read a match as pending and deliver it twice.
 * @example app.use('/api/ingest', alertAfterIngest(deps, { baseUrl: process.env.KRONIKA_BASE_URL }))
 */
export function alertAfterIngest(deps: RouteDeps, options: AlertOptions = {}): MiddlewareHandler {
  let queue: Promise<unknown> = Promise.resolve();
  return async function alertAfterIngest(c, next) {
    await next();
    if (c.req.method !== 'POST' || c.res.status !== 201) return;
    const { id } = await c.res.clone().json() as { id: string };
    if (deps.store.listWatches().length === 0) return;
    queue = queue.then(async () => {
      // The alert names the story the article joined, so stories catch up first.
      syncStories(deps.store);
      const report = await runWatches(deps.store, deps.search, {
        print: (line) => process.stdout.write(line + '\n'),
        ...options,
        articleIds: [id],
      });
      options.onRun?.(report);
    }).catch(options.log ?? ((error: unknown) => process.stderr.write(`kronika watch: ${String(error)}\n`)));
  };
}
