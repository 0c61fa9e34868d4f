/** GET /api/stats: store counts plus how many articles the search index holds. */
import { Hono } from 'hono';
import type { RouteDeps } from '../deps.ts';

export function statsRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', (c) => c.json({ ...deps.store.stats(), searchIndexed: deps.search.countArticles() }));
}
