/**
 * /api/watches: saved searches — GET lists them with their delivery state, POST saves one
 * ({query, language?, source?, webhook?}; no webhook = alerts on the server's stdout), DELETE
 * /api/watches/{id} removes one. Alerts themselves are the alert stage's (src/app/stages.ts).
 */
import { Hono } from 'hono';
import type { Watch } from '../../store/store.ts';
import { WatchSpecSchema } from '../../watch/index.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { redactWebhook } from '../security.ts';
import { parseJsonBody } from '../validate.ts';

/** Watch ids are 8 hex digits (src/store/sqlite/watches.ts); longer ones are allowed for other engines. */
const WATCH_ID = /^[0-9a-f]{8,64}$/;

export function watchRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => c.json({ watches: (await deps.store.watches.list()).map(shown) }))
    .post('/', async (c) => {
      const spec = await parseJsonBody(c, WatchSpecSchema);
      return c.json({ watch: shown(await deps.store.watches.add(spec, deps.now().toISOString())) }, 201);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      if (!WATCH_ID.test(id)) throw new ApiError('bad_request', 'watch id must be 8 to 64 lower-case hex digits');
      if (!(await deps.store.watches.remove(id))) throw new ApiError('not_found', `no watch with id "${id}"`);
      return c.json({ removed: id });
    });
}

/** A watch as the API shows it: the webhook's origin only, never its secret path or credentials. */
function shown(watch: Watch): Watch {
  return watch.webhook ? { ...watch, webhook: redactWebhook(watch.webhook) } : watch;
}
