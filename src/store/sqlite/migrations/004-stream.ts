/**
 * 004: what the stream of stages needs (docs/ARCHITECTURE.md): stored analyses, a cursor per
 * stage, and on articles the subscribed source they came from and the earlier article at the
 * same URL they revise. `stage_state.revision` changes with every write, so a process can keep a
 * parsed state in memory until another process replaces it.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE articles ADD COLUMN revision_of TEXT REFERENCES articles (id);
    ALTER TABLE articles ADD COLUMN source_id TEXT;
    CREATE INDEX articles_url ON articles (url, seq) WHERE url IS NOT NULL;
    CREATE INDEX articles_source_id ON articles (source_id, seq) WHERE source_id IS NOT NULL;

    -- One analysis per article: the payload is deflated JSON (src/store/codec.ts), version is
    -- ANALYSIS_VERSION of the analyser that made it (src/analysis/version.ts).
    CREATE TABLE analyses (
      article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
      version    INTEGER NOT NULL,
      payload    BLOB NOT NULL
    );
    CREATE INDEX analyses_version ON analyses (version);

    -- The highest article seq each stage has finished.
    CREATE TABLE stage_cursors (
      stage      TEXT PRIMARY KEY,
      seq        INTEGER NOT NULL CHECK (seq >= 0),
      updated_at TEXT NOT NULL
    );

    ALTER TABLE stage_state ADD COLUMN revision TEXT;
  `);
}
