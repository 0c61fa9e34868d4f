/** GET /api/articles (filtered listing) and GET /api/articles/:id (text, metadata, analysis offsets). */
import { Hono } from 'hono';
import { z } from 'zod';
import { articleRecord } from '../../cli/records.ts';
import { analysisRecord } from '../analysis.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { articleSummary } from '../records.ts';
import { DatePrefix, LanguageParam, limitParam, OffsetParam, parseArticleId, parseQueryParams, Source } from '../validate.ts';

/** Largest page of a listing; a client pages with offset beyond it. */
export const MAX_ARTICLE_PAGE = 500;
const DEFAULT_ARTICLE_PAGE = 50;

const ListQuery = z.strictObject({
  lang: LanguageParam.optional(),
  source: Source.optional(),
  since: DatePrefix.optional(),
  limit: limitParam(MAX_ARTICLE_PAGE),
  offset: OffsetParam,
});

const OneQuery = z.strictObject({
  analysis: z.enum(['0', '1', 'false', 'true']).optional(),
});

export function articleRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/', (c) => {
      const q = parseQueryParams(c, ListQuery);
      const limit = q.limit ?? DEFAULT_ARTICLE_PAGE;
      const offset = q.offset ?? 0;
      const articles = deps.store.listArticles({ language: q.lang, source: q.source, since: q.since, limit, offset });
      return c.json({ articles: articles.map(articleSummary), limit, offset });
    })
    .get('/:id', async (c) => {
      const id = parseArticleId(c);
      const q = parseQueryParams(c, OneQuery);
      const article = deps.store.findArticle(id);
      if (!article) throw new ApiError('not_found', `no article with id "${id}"`);
      const withAnalysis = q.analysis !== '0' && q.analysis !== 'false';
      return c.json({
        article: articleRecord(article),
        analysis: withAnalysis ? analysisRecord(await deps.analyze(article)) : null,
      });
    });
}
