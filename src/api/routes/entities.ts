/**
 * GET /api/entities: the people, organisations and places named in stored articles, grouped
 * across articles by their language-neutral key (src/analysis/entities groupEntities).
 * Entities are derived, not stored, so the route analyses a bounded window of articles.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { groupEntities } from '../../analysis/entities/index.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { ARTICLE_ID, DatePrefix, LanguageParam, limitParam, parseQueryParams, Source } from '../validate.ts';

/**
 * Most articles analysed per request. Analysis runs at roughly 100 articles/s on one core
 * (bench: analysis), so 1,000 bounds a cold request to about 10 s; the cache makes repeats fast.
 */
export const MAX_ENTITY_SCAN = 1000;
const DEFAULT_ENTITY_SCAN = 200;
const DEFAULT_ENTITY_LIMIT = 50;

const EntityQuery = z.strictObject({
  article: z.string().regex(ARTICLE_ID, 'article id must be 6 to 64 lower-case hex digits').optional(),
  type: z.enum(['PER', 'ORG', 'LOC', 'EVT', 'PRO']).optional(),
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  scan: limitParam(MAX_ENTITY_SCAN),
  limit: limitParam(500),
});

export function entityRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const q = parseQueryParams(c, EntityQuery);
    let articles;
    if (q.article) {
      const one = deps.store.findArticle(q.article);
      if (!one) throw new ApiError('not_found', `no article with id "${q.article}"`);
      articles = [one];
    } else {
      articles = deps.store.listArticles({
        language: q.lang, source: q.source, since: q.since, limit: q.scan ?? DEFAULT_ENTITY_SCAN,
      });
    }
    const docs = [];
    for (const article of articles) {
      if (article.duplicateOf) continue; // a syndicated copy would count its names twice
      docs.push({ articleId: article.id, mentions: (await deps.analyze(article)).mentions });
    }
    const entities = groupEntities(docs).filter((e) => !q.type || e.type === q.type);
    return c.json({ scanned: docs.length, entities: entities.slice(0, q.limit ?? DEFAULT_ENTITY_LIMIT) });
  });
}
