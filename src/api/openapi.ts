/**
 * The OpenAPI 3.1 document served at /openapi.json, generated: response records from the zod
 * schemas of src/app/records.ts (the shapes the CLI prints too), query parameters and bodies from
 * the zod schemas the routes validate with. Nothing here restates a shape by hand. `API_PATHS` is
 * the route list app.ts uses to answer 405 for wrong methods; a test checks every route is listed.
 */
import { z } from 'zod';
import {
  AnalysisRecord, ArticleRecord, ArticleSummary, EntityRecord, RECORDS, SearchHitRecord, StatsRecord, StoryRecord,
  StoryReportRecord, WatchRecord,
} from '../app/records.ts';
import { WatchSpecSchema } from '../watch/index.ts';
import { ArticleListQuery, ArticleQuery } from './routes/articles.ts';
import { EntityQuery } from './routes/entities.ts';
import { IngestBody } from './routes/ingest.ts';
import { SearchQuery } from './routes/search.ts';
import { StoryListQuery } from './routes/stories.ts';

type Method = 'get' | 'post' | 'delete';
type Schema = Record<string, unknown>;

const ARTICLE_ID_PATTERN = '^[0-9a-f]{6,64}$';
const STORY_ID_PATTERN = '^(ev|sl)-[0-9a-f]{6,64}(-\\d{1,9})?$';
const WATCH_ID_PATTERN = '^[0-9a-f]{8,64}$';

// Envelopes of the JSON answers, registered like the records so they are components too.
const ErrorBody = z.object({
  error: z.object({
    code: z.enum(['bad_request', 'not_found', 'method_not_allowed', 'payload_too_large', 'unsupported_media_type', 'unprocessable', 'timeout', 'unavailable', 'internal']),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
RECORDS.add(ErrorBody, { id: 'Error', description: 'Every error: a code, a message, for validation the offending fields.' });

const IngestItem = z.object({
  status: z.enum(['stored', 'unchanged']), id: z.string(), duplicateOf: z.string().nullable(),
  indexed: z.boolean().describe('searchable now'),
  story: z.object({ id: z.string(), title: z.string().nullable() }).nullable().describe('the event it joined'),
  article: ArticleSummary,
  pending: z.string().optional().describe('set when other processes analyse, index and cluster it (PostgreSQL mode)'),
});
const IngestResult = IngestItem.extend({ items: z.array(IngestItem).optional().describe('every article, when a fetched feed held several') });
RECORDS.add(IngestResult, { id: 'IngestResult', description: 'What POST /api/ingest stored, and where it went.' });

/** One operation: what it takes (query, path, body) and what it answers, all as zod schemas. */
interface Route {
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly path?: Readonly<Record<string, string>>;
  readonly body?: z.ZodType;
  readonly ok: Readonly<Record<number, { description: string; json?: z.ZodType } | { description: string; html: true }>>;
  readonly errors?: readonly number[];
}

const ROUTES: Readonly<Record<string, Partial<Record<Method, Route>>>> = {
  '/health': { get: { summary: 'Liveness', ok: { 200: { description: 'ok', json: z.object({ status: z.literal('ok') }) } } } },
  '/openapi.json': { get: { summary: 'This document', ok: { 200: { description: 'OpenAPI 3.1 document', json: z.object({}).loose() } } } },
  '/api/articles': {
    get: {
      summary: 'List stored articles in ingest order', query: ArticleListQuery, errors: [400],
      ok: { 200: { description: 'a page of articles', json: z.object({ articles: z.array(ArticleSummary), limit: z.number().int(), offset: z.number().int() }) } },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'One article: clean text, metadata and its stored analysis (offsets into the text)', query: ArticleQuery,
      path: { id: ARTICLE_ID_PATTERN }, errors: [400, 404],
      ok: { 200: { description: 'the article', json: z.object({ article: ArticleRecord, analysis: AnalysisRecord.nullable() }) } },
    },
  },
  '/api/entities': {
    get: {
      summary: 'Named entities grouped across articles', query: EntityQuery, errors: [400, 404],
      ok: { 200: { description: 'entities, most mentioned first', json: z.object({ scanned: z.number().int(), entities: z.array(EntityRecord) }) } },
    },
  },
  '/api/search': {
    get: {
      summary: 'Polish-aware full-text search (inflected forms, accent-free queries, "phrases", prefix*)', query: SearchQuery, errors: [400],
      ok: { 200: { description: 'best articles first', json: z.object({ query: z.string(), hits: z.array(SearchHitRecord) }) } },
    },
  },
  '/api/ingest': {
    post: {
      summary: 'Ingest one article given as text, HTML or a URL to fetch (a feed URL stores its items)', body: IngestBody,
      errors: [400, 413, 415, 422, 503],
      ok: { 200: { description: 'already stored (same text)', json: IngestResult }, 201: { description: 'stored', json: IngestResult } },
    },
  },
  '/api/watches': {
    get: { summary: 'Saved searches with their delivery state (pending, failures, lastError)', ok: { 200: { description: 'watches', json: z.object({ watches: z.array(WatchRecord) }) } } },
    post: {
      summary: 'Save a search; each new article matching it is alerted once (webhook POST, or server stdout without one)',
      body: WatchSpecSchema, errors: [400, 413, 415, 422],
      ok: { 201: { description: 'saved', json: z.object({ watch: WatchRecord }) } },
    },
  },
  '/api/watches/{id}': {
    delete: {
      summary: 'Remove a saved search and its alert history', path: { id: WATCH_ID_PATTERN }, errors: [400, 404],
      ok: { 200: { description: 'removed', json: z.object({ removed: z.string() }) } },
    },
  },
  '/api/stats': {
    get: {
      summary: 'Counts by language and outlet, date range, search index size, how far each stage lags', ok: {
        200: { description: 'stats', json: StatsRecord.extend({ searchIndexed: z.number().int(), stageLag: z.record(z.string(), z.number().int()) }) },
      },
    },
  },
  '/api/stories': {
    get: {
      summary: 'Stories (events, or long-running storylines), newest activity first', query: StoryListQuery, errors: [400, 503],
      ok: { 200: { description: 'a page of stories', json: z.object({ level: z.enum(['event', 'storyline']), total: z.number().int(), stories: z.array(StoryRecord), limit: z.number().int(), offset: z.number().int() }) } },
    },
  },
  '/api/stories/{id}': {
    get: {
      summary: 'One story and its report: summary with citations, claims, conflicts, timeline, quotes, sources',
      path: { id: STORY_ID_PATTERN }, errors: [400, 404, 503],
      ok: { 200: { description: 'story and report', json: z.object({ story: StoryRecord, report: StoryReportRecord }) } },
    },
  },
  '/': { get: { summary: 'Web page: article list', ok: { 200: { description: 'HTML page', html: true }, 400: { description: 'HTML page', html: true } } } },
  '/search': { get: { summary: 'Web page: search results', ok: { 200: { description: 'HTML page', html: true }, 400: { description: 'HTML page', html: true } } } },
  '/articles/{id}': {
    get: {
      summary: 'Web page: one article, optionally with the passage [start, end) highlighted', path: { id: ARTICLE_ID_PATTERN },
      ok: { 200: { description: 'HTML page', html: true }, 400: { description: 'HTML page', html: true }, 404: { description: 'HTML page', html: true } },
    },
  },
  '/stories': { get: { summary: 'Web page: events, newest activity first', ok: { 200: { description: 'HTML page', html: true } } } },
  '/stories/{id}': {
    get: {
      summary: 'Web page: a story report, each cited sentence linked to its passage', path: { id: STORY_ID_PATTERN },
      ok: { 200: { description: 'HTML page', html: true }, 400: { description: 'HTML page', html: true }, 404: { description: 'HTML page', html: true } },
    },
  },
};

/** Every route: OpenAPI path → methods. */
export const API_PATHS: Readonly<Record<string, readonly Method[]>> = Object.fromEntries(
  Object.entries(ROUTES).map(([path, methods]) => [path, Object.keys(methods) as Method[]]),
);

const REF = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema of a zod schema, with registered records as $refs to the components. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return withoutDialect(out);
}

/** Drops `$schema`/`$id` and moves `$defs` refs to components (OpenAPI keeps schemas there). */
function withoutDialect(schema: Schema): Schema {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest).replace(/"#\/\$defs\/([^"]+)"/g, (_m, id: string) => JSON.stringify(REF(id)))) as Schema;
}

function parameters(route: Route): Schema[] {
  const path = Object.entries(route.path ?? {}).map(([name, pattern]) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern } }));
  if (!route.query) return path;
  const query = jsonSchema(route.query, 'input') as { properties?: Record<string, Schema>; required?: string[] };
  return [...path, ...Object.entries(query.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: 'query', required: query.required?.includes(name) ?? false, ...(description !== undefined && { description }), schema: rest };
  })];
}

