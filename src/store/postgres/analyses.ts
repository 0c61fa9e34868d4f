/** The analyses concern on PostgreSQL: one row per analysed article, the same deflated payload as SQLite (src/store/codec.ts). */
import { decodePayload, encodePayload } from '../codec.ts';
import type { AnalysisStore, OutdatedAnalysis, StoredAnalysis } from '../store.ts';
import type { Scope } from './scope.ts';

interface AnalysisRow {
  readonly article_id: string;
  readonly version: number;
  readonly payload: Buffer;
}

const fromRow = (row: AnalysisRow): StoredAnalysis => ({ articleId: row.article_id, version: row.version, payload: decodePayload(row.payload) });

export class PostgresAnalyses implements AnalysisStore {
  constructor(private readonly scope: Scope) {}

  put(analyses: readonly StoredAnalysis[]): Promise<void> {
    if (analyses.length === 0) return Promise.resolve();
    // Compressed before the transaction starts; one statement for the batch.
    const ids = analyses.map((a) => a.articleId);
    const versions = analyses.map((a) => a.version);
    const payloads = analyses.map((a) => encodePayload(a.payload));
    return this.scope.write(async (db) => {
      await db.query(`INSERT INTO analyses (article_id, version, payload)
        SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[])
        ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, payload = excluded.payload`, [ids, versions, payloads]);
    });
  }

  async get(articleId: string): Promise<StoredAnalysis | undefined> {
    const [row] = await this.scope.rows<AnalysisRow>('SELECT article_id, version, payload FROM analyses WHERE article_id = $1', [articleId]);
    return row && fromRow(row);
  }

  async getMany(articleIds: readonly string[]): Promise<Map<string, StoredAnalysis>> {
    if (articleIds.length === 0) return new Map();
    const rows = await this.scope.rows<AnalysisRow>('SELECT article_id, version, payload FROM analyses WHERE article_id = ANY($1::text[])',
      [articleIds]);
    return new Map(rows.map((row) => [row.article_id, fromRow(row)]));
  }

  async outdated(version: number, afterSeq: number, limit: number): Promise<OutdatedAnalysis[]> {
    const rows = await this.scope.rows<{ id: string; seq: number; version: number | null }>(`SELECT a.id, a.seq, n.version FROM articles a
      LEFT JOIN analyses n ON n.article_id = a.id
      WHERE a.seq > $1 AND n.version IS DISTINCT FROM $2 ORDER BY a.seq LIMIT $3`, [afterSeq, version, limit]);
    return rows.map((r) => ({ articleId: r.id, seq: r.seq, ...(r.version !== null && { version: r.version }) }));
  }

  async versions(): Promise<Record<number, number>> {
    const rows = await this.scope.rows<{ version: number; n: number }>('SELECT version, COUNT(*) AS n FROM analyses GROUP BY version ORDER BY version');
    return Object.fromEntries(rows.map((r) => [r.version, r.n]));
  }
}
