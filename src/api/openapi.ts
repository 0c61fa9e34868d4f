/**
 * The OpenAPI 3.1 document served at /openapi.json. Hand-written for the responses, with the
 * ingest body generated from its zod schema so the two cannot drift. `API_PATHS` is the route
 * list app.ts uses to answer 405 for wrong methods, and a test checks every route is listed.
 */
import { z } from 'zod';
import { MAX_SEARCH_LIMIT } from '../search/index.ts';
import { MAX_ARTICLE_PAGE } from './routes/articles.ts';
import { MAX_ENTITY_SCAN } from './routes/entities.ts';
import { IngestBody } from './routes/ingest.ts';
import { MAX_QUERY_CHARS } from './routes/search.ts';
import { WatchSpecSchema } from '../watch/index.ts';

type Method = 'get' | 'post' | 'delete';

/** Every route: OpenAPI path → methods. */
export const API_PATHS: Readonly<Record<string, readonly Method[]>> = {
  '/health': ['get'],
  '/openapi.json': ['get'],
  '/api/articles': ['get'],
  '/api/articles/{id}': ['get'],
  '/api/entities': ['get'],
  '/api/search': ['get'],
  '/api/ingest': ['post'],
  '/api/stats': ['get'],
  '/api/watches': ['get', 'post'],
  '/api/watches/{id}': ['delete'],
  '/api/stories': ['get'],
  '/api/stories/{id}': ['get'],
  '/': ['get'],
  '/search': ['get'],
  '/articles/{id}': ['get'],
  '/stories': ['get'],
  '/stories/{id}': ['get'],
};

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: 'error', ...json(ref('Error')) }]));
const param = (name: string, schema: object, description: string, required = false) =>
  ({ name, in: 'query', required, description, schema });

