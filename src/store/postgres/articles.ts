/**
 * The articles concern on PostgreSQL (migrations 001 and 004): the same records and rules as
 * src/store/sqlite/articles.ts, through the same row mapping (src/store/sqlite/rows.ts).
 *
 * Sequence numbers: a saving transaction first takes a transaction-level advisory lock, then
 * reads MAX(seq) and numbers its articles after it; the lock is released only when the
 * transaction commits or rolls back. So savers run one at a time, each sees the previous one's
 * commit (PostgreSQL makes a commit visible before it releases the committer's locks), and seq
 * order is commit order: a reader that has seen seq N has seen every lower seq, and
 * `after(cursor)` never skips an article committed later. A SEQUENCE would not do: two
 * transactions may commit in the other order than they drew numbers. Serialising saves also
 * makes the near-duplicate and same-URL checks see every earlier article, as SQLite's single
 * writer does; saves are short (no analysis inside), so the queue moves fast.
 */
import { bandKeys } from '../../stories/fingerprint.ts';
import type { Article } from '../../types.ts';
import { findOriginal, type DuplicateCandidate } from '../duplicates.ts';
import { signatureOf, toCandidates, type CandidateRow } from '../sqlite/articles.ts';
import {
  AmbiguousIdError, MIN_ID_PREFIX,
  type ArticleFilter, type ArticleRef, type ArticleStore, type SaveOutcome, type StoredArticle, type StoreStats,
} from '../store.ts';
import { ARTICLE_COLUMNS, fromRow, inIdOrder, outletKey, toParams, type ArticleParams, type ArticleRow } from '../sqlite/rows.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, value, type Queryable, type Scope } from './scope.ts';

/** Channel notified with the last `seq` whenever articles are stored (the cluster lease listens, src/worker). */
export const ARTICLES_CHANNEL = 'kronika_articles';

/** Most candidates read per near-duplicate lookup, earliest first (src/store/sqlite/articles.ts says why). */
const MAX_DUPLICATE_CANDIDATES = 256;

/** Upper bound of a prefix range under the "C" collation: every id starting with `prefix` sorts below it. */
const PREFIX_END = '\u{10FFFF}';

const INSERT_COLUMNS: readonly (keyof ArticleParams | 'seq')[] = [
  'id', 'seq', 'origin', 'format', 'url', 'title', 'published_value', 'published_precision', 'language',
  'outlet', 'outlet_key', 'author', 'text', 'removed', 'duplicate_of', 'revision_of', 'source_id', 'fingerprint', 'ingested_at',
];

