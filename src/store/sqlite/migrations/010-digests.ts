/**
 * 010: analysis digests (src/analysis/digest.ts, src/store/digest.ts; docs/SCHEMA.md): an
 * article's entity forms as one deflated blob and its time entries as rows, written by
 * `analyses.put` with the analysis, so `kronika entities` and `kronika timeline` over the whole
 * store no longer decode every analysis. Filled here from every analysis already stored, so
 * nothing is lost: the digest of an analysis depends only on it and the article's text.
 */
import type Database from 'better-sqlite3';
import { decodePayload } from '../../codec.ts';
import { DIGEST_PAGE } from '../../digest.ts';
import { writeDigests } from '../analyses.ts';
import { decodeText } from '../rows.ts';

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE analysis_entities (
      seq   INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
      forms BLOB NOT NULL
    );
    CREATE TABLE analysis_times (
      seq   INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
      idx   INTEGER NOT NULL,
      value TEXT NOT NULL,
      start INTEGER NOT NULL,
      PRIMARY KEY (seq, idx)
    ) WITHOUT ROWID;
    CREATE INDEX analysis_times_value ON analysis_times (value);
  `);
  const page = db.prepare(`SELECT a.seq, a.text, n.rowid AS analysis, n.payload FROM analyses n JOIN articles a ON a.id = n.article_id
    WHERE n.rowid > ? ORDER BY n.rowid LIMIT ?`);
  for (let after = 0; ;) {
    const rows = page.all(after, DIGEST_PAGE) as { seq: number; text: string | Buffer; analysis: number; payload: Buffer }[];
    if (rows.length === 0) return;
    writeDigests(db, rows.map((r) => ({ seq: r.seq, text: decodeText(r.text), payload: decodePayload(r.payload) })));
    after = rows[rows.length - 1]!.analysis;
  }
}
