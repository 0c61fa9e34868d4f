/**
 * 009: fewer bytes per stored article, nothing lost (docs/BENCHMARKS.md, bytes; docs/SCHEMA.md).
 *
 * - Analyses: every payload is rewritten in the codec's current format (src/store/codec.ts:
 *   field names lifted out, lemmas as edits of their words, deflated with a preset dictionary).
 *   Each one is decoded and encoded again, so what reads back is what was stored.
 * - Search: the FTS rowids become dense (src/store/sqlite/search.ts says why),
 *   `search_documents` is keyed by an article's first rowid and keeps its sentence offsets as
 *   varints (search.ts, encodeSpans). A contentless index cannot be read
 *   back, so the articles it held are indexed again from their stored analyses, exactly as the
 *   index stage made them (src/app/stages.ts), and its segments merged into one.
 * - Near-duplicate bands lose their index by article: it only served deleting an article's bands,
 *   and articles are never deleted; lookups go by band key, the primary key.
 * - Story tables: a story's engine state and its centroid are stored deflated
 *   (src/store/sqlite/story-backend.ts); `stories` is rebuilt for it, since its `state` column
 *   was declared JSON text. Same rows, same indexes, same values once inflated.
 */
import type Database from 'better-sqlite3';
import { compactLemmas, hydrateAnalysis } from '../../../analysis/stored.ts';
import { searchDocument } from '../../../search/terms.ts';
import { decodePayload, encodePayload, isCurrentPayload } from '../../codec.ts';
import { ARTICLE_COLUMNS, fromRow, type ArticleRow } from '../rows.ts';
import { indexDocuments } from '../search.ts';
import { packStoryBlob } from '../story-backend.ts';

/** Rows rewritten per statement round; bounds memory on a large store. */
const PAGE = 500;

function reencodeAnalyses(db: Database.Database): void {
  const page = db.prepare(`SELECT ${ARTICLE_COLUMNS}, n.rowid AS analysis, n.payload FROM analyses n JOIN articles a ON a.id = n.article_id
    WHERE n.rowid > ? ORDER BY n.rowid LIMIT ?`);
  const update = db.prepare('UPDATE analyses SET payload = ? WHERE rowid = ?');
  for (let after = 0; ;) {
    const rows = page.all(after, PAGE) as (ArticleRow & { analysis: number; payload: Buffer })[];
    if (rows.length === 0) return;
    for (const row of rows) {
      if (!isCurrentPayload(row.payload)) update.run(encodePayload(compactLemmas(fromRow(row), decodePayload(row.payload))), row.analysis);
    }
    after = rows[rows.length - 1]!.analysis;
  }
}

function rebuildSearch(db: Database.Database): void {
  const indexed = db.prepare('SELECT seq FROM search_documents ORDER BY seq').pluck().all() as number[];
  db.exec(`
    DROP TABLE search_fts;
    DROP TABLE search_documents;
    CREATE TABLE search_documents (
      first     INTEGER PRIMARY KEY,
      seq       INTEGER NOT NULL UNIQUE REFERENCES articles (seq) ON DELETE CASCADE,
      sentences INTEGER NOT NULL,
      offsets   BLOB NOT NULL
    );
    -- Text arrives folded already.
    CREATE VIRTUAL TABLE search_fts USING fts5(
      surface, lemmas, content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    );
  `);
  const articles = db.prepare(`SELECT ${ARTICLE_COLUMNS}, n.payload FROM articles a JOIN analyses n ON n.article_id = a.id
    WHERE a.seq IN (SELECT value FROM json_each(?)) ORDER BY a.seq`);
  for (let i = 0; i < indexed.length; i += PAGE) {
    const rows = articles.all(JSON.stringify(indexed.slice(i, i + PAGE))) as (ArticleRow & { payload: Buffer })[];
    indexDocuments(db, rows.map((row) => {
      const article = fromRow(row);
      return searchDocument(article.id, hydrateAnalysis(article, decodePayload(row.payload)).sentences);
    }));
  }
  db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
}

function packStoryTables(db: Database.Database): void {
  db.function('kronika_pack_story_blob', (value: unknown) => packStoryBlob(value as string | Buffer));
  db.exec(`
    UPDATE story_centroids SET centroid = kronika_pack_story_blob(centroid);
    CREATE TABLE stories_packed (
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
      state       BLOB NOT NULL,
      record      TEXT CHECK (record IS NULL OR json_valid(record)),
      UNIQUE (level, slot)
    );
    INSERT INTO stories_packed SELECT id, level, slot, merged_into, merged_seq, size, independent, first_ms, last_ms,
      first_precision, last_precision, slack_days, touched, title, first_seen, last_seen, kronika_pack_story_blob(state), record
      FROM stories ORDER BY rowid;
    DROP TABLE stories;
    ALTER TABLE stories_packed RENAME TO stories;
    CREATE INDEX stories_touched ON stories (level, touched) WHERE merged_into IS NULL;
    CREATE INDEX stories_size ON stories (level, size DESC, id) WHERE merged_into IS NULL;
    CREATE INDEX stories_recent ON stories (level, last_seen DESC, size DESC, id) WHERE merged_into IS NULL;
    CREATE INDEX stories_merged ON stories (merged_into, merged_seq) WHERE merged_into IS NOT NULL;
  `);
}

export function up(db: Database.Database): void {
  reencodeAnalyses(db);
  packStoryTables(db);
  rebuildSearch(db);
  db.exec('DROP INDEX IF EXISTS article_bands_article');
}
