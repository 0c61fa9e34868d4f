/**
 * The analyses concern on PostgreSQL: one row per analysed article, the same deflated payload as
 * SQLite (src/store/codec.ts), and its digest (src/store/digest.ts) in analysis_entities and
 * analysis_times, rewritten with it.
 */
import type { AnalysisPayload } from '../../analysis/stored.ts';
import { decodePayload, encodePayload } from '../codec.ts';
import { ANCHORED, decodeForms, digestRows, type DigestRows } from '../digest.ts';
import { decodeText } from '../sqlite/rows.ts';
import type { AnalysisStore, ArticleEntityForms, OutdatedAnalysis, StoredAnalysis, TimelineEntry, TimelineQuery, UndatedArticle } from '../store.ts';
import { byteaArray } from './binary.ts';
import type { Queryable, Scope } from './scope.ts';

/** Replaces the digests of these articles (by seq) with the ones of these payloads. */
export function writeDigests(db: Queryable, analyses: readonly { seq: number; text: string; payload: AnalysisPayload }[]): Promise<void> {
  return writeDigestRows(db, analyses.map((a) => ({ seq: a.seq, ...digestRows(a.text, a.payload) })));
}

async function writeDigestRows(db: Queryable, rows: readonly ({ seq: number } & DigestRows)[]): Promise<void> {
  if (rows.length === 0) return;
  const seqs = rows.map((r) => r.seq);
  await db.query(`INSERT INTO analysis_entities (seq, forms) SELECT * FROM unnest($1::bigint[], $2::bytea[])
    ON CONFLICT (seq) DO UPDATE SET forms = excluded.forms`, [seqs, byteaArray(rows.map((r) => r.forms))]);
  await db.query('DELETE FROM analysis_times WHERE seq = ANY($1::bigint[])', [seqs]);
  const times = rows.flatMap((r) => r.times.map((t) => ({ seq: r.seq, ...t })));
  await db.query(`INSERT INTO analysis_times (seq, idx, value, start) SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::int[])`,
    [times.map((t) => t.seq), times.map((t) => t.index), times.map((t) => t.value), times.map((t) => t.start)]);
}

interface ArticleText {
  readonly id: string;
  readonly seq: number | string;
  readonly text: Buffer | string;
}

const ARTICLE_TEXTS = 'SELECT id, seq, text FROM articles WHERE id = ANY($1::text[])';

/** The digest rows of each analysis whose article is among `articles`, by article id. */
function digestsOf(analyses: readonly StoredAnalysis[], articles: readonly ArticleText[]): Map<string, { seq: number } & DigestRows> {
  const byId = new Map(articles.map((r) => [r.id, r]));
  const digests = new Map<string, { seq: number } & DigestRows>();
  for (const a of analyses) {
    const article = byId.get(a.articleId);
    if (article) digests.set(a.articleId, { seq: Number(article.seq), ...digestRows(decodeText(article.text), a.payload) });
  }
  return digests;
}

/** Joins that keep originals with a stored analysis of the version given as $1. */
const CURRENT_ORIGINALS = `JOIN articles a ON a.seq = d.seq JOIN analyses n ON n.article_id = a.id
  WHERE a.duplicate_of IS NULL AND n.version = $1`;

interface AnalysisRow {
  readonly article_id: string;
  readonly version: number;
  readonly payload: Buffer;
}

const fromRow = (row: AnalysisRow): StoredAnalysis => ({ articleId: row.article_id, version: row.version, payload: decodePayload(row.payload) });

export class PostgresAnalyses implements AnalysisStore {
  constructor(private readonly scope: Scope) {}

  async put(analyses: readonly StoredAnalysis[]): Promise<void> {
    if (analyses.length === 0) return;
    // Compressed and digested before the transaction starts, as SQLite's put does
    // (src/store/sqlite/analyses.ts): the write holds its locks for the statements only. Articles
    // are never deleted or rewritten, so what this read finds still holds at the write.
    const ids = analyses.map((a) => a.articleId);
    const versions = analyses.map((a) => a.version);
    const payloads = analyses.map((a) => encodePayload(a.payload));
    const digests = digestsOf(analyses, await this.scope.rows<ArticleText>(ARTICLE_TEXTS, [ids]));
    await this.scope.write(async (db) => {
      await db.query(`INSERT INTO analyses (article_id, version, payload)
        SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[])
        ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, payload = excluded.payload`, [ids, versions, byteaArray(payloads)]);
      // An article committed by another writer after the read above: the insert found it, its digest is made here.
      const late = analyses.filter((a) => !digests.has(a.articleId));
      const lateDigests = late.length === 0 ? digests : digestsOf(late, (await db.query<ArticleText>(ARTICLE_TEXTS, [late.map((a) => a.articleId)])).rows);
      await writeDigestRows(db, analyses.map((a) => (digests.get(a.articleId) ?? lateDigests.get(a.articleId))!));
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

  async entityForms(version: number): Promise<ArticleEntityForms[]> {
    const rows = await this.scope.rows<{ id: string; seq: number; forms: Buffer }>(
      `SELECT a.id, a.seq, d.forms FROM analysis_entities d ${CURRENT_ORIGINALS} ORDER BY a.seq`, [version]);
    return rows.map((r) => ({ articleId: r.id, seq: Number(r.seq), forms: decodeForms(r.forms) }));
  }

  async timeline(version: number, query: TimelineQuery = {}): Promise<TimelineEntry[]> {
    const { limit } = query;
    // Resolved values walk the value index; the unresolved ('') come after them. Ids and values are COLLATE "C": byte order.
    const page = (resolved: boolean, n: number | null) => this.scope.rows<{ id: string; idx: number; value: string; start: number }>(
      `SELECT a.id, d.idx, d.value, d.start FROM analysis_times d ${CURRENT_ORIGINALS}
       AND d.value ${resolved ? "<> ''" : "= ''"} AND NOT (a.id = ANY($3::text[])) ORDER BY d.value, a.id, d.start, d.idx LIMIT $2`,
      [version, n, query.skip ?? []]);
    const rows = await page(true, limit ?? null);
    if (limit === undefined || rows.length < limit) rows.push(...await page(false, limit === undefined ? null : limit - rows.length));
    return rows.map((r) => ({ articleId: r.id, index: r.idx, value: r.value, start: r.start }));
  }

  async undated(version: number): Promise<UndatedArticle[]> {
    const rows = await this.scope.rows<{ id: string; anchored: boolean }>(`SELECT a.id, ${ANCHORED} AS anchored FROM articles a
      JOIN analyses n ON n.article_id = a.id WHERE a.published_value IS NULL AND a.duplicate_of IS NULL AND n.version = $1 ORDER BY a.seq`, [version]);
    return rows.map((r) => ({ articleId: r.id, anchored: r.anchored }));
  }
}
