/** GET /api/entities: entities grouped across articles, from their stored analyses. */
import { Hono } from 'hono';
import { z } from 'zod';
import { entitiesOf } from '../../app/articles.ts';
import { EntityType } from '../../app/records.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { ARTICLE_ID, DatePrefix, LanguageParam, limitParam, parseQueryParams, Source } from '../validate.ts';

/**
 * Most articles read per request. Stored analyses read back at thousands of articles a second
 * (bench: scale), so 1,000 answer in well under a second.
 */
export const MAX_ENTITY_SCAN = 1000;
const DEFAULT_ENTITY_SCAN = 200;
const DEFAULT_ENTITY_LIMIT = 50;

export const EntityQuery = z.strictObject({
  article: z.string().regex(ARTICLE_ID, 'article id must be 6 to 64 lower-case hex digits').describe('only this article').optional(),
  type: EntityType.optional(),
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  scan: limitParam(MAX_ENTITY_SCAN).describe('articles read (ingest order)'),
  limit: limitParam(500),
});

export function entityRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const q = parseQueryParams(c, EntityQuery);
    let articles;
    if (q.article) {
      const one = await deps.store.articles.find(q.article);
      if (!one) throw new ApiError('not_found', `no article with id "${q.article}"`);
      articles = [one];
    } else {
      articles = await deps.store.articles.list({ language: q.lang, source: q.source, since: q.since, limit: q.scan ?? DEFAULT_ENTITY_SCAN });
    }
    const { scanned, entities } = await entitiesOf(deps.store, articles, { ...(q.type && { type: q.type }), limit: q.limit ?? DEFAULT_ENTITY_LIMIT });
    return c.json({ scanned, entities });
  });
}
