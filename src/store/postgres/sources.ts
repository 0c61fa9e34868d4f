/**
 * The sources concern on PostgreSQL (src/sources/store.ts; migrations 007 and 008): the same
 * records and rules as src/store/sqlite/source-store.ts, through the same row mapping
 * (src/store/sqlite/source-rows.ts). Several processes may poll one store (`kronika worker`s):
 * `lease` is one UPDATE whose row lock makes a second leaser wait for the first and then find
 * the lease taken, so no source is refreshed by two of them at once.
 */
import { randomBytes } from 'node:crypto';
import { DuplicateSourceError, type SourceChange, type SourceStore } from '../../sources/store.ts';
import type { NewSource, PollLogEntry, PollRecord, RobotsRecord, SeenItem, Source } from '../../sources/types.ts';
import { MIN_SOURCE_PREFIX, POLLS_KEPT, robotsFromRow, type RobotsRow } from '../sqlite/source-store.ts';
import {
  newSourceParams, pollFromRow, seenItemFromRow, sourceFromRow, STATE_COLUMN_NAMES, stateParams,
  type PollRow, type SeenItemRow, type SourceRow,
} from '../sqlite/source-rows.ts';
import { rowsOf, type Queryable, type Scope } from './scope.ts';

const ACTIVE = 'paused = 0 AND disabled_reason IS NULL';

async function one(db: Pick<Scope, 'rows'>, where: string, value: string): Promise<Source | undefined> {
  const [row] = await db.rows<SourceRow>(`SELECT * FROM sources WHERE ${where} = $1`, [value]);
  return row && sourceFromRow(row);
}

/** A connection inside a write, read like a scope. */
function reader(db: Queryable): Pick<Scope, 'rows'> {
  return { rows: (text, values) => rowsOf(db, text, values) };
}

export class PostgresSources implements SourceStore {
  constructor(private readonly scope: Scope) {}

  add(source: NewSource): Promise<Source> {
    const id = randomBytes(4).toString('hex');
    return this.scope.write(async (db) => {
      const existing = await one(reader(db), 'feed_url', source.feedUrl);
      if (existing) throw new DuplicateSourceError(existing);
      const values = newSourceParams(id, source);
      const columns = Object.keys(values);
      // A concurrent add of the same feed URL loses on the unique index; it is reported as a duplicate.
      const [row] = await rowsOf<SourceRow>(db, `INSERT INTO sources (${columns.join(', ')})
        VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (feed_url) DO NOTHING RETURNING *`,
      columns.map((c) => values[c]));
      if (!row) throw new DuplicateSourceError((await one(reader(db), 'feed_url', source.feedUrl))!);
      return sourceFromRow(row);
    });
  }

  async get(idOrUrl: string): Promise<Source | undefined> {
    const exact = (await one(this.scope, 'id', idOrUrl)) ?? (await one(this.scope, 'feed_url', idOrUrl));
    if (exact) return exact;
    if (idOrUrl.length < MIN_SOURCE_PREFIX || !/^[0-9a-f]+$/.test(idOrUrl)) return undefined;
    const rows = await this.scope.rows<SourceRow>('SELECT * FROM sources WHERE id >= $1 AND id < $2 LIMIT 2', [idOrUrl, `${idOrUrl}g`]);
    return rows.length === 1 ? sourceFromRow(rows[0]!) : undefined;
  }

  async list(): Promise<Source[]> {
    return (await this.scope.rows<SourceRow>('SELECT * FROM sources ORDER BY added_at, added')).map(sourceFromRow);
  }

  async due(now: string): Promise<Source[]> {
    return (await this.scope.rows<SourceRow>(`SELECT * FROM sources WHERE ${ACTIVE} AND next_check_at <= $1
      ORDER BY next_check_at, id`, [now])).map(sourceFromRow);
  }

  async active(): Promise<Source[]> {
    return (await this.scope.rows<SourceRow>(`SELECT * FROM sources WHERE ${ACTIVE} ORDER BY next_check_at, id`)).map(sourceFromRow);
  }

  async nextCheckAt(): Promise<string | undefined> {
    const [row] = await this.scope.rows<{ next: string | null }>(`SELECT MIN(next_check_at) AS next FROM sources WHERE ${ACTIVE}`);
    return row?.next ?? undefined;
  }

  lease(id: string, now: string, until: string, options: { readonly force?: boolean } = {}): Promise<Source | undefined> {
    return this.scope.write(async (db) => {
      const [row] = await rowsOf<SourceRow>(db, `UPDATE sources SET lease_until = $1
        WHERE id = $2 AND (lease_until IS NULL OR lease_until <= $3)
          ${options.force ? '' : `AND ${ACTIVE} AND next_check_at <= $3`}
        RETURNING *`, [until, id, now]);
      return row && sourceFromRow(row);
    });
  }