function operation(route: Route): Schema {
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(route.ok)) {
    responses[status] = 'html' in answer
      ? { description: answer.description, content: { 'text/html': { schema: { type: 'string' } } } }
      : { description: answer.description, ...(answer.json && { content: { 'application/json': { schema: jsonSchema(answer.json, 'output') } } }) };
  }
  for (const status of route.errors ?? []) {
    responses[String(status)] = { description: 'error', content: { 'application/json': { schema: { $ref: REF('Error') } } } };
  }
  const params = parameters(route);
  return {
    summary: route.summary,
    ...(params.length > 0 && { parameters: params }),
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
    responses,
  };
}

/** Every registered record as an OpenAPI component. */
function components(): Record<string, Schema> {
  const all = z.toJSONSchema(RECORDS as z.core.$ZodRegistry<{ id?: string }>, { io: 'output', uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, Schema> };
  return Object.fromEntries(Object.entries(all.schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
}

let cached: object | undefined;

export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Kronika API',
      version: '0.1.0',
      description: 'Stored news articles, their analysis, stories and full-text search. Records have the same shape as the CLI\'s --json output (docs/SCHEMA.md). Errors are always `{ "error": { "code", "message" } }`.',
    },
    paths: Object.fromEntries(Object.entries(ROUTES).map(([path, methods]) => [
      path, Object.fromEntries(Object.entries(methods).map(([method, route]) => [method, operation(route)])),
    ])),
    components: { schemas: components() },
  };
  return cached;
}
