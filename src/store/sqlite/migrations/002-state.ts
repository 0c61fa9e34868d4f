/**
 * 002: named JSON state for stages that keep memory between runs — the story engine's clusters,
 * IDF and inverted index (src/store/json-stories.ts). One row per stage; updated in one write transaction so two
 * ingesting processes never interleave a read-modify-write.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE stage_state (
      name       TEXT PRIMARY KEY,
      value      TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    );
  `);
}
