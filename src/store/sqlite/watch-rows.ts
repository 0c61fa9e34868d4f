/** Rows of the watch tables (migration 003) and their records; NULL columns become absent fields. */
import type { Language } from '../../types.ts';
import type { Watch, WatchMatch } from '../store.ts';

export interface WatchRow {
  readonly id: string;
  readonly query: string;
  readonly language: string | null;
  readonly source: string | null;
  readonly webhook: string | null;
  readonly created_at: string;
  readonly failures: number;
  readonly last_error: string | null;
  readonly last_fired: string | null;
  readonly pending: number;
}

export interface WatchMatchRow {
  readonly watch_id: string;
  readonly article_id: string;
  readonly sentence: string;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly matched_at: string;
}

/** Columns of `watches w`, with the count of its pending matches. */
export const WATCH_COLUMNS = `id, query, language, source, webhook, created_at, failures, last_error, last_fired,
  (SELECT COUNT(*) FROM watch_matches m WHERE m.watch_id = w.id AND m.status = 'pending') AS pending`;

export function watchFromRow(row: WatchRow): Watch {
  return {
    id: row.id,
    query: row.query,
    ...(row.language !== null && { language: row.language as Language }),
    ...(row.source !== null && { source: row.source }),
    ...(row.webhook !== null && { webhook: row.webhook }),
    createdAt: row.created_at,
    failures: row.failures,
    ...(row.last_error !== null && { lastError: row.last_error }),
    ...(row.last_fired !== null && { lastFired: row.last_fired }),
    pending: row.pending,
  };
}

export function watchMatchFromRow(row: WatchMatchRow): WatchMatch {
  return {
    watchId: row.watch_id,
    articleId: row.article_id,
    sentence: row.sentence,
    attempts: row.attempts,
    ...(row.last_error !== null && { lastError: row.last_error }),
    matchedAt: row.matched_at,
  };
}