const lang = param('lang', { type: 'string', enum: ['pl', 'en', 'und'] }, 'language');
const source = param('source', { type: 'string', maxLength: 200 }, 'outlet, case-insensitive');
const since = param('since', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'published on or after (ISO prefix)');
const until = param('until', { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, 'published on or before (ISO prefix)');
const limit = (max: number) => param('limit', { type: 'integer', minimum: 1, maximum: max }, 'page size');
const offset = param('offset', { type: 'integer', minimum: 0 }, 'rows to skip');

const htmlPage = { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } };
const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } }, required: ['start', 'end'] };

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kronika API',
      version: '0.1.0',
      description: 'Stored news articles, their analysis and full-text search. Errors are always `{ "error": { "code", "message" } }`.',
    },
    paths: {
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok', ...json({ type: 'object' }) } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } } },
      '/api/articles': {
        get: {
          summary: 'List stored articles in ingest order',
          parameters: [lang, source, since, limit(MAX_ARTICLE_PAGE), offset],
          responses: {
            200: { description: 'a page of articles', ...json({ type: 'object', properties: { articles: { type: 'array', items: ref('ArticleSummary') }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) },
            ...errors(400),
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article: clean text, metadata and analysis offsets',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{6,64}$' }, description: 'id or unique prefix (6+)' },
            param('analysis', { type: 'string', enum: ['0', '1', 'false', 'true'] }, 'include the analysis (default 1)'),
          ],
          responses: {
            200: { description: 'the article', ...json({ type: 'object', properties: { article: ref('Article'), analysis: ref('Analysis') } }) },
            ...errors(400, 404),
          },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Named entities grouped across articles',
          parameters: [
            param('article', { type: 'string', pattern: '^[0-9a-f]{6,64}$' }, 'only this article'),
            param('type', { type: 'string', enum: ['PER', 'ORG', 'LOC', 'EVT', 'PRO'] }, 'entity type'),
            lang, source, since,
            param('scan', { type: 'integer', minimum: 1, maximum: MAX_ENTITY_SCAN }, 'articles analysed (ingest order)'),
            limit(500),
          ],
          responses: {
            200: { description: 'entities, most mentioned first', ...json({ type: 'object', properties: { scanned: { type: 'integer' }, entities: { type: 'array', items: ref('Entity') } } }) },
            ...errors(400, 404),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Polish-aware full-text search (inflected forms, accent-free queries, "phrases", prefix*)',
          parameters: [
            param('q', { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS }, 'query', true),
            lang, source, since, until, limit(MAX_SEARCH_LIMIT), offset,
          ],
          responses: {
            200: { description: 'best articles first', ...json({ type: 'object', properties: { query: { type: 'string' }, hits: { type: 'array', items: ref('SearchHit') } } }) },
            ...errors(400),
          },
        },
      },
      '/api/ingest': {
        post: {
          summary: 'Ingest one article given as text, HTML or a URL to fetch',
          requestBody: { required: true, ...json(z.toJSONSchema(IngestBody, { io: 'input' })) },
          responses: {
            200: { description: 'already stored (same text)', ...json(ref('IngestResult')) },
            201: { description: 'stored', ...json(ref('IngestResult')) },
            ...errors(400, 413, 415, 422, 503),
          },
        },
      },
      '/api/watches': {
        get: { summary: 'Saved searches with their delivery state (pending, failures, lastError)', responses: { 200: { description: 'watches', ...json({ type: 'object', properties: { watches: { type: 'array', items: ref('Watch') } } }) } } },
        post: {
          summary: 'Save a search; each new article matching it is alerted once (webhook POST, or server stdout without one)',
          requestBody: { required: true, ...json(z.toJSONSchema(WatchSpecSchema, { io: 'input' })) },
          responses: { 201: { description: 'saved', ...json({ type: 'object', properties: { watch: ref('Watch') } }) }, ...errors(400, 413, 415, 422) },
        },
      },
      '/api/watches/{id}': {
        delete: {
          summary: 'Remove a saved search and its alert history',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{8,64}$' } }],
          responses: { 200: { description: 'removed', ...json({ type: 'object', properties: { removed: { type: 'string' } } }) }, ...errors(400, 404) },
        },
      },
      '/api/stats': {
        get: { summary: 'Counts by language and outlet, date range, search index size', responses: { 200: { description: 'stats', ...json({ type: 'object' }) } } },
      },
      '/api/stories': {
        get: {
          summary: 'Stories (events, or long-running storylines), newest activity first',
          parameters: [
            param('level', { type: 'string', enum: ['event', 'storyline'] }, 'default event'),
            param('since', since.schema, 'active on or after (ISO prefix)'),
            param('until', until.schema, 'active on or before (ISO prefix)'),
            lang,
            param('entity', { type: 'string', maxLength: 200 }, 'an entity id or name ("Vladimir Putin" finds Władimir Putin)'),
            param('q', { type: 'string', maxLength: 500 }, 'full-text query: stories holding a matching article'),
            limit(500), offset,
          ],
          responses: {
            200: { description: 'a page of stories', ...json({ type: 'object', properties: { level: { type: 'string' }, total: { type: 'integer' }, stories: { type: 'array', items: ref('Story') } } }) },
            ...errors(400),
          },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'One story and its report: summary with citations, claims, conflicts, timeline, quotes, sources',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^(ev|sl)-[0-9a-f]{6,64}(-\\d{1,9})?$' } }],
          responses: {
            200: { description: 'story and report (docs/SCHEMA.md (story report))', ...json({ type: 'object', properties: { story: ref('Story'), report: { type: 'object' } } }) },
            ...errors(400, 404),
          },
        },
      },
      '/': {
        get: { summary: 'Web page: article list', parameters: [lang, source, offset], responses: { 200: htmlPage, 400: htmlPage } },
      },
      '/search': {
        get: {
          summary: 'Web page: search results',
          parameters: [param('q', { type: 'string', maxLength: MAX_QUERY_CHARS }, 'query'), offset],
          responses: { 200: htmlPage, 400: htmlPage },
        },
      },
      '/articles/{id}': {
        get: {
          summary: 'Web page: one article, optionally with the passage [start, end) highlighted',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{6,64}$' } },
            param('start', { type: 'integer', minimum: 0 }, 'passage start offset'),
            param('end', { type: 'integer', minimum: 1 }, 'passage end offset'),
          ],
          responses: { 200: htmlPage, 400: htmlPage, 404: htmlPage },
        },
      },
      '/stories': { get: { summary: 'Web page: events, most articles first', responses: { 200: htmlPage } } },
      '/stories/{id}': {
        get: {
          summary: 'Web page: a story report, each cited sentence linked to its passage',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: htmlPage, 400: htmlPage, 404: htmlPage },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object', required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: ['bad_request', 'not_found', 'method_not_allowed', 'payload_too_large', 'unsupported_media_type', 'unprocessable', 'timeout', 'internal'] },
                message: { type: 'string' },
                details: {},
              },
            },
          },
        },
        Watch: {
          type: 'object',
          required: ['id', 'query', 'createdAt', 'failures', 'pending'],
          properties: {
            id: { type: 'string' }, query: { type: 'string' }, language: { type: 'string' }, source: { type: 'string' },
            webhook: { type: 'string' }, createdAt: { type: 'string' }, failures: { type: 'integer' },
            lastError: { type: 'string' }, lastFired: { type: 'string' }, pending: { type: 'integer' },
          },
        },
        ArticleSummary: {
          type: 'object',
          properties: {
            id: { type: 'string' }, origin: { type: 'string' }, url: { type: ['string', 'null'] }, title: { type: ['string', 'null'] },
            published: { type: ['object', 'null'] }, language: { type: 'string' }, outlet: { type: ['string', 'null'] },
            duplicateOf: { type: ['string', 'null'] }, ingestedAt: { type: 'string' }, excerpt: { type: 'string' },
          },
        },
        Article: { type: 'object', description: 'ArticleSummary fields plus author, format, text (clean) and removed boilerplate' },
        Analysis: {
          type: ['object', 'null'],
          description: 'Offsets into Article.text: sentences, statuses, mentions, quotes, times, events',
          properties: { sentences: { type: 'array', items: span }, mentions: { type: 'array', items: span }, quotes: { type: 'array' }, statuses: { type: 'array' }, times: { type: 'array', items: span }, events: { type: 'array' } },
        },
        Entity: {
          type: 'object',
          properties: { key: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, variants: { type: 'array', items: { type: 'string' } }, mentions: { type: 'integer' }, articles: { type: 'array', items: { type: 'string' } } },
        },
        SearchHit: {
          type: 'object',
          properties: {
            articleId: { type: 'string' }, origin: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' },
            language: { type: 'string' }, published: { type: 'string' }, score: { type: 'number' }, matches: { type: 'integer' },
            sentence: { type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } },
            highlights: { type: 'array', items: span, description: 'offsets into sentence.text' },
          },
        },
        Story: {
          type: 'object',
          properties: {
            id: { type: 'string' }, level: { type: 'string' }, title: { type: 'string' }, articleIds: { type: 'array', items: { type: 'string' } },
            articles: { type: 'integer' }, independentSources: { type: 'integer' }, firstSeen: { type: 'string' }, lastSeen: { type: 'string' },
            topEntities: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, weight: { type: 'number' }, name: { type: 'string' } }, required: ['key', 'weight'] } }, topTerms: { type: 'array', items: { type: 'string' } }, languages: { type: 'array' }, outlets: { type: 'array' },
          },
        },
        IngestResult: {
          type: 'object',
          properties: { status: { type: 'string', enum: ['stored', 'unchanged'] }, id: { type: 'string' }, duplicateOf: { type: ['string', 'null'] }, indexed: { type: 'boolean' }, article: ref('ArticleSummary') },
        },
      },
    },
  };
}
