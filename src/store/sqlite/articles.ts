/**
 * The articles concern on SQLite: the `articles` table and its near-duplicate band index
 * (migrations 001 and 004). Writers are serialised (write-queue.ts), so `MAX(seq) + 1` inside the
 * write transaction is the next sequence number and commit order is seq order.
 */
import { bandKeys, fingerprint, FINGERPRINT_SIZE } from '../../stories/fingerprint.ts';
import type { Article } from '../../types.ts';
import { findOriginal, type DuplicateCandidate } from '../duplicates.ts';
import {
  AmbiguousIdError, MIN_ID_PREFIX,
  type ArticleFilter, type ArticleRef, type ArticleStore, type SaveOutcome, type StoredArticle, type StoreStats,
} from '../store.ts';
import { ARTICLE_COLUMNS, decodeFingerprint, decodeText, fromRow, inIdOrder, outletKey, toParams, type ArticleRow } from './rows.ts';
import type { Scope, Statements } from './scope.ts';

/**
 * Most candidates read per near-duplicate lookup, earliest first. Unrelated texts share a band
 * with probability ≈ J^8 (under 0.4 % at J = 0.5), so the cap only bites when hundreds of
 * copies of one wire story share keys, and then the earliest, which wins anyway, is kept.
 */
const MAX_DUPLICATE_CANDIDATES = 256;

/** Upper bound of a prefix range: every id starting with `prefix` sorts below prefix + U+10FFFF. */
const PREFIX_END = '\u{10FFFF}';

/** A near-duplicate candidate as both engines read it (src/store/postgres/articles.ts too). */
export interface CandidateRow {
  readonly id: string;
  readonly seq: number;
  readonly duplicate_of: string | null;
  readonly fingerprint: Buffer | null;
  readonly text: string | Buffer;
}

/** The article's MinHash signature, computed from its text when the caller did not. */
export function signatureOf(article: Article): readonly number[] {
  const signature = article.fingerprint ?? fingerprint(article.text);
  if (signature.length !== FINGERPRINT_SIZE) {
    throw new RangeError(`article ${article.id}: fingerprint has ${signature.length} values, expected ${FINGERPRINT_SIZE}`);
  }
  return signature;
}

export class SqliteArticles implements ArticleStore {
  constructor(private readonly scope: Scope) {}

  save(articles: readonly Article[]): Promise<SaveOutcome[]> {
    return this.scope.write((db) => {
      const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
      const insert = db.prepare(`INSERT INTO articles (
          id, seq, origin, format, url, title, published_value, published_precision, language,
          outlet, outlet_key, author, text, removed, duplicate_of, revision_of, source_id, fingerprint, ingested_at)
        VALUES (
          @id, @seq, @origin, @format, @url, @title, @published_value, @published_precision, @language,
          @outlet, @outlet_key, @author, @text, @removed, @duplicate_of, @revision_of, @source_id, @fingerprint, @ingested_at)`);
      const insertBand = db.prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)');
      const latestAtUrl = db.prepare('SELECT id FROM articles WHERE url = ? ORDER BY seq DESC LIMIT 1').pluck();
      let seq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM articles').pluck().get() as number;
      const outcomes: SaveOutcome[] = [];
      for (const article of articles) {
        // Also catches a repeat of an id earlier in this batch: it was inserted a moment ago.
        if (exists.get(article.id)) {
          outcomes.push({ status: 'unchanged', id: article.id });
          continue;
        }
        const signature = signatureOf(article);
        const keys = bandKeys(signature);
        const duplicateOf = article.duplicateOf ?? findOriginal(article.text, signature, this.#candidates(db, keys));
        const revisionOf = article.revisionOf ?? (article.url ? latestAtUrl.get(article.url) as string | undefined : undefined);
        seq++;
        insert.run({ ...toParams(article, signature, duplicateOf, revisionOf), seq });
        for (const key of keys) insertBand.run(key, article.id);
        outcomes.push({
          status: 'stored', id: article.id, seq,
          ...(duplicateOf !== undefined && { duplicateOf }),
          ...(revisionOf !== undefined && { revisionOf }),
        });
      }
      return outcomes;
    });
  }

