/** GET /api/search?q=: the same search as `kronika search`, over the store's search concern. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_SEARCH_LIMIT } from '../../search/index.ts';
import type { RouteDeps } from '../deps.ts';
import { DatePrefix, LanguageParam, limitParam, OffsetParam, parseQueryParams, Source } from '../validate.ts';

/** Longest query accepted: a pasted paragraph; only the first clauses count (src/search/query.ts). */
export const MAX_QUERY_CHARS = 1000;

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUERY_CHARS).describe('words, "phrases", prefix*'),
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  until: DatePrefix.optional(),
  limit: limitParam(MAX_SEARCH_LIMIT),
  offset: OffsetParam,
});

export function searchRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const q = parseQueryParams(c, SearchQuery);
    const hits = await deps.store.search.search(q.q, {
      language: q.lang, source: q.source, since: q.since, until: q.until, limit: q.limit, offset: q.offset,
    });
    return c.json({ query: q.q, hits });
  });
}
