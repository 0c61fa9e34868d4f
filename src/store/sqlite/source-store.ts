/**
 * The sources concern on SQLite (src/sources/store.ts; migrations 007 and 008), on the store's
 * own connections through a Scope like every other concern: reads on the read connection, each
 * write in a transaction of the store's write queue. A poll's writes (state, items, log) are one
 * transaction: a process killed mid-poll leaves the source as it was, and the next poll redoes
 * the work (articles are content-addressed, so nothing is stored twice).
 */
import { randomBytes } from 'node:crypto';
import { DuplicateSourceError, type SourceChange, type SourceStore } from '../../sources/store.ts';
import type { NewSource, PollLogEntry, PollRecord, RobotsRecord, SeenItem, Source } from '../../sources/types.ts';
import type { Scope, Statements } from './scope.ts';
import {
  newSourceParams, pollFromRow, seenItemFromRow, sourceFromRow, STATE_ASSIGNMENTS, stateParams,
  type PollRow, type SeenItemRow, type SourceRow,
} from './source-rows.ts';

/** Poll history kept per source: enough for a health page's recent pattern, small for 5,000 sources. */
export const POLLS_KEPT = 20;

/** Shortest id prefix `get` accepts (ids are 8 hex digits; 4 rarely clash among thousands). */
export const MIN_SOURCE_PREFIX = 4;

/** SQLite caps bound parameters; lookups are chunked well under it. */
const IN_CHUNK = 500;

function one(db: Statements, where: string, value: string): Source | undefined {
  const row = db.prepare(`SELECT * FROM sources WHERE ${where} = ?`).get(value) as SourceRow | undefined;
  return row && sourceFromRow(row);
}

export class SqliteSources implements SourceStore {
  constructor(private readonly scope: Scope) {}

  add(source: NewSource): Promise<Source> {
    // 8 hex digits, as watch ids: short to type, and the primary key rejects the rare clash.
    const id = randomBytes(4).toString('hex');
    return this.scope.write((db) => {
      const existing = one(db, 'feed_url', source.feedUrl);
      if (existing) throw new DuplicateSourceError(existing);
      const values = newSourceParams(id, source);
      const columns = Object.keys(values);
      db.prepare(`INSERT INTO sources (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
      return one(db, 'id', id) as Source;
    });
  }

  async get(idOrUrl: string): Promise<Source | undefined> {
    const read = this.scope.read;
    const exact = one(read, 'id', idOrUrl) ?? one(read, 'feed_url', idOrUrl);
    if (exact) return exact;
    if (idOrUrl.length < MIN_SOURCE_PREFIX || !/^[0-9a-f]+$/.test(idOrUrl)) return undefined;
    const rows = read.prepare('SELECT * FROM sources WHERE id >= ? AND id < ? LIMIT 2').all(idOrUrl, `${idOrUrl}g`) as SourceRow[];
    return rows.length === 1 ? sourceFromRow(rows[0]!) : undefined;
  }

  async list(): Promise<Source[]> {
    return (this.scope.read.prepare('SELECT * FROM sources ORDER BY added_at, rowid').all() as SourceRow[]).map(sourceFromRow);
  }

  async due(now: string): Promise<Source[]> {
    const rows = this.scope.read.prepare(`SELECT * FROM sources WHERE paused = 0 AND disabled_reason IS NULL AND next_check_at <= ?
      ORDER BY next_check_at, id`).all(now) as SourceRow[];
    return rows.map(sourceFromRow);
  }

  async active(): Promise<Source[]> {
    const rows = this.scope.read.prepare(`SELECT * FROM sources WHERE paused = 0 AND disabled_reason IS NULL
      ORDER BY next_check_at, id`).all() as SourceRow[];
    return rows.map(sourceFromRow);
  }

  async nextCheckAt(): Promise<string | undefined> {
    return this.scope.read.prepare('SELECT MIN(next_check_at) FROM sources WHERE paused = 0 AND disabled_reason IS NULL')
      .pluck().get() as string | undefined ?? undefined;
  }

  lease(id: string, now: string, until: string, options: { readonly force?: boolean } = {}): Promise<Source | undefined> {
    return this.scope.write((db) => {
      const row = db.prepare(`UPDATE sources SET lease_until = ?
        WHERE id = ? AND (lease_until IS NULL OR lease_until <= ?)
          ${options.force ? '' : 'AND paused = 0 AND disabled_reason IS NULL AND next_check_at <= ?'}
        RETURNING *`).get(until, id, now, ...(options.force ? [] : [now])) as SourceRow | undefined;
      return row && sourceFromRow(row);
    });
  }

  update(id: string, change: SourceChange): Promise<Source | undefined> {
    const sets: string[] = [];
    const params: Record<string, string | number | null> = { id };
    if (change.name !== undefined) {
      sets.push('name = @name');
      params.name = change.name?.trim() || null;
    }
    for (const [field, column] of [['fetchLinked', 'fetch_linked'], ['allowPrivate', 'allow_private'], ['paused', 'paused']] as const) {
      if (change[field] === undefined) continue;
      sets.push(`${column} = @${column}`);
      params[column] = change[field] ? 1 : 0;
    }
    if (change.resumeAt !== undefined) {
      sets.push(`disabled_reason = NULL, failure_score = 0, consecutive_errors = 0, failing_since = NULL,
        next_check_at = MAX(@resume_at, COALESCE(retry_after_until, ''))`);
      params.resume_at = change.resumeAt;
    }
    return this.scope.write((db) => {
      if (sets.length > 0) db.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = @id`).run(params);
      return one(db, 'id', id);
    });
  }