  #candidates(db: Statements, keys: readonly string[]): DuplicateCandidate[] {
    const lookup = db.prepare(`SELECT id, seq, duplicate_of, fingerprint, text FROM articles
      WHERE id IN (SELECT article_id FROM article_bands WHERE band_key IN (${keys.map(() => '?').join(', ')}))
      ORDER BY seq LIMIT ${MAX_DUPLICATE_CANDIDATES}`);
    return toCandidates(lookup.all(...keys) as CandidateRow[]);
  }

  async get(id: string): Promise<StoredArticle | undefined> {
    const row = this.scope.read.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row && fromRow(row);
  }

  async getMany(ids: readonly string[]): Promise<StoredArticle[]> {
    if (ids.length === 0) return [];
    const rows = this.scope.read.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ArticleRow[];
    return inIdOrder(ids, rows);
  }

  async find(idOrPrefix: string): Promise<StoredArticle | undefined> {
    const exact = await this.get(idOrPrefix);
    if (exact || idOrPrefix.length < MIN_ID_PREFIX) return exact;
    const rows = this.scope.read.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE id >= ? AND id < ? ORDER BY id LIMIT 5`).all(idOrPrefix, idOrPrefix + PREFIX_END) as ArticleRow[];
    if (rows.length > 1) throw new AmbiguousIdError(idOrPrefix, rows.map((r) => r.id));
    return rows[0] && fromRow(rows[0]);
  }

  async byUrl(url: string): Promise<StoredArticle | undefined> {
    const row = this.scope.read.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE url = ? ORDER BY seq DESC LIMIT 1`)
      .get(url) as ArticleRow | undefined;
    return row && fromRow(row);
  }

  async list(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.source !== undefined) {
      where.push('outlet_key = ?');
      params.push(outletKey(filter.source) as string);
    }
    if (filter.sourceId !== undefined) {
      where.push('source_id = ?');
      params.push(filter.sourceId);
    }
    if (filter.language !== undefined) {
      where.push('language = ?');
      params.push(filter.language);
    }
    if (filter.since !== undefined) {
      // ISO prefixes sort as text ('2023-09-12T10:30Z' > '2023-09-12' > '2023-09'). A coarser
      // date whose period contains `since` may be on or after it, so it passes too: a `2023-09`
      // article is kept for since 2023-09-15. Unknown dates (NULL) never pass.
      where.push('(published_value >= ? OR substr(?, 1, length(published_value)) = published_value)');
      params.push(filter.since, filter.since);
    }
    const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ? OFFSET ?`;
    // SQLite reads a negative LIMIT as "no limit".
    params.push(filter.limit ?? -1, filter.offset ?? 0);
    return (this.scope.read.prepare(sql).all(...params) as ArticleRow[]).map(fromRow);
  }

  async after(afterSeq: number, limit: number): Promise<StoredArticle[]> {
    const rows = this.scope.read.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`)
      .all(afterSeq, limit) as ArticleRow[];
    return rows.map(fromRow);
  }

  async refsAfter(afterSeq: number, limit: number): Promise<ArticleRef[]> {
    return this.scope.read.prepare('SELECT id, seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as ArticleRef[];
  }

  async lastSeq(): Promise<number> {
    return this.scope.read.prepare('SELECT COALESCE(MAX(seq), 0) FROM articles').pluck().get() as number;
  }

  async count(): Promise<number> {
    return this.scope.read.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  }

  async stats(): Promise<StoreStats> {
    const read = this.scope.read;
    const totals = read.prepare(`SELECT COUNT(*) AS articles, COUNT(duplicate_of) AS duplicates,
      MIN(published_value) AS first, MAX(published_value) AS last FROM articles`).get() as {
      articles: number; duplicates: number; first: string | null; last: string | null;
    };
    const byLanguage = read.prepare('SELECT language AS k, COUNT(*) AS n FROM articles GROUP BY language ORDER BY language')
      .all() as { k: string; n: number }[];
    // Grouped by the folded key so "TVN24" and "tvn24" count once, shown as first spelled.
    const bySource = read.prepare(`SELECT MIN(outlet) AS k, COUNT(*) AS n FROM articles
      WHERE outlet_key IS NOT NULL GROUP BY outlet_key ORDER BY outlet_key`).all() as { k: string; n: number }[];
    return {
      articles: totals.articles,
      duplicates: totals.duplicates,
      byLanguage: Object.fromEntries(byLanguage.map((r) => [r.k, r.n])),
      bySource: Object.fromEntries(bySource.map((r) => [r.k, r.n])),
      ...(totals.first !== null && { firstPublished: totals.first }),
      ...(totals.last !== null && { lastPublished: totals.last }),
    };
  }
}

/** Candidate rows as the duplicate rule takes them (rows without a fingerprint cannot be compared). */
export function toCandidates(rows: readonly CandidateRow[]): DuplicateCandidate[] {
  return rows
    .filter((row) => row.fingerprint !== null)
    .map((row) => ({
      id: row.id,
      seq: row.seq,
      duplicateOf: row.duplicate_of ?? undefined,
      fingerprint: decodeFingerprint(row.fingerprint as Buffer),
      text: decodeText(row.text),
    }));
}
