/** The watches concern on SQLite: saved searches and, per watch, every article that matched it (migration 003). */
import { randomBytes } from 'node:crypto';
import type { DeliveryOutcome, Watch, WatchMatch, WatchSpec, WatchStore } from '../store.ts';
import type { Scope } from './scope.ts';
import { WATCH_COLUMNS, watchFromRow, watchMatchFromRow, type WatchMatchRow, type WatchRow } from './watch-rows.ts';

const MATCH_COLUMNS = 'watch_id, article_id, sentence, attempts, last_error, matched_at';

export class SqliteWatches implements WatchStore {
  constructor(private readonly scope: Scope) {}

  async add(spec: WatchSpec, createdAt: string): Promise<Watch> {
    // 8 hex digits: short enough to type in `watch remove`, and a clash among a few hundred
    // watches has odds under 1e-5; the primary key would reject one anyway.
    const id = randomBytes(4).toString('hex');
    return this.scope.write((db) => {
      db.prepare(`INSERT INTO watches (id, query, language, source, webhook, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(id, spec.query, spec.language ?? null, spec.source ?? null, spec.webhook ?? null, createdAt);
      return watchFromRow(db.prepare(`SELECT ${WATCH_COLUMNS} FROM watches w WHERE id = ?`).get(id) as WatchRow);
    });
  }

  async get(id: string): Promise<Watch | undefined> {
    const row = this.scope.read.prepare(`SELECT ${WATCH_COLUMNS} FROM watches w WHERE id = ?`).get(id) as WatchRow | undefined;
    return row && watchFromRow(row);
  }

  async list(): Promise<Watch[]> {
    return (this.scope.read.prepare(`SELECT ${WATCH_COLUMNS} FROM watches w ORDER BY created_at, id`).all() as WatchRow[]).map(watchFromRow);
  }

  remove(id: string): Promise<boolean> {
    return this.scope.write((db) => db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0);
  }

  recordMatches(watchId: string, matches: readonly { articleId: string; sentence: string }[], at: string): Promise<string[]> {
    return this.scope.write((db) => {
      const insert = db.prepare(`INSERT OR IGNORE INTO watch_matches (watch_id, article_id, sentence, status, matched_at)
        VALUES (?, ?, ?, 'pending', ?)`);
      return matches.filter((m) => insert.run(watchId, m.articleId, m.sentence, at).changes > 0).map((m) => m.articleId);
    });
  }

  async pending(watchId: string): Promise<WatchMatch[]> {
    const rows = this.scope.read.prepare(`SELECT ${MATCH_COLUMNS} FROM watch_matches
      WHERE watch_id = ? AND status = 'pending' ORDER BY matched_at, rowid`).all(watchId) as WatchMatchRow[];
    return rows.map(watchMatchFromRow);
  }

  claim(watchId: string, at: string, until: string): Promise<WatchMatch | undefined> {
    // The read and the claim happen in one write transaction, so two runs (or processes) never
    // both see the same match as free.
    return this.scope.write((db) => {
      const row = db.prepare(`SELECT ${MATCH_COLUMNS} FROM watch_matches
        WHERE watch_id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
        ORDER BY matched_at, rowid LIMIT 1`).get(watchId, at) as WatchMatchRow | undefined;
      if (row) db.prepare('UPDATE watch_matches SET claimed_until = ? WHERE watch_id = ? AND article_id = ?').run(until, watchId, row.article_id);
      return row && watchMatchFromRow(row);
    });
  }

  recordDelivery(watchId: string, articleId: string, outcome: DeliveryOutcome, at: string): Promise<void> {
    return this.scope.write((db) => {
      if (outcome.status === 'delivered') {
        db.prepare(`UPDATE watch_matches SET status = 'delivered', attempts = attempts + 1, last_error = NULL,
          delivered_at = ?, claimed_until = NULL WHERE watch_id = ? AND article_id = ?`).run(at, watchId, articleId);
        db.prepare('UPDATE watches SET last_fired = ?, last_error = NULL WHERE id = ?').run(at, watchId);
      } else {
        db.prepare(`UPDATE watch_matches SET attempts = attempts + ?, last_error = ?, claimed_until = NULL
          WHERE watch_id = ? AND article_id = ?`).run(outcome.attempts, outcome.error, watchId, articleId);
        db.prepare('UPDATE watches SET failures = failures + ?, last_error = ? WHERE id = ?').run(outcome.attempts, outcome.error, watchId);
      }
    });
  }
}
