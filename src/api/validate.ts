/**
 * Request parsing with zod: query strings and JSON bodies become typed values or an ApiError
 * (400 for malformed input, 415 for a non-JSON body, 422 for JSON that fails the schema).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.ts';

/** Article ids are 16 hex digits (src/ingest/article.ts); a prefix of 6+ is accepted too. */
export const ARTICLE_ID = /^[0-9a-f]{6,64}$/;

function issues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Validates the query string; repeated keys and unknown keys are errors, so a typo such as
 * `?lnag=pl` is reported instead of silently ignored.
 */
export function parseQueryParams<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const all = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) throw new ApiError('bad_request', `query parameter "${key}" given more than once`);
    flat[key] = values[0]!;
  }
  const result = schema.safeParse(flat);
  if (!result.success) throw new ApiError('bad_request', 'invalid query parameters', issues(result.error));
  return result.data;
}

/** Validates a path id (no traversal, no SQL or glob characters reach the store). */
export function parseArticleId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!ARTICLE_ID.test(id)) throw new ApiError('bad_request', 'article id must be 6 to 64 lower-case hex digits');
  return id;
}

/** Reads and validates a JSON body (Content-Type must be application/json). */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'request body must be application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('bad_request', 'request body is not valid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new ApiError('unprocessable', 'request body failed validation', issues(result.error));
  return result.data;
}

/** Shared query fields: language, outlet and dates, as the store and search filters take them. */
export const LanguageParam = z.enum(['pl', 'en', 'und']);
export const DatePrefix = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export const Source = z.string().min(1).max(200);
export const limitParam = (max: number) => z.coerce.number().int().min(1).max(max).optional();
export const OffsetParam = z.coerce.number().int().min(0).max(1_000_000).optional();
