/**
 * The embedded default Store on better-sqlite3 (issue 3 #5, #6, #9).
 *
 * Crash safety comes from SQLite itself: WAL journal, one IMMEDIATE transaction per
 * `saveArticles` call, so a killed process leaves either the whole batch or none of it.
 * `synchronous=NORMAL` is enough in WAL mode: a SIGKILL cannot lose or corrupt a committed
 * transaction; only a power cut may drop the last few commits (never corrupt the file), a
 * trade the SQLite docs recommend for WAL in exchange for not syncing on every commit.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { bandKeys, fingerprint, FINGERPRINT_SIZE } from '../../stories/fingerprint.ts';
import type { Article } from '../../types.ts';
import { findOriginal, type DuplicateCandidate } from '../duplicates.ts';
import {
  AmbiguousIdError, MIN_ID_PREFIX,
  type ArticleFilter, type DeliveryOutcome, type SaveOutcome, type Store, type StoreStats,
  type Watch, type WatchMatch, type WatchSpec,
} from '../legacy.ts';
import { openDatabase } from './connection.ts';
import { assertCurrent, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { ARTICLE_COLUMNS, decodeFingerprint, fromRow, outletKey, toParams, type ArticleRow } from './rows.ts';
import { WATCH_COLUMNS, watchFromRow, watchMatchFromRow, type WatchMatchRow, type WatchRow } from './watch-rows.ts';

export interface SqliteStoreOptions {
  /** Open an existing, fully migrated file without writing to it (no migrations, no WAL switch). */
  readonly readonly?: boolean;
}

/**
 * Most candidates read per near-duplicate lookup, earliest first. Unrelated texts share a band
 * with probability ≈ J^8 (under 0.4 % at J = 0.5), so the cap only bites when hundreds of
 * copies of one wire story share keys, and then the earliest, which wins anyway, is kept.
 */
const MAX_DUPLICATE_CANDIDATES = 256;

/** Upper bound of a prefix range: every id starting with `prefix` sorts below prefix + U+10FFFF. */
const PREFIX_END = '\u{10FFFF}';