const INSERT = `INSERT INTO articles (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/**
 * Band keys (src/stories/fingerprint.ts `bandKeys`, `band:base36 hash`) as the numbers PostgreSQL
 * keeps in `article_bands.bands` (migration 011): the band in the high bits, the 32-bit hash below.
 * @example bandValues(['0:1z141z3', '7:0']) // → [4294967295, 30064771072]
 */
export function bandValues(keys: readonly string[]): number[] {
  return keys.map((key) => {
    const [band, hash] = key.split(':') as [string, string];
    return Number(band) * 2 ** 32 + parseInt(hash, 36);
  });
}

/**
 * The earliest MAX_DUPLICATE_CANDIDATES stored articles sharing a band with an article. One
 * lookup per article: the batch's bands as one array (or each article's as a slice of one
 * parameter) made the planner scan the table and compare every row with every band (measured
 * 2026-12-07: 30–290 ms a 200-article batch against ~0.4 ms an article).
 */
const CANDIDATES = {
  name: 'kronika_duplicate_candidates',
  text: `SELECT id, seq, duplicate_of, fingerprint, text FROM articles
    WHERE seq IN (SELECT seq FROM article_bands WHERE bands && $1::bigint[])
    ORDER BY seq LIMIT ${MAX_DUPLICATE_CANDIDATES}`,
};

/**
 * A named statement run with its generic plan (`save` sets plan_cache_mode around its lookups),
 * which looks the bands up in their GIN index. Planned for each article's bands, the statement
 * was parsed and planned a thousand times for a thousand articles, and the planner, which
 * underestimates how few rows share a band, scanned article_bands whole while it was small:
 * 0.8 ms an article against 0.07 ms with the index at 1,200 stored articles, plus ~0.2–1.3 ms of
 * planning (EXPLAIN ANALYZE, the 1,000-article workers bench store, 2026-12-07).
 */
async function storedCandidates(db: Queryable, bands: readonly number[]): Promise<{ candidates: DuplicateCandidate[]; rows: number }> {
  const { rows } = await db.query<CandidateRow>({ ...CANDIDATES, values: [bands] });
  return { candidates: toCandidates(rows), rows: rows.length };
}

/** The latest stored article of each URL, by URL. */
async function latestByUrl(db: Queryable, urls: readonly string[]): Promise<Map<string, string>> {
  if (urls.length === 0) return new Map();
  const rows = await rowsOf<{ url: string; id: string }>(db, `SELECT DISTINCT ON (url) url, id FROM articles
    WHERE url = ANY($1::text[]) ORDER BY url, seq DESC`, [[...new Set(urls)]]);
  return new Map(rows.map((r) => [r.url, r.id]));
}

/** Rows per multi-row INSERT (19 parameters each, under PostgreSQL's 65,535). */
const INSERT_ROWS = 1000;

/** Inserts the new articles and their bands, a multi-row statement per INSERT_ROWS articles. */
async function insertArticles(db: Queryable, rows: readonly { params: Record<string, unknown>; seq: number; bands: readonly number[] }[]): Promise<void> {
  for (let from = 0; from < rows.length; from += INSERT_ROWS) {
    const chunk = rows.slice(from, from + INSERT_ROWS);
    const n = INSERT_COLUMNS.length;
    await db.query(`INSERT INTO articles (${INSERT_COLUMNS.join(', ')}) VALUES ${
      chunk.map((_, r) => `(${INSERT_COLUMNS.map((_, c) => `$${r * n + c + 1}`).join(', ')})`).join(', ')}`,
    chunk.flatMap((row) => INSERT_COLUMNS.map((column) => row.params[column])));
    await db.query(`INSERT INTO article_bands (seq, bands) VALUES ${chunk.map((_, r) => `($${2 * r + 1}, $${2 * r + 2}::bigint[])`).join(', ')}`,
      chunk.flatMap((row) => [row.seq, row.bands]));
  }
}

export class PostgresArticles implements ArticleStore {
  constructor(private readonly scope: Scope) {}

  /**
   * Stores a batch: one read each for the ids already stored and the same-URL articles of the
   * whole batch, a near-duplicate lookup per article, then multi-row inserts. Each article's
   * checks see the stored articles and the batch's earlier ones, as when every article was
   * looked up and inserted in turn.
   */
  save(articles: readonly Article[]): Promise<SaveOutcome[]> {
    // Signatures are computed before the transaction: the seq lock is held for the SQL only.
    const signatures = articles.map(signatureOf);
    const bands = signatures.map((signature) => bandValues(bandKeys(signature)));
    return this.scope.write(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.articleSeq]);
      const known = new Set((await rowsOf<{ id: string }>(db, 'SELECT id FROM articles WHERE id = ANY($1::text[])',
        [articles.map((a) => a.id)])).map((r) => r.id));
      let seq = (await rowsOf<{ seq: number }>(db, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM articles'))[0]!.seq;
      // The first of each id not stored yet; a repeat of an id earlier in the batch is unchanged.
      const fresh = new Set<number>();
      const seen = new Set(known);
      articles.forEach((article, i) => {
        if (!seen.has(article.id)) fresh.add(i);
        seen.add(article.id);
      });
      const latest = await latestByUrl(db, [...fresh].flatMap((i) => (articles[i]!.revisionOf === undefined && articles[i]!.url !== undefined ? [articles[i]!.url!] : [])));
      /** The batch's stored articles so far, with their bands, in seq order. */
      const earlier: { candidate: DuplicateCandidate; bands: ReadonlySet<number> }[] = [];
      const inserts: { params: Record<string, unknown>; seq: number; bands: readonly number[] }[] = [];
      const outcomes: SaveOutcome[] = [];
      // Until the lookups are done (storedCandidates); set back after them, as SET LOCAL would last to the end of a caller's transaction.
      await db.query('SET LOCAL plan_cache_mode = force_generic_plan');
      for (const [i, article] of articles.entries()) {
        if (!fresh.has(i)) {
          outcomes.push({ status: 'unchanged', id: article.id });
          continue;
        }
        const signature = signatures[i]!;
        let duplicateOf = article.duplicateOf;
        if (duplicateOf === undefined) {
          // Stored candidates come first (lower seq), then the batch's earlier articles sharing a band.
          // (The limit counts rows read, as one lookup over both would.)
          const { candidates, rows } = await storedCandidates(db, bands[i]!);
          let read = rows;
          for (const e of earlier) {
            if (read >= MAX_DUPLICATE_CANDIDATES) break;
            if (bands[i]!.some((b) => e.bands.has(b))) {
              candidates.push(e.candidate);
              read++;
            }
          }
          duplicateOf = findOriginal(article.text, signature, candidates);
        }
        const revisionOf = article.revisionOf ?? (article.url === undefined ? undefined : latest.get(article.url));
        seq++;
        // The text is deflated, as in SQLite (migration 010 says why).
        const params: Record<string, unknown> = { ...toParams(article, signature, duplicateOf, revisionOf), seq };
        inserts.push({ params, seq, bands: bands[i]! });
        earlier.push({
          candidate: { id: article.id, seq, ...(duplicateOf !== undefined && { duplicateOf }), fingerprint: signature, text: article.text },
          bands: new Set(bands[i]),
        });
        if (article.url !== undefined) latest.set(article.url, article.id);
        outcomes.push({
          status: 'stored', id: article.id, seq,
          ...(duplicateOf !== undefined && { duplicateOf }),
          ...(revisionOf !== undefined && { revisionOf }),
        });
      }
      await db.query('SET LOCAL plan_cache_mode = DEFAULT');
      await insertArticles(db, inserts);
      // Delivered at commit, never for a rolled-back batch.
      if (inserts.length > 0) await db.query('SELECT pg_notify($1, $2)', [ARTICLES_CHANNEL, String(seq)]);
      return outcomes;
    });
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const [row] = await this.scope.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    return row && fromRow(row);
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const rows = await this.scope.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [ids]);
    return inIdOrder(ids, rows);
  }

  async find(idOrPrefix: string): Promise<StoredArticle | undefined> {
    const exact = await this.get(idOrPrefix);
    if (exact || idOrPrefix.length < MIN_ID_PREFIX) return exact;
    const rows = await this.scope.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 5`, [idOrPrefix, idOrPrefix + PREFIX_END]);
    if (rows.length > 1) throw new AmbiguousIdError(idOrPrefix, rows.map((r) => r.id));
    return rows[0] && fromRow(rows[0]);
  }

  async byUrl(url: string): Promise<StoredArticle | undefined> {
    const [row] = await this.scope.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE url = $1 ORDER BY seq DESC LIMIT 1`, [url]);
    return row && fromRow(row);
  }

  async list(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.source !== undefined) where.push(`outlet_key = ${param(outletKey(filter.source))}`);
    if (filter.sourceId !== undefined) where.push(`source_id = ${param(filter.sourceId)}`);
    if (filter.language !== undefined) where.push(`language = ${param(filter.language)}`);
    if (filter.since !== undefined) {
      // As in SQLite: on or after `since`, or a coarser date whose period contains it.
      const since = param(filter.since);
      where.push(`(published_value >= ${since} OR left(${since}, length(published_value)) = published_value)`);
    }
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY seq LIMIT ${param(filter.limit ?? null)} OFFSET ${param(filter.offset ?? 0)}`;
    return (await this.scope.rows<ArticleRow>(sql, params)).map(fromRow);
  }

  async after(afterSeq: number, limit: number): Promise<StoredArticle[]> {
    const rows = await this.scope.rows<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit]);
    return rows.map(fromRow);
  }

  async refsAfter(afterSeq: number, limit: number): Promise<ArticleRef[]> {
    return this.scope.rows<ArticleRef>('SELECT id, seq FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
  }

  async lastSeq(): Promise<number> {
    return (await value<number>(this.scope, 'SELECT COALESCE(MAX(seq), 0) FROM articles'))!;
  }

  async count(): Promise<number> {
    return (await value<number>(this.scope, 'SELECT COUNT(*) FROM articles'))!;
  }

  async stats(): Promise<StoreStats> {
    const [totals] = await this.scope.rows<{ articles: number; duplicates: number; first: string | null; last: string | null }>(
      `SELECT COUNT(*) AS articles, COUNT(duplicate_of) AS duplicates,
        MIN(published_value) AS first, MAX(published_value) AS last FROM articles`);
    const byLanguage = await this.scope.rows<{ k: string; n: number }>(
      'SELECT language AS k, COUNT(*) AS n FROM articles GROUP BY language ORDER BY language COLLATE "C"');
    // Grouped by the folded key so "TVN24" and "tvn24" count once, shown as first spelled.
    const bySource = await this.scope.rows<{ k: string; n: number }>(`SELECT MIN(outlet COLLATE "C") AS k, COUNT(*) AS n FROM articles
      WHERE outlet_key IS NOT NULL GROUP BY outlet_key ORDER BY outlet_key`);
    return {
      articles: totals!.articles,
      duplicates: totals!.duplicates,
      byLanguage: Object.fromEntries(byLanguage.map((r) => [r.k, r.n])),
      bySource: Object.fromEntries(bySource.map((r) => [r.k, r.n])),
      ...(totals!.first !== null && { firstPublished: totals!.first }),
      ...(totals!.last !== null && { lastPublished: totals!.last }),
    };
  }
}
