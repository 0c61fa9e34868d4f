/**
 * The analyses concern on SQLite: one row per analysed article, the payload deflated
 * (src/store/codec.ts), and its digest (src/store/digest.ts) in analysis_entities and
 * analysis_times, rewritten with it.
 */
import type Database from 'better-sqlite3';
import type { AnalysisPayload } from '../../analysis/stored.ts';
import { decodePayload, encodePayload } from '../codec.ts';
import { ANCHORED, decodeForms, digestRows, type DigestRows } from '../digest.ts';
import type { AnalysisStore, ArticleEntityForms, OutdatedAnalysis, StoredAnalysis, TimelineEntry, TimelineQuery, UndatedArticle } from '../store.ts';
import { decodeText } from './rows.ts';
import type { Scope } from './scope.ts';

/** A connection or a statement cache: what prepares a statement. */
interface Prepares {
  prepare(sql: string): Database.Statement;
}

/** Replaces the digests of these articles (by seq) with the ones of these payloads. */
export function writeDigests(db: Prepares, analyses: readonly { seq: number; text: string; payload: AnalysisPayload }[]): void {
  writeDigestRows(db, analyses.map((a) => ({ seq: a.seq, ...digestRows(a.text, a.payload) })));
}

function writeDigestRows(db: Prepares, rows: readonly ({ seq: number } & DigestRows)[]): void {
  const forms = db.prepare('INSERT INTO analysis_entities (seq, forms) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET forms = excluded.forms');
  const drop = db.prepare('DELETE FROM analysis_times WHERE seq = ?');
  const time = db.prepare('INSERT INTO analysis_times (seq, idx, value, start) VALUES (?, ?, ?, ?)');
  for (const row of rows) {
    forms.run(row.seq, row.forms);
    drop.run(row.seq);
    for (const t of row.times) time.run(row.seq, t.index, t.value, t.start);
  }
}

/** Joins that keep originals with a stored analysis of the version given as the first parameter. */
const CURRENT_ORIGINALS = `JOIN articles a ON a.seq = d.seq JOIN analyses n ON n.article_id = a.id
  WHERE a.duplicate_of IS NULL AND n.version = ?`;

interface AnalysisRow {
  readonly article_id: string;
  readonly version: number;
  readonly payload: Buffer;
}

const fromRow = (row: AnalysisRow): StoredAnalysis => ({ articleId: row.article_id, version: row.version, payload: decodePayload(row.payload) });

export class SqliteAnalyses implements AnalysisStore {
  constructor(private readonly scope: Scope) {}

  put(analyses: readonly StoredAnalysis[]): Promise<void> {
    // Compressed and digested before the transaction starts: the write lock is held for the
    // inserts only. Articles are never deleted, so one read here still holds at the write.
    const rows = analyses.map((a) => [a.articleId, a.version, encodePayload(a.payload)] as const);
    const article = this.scope.read.prepare('SELECT seq, text FROM articles WHERE id = ?');
    const digests = analyses.flatMap((a) => {
      const row = article.get(a.articleId) as { seq: number; text: string | Buffer } | undefined;
      // No article: the insert below fails on its foreign key, as it always did.
      return row ? [{ seq: row.seq, ...digestRows(decodeText(row.text), a.payload) }] : [];
    });
    return this.scope.write((db) => {
      const upsert = db.prepare(`INSERT INTO analyses (article_id, version, payload) VALUES (?, ?, ?)
        ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, payload = excluded.payload`);
      for (const row of rows) upsert.run(...row);
      writeDigestRows(db, digests);
    });
  }

  async get(articleId: string): Promise<StoredAnalysis | undefined> {
    const row = this.scope.read.prepare('SELECT article_id, version, payload FROM analyses WHERE article_id = ?')
      .get(articleId) as AnalysisRow | undefined;
    return row && fromRow(row);
  }

  async getMany(articleIds: readonly string[]): Promise<Map<string, StoredAnalysis>> {
    if (articleIds.length === 0) return new Map();
    const rows = this.scope.read.prepare(`SELECT article_id, version, payload FROM analyses
      WHERE article_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(articleIds)) as AnalysisRow[];
    return new Map(rows.map((row) => [row.article_id, fromRow(row)]));
  }

  async outdated(version: number, afterSeq: number, limit: number): Promise<OutdatedAnalysis[]> {
    const rows = this.scope.read.prepare(`SELECT a.id, a.seq, n.version FROM articles a
      LEFT JOIN analyses n ON n.article_id = a.id
      WHERE a.seq > ? AND (n.version IS NULL OR n.version <> ?) ORDER BY a.seq LIMIT ?`)
      .all(afterSeq, version, limit) as { id: string; seq: number; version: number | null }[];
    return rows.map((r) => ({ articleId: r.id, seq: r.seq, ...(r.version !== null && { version: r.version }) }));
  }

  async versions(): Promise<Record<number, number>> {
    const rows = this.scope.read.prepare('SELECT version, COUNT(*) AS n FROM analyses GROUP BY version ORDER BY version')
      .all() as { version: number; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.version, r.n]));
  }

  async entityForms(version: number): Promise<ArticleEntityForms[]> {
    const rows = this.scope.read.prepare(`SELECT a.id, a.seq, d.forms FROM analysis_entities d ${CURRENT_ORIGINALS} ORDER BY a.seq`)
      .all(version) as { id: string; seq: number; forms: Buffer }[];
    return rows.map((r) => ({ articleId: r.id, seq: r.seq, forms: decodeForms(r.forms) }));
  }

  async timeline(version: number, query: TimelineQuery = {}): Promise<TimelineEntry[]> {
    const limit = query.limit ?? -1;
    const skip = JSON.stringify(query.skip ?? []);
    // Resolved values walk the value index; the unresolved ('') come after them.
    const page = (resolved: boolean, n: number) => this.scope.read.prepare(`SELECT a.id, d.idx, d.value, d.start FROM analysis_times d
      ${CURRENT_ORIGINALS} AND d.value ${resolved ? "<> ''" : "= ''"} AND a.id NOT IN (SELECT value FROM json_each(?))
      ORDER BY d.value, a.id, d.start, d.idx LIMIT ?`).all(version, skip, n) as { id: string; idx: number; value: string; start: number }[];
    const rows = page(true, limit);
    if (limit < 0 || rows.length < limit) rows.push(...page(false, limit < 0 ? -1 : limit - rows.length));
    return rows.map((r) => ({ articleId: r.id, index: r.idx, value: r.value, start: r.start }));
  }

  async undated(version: number): Promise<UndatedArticle[]> {
    const rows = this.scope.read.prepare(`SELECT a.id, ${ANCHORED} AS anchored FROM articles a JOIN analyses n ON n.article_id = a.id
      WHERE a.published_value IS NULL AND a.duplicate_of IS NULL AND n.version = ? ORDER BY a.seq`).all(version) as { id: string; anchored: number }[];
    return rows.map((r) => ({ articleId: r.id, anchored: r.anchored === 1 }));
  }
}