  update(id: string, change: SourceChange): Promise<Source | undefined> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    if (change.name !== undefined) sets.push(`name = ${param(change.name?.trim() || null)}`);
    for (const [field, column] of [['fetchLinked', 'fetch_linked'], ['allowPrivate', 'allow_private'], ['paused', 'paused']] as const) {
      if (change[field] !== undefined) sets.push(`${column} = ${param(change[field] ? 1 : 0)}`);
    }
    if (change.resumeAt !== undefined) {
      sets.push(`disabled_reason = NULL, failure_score = 0, consecutive_errors = 0, failing_since = NULL,
        next_check_at = GREATEST(${param(change.resumeAt)}::text, COALESCE(retry_after_until, ''))`);
    }
    return this.scope.write(async (db) => {
      if (sets.length > 0) await db.query(`UPDATE sources SET ${sets.join(', ')} WHERE id = $1`, values);
      return one(reader(db), 'id', id);
    });
  }

  remove(id: string): Promise<boolean> {
    return this.scope.write(async (db) => ((await db.query('DELETE FROM sources WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  async findItems(sourceId: string, guids: readonly string[], urlKeys: readonly string[]): Promise<SeenItem[]> {
    if (guids.length === 0 && urlKeys.length === 0) return [];
    const rows = await this.scope.rows<SeenItemRow>(`SELECT * FROM source_items
      WHERE (source_id = $1 AND guid = ANY($2::text[])) OR url_key = ANY($3::text[]) ORDER BY id`, [sourceId, guids, urlKeys]);
    return rows.map(seenItemFromRow);
  }

  recordPoll(record: PollRecord): Promise<void> {
    const at = record.log.at;
    return this.scope.write(async (db) => {
      let added = 0;
      for (const item of record.items) {
        const row = [item.guid ?? null, item.urlKey ?? null, item.url ?? null, item.articleId ?? null, item.contentHash, item.lastChangedAt];
        if (item.id !== undefined) {
          await db.query(`UPDATE source_items SET article_id = $1, content_hash = $2, last_changed_at = $3
            WHERE id = $4 AND source_id = $5`, [item.articleId ?? null, item.contentHash, item.lastChangedAt, item.id, record.sourceId]);
          continue;
        }
        const [inserted] = await rowsOf<{ inserted: boolean }>(db, `INSERT INTO source_items
            (source_id, guid, url_key, url, article_id, content_hash, first_seen_at, last_changed_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
          ON CONFLICT (source_id, guid) WHERE guid IS NOT NULL DO UPDATE SET
            url_key = excluded.url_key, url = excluded.url, article_id = excluded.article_id,
            content_hash = excluded.content_hash, last_changed_at = excluded.last_changed_at
          RETURNING (xmax = 0) AS inserted`, [record.sourceId, row[0], row[1], row[2], row[3], row[4], at, row[5]]);
        if (inserted?.inserted) added++;
      }
      const state = stateParams(record.state);
      const metadata = record.metadata ?? {};
      const values: unknown[] = [record.sourceId, added, metadata.title ?? null, metadata.homePage ?? null, metadata.language ?? null];
      const assignments = STATE_COLUMN_NAMES.map((column) => {
        values.push(state[column]);
        return `${column} = $${values.length}`;
      });
      await db.query(`UPDATE sources SET ${assignments.join(', ')}, items_seen = items_seen + $2, lease_until = NULL,
          title = COALESCE($3, title), home_page = COALESCE($4, home_page), language = COALESCE($5, language)
        WHERE id = $1`, values);
      const log = record.log;
      await db.query(`INSERT INTO source_polls (source_id, at, status, outcome, new_articles, error, duration_ms)
        VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [record.sourceId, log.at, log.status ?? null, log.outcome, log.newArticles, log.error ?? null, Math.round(log.durationMs)]);
      await db.query(`DELETE FROM source_polls WHERE source_id = $1 AND id <= (
        SELECT id FROM source_polls WHERE source_id = $1 ORDER BY id DESC LIMIT 1 OFFSET ${POLLS_KEPT})`, [record.sourceId]);
    });
  }

  async recentPolls(sourceId: string, limit: number): Promise<PollLogEntry[]> {
    const rows = await this.scope.rows<PollRow>(`SELECT at, status, outcome, new_articles, error, duration_ms FROM source_polls
      WHERE source_id = $1 ORDER BY id DESC LIMIT $2`, [sourceId, limit]);
    return rows.map(pollFromRow);
  }

  async readRobots(origin: string): Promise<RobotsRecord | undefined> {
    const [row] = await this.scope.rows<RobotsRow>('SELECT origin, status, body, error, fetched_at FROM robots_txt WHERE origin = $1', [origin]);
    return row && robotsFromRow(row);
  }

  saveRobots(record: RobotsRecord): Promise<void> {
    return this.scope.write(async (db) => {
      await db.query(`INSERT INTO robots_txt (origin, status, body, error, fetched_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (origin) DO UPDATE SET status = excluded.status, body = excluded.body, error = excluded.error,
          fetched_at = excluded.fetched_at`, [record.origin, record.status, record.body ?? null, record.error ?? null, record.fetchedAt]);
    });
  }
}
