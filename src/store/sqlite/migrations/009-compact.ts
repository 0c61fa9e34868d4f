/**
 * 009: fewer bytes per stored article, nothing lost (docs/BENCHMARKS.md, bytes; docs/SCHEMA.md).
 *
 * - Analyses: every payload is rewritten in the codec's current format (src/store/codec.ts:
 *   field names lifted out, deflated with a preset dictionary). Each one is decoded and encoded
 *   again, so what reads back is what was stored.
 * - Search: the FTS rowids become dense (src/store/sqlite/search.ts says why) and
 *   `search_documents` is keyed by an article's first rowid. A contentless index cannot be read
 *   back, so the articles it held are indexed again from their stored analyses, exactly as the
 *   index stage made them (src/app/stages.ts), and its segments merged into one.
 * - Near-duplicate bands lose their index by article: it only served deleting an article's bands,
 *   and articles are never deleted; lookups go by band key, the primary key.
 */
import type Database from 'better-sqlite3';
import { hydrateAnalysis } from '../../../analysis/stored.ts';
import { searchDocument } from '../../../search/terms.ts';
import { decodePayload, encodePayload, isCurrentPayload } from '../../codec.ts';
import { ARTICLE_COLUMNS, fromRow, type ArticleRow } from '../rows.ts';
import { indexDocuments } from '../search.ts';

/** Rows rewritten per statement round; bounds memory on a large store. */
const PAGE = 500;

function reencodeAnalyses(db: Database.Database): void {
  const page = db.prepare('SELECT rowid, payload FROM analyses WHERE rowid > ? ORDER BY rowid LIMIT ?');
  const update = db.prepare('UPDATE analyses SET payload = ? WHERE rowid = ?');
  for (let after = 0; ;) {
    const rows = page.all(after, PAGE) as { rowid: number; payload: Buffer }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      if (!isCurrentPayload(row.payload)) update.run(encodePayload(decodePayload(row.payload)), row.rowid);
    }
    after = rows[rows.length - 1]!.rowid;
  }
}

function rebuildSearch(db: Database.Database): void {
  const indexed = db.prepare('SELECT seq FROM search_documents ORDER BY seq').pluck().all() as number[];
  db.exec(`
    DROP TABLE search_fts;
    DROP TABLE search_documents;
    CREATE TABLE search_documents (
      first   INTEGER PRIMARY KEY,
      seq     INTEGER NOT NULL UNIQUE REFERENCES articles (seq) ON DELETE CASCADE,
      offsets BLOB NOT NULL
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

export function up(db: Database.Database): void {
  reencodeAnalyses(db);
  rebuildSearch(db);
  db.exec('DROP INDEX IF EXISTS article_bands_article');
}
