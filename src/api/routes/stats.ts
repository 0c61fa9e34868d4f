/** GET /api/stats: store counts, how many articles are indexed for search, and how far each stage is. */
import { Hono } from 'hono';
import { stageLag } from '../../app/stages.ts';
import type { RouteDeps } from '../deps.ts';

export function statsRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', async (c) => c.json({
    ...await deps.store.articles.stats(),
    searchIndexed: await deps.store.search.count(),
    stageLag: await stageLag(deps.store),
  }));
}
