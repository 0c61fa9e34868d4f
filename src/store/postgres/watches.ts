/**
 * The watches concern on PostgreSQL: saved searches and, per watch, every article that matched it
 * (migration 003), read through SQLite's row mapping (src/store/sqlite/watch-rows.ts).
 */
import { randomBytes } from 'node:crypto';
import type { DeliveryOutcome, Watch, WatchMatch, WatchSpec, WatchStore } from '../store.ts';
import { WATCH_COLUMNS, watchFromRow, watchMatchFromRow, type WatchMatchRow, type WatchRow } from '../sqlite/watch-rows.ts';
import { rowsOf, type Scope } from './scope.ts';

const MATCH_COLUMNS = 'watch_id, article_id, sentence, attempts, last_error, matched_at';

export class PostgresWatches implements WatchStore {
  constructor(private readonly scope: Scope) {}

  async add(spec: WatchSpec, createdAt: string): Promise<Watch> {
    // 8 hex digits, as in SQLite (src/store/sqlite/watches.ts).
    const id = randomBytes(4).toString('hex');
    return this.scope.write(async (db) => {
      await db.query('INSERT INTO watches (id, query, language, source, webhook, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, spec.query, spec.language ?? null, spec.source ?? null, spec.webhook ?? null, createdAt]);
      return watchFromRow((await rowsOf<WatchRow>(db, `SELECT ${WATCH_COLUMNS} FROM watches w WHERE id = $1`, [id]))[0]!);
    });
  }

  async get(id: string): Promise<Watch | undefined> {
    const [row] = await this.scope.rows<WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches w WHERE id = $1`, [id]);
    return row && watchFromRow(row);
  }

  async list(): Promise<Watch[]> {
    return (await this.scope.rows<WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches w ORDER BY created_at, id`)).map(watchFromRow);
  }

  remove(id: string): Promise<boolean> {
    return this.scope.write(async (db) => ((await db.query('DELETE FROM watches WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  recordMatches(watchId: string, matches: readonly { articleId: string; sentence: string }[], at: string): Promise<string[]> {
    return this.scope.write(async (db) => {
      const recorded: string[] = [];
      for (const m of matches) {
        const result = await db.query(`INSERT INTO watch_matches (watch_id, article_id, sentence, status, matched_at)
          VALUES ($1, $2, $3, 'pending', $4) ON CONFLICT DO NOTHING`, [watchId, m.articleId, m.sentence, at]);
        if (result.rowCount) recorded.push(m.articleId);
      }
      return recorded;
    });
  }

  async pending(watchId: string): Promise<WatchMatch[]> {
    const rows = await this.scope.rows<WatchMatchRow>(`SELECT ${MATCH_COLUMNS} FROM watch_matches
      WHERE watch_id = $1 AND status = 'pending' ORDER BY matched_at, recorded`, [watchId]);
    return rows.map(watchMatchFromRow);
  }

  claim(watchId: string, at: string, until: string): Promise<WatchMatch | undefined> {
    // FOR UPDATE SKIP LOCKED: a concurrent claimer passes over the row this one is taking
    // instead of waiting for it, and never takes it too.
    return this.scope.write(async (db) => {
      const [row] = await rowsOf<WatchMatchRow>(db, `UPDATE watch_matches SET claimed_until = $3
        WHERE (watch_id, article_id) = (
          SELECT watch_id, article_id FROM watch_matches
          WHERE watch_id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < $2)
          ORDER BY matched_at, recorded LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${MATCH_COLUMNS}`, [watchId, at, until]);
      return row && watchMatchFromRow(row);
    });
  }

  recordDelivery(watchId: string, articleId: string, outcome: DeliveryOutcome, at: string): Promise<void> {
    return this.scope.write(async (db) => {
      if (outcome.status === 'delivered') {
        await db.query(`UPDATE watch_matches SET status = 'delivered', attempts = attempts + 1, last_error = NULL,
          delivered_at = $1, claimed_until = NULL WHERE watch_id = $2 AND article_id = $3`, [at, watchId, articleId]);
        await db.query('UPDATE watches SET last_fired = $1, last_error = NULL WHERE id = $2', [at, watchId]);
      } else {
        await db.query(`UPDATE watch_matches SET attempts = attempts + $1, last_error = $2, claimed_until = NULL
          WHERE watch_id = $3 AND article_id = $4`, [outcome.attempts, outcome.error, watchId, articleId]);
        await db.query('UPDATE watches SET failures = failures + $1, last_error = $2 WHERE id = $3', [outcome.attempts, outcome.error, watchId]);
      }
    });
  }
}
