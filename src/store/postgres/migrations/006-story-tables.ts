/**
 * 006: the story engine's state as tables, as SQLite's 006 (row shapes: src/stories/rows.ts),
 * replacing the one JSON value in stage_state. The cluster-lease holder writes what each batch
 * changed (src/store/postgres/stories.ts); readers list and show stories from `stories` and
 * `story_members` alone (src/store/postgres/story-readers.ts).
 *
 * Differences from SQLite, each for the same answers on both engines:
 * - text columns that are compared or sorted are COLLATE "C" (SQLite compares bytes), so ids,
 *   keys and dates order the same whatever the database's locale;
 * - `story_meta.token` is a fresh value at every commit: a writer keeps the rows it loaded while
 *   the token is the one it wrote, and reads them afresh when another process (or a rolled-back
 *   transaction) made the stored state something else;
 * - JSON columns are text, as in SQLite (jsonb would reorder a record's fields).
 *
 * A store that kept its stories as JSON drops them and its cluster cursor: the stories are derived
 * from the stored analyses, and the cluster stage (src/app/stages.ts, run by the lease holder,
 * src/worker/lease.ts) clusters every article again, in seq order, at its next pass. Nothing the
 * stories are made from is touched.
 */
export const up = `
  CREATE TABLE story_meta (
    id         integer PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL,
    version    integer NOT NULL,
    documents  integer NOT NULL,
    term_ids   integer NOT NULL,
    entity_ids integer NOT NULL,
    levels     text NOT NULL,
    token      text NOT NULL
  );

  CREATE TABLE story_terms (
    id  integer PRIMARY KEY,
    key text COLLATE "C" NOT NULL UNIQUE,
    df  integer NOT NULL
  );
  CREATE TABLE story_entities (
    id  integer PRIMARY KEY,
    key text COLLATE "C" NOT NULL UNIQUE,
    df  integer NOT NULL
  );

  CREATE TABLE stories (
    id              text COLLATE "C" PRIMARY KEY,
    level           text NOT NULL CHECK (level IN ('event', 'storyline')),
    slot            integer NOT NULL,
    merged_into     text COLLATE "C",
    merged_seq      integer,
    size            integer NOT NULL,
    independent     integer NOT NULL,
    first_ms        bigint,
    last_ms         bigint,
    first_precision text CHECK (first_precision IN ('year', 'month', 'day', 'minute')),
    last_precision  text CHECK (last_precision IN ('year', 'month', 'day', 'minute')),
    slack_days      double precision NOT NULL,
    touched         integer NOT NULL,
    title           text,
    first_seen      text COLLATE "C",
    last_seen       text COLLATE "C",
    state           text NOT NULL,
    record          text,
    UNIQUE (level, slot)
  );
  CREATE INDEX stories_recent ON stories (level, last_seen DESC NULLS LAST, size DESC, id) WHERE merged_into IS NULL;
  CREATE INDEX stories_touched ON stories (level, touched) WHERE merged_into IS NULL;
  CREATE INDEX stories_size ON stories (level, size DESC, id) WHERE merged_into IS NULL;
  CREATE INDEX stories_merged ON stories (merged_into, merged_seq) WHERE merged_into IS NOT NULL;

  CREATE TABLE story_centroids (
    story_id    text COLLATE "C" PRIMARY KEY,
    weighted_at integer NOT NULL,
    centroid    bytea NOT NULL
  );

  CREATE TABLE story_members (
    level      text NOT NULL,
    article_id text COLLATE "C" NOT NULL,
    story_id   text COLLATE "C" NOT NULL,
    ord        integer NOT NULL,
    added_at   bigint NOT NULL,
    PRIMARY KEY (level, article_id)
  );
  CREATE INDEX story_members_story ON story_members (story_id, ord);
  CREATE INDEX story_members_article ON story_members (article_id);

  CREATE TABLE story_postings (
    level  text NOT NULL,
    kind   text NOT NULL CHECK (kind IN ('term', 'entity')),
    key_id integer NOT NULL,
    slots  bytea NOT NULL,
    PRIMARY KEY (level, kind, key_id)
  );

  CREATE TABLE entity_names (
    key    text COLLATE "C" PRIMARY KEY,
    counts text NOT NULL,
    name   text
  );

  DELETE FROM stage_state WHERE name = 'stories';
  DELETE FROM stage_cursors WHERE stage = 'cluster';
`;
