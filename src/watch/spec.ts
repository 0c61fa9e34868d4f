/**
 * What a valid watch is, checked once for the CLI and the API: a query with at least one
 * searchable word, an optional language and outlet, and an http(s) webhook or none (stdout).
 */
import { z } from 'zod';
import { parseQuery } from '../search/index.ts';

/** Same bound as a search query (src/api/routes/search.ts): a pasted paragraph at most. */
export const MAX_WATCH_QUERY_CHARS = 1000;

export const WatchSpecSchema = z.strictObject({
  query: z.string().trim().min(1).max(MAX_WATCH_QUERY_CHARS)
    .refine((q) => parseQuery(q).length > 0, 'must contain at least one searchable word'),
  language: z.enum(['pl', 'en', 'und']).optional(),
  source: z.string().trim().min(1).max(200).optional(),
  webhook: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});

export type WatchSpecInput = z.infer<typeof WatchSpecSchema>;

/** Validation problems as one readable line each ("webhook: Invalid URL"). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}
