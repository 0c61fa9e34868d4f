/**
 * 007: followed sources (src/sources/), each with its polling state; every feed item seen, so an
 * item is never fetched twice; corrected articles (revisions); a short poll history per source;
 * cached robots.txt files.
 *
 * The state columns mirror SourceState (src/sources/types.ts) one to one. `source_items` is
 * looked up by (source, guid) and by canonical URL across sources. Article ids are not foreign
 * keys: the article tables are another concern's, and a seen item must outlive nothing it names.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE sources (
      id                 TEXT PRIMARY KEY,
      feed_url           TEXT NOT NULL UNIQUE,
      home_page          TEXT,
      title              TEXT,
      site_name          TEXT,
      name               TEXT,
      language           TEXT,
      fetch_linked       INTEGER NOT NULL DEFAULT 1 CHECK (fetch_linked IN (0, 1)),
      allow_private      INTEGER NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
      paused             INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
      added_at           TEXT NOT NULL,
      items_seen         INTEGER NOT NULL DEFAULT 0,
      next_check_at      TEXT NOT NULL,
      last_check_at      TEXT,
      last_success_at    TEXT,
      last_status        INTEGER,
      etag               TEXT,
      last_modified      TEXT,
      body_hash          TEXT,
      interval_ms        INTEGER NOT NULL,
      rate_items         REAL NOT NULL DEFAULT 0,
      rate_hours         REAL NOT NULL DEFAULT 0,
      failure_score      REAL NOT NULL DEFAULT 0,
      consecutive_errors INTEGER NOT NULL DEFAULT 0,
      failing_since      TEXT,
      last_error         TEXT,
      last_error_kind    TEXT,
      last_error_at      TEXT,
      retry_after_until  TEXT,
      disabled_reason    TEXT
    );
    CREATE INDEX sources_due ON sources (next_check_at) WHERE paused = 0 AND disabled_reason IS NULL;

    CREATE TABLE source_items (
      id              INTEGER PRIMARY KEY,
      source_id       TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      guid            TEXT,
      url_key         TEXT,
      url             TEXT,
      article_id      TEXT,
      content_hash    TEXT NOT NULL,
      first_seen_at   TEXT NOT NULL,
      last_changed_at TEXT NOT NULL,
      CHECK (guid IS NOT NULL OR url_key IS NOT NULL)
    );
    CREATE UNIQUE INDEX source_items_guid ON source_items (source_id, guid) WHERE guid IS NOT NULL;
    CREATE INDEX source_items_url ON source_items (url_key) WHERE url_key IS NOT NULL;
    CREATE INDEX source_items_article ON source_items (article_id) WHERE article_id IS NOT NULL;

    -- A corrected article: until the article record carries revisionOf, the link lives here.
    CREATE TABLE article_revisions (
      article_id  TEXT PRIMARY KEY,
      revision_of TEXT NOT NULL,
      source_id   TEXT REFERENCES sources (id) ON DELETE SET NULL,
      url         TEXT,
      detected_at TEXT NOT NULL
    );
    CREATE INDEX article_revisions_of ON article_revisions (revision_of);

    CREATE TABLE source_polls (
      id           INTEGER PRIMARY KEY,
      source_id    TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      at           TEXT NOT NULL,
      status       INTEGER,
      outcome      TEXT NOT NULL CHECK (outcome IN ('fetched', 'not-modified', 'failed')),
      new_articles INTEGER NOT NULL DEFAULT 0,
      error        TEXT,
      duration_ms  INTEGER NOT NULL
    );
    CREATE INDEX source_polls_source ON source_polls (source_id, id);

    CREATE TABLE robots_txt (
      origin     TEXT PRIMARY KEY,
      status     INTEGER NOT NULL,
      body       TEXT,
      error      TEXT,
      fetched_at TEXT NOT NULL
    );
  `);
}