  remove(id: string): Promise<boolean> {
    return this.scope.write((db) => db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0);
  }

  async findItems(sourceId: string, guids: readonly string[], urlKeys: readonly string[]): Promise<SeenItem[]> {
    const read = this.scope.read;
    const rows = new Map<number, SeenItemRow>();
    for (const chunk of chunks(guids)) {
      const sql = `SELECT * FROM source_items WHERE source_id = ? AND guid IN (${chunk.map(() => '?').join(', ')})`;
      for (const row of read.prepare(sql).all(sourceId, ...chunk) as SeenItemRow[]) rows.set(row.id, row);
    }
    for (const chunk of chunks(urlKeys)) {
      const sql = `SELECT * FROM source_items WHERE url_key IN (${chunk.map(() => '?').join(', ')})`;
      for (const row of read.prepare(sql).all(...chunk) as SeenItemRow[]) rows.set(row.id, row);
    }
    return [...rows.values()].sort((a, b) => a.id - b.id).map(seenItemFromRow);
  }

  recordPoll(record: PollRecord): Promise<void> {
    const at = record.log.at;
    return this.scope.write((db) => {
      const insertItem = db.prepare(`INSERT INTO source_items
          (source_id, guid, url_key, url, article_id, content_hash, first_seen_at, last_changed_at)
        VALUES (@source_id, @guid, @url_key, @url, @article_id, @content_hash, @at, @last_changed_at)
        ON CONFLICT (source_id, guid) WHERE guid IS NOT NULL DO UPDATE SET
          url_key = excluded.url_key, url = excluded.url, article_id = excluded.article_id,
          content_hash = excluded.content_hash, last_changed_at = excluded.last_changed_at`);
      const updateItem = db.prepare(`UPDATE source_items SET article_id = @article_id, content_hash = @content_hash,
        last_changed_at = @last_changed_at WHERE id = @id AND source_id = @source_id`);
      let added = 0;
      for (const item of record.items) {
        const params = {
          id: item.id ?? null,
          source_id: record.sourceId,
          guid: item.guid ?? null,
          url_key: item.urlKey ?? null,
          url: item.url ?? null,
          article_id: item.articleId ?? null,
          content_hash: item.contentHash,
          at,
          last_changed_at: item.lastChangedAt,
        };
        if (item.id !== undefined) updateItem.run(params);
        else added += insertItem.run(params).changes;
      }
      const metadata = record.metadata ?? {};
      db.prepare(`UPDATE sources SET ${STATE_ASSIGNMENTS}, items_seen = items_seen + @added, lease_until = NULL,
          title = COALESCE(@title, title), home_page = COALESCE(@home_page, home_page), language = COALESCE(@language, language)
        WHERE id = @id`).run({
        ...stateParams(record.state),
        added,
        title: metadata.title ?? null,
        home_page: metadata.homePage ?? null,
        language: metadata.language ?? null,
        id: record.sourceId,
      });
      const log = record.log;
      db.prepare(`INSERT INTO source_polls (source_id, at, status, outcome, new_articles, error, duration_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(record.sourceId, log.at, log.status ?? null, log.outcome, log.newArticles, log.error ?? null, Math.round(log.durationMs));
      db.prepare(`DELETE FROM source_polls WHERE source_id = ? AND id <= (
        SELECT id FROM source_polls WHERE source_id = ? ORDER BY id DESC LIMIT 1 OFFSET ${POLLS_KEPT})`).run(record.sourceId, record.sourceId);
    });
  }

  async recentPolls(sourceId: string, limit: number): Promise<PollLogEntry[]> {
    const rows = this.scope.read.prepare(`SELECT at, status, outcome, new_articles, error, duration_ms FROM source_polls
      WHERE source_id = ? ORDER BY id DESC LIMIT ?`).all(sourceId, limit) as PollRow[];
    return rows.map(pollFromRow);
  }

  async readRobots(origin: string): Promise<RobotsRecord | undefined> {
    const row = this.scope.read.prepare('SELECT origin, status, body, error, fetched_at FROM robots_txt WHERE origin = ?').get(origin) as
      RobotsRow | undefined;
    return row && robotsFromRow(row);
  }

  saveRobots(record: RobotsRecord): Promise<void> {
    return this.scope.write((db) => {
      db.prepare(`INSERT INTO robots_txt (origin, status, body, error, fetched_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (origin) DO UPDATE SET status = excluded.status, body = excluded.body, error = excluded.error,
          fetched_at = excluded.fetched_at`)
        .run(record.origin, record.status, record.body ?? null, record.error ?? null, record.fetchedAt);
    });
  }
}

export interface RobotsRow {
  readonly origin: string;
  readonly status: number;
  readonly body: string | null;
  readonly error: string | null;
  readonly fetched_at: string;
}

export function robotsFromRow(row: RobotsRow): RobotsRecord {
  return {
    origin: row.origin,
    status: row.status,
    ...(row.body !== null && { body: row.body }),
    ...(row.error !== null && { error: row.error }),
    fetchedAt: row.fetched_at,
  };
}

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(values.slice(i, i + IN_CHUNK));
  return out;
}
