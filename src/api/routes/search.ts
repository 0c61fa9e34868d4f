/** GET /api/search?q=: the same search as `kronika search`, over the shared SearchIndex. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_SEARCH_LIMIT, syncSearchIndex } from '../../search/index.ts';
import type { RouteDeps } from '../deps.ts';
import { DatePrefix, LanguageParam, limitParam, OffsetParam, parseQueryParams, Source } from '../validate.ts';

/** Longest query accepted: a pasted paragraph; only the first clauses count (src/search/query.ts). */
export const MAX_QUERY_CHARS = 1000;

const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUERY_CHARS),
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  until: DatePrefix.optional(),
  limit: limitParam(MAX_SEARCH_LIMIT),
  offset: OffsetParam,
});

export function searchRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', (c) => {
    const q = parseQueryParams(c, SearchQuery);
    // Articles stored by another process (`kronika ingest` while serving) are indexed on the
    // next search; in sync, this is two counts.
    syncSearchIndex(deps.store, deps.search);
    const hits = deps.search.search(q.q, {
      language: q.lang, source: q.source, since: q.since, until: q.until, limit: q.limit, offset: q.offset,
    });
    return c.json({ query: q.q, hits });
  });
}
