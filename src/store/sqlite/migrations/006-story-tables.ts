/**
 * 006: the story engine's state as tables (row shapes: src/stories/rows.ts), replacing the one JSON
 * row in stage_state for the stories stage. The engine reads rows on first use and writes what each
 * chunk of articles changed (src/store/sqlite/story-writer.ts); readers list and show stories from
 * `stories` and `story_members` alone (src/store/sqlite/story-readers.ts).
 *
 * Story ids carry their level ('ev-…', 'sl-…'), so `stories.id` alone is the key. Members do not
 * reference `articles`: the state is derived data and can be rebuilt from the articles at any time.
 * The partial indexes cover the queries over live stories: consolidation's work list (touched),
 * the attach pass's largest stories (size) and the story list (last_seen, size); and the merge
 * edges a story's merged-from list is read from (merged_into, merged_seq).
 *
 * A store that kept its stories as JSON drops them and its cluster cursor: the cluster stage
 * (src/app/stages.ts) fills the tables again from the stored analyses at the next run.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE story_meta (
      id         INTEGER PRIMARY KEY CHECK (id = 1),
      generation INTEGER NOT NULL,
      version    INTEGER NOT NULL,
      documents  INTEGER NOT NULL,
      term_ids   INTEGER NOT NULL,
      entity_ids INTEGER NOT NULL,
      levels     TEXT NOT NULL CHECK (json_valid(levels))
    );

    CREATE TABLE story_terms (
      id  INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      df  INTEGER NOT NULL
    );
    CREATE TABLE story_entities (
      id  INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      df  INTEGER NOT NULL
    );

    CREATE TABLE stories (
      id          TEXT PRIMARY KEY,
      level       TEXT NOT NULL CHECK (level IN ('event', 'storyline')),
      slot        INTEGER NOT NULL,
      merged_into TEXT,
      merged_seq  INTEGER,
      size        INTEGER NOT NULL,
      independent INTEGER NOT NULL,
      first_ms    INTEGER,
      last_ms     INTEGER,
      first_precision TEXT CHECK (first_precision IN ('year', 'month', 'day', 'minute')),
      last_precision  TEXT CHECK (last_precision IN ('year', 'month', 'day', 'minute')),
      slack_days  REAL NOT NULL,
      touched     INTEGER NOT NULL,
      title       TEXT,
      first_seen  TEXT,
      last_seen   TEXT,
      state       TEXT NOT NULL CHECK (json_valid(state)),
      record      TEXT CHECK (record IS NULL OR json_valid(record)),
      UNIQUE (level, slot)
    );
    CREATE INDEX stories_touched ON stories (level, touched) WHERE merged_into IS NULL;
    CREATE INDEX stories_size ON stories (level, size DESC, id) WHERE merged_into IS NULL;
    CREATE INDEX stories_recent ON stories (level, last_seen DESC, size DESC, id) WHERE merged_into IS NULL;
    CREATE INDEX stories_merged ON stories (merged_into, merged_seq) WHERE merged_into IS NOT NULL;

    CREATE TABLE story_centroids (
      story_id    TEXT PRIMARY KEY,
      weighted_at INTEGER NOT NULL,
      centroid    BLOB NOT NULL
    );

    CREATE TABLE story_members (
      level      TEXT NOT NULL,
      article_id TEXT NOT NULL,
      story_id   TEXT NOT NULL,
      ord        INTEGER NOT NULL,
      added_at   INTEGER NOT NULL,
      PRIMARY KEY (level, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX story_members_story ON story_members (story_id, ord);
    CREATE INDEX story_members_added ON story_members (level, added_at);

    CREATE TABLE story_postings (
      level  TEXT NOT NULL,
      kind   TEXT NOT NULL CHECK (kind IN ('term', 'entity')),
      key_id INTEGER NOT NULL,
      slots  BLOB NOT NULL,
      PRIMARY KEY (level, kind, key_id)
    ) WITHOUT ROWID;

    CREATE TABLE entity_names (
      key    TEXT PRIMARY KEY,
      counts TEXT NOT NULL CHECK (json_valid(counts)),
      name   TEXT
    ) WITHOUT ROWID;

    DELETE FROM stage_state WHERE name = 'stories';
    DELETE FROM stage_cursors WHERE stage = 'cluster';
  `);
}