/**
 * Opens (creating and migrating if needed) the SQLite store at `path`.
 * @example const store = openSqliteStore(resolveDbPath(flags.db)); store.saveArticles(batch); store.close();
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  return openDatabase(path, readonly, (db) => {
    if (readonly) assertCurrent(db, MIGRATIONS);
    else migrate(db, MIGRATIONS);
    return new SqliteStore(db, readonly);
  });
}

interface CandidateRow {
  readonly id: string;
  readonly seq: number;
  readonly duplicate_of: string | null;
  readonly fingerprint: Buffer | null;
  readonly text: string;
}

class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #readonly: boolean;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database, readonly: boolean) {
    this.#db = db;
    this.#readonly = readonly;
  }

  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  saveArticles(articles: readonly Article[]): SaveOutcome[] {
    const exists = this.#prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
    const insert = this.#prepare(`INSERT INTO articles (
        id, seq, origin, format, url, title, published_value, published_precision, language,
        outlet, outlet_key, author, text, removed, duplicate_of, fingerprint, ingested_at)
      VALUES (
        @id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles), @origin, @format, @url, @title,
        @published_value, @published_precision, @language, @outlet, @outlet_key, @author, @text,
        @removed, @duplicate_of, @fingerprint, @ingested_at)`);
    const insertBand = this.#prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)');

    const save = this.#db.transaction((batch: readonly Article[]): SaveOutcome[] => {
      const outcomes: SaveOutcome[] = [];
      for (const article of batch) {
        // Also catches a repeat of an id earlier in this batch: it was inserted a moment ago.
        if (exists.get(article.id)) {
          outcomes.push({ status: 'unchanged', id: article.id });
          continue;
        }
        const signature = signatureOf(article);
        const keys = bandKeys(signature);
        const duplicateOf = article.duplicateOf ?? findOriginal(article.text, signature, this.#candidates(keys));
        insert.run(toParams(article, signature, duplicateOf));
        for (const key of keys) insertBand.run(key, article.id);
        outcomes.push(duplicateOf === undefined
          ? { status: 'stored', id: article.id }
          : { status: 'stored', id: article.id, duplicateOf });
      }
      return outcomes;
    });
    // IMMEDIATE: take the write lock up front so a concurrent writer waits (busy_timeout)
    // instead of failing on a read-to-write lock upgrade halfway through the batch.
    return save.immediate(articles);
  }

  #candidates(keys: readonly string[]): DuplicateCandidate[] {
    const lookup = this.#prepare(`SELECT id, seq, duplicate_of, fingerprint, text FROM articles
      WHERE id IN (SELECT article_id FROM article_bands WHERE band_key IN (${keys.map(() => '?').join(', ')}))
      ORDER BY seq LIMIT ${MAX_DUPLICATE_CANDIDATES}`);
    const rows = lookup.all(...keys) as CandidateRow[];
    return rows
      .filter((row) => row.fingerprint !== null)
      .map((row) => ({
        id: row.id,
        seq: row.seq,
        duplicateOf: row.duplicate_of ?? undefined,
        fingerprint: decodeFingerprint(row.fingerprint as Buffer),
        text: row.text,
      }));
  }

  getArticle(id: string): Article | undefined {
    const row = this.#prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow | undefined;
    return row && fromRow(row);
  }

  findArticle(idOrPrefix: string): Article | undefined {
    const exact = this.getArticle(idOrPrefix);
    if (exact || idOrPrefix.length < MIN_ID_PREFIX) return exact;
    const rows = this.#prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles
      WHERE id >= ? AND id < ? ORDER BY id LIMIT 5`).all(idOrPrefix, idOrPrefix + PREFIX_END) as ArticleRow[];
    if (rows.length > 1) throw new AmbiguousIdError(idOrPrefix, rows.map((r) => r.id));
    return rows[0] && fromRow(rows[0]);
  }

  listArticles(filter: ArticleFilter = {}): Article[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.source !== undefined) {
      where.push('outlet_key = ?');
      params.push(outletKey(filter.source) as string);
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
    return (this.#prepare(sql).all(...params) as ArticleRow[]).map(fromRow);
  }

  *iterateArticles(): Iterable<Article> {
    // A fresh statement: better-sqlite3 forbids running a statement that is mid-iteration, and
    // callers may nest another listing inside the loop.
    const statement = this.#db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY seq`);
    for (const row of statement.iterate() as IterableIterator<ArticleRow>) yield fromRow(row);
  }

  countArticles(): number {
    return this.#prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  }

  stats(): StoreStats {
    const totals = this.#prepare(`SELECT COUNT(*) AS articles, COUNT(duplicate_of) AS duplicates,
      MIN(published_value) AS first, MAX(published_value) AS last FROM articles`).get() as {
      articles: number; duplicates: number; first: string | null; last: string | null;
    };
    const byLanguage = this.#prepare('SELECT language AS k, COUNT(*) AS n FROM articles GROUP BY language ORDER BY language')
      .all() as { k: string; n: number }[];
    // Grouped by the folded key so "TVN24" and "tvn24" count once, shown as first spelled.
    const bySource = this.#prepare(`SELECT MIN(outlet) AS k, COUNT(*) AS n FROM articles
      WHERE outlet_key IS NOT NULL GROUP BY outlet_key ORDER BY outlet_key`).all() as { k: string; n: number }[];
    const stats: { -readonly [K in keyof StoreStats]: StoreStats[K] } = {
      articles: totals.articles,
      duplicates: totals.duplicates,
      byLanguage: Object.fromEntries(byLanguage.map((r) => [r.k, r.n])),
      bySource: Object.fromEntries(bySource.map((r) => [r.k, r.n])),
    };
    if (totals.first !== null) stats.firstPublished = totals.first;
    if (totals.last !== null) stats.lastPublished = totals.last;
    return stats;
  }

  readState(name: string): unknown {
    const json = this.#prepare('SELECT value FROM stage_state WHERE name = ?').pluck().get(name) as string | undefined;
    return json === undefined ? undefined : JSON.parse(json);
  }

  updateState<T>(name: string, update: (current: unknown) => T): T {
    const write = this.#prepare(`INSERT INTO stage_state (name, value, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    // IMMEDIATE takes the write lock before reading, so a concurrent writer waits instead of
    // overwriting state it never saw.
    return this.#db.transaction(() => {
      const next = update(this.readState(name));
      write.run(name, JSON.stringify(next), new Date().toISOString());
      return next;
    }).immediate();
  }

  addWatch(spec: WatchSpec, createdAt: string): Watch {
    // 8 hex digits: short enough to type in `watch remove`, and a clash among a few hundred
    // watches has odds under 1e-5; the primary key would reject one anyway.
    const id = randomBytes(4).toString('hex');
    this.#prepare(`INSERT INTO watches (id, query, language, source, webhook, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`).run(id, spec.query, spec.language ?? null, spec.source ?? null, spec.webhook ?? null, createdAt);
    return this.getWatch(id) as Watch;
  }

  getWatch(id: string): Watch | undefined {
    const row = this.#prepare(`SELECT ${WATCH_COLUMNS} FROM watches w WHERE id = ?`).get(id) as WatchRow | undefined;
    return row && watchFromRow(row);
  }

  listWatches(): Watch[] {
    return (this.#prepare(`SELECT ${WATCH_COLUMNS} FROM watches w ORDER BY created_at, id`).all() as WatchRow[]).map(watchFromRow);
  }

  removeWatch(id: string): boolean {
    return this.#prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
  }

  recordWatchMatches(watchId: string, matches: readonly { articleId: string; sentence: string }[], at: string): string[] {
    const insert = this.#prepare(`INSERT OR IGNORE INTO watch_matches (watch_id, article_id, sentence, status, matched_at)
      VALUES (?, ?, ?, 'pending', ?)`);
    return this.#db.transaction(() =>
      matches.filter((m) => insert.run(watchId, m.articleId, m.sentence, at).changes > 0).map((m) => m.articleId),
    ).immediate();
  }

  pendingWatchMatches(watchId: string): WatchMatch[] {
    const rows = this.#prepare(`SELECT watch_id, article_id, sentence, attempts, last_error, matched_at FROM watch_matches
      WHERE watch_id = ? AND status = 'pending' ORDER BY matched_at, rowid`).all(watchId) as WatchMatchRow[];
    return rows.map(watchMatchFromRow);
  }

  claimWatchMatch(watchId: string, at: string, until: string): WatchMatch | undefined {
    const next = this.#prepare(`SELECT watch_id, article_id, sentence, attempts, last_error, matched_at FROM watch_matches
      WHERE watch_id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
      ORDER BY matched_at, rowid LIMIT 1`);
    const claim = this.#prepare('UPDATE watch_matches SET claimed_until = ? WHERE watch_id = ? AND article_id = ?');
    // IMMEDIATE: the read and the claim happen under the write lock, so two processes never
    // both see the same match as free.
    return this.#db.transaction(() => {
      const row = next.get(watchId, at) as WatchMatchRow | undefined;
      if (row) claim.run(until, watchId, row.article_id);
      return row && watchMatchFromRow(row);
    }).immediate();
  }

  recordDelivery(watchId: string, articleId: string, outcome: DeliveryOutcome, at: string): void {
    this.#db.transaction(() => {
      if (outcome.status === 'delivered') {
        this.#prepare(`UPDATE watch_matches SET status = 'delivered', attempts = attempts + 1, last_error = NULL,
          delivered_at = ?, claimed_until = NULL WHERE watch_id = ? AND article_id = ?`).run(at, watchId, articleId);
        this.#prepare('UPDATE watches SET last_fired = ?, last_error = NULL WHERE id = ?').run(at, watchId);
      } else {
        this.#prepare(`UPDATE watch_matches SET attempts = attempts + ?, last_error = ?, claimed_until = NULL
          WHERE watch_id = ? AND article_id = ?`).run(outcome.attempts, outcome.error, watchId, articleId);
        this.#prepare('UPDATE watches SET failures = failures + ?, last_error = ? WHERE id = ?')
          .run(outcome.attempts, outcome.error, watchId);
      }
    }).immediate();
  }

  close(): void {
    if (!this.#db.open) return;
    // Lets SQLite refresh planner statistics for the indexes this session used; cheap (SQLite docs).
    if (!this.#readonly) this.#db.pragma('optimize');
    this.#db.close();
  }
}

/** The article's MinHash signature, computed from its text when the caller did not. */
function signatureOf(article: Article): readonly number[] {
  const signature = article.fingerprint ?? fingerprint(article.text);
  if (signature.length !== FINGERPRINT_SIZE) {
    throw new RangeError(`article ${article.id}: fingerprint has ${signature.length} values, expected ${FINGERPRINT_SIZE}`);
  }
  return signature;
}
