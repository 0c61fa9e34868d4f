/**
 * 005: full-text search becomes a concern of the store (src/store/sqlite/search.ts). The tables
 * the earlier SearchIndex created on its own (search_meta, search_articles, search_sentences and a
 * search_fts holding copies of the folded text) are dropped: the index is derived from stored
 * analyses, and the index stage rebuilds it from its cursor, which starts at 0.
 *
 * The FTS table is contentless (the inverted index only) and has no prefix indexes: they more
 * than doubled its size (3.7 → 7.9 KB an article, BSNLP paragraphs, 2026-12) while a prefix query
 * (`woj*`) reads the term range without them; its rowid is `seq * 65536 + sentence index`, and
 * each article's sentence offsets are one small blob.
 */
import type Database from 'better-sqlite3';

export function up(db: Database.Database): void {
  db.exec(`
    DROP TABLE IF EXISTS search_fts;
    DROP TABLE IF EXISTS search_sentences;
    DROP TABLE IF EXISTS search_articles;
    DROP TABLE IF EXISTS search_meta;

    CREATE TABLE search_documents (
      seq     INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
      offsets BLOB NOT NULL
    );
    -- Text arrives folded already.
    CREATE VIRTUAL TABLE search_fts USING fts5(
      surface, lemmas, content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    );
  `);
}
