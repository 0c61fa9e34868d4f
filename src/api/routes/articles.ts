/** GET /api/articles (filtered listing) and GET /api/articles/:id (text, metadata, stored analysis). */
import { Hono } from 'hono';
import { z } from 'zod';
import { articleWithAnalysis } from '../../app/articles.ts';
import { analysisRecord, articleRecord, articleSummary } from '../../app/records.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { DatePrefix, LanguageParam, limitParam, OffsetParam, parseArticleId, parseQueryParams, Source } from '../validate.ts';

/** Largest page of a listing; a client pages with offset beyond it. */
export const MAX_ARTICLE_PAGE = 500;
const DEFAULT_ARTICLE_PAGE = 50;

export const ArticleListQuery = z.strictObject({
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  limit: limitParam(MAX_ARTICLE_PAGE),
  offset: OffsetParam,
});

export const ArticleQuery = z.strictObject({
  analysis: z.enum(['0', '1', 'false', 'true']).describe('include the analysis (default 1)').optional(),
});

export function articleRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const q = parseQueryParams(c, ArticleListQuery);
      const limit = q.limit ?? DEFAULT_ARTICLE_PAGE;
      const offset = q.offset ?? 0;
      const articles = await deps.store.articles.list({ language: q.lang, source: q.source, since: q.since, limit, offset });
      return c.json({ articles: articles.map(articleSummary), limit, offset });
    })
    .get('/:id', async (c) => {
      const id = parseArticleId(c);
      const q = parseQueryParams(c, ArticleQuery);
      if (q.analysis === '0' || q.analysis === 'false') {
        const article = await deps.store.articles.find(id);
        if (!article) throw new ApiError('not_found', `no article with id "${id}"`);
        return c.json({ article: articleRecord(article), analysis: null });
      }
      const found = await articleWithAnalysis(deps.store, id);
      if (!found) throw new ApiError('not_found', `no article with id "${id}"`);
      return c.json({ article: articleRecord(found.article), analysis: analysisRecord(found.analysis) });
    });
}
