/** Rows of the source tables (migration 007) and their records; NULL columns become absent fields. */
import { initialState } from '../../sources/schedule.ts';
import type { NewSource, PollLogEntry, SeenItem, Source, SourceState } from '../../sources/types.ts';

export interface SourceRow {
  readonly id: string;
  readonly feed_url: string;
  readonly home_page: string | null;
  readonly title: string | null;
  readonly site_name: string | null;
  readonly name: string | null;
  readonly language: string | null;
  readonly fetch_linked: number;
  readonly allow_private: number;
  readonly paused: number;
  readonly added_at: string;
  readonly items_seen: number;
  readonly next_check_at: string;
  readonly last_check_at: string | null;
  readonly last_success_at: string | null;
  readonly last_status: number | null;
  readonly etag: string | null;
  readonly last_modified: string | null;
  readonly body_hash: string | null;
  readonly interval_ms: number;
  readonly rate_items: number;
  readonly rate_hours: number;
  readonly failure_score: number;
  readonly consecutive_errors: number;
  readonly failing_since: string | null;
  readonly last_error: string | null;
  readonly last_error_kind: string | null;
  readonly last_error_at: string | null;
  readonly retry_after_until: string | null;
  readonly disabled_reason: string | null;
}

/** SourceState field ↔ column, the one list both directions use. */
const STATE_COLUMNS = [
  ['nextCheckAt', 'next_check_at'],
  ['lastCheckAt', 'last_check_at'],
  ['lastSuccessAt', 'last_success_at'],
  ['lastStatus', 'last_status'],
  ['etag', 'etag'],
  ['lastModified', 'last_modified'],
  ['bodyHash', 'body_hash'],
  ['intervalMs', 'interval_ms'],
  ['rateItems', 'rate_items'],
  ['rateHours', 'rate_hours'],
  ['failureScore', 'failure_score'],
  ['consecutiveErrors', 'consecutive_errors'],
  ['failingSince', 'failing_since'],
  ['lastError', 'last_error'],
  ['lastErrorKind', 'last_error_kind'],
  ['lastErrorAt', 'last_error_at'],
  ['retryAfterUntil', 'retry_after_until'],
  ['disabledReason', 'disabled_reason'],
] as const satisfies readonly (readonly [keyof SourceState, keyof SourceRow])[];

/** The state's column names, in one order, for INSERT lists. */
export const STATE_COLUMN_NAMES: readonly string[] = STATE_COLUMNS.map(([, column]) => column);

/** `UPDATE sources SET …` for the whole state, with @named parameters from stateParams. */
export const STATE_ASSIGNMENTS = STATE_COLUMN_NAMES.map((column) => `${column} = @${column}`).join(', ');

export function stateParams(state: SourceState): Record<string, string | number | null> {
  const params: Record<string, string | number | null> = {};
  for (const [field, column] of STATE_COLUMNS) {
    const value = state[field];
    // Intervals and counts are whole numbers in the schema; floats from the scheduler round.
    params[column] = value === undefined ? null : column === 'interval_ms' ? Math.round(value as number) : value;
  }
  return params;
}

/** The columns of a new source's row (both engines insert it), due at once. */
export function newSourceParams(id: string, source: NewSource): Record<string, string | number | null> {
  return {
    id,
    feed_url: source.feedUrl,
    home_page: source.homePage ?? null,
    title: source.title ?? null,
    site_name: source.siteName ?? null,
    name: source.name ?? null,
    language: source.language ?? null,
    fetch_linked: source.fetchLinked === false ? 0 : 1,
    allow_private: source.allowPrivate ? 1 : 0,
    added_at: source.addedAt,
    ...stateParams(initialState(source.addedAt)),
  };
}

function stateFromRow(row: SourceRow): SourceState {
  const state: Record<string, unknown> = {};
  for (const [field, column] of STATE_COLUMNS) {
    const value = row[column];
    if (value !== null) state[field] = value;
  }
  return state as unknown as SourceState;
}

export function sourceFromRow(row: SourceRow): Source {
  return {
    id: row.id,
    feedUrl: row.feed_url,
    ...(row.home_page !== null && { homePage: row.home_page }),
    ...(row.title !== null && { title: row.title }),
    ...(row.site_name !== null && { siteName: row.site_name }),
    ...(row.name !== null && { name: row.name }),
    ...(row.language !== null && { language: row.language }),
    fetchLinked: row.fetch_linked === 1,
    allowPrivate: row.allow_private === 1,
    paused: row.paused === 1,
    addedAt: row.added_at,
    itemsSeen: row.items_seen,
    state: stateFromRow(row),
  };
}

export interface SeenItemRow {
  readonly id: number;
  readonly source_id: string;
  readonly guid: string | null;
  readonly url_key: string | null;
  readonly url: string | null;
  readonly article_id: string | null;
  readonly content_hash: string;
  readonly first_seen_at: string;
  readonly last_changed_at: string;
}

export function seenItemFromRow(row: SeenItemRow): SeenItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    ...(row.guid !== null && { guid: row.guid }),
    ...(row.url_key !== null && { urlKey: row.url_key }),
    ...(row.url !== null && { url: row.url }),
    ...(row.article_id !== null && { articleId: row.article_id }),
    contentHash: row.content_hash,
    firstSeenAt: row.first_seen_at,
    lastChangedAt: row.last_changed_at,
  };
}

export interface PollRow {
  readonly at: string;
  readonly status: number | null;
  readonly outcome: PollLogEntry['outcome'];
  readonly new_articles: number;
  readonly error: string | null;
  readonly duration_ms: number;
}

export function pollFromRow(row: PollRow): PollLogEntry {
  return {
    at: row.at,
    ...(row.status !== null && { status: row.status }),
    outcome: row.outcome,
    newArticles: row.new_articles,
    ...(row.error !== null && { error: row.error }),
    durationMs: row.duration_ms,
  };
}
