/**
 * 003: saved searches (watches) and, per watch, every article that matched it with its
 * delivery state (src/watch/run.ts). The (watch, article) primary key is what makes an alert fire once:
 * a match is recorded before it is delivered, and a failed delivery stays 'pending' so the next
 * run retries it instead of losing it. `claimed_until` is a delivery lease: two processes running
 * watches at once (a cron ingest and the API server) never send the same alert twice.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE watches (
      id          TEXT PRIMARY KEY,
      query       TEXT NOT NULL,
      language    TEXT,
      source      TEXT,
      webhook     TEXT,
      created_at  TEXT NOT NULL,
      failures    INTEGER NOT NULL DEFAULT 0,
      last_error  TEXT,
      last_fired  TEXT
    );
    CREATE TABLE watch_matches (
      watch_id    TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
      article_id  TEXT NOT NULL,
      sentence    TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
      attempts    INTEGER NOT NULL DEFAULT 0,
      last_error  TEXT,
      matched_at  TEXT NOT NULL,
      delivered_at TEXT,
      claimed_until TEXT,
      PRIMARY KEY (watch_id, article_id)
    );
    CREATE INDEX watch_matches_pending ON watch_matches (watch_id) WHERE status = 'pending';
  `);
}
