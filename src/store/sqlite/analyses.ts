/** The analyses concern on SQLite: one row per analysed article, the payload deflated (src/store/codec.ts). */
import { decodePayload, encodePayload } from '../codec.ts';
import type { AnalysisStore, OutdatedAnalysis, StoredAnalysis } from '../store.ts';
import type { Scope } from './scope.ts';

interface AnalysisRow {
  readonly article_id: string;
  readonly version: number;
  readonly payload: Buffer;
}

const fromRow = (row: AnalysisRow): StoredAnalysis => ({ articleId: row.article_id, version: row.version, payload: decodePayload(row.payload) });

export class SqliteAnalyses implements AnalysisStore {
  constructor(private readonly scope: Scope) {}

  put(analyses: readonly StoredAnalysis[]): Promise<void> {
    // Compressed before the transaction starts: the write lock is held for the inserts only.
    const rows = analyses.map((a) => [a.articleId, a.version, encodePayload(a.payload)] as const);
    return this.scope.write((db) => {
      const upsert = db.prepare(`INSERT INTO analyses (article_id, version, payload) VALUES (?, ?, ?)
        ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, payload = excluded.payload`);
      for (const row of rows) upsert.run(...row);
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
}
