/**
 * 007: followed sources, their seen items, poll history and cached robots.txt files, as SQLite's
 * 007 (src/store/sqlite/migrations/007-sources.ts says what each holds), `article_revisions`
 * included so version 7 means the same tables in both engines (008 drops it again). `added`
 * keeps the order sources were added in (SQLite's rowid does that there). ISO times and ids
 * use the "C" collation so they compare by code point, as in SQLite.
 */
export const up = `
  CREATE TABLE sources (
    id                 text COLLATE "C" PRIMARY KEY,
    feed_url           text NOT NULL UNIQUE,
    home_page          text,
    title              text,
    site_name          text,
    name               text,
    language           text,
    fetch_linked       integer NOT NULL DEFAULT 1 CHECK (fetch_linked IN (0, 1)),
    allow_private      integer NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
    paused             integer NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    added_at           text COLLATE "C" NOT NULL,
    items_seen         integer NOT NULL DEFAULT 0,
    next_check_at      text COLLATE "C" NOT NULL,
    last_check_at      text,
    last_success_at    text,
    last_status        integer,
    etag               text,
    last_modified      text,
    body_hash          text,
    interval_ms        bigint NOT NULL,
    rate_items         double precision NOT NULL DEFAULT 0,
    rate_hours         double precision NOT NULL DEFAULT 0,
    failure_score      double precision NOT NULL DEFAULT 0,
    consecutive_errors integer NOT NULL DEFAULT 0,
    failing_since      text,
    last_error         text,
    last_error_kind    text,
    last_error_at      text,
    retry_after_until  text COLLATE "C",
    disabled_reason    text,
    added              bigint GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX sources_due ON sources (next_check_at) WHERE paused = 0 AND disabled_reason IS NULL;

  CREATE TABLE source_items (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id       text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    guid            text,
    url_key         text,
    url             text,
    article_id      text COLLATE "C",
    content_hash    text NOT NULL,
    first_seen_at   text NOT NULL,
    last_changed_at text NOT NULL,
    CHECK (guid IS NOT NULL OR url_key IS NOT NULL)
  );
  CREATE UNIQUE INDEX source_items_guid ON source_items (source_id, guid) WHERE guid IS NOT NULL;
  CREATE INDEX source_items_url ON source_items (url_key) WHERE url_key IS NOT NULL;
  CREATE INDEX source_items_article ON source_items (article_id) WHERE article_id IS NOT NULL;

  CREATE TABLE article_revisions (
    article_id  text COLLATE "C" PRIMARY KEY,
    revision_of text COLLATE "C" NOT NULL,
    source_id   text COLLATE "C" REFERENCES sources (id) ON DELETE SET NULL,
    url         text,
    detected_at text NOT NULL
  );

  CREATE TABLE source_polls (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id    text COLLATE "C" NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at           text NOT NULL,
    status       integer,
    outcome      text NOT NULL CHECK (outcome IN ('fetched', 'not-modified', 'failed')),
    new_articles integer NOT NULL DEFAULT 0,
    error        text,
    duration_ms  integer NOT NULL
  );
  CREATE INDEX source_polls_source ON source_polls (source_id, id);

  CREATE TABLE robots_txt (
    origin     text PRIMARY KEY,
    status     integer NOT NULL,
    body       text,
    error      text,
    fetched_at text NOT NULL
  );
`;
