/**
 * SearchIndex on SQLite FTS5, with its own tables (prefixed `search_`) in the store's database
 * file, created with IF NOT EXISTS so the store's migrations never need to know about them.
 * Article metadata used by filters is copied into `search_articles`, so a query touches only
 * these tables.
 */
import Database from 'better-sqlite3';
import { openDatabase } from '../store/sqlite/connection.ts';
import type { Article, Language } from '../types.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, type SearchFilters, type SearchHit, type SearchIndex } from './types.ts';
import { compileMatch, parseQuery } from './query.ts';
import { highlightSpans, highlightTerms, indexSentences, queryLemmas } from './terms.ts';

/**
 * Bumped when tokenising, folding or lemmatising changes: an index built by another version
 * would silently miss matches, so it is dropped and rebuilt by the next sync.
 */
export const SEARCH_SCHEMA_VERSION = 1;

/**
 * bm25 column weights (surface, lemmas): an exact word form counts double, so "Putinem" ranks
 * the sentences that say "Putinem" above those that only share the lemma. Chosen by hand on the
 * seeds; tune together with nothing else.
 */
const SURFACE_WEIGHT = 2.0;
const LEMMA_WEIGHT = 1.0;

/**
 * Sentences re-lemmatised on open to detect a changed lemmatiser: 50 take a few milliseconds.
 * A sentence analysed alone may split or start differently than inside its article, changing a
 * lemma or two without any lemmatiser change, so up to 10 % may differ before a rebuild.
 */
const LEMMA_CHECK_SAMPLE = 50;
const LEMMA_CHECK_TOLERANCE = 0.1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS search_articles (
    article_id  TEXT PRIMARY KEY,
    origin      TEXT NOT NULL,
    title       TEXT,
    outlet      TEXT,
    outlet_key  TEXT,
    language    TEXT NOT NULL,
    published   TEXT
  );
  CREATE INDEX IF NOT EXISTS search_articles_outlet ON search_articles (outlet_key);
  CREATE TABLE IF NOT EXISTS search_sentences (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES search_articles (article_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS search_sentences_article ON search_sentences (article_id);
  -- Text arrives folded already; prefix indexes make 'woj*' cheap (FTS5 docs, "Prefix Indexes").
  CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    surface, lemmas, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
  );
`;

const DROP = `
  DROP TABLE IF EXISTS search_fts;
  DROP TABLE IF EXISTS search_sentences;
  DROP TABLE IF EXISTS search_articles;
  DELETE FROM search_meta;
`;

interface HitRow {
  readonly article_id: string;
  readonly idx: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly score: number;
  readonly matches: number;
  readonly origin: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly language: string;
  readonly published: string | null;
}

export interface SqliteSearchOptions {
  /** Open without writing (no schema creation); searching a missing index then fails. */
  readonly readonly?: boolean;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(limit)));
}

function filterSql(filters: SearchFilters, params: Record<string, unknown>): string {
  const where: string[] = [];
  if (filters.language) {
    where.push('a.language = @language');
    params.language = filters.language;
  }
  if (filters.source) {
    where.push('a.outlet_key = @source');
    params.source = filters.source.toLowerCase();
  }
  // Date prefixes compare at the filter's own precision: until '2023-09' keeps '2023-09-30'.
  if (filters.since) {
    where.push('substr(a.published, 1, length(@since)) >= @since');
    params.since = filters.since;
  }
  if (filters.until) {
    where.push('substr(a.published, 1, length(@until)) <= @until');
    params.until = filters.until;
  }
  if (filters.articleIds) {
    where.push('a.article_id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(filters.articleIds);
  }
  return where.length ? `AND ${where.join(' AND ')}` : '';
}

class SqliteSearchIndex implements SearchIndex {
  readonly #db: Database.Database;
  readonly #ownsDb: boolean;

  constructor(db: Database.Database, ownsDb: boolean, readonly: boolean) {
    this.#db = db;
    this.#ownsDb = ownsDb;
    if (!readonly) this.#ensureSchema();
  }

  #ensureSchema(): void {
    this.#db.transaction(() => {
      this.#db.exec(SCHEMA);
      const row = this.#db.prepare(`SELECT value FROM search_meta WHERE key = 'version'`).get() as { value: string } | undefined;
      if (row && Number(row.value) === SEARCH_SCHEMA_VERSION && !this.#lemmasStale()) return;
      if (row) {
        this.#db.exec(DROP);
        this.#db.exec(SCHEMA);
      }
      this.#db.prepare(`INSERT OR REPLACE INTO search_meta (key, value) VALUES ('version', ?)`).run(String(SEARCH_SCHEMA_VERSION));
    }).immediate();
  }

  /**
   * True when the lemmatiser now lemmatises indexed sentences differently (the text layer
   * changed since the index was built): lemma queries would then silently miss. Re-lemmatises
   * a sample of indexed sentences and compares, so no version number has to be bumped by hand.
   */
  #lemmasStale(): boolean {
    const sample = this.#db.prepare(`
      SELECT s.text, f.lemmas, a.language FROM search_sentences s
      JOIN search_fts f ON f.rowid = s.id JOIN search_articles a ON a.article_id = s.article_id
      ORDER BY s.id LIMIT ${LEMMA_CHECK_SAMPLE}`).all() as { text: string; lemmas: string; language: Language }[];
    if (sample.length === 0) return false;
    const differing = sample.filter((row) =>
      indexSentences(row.text, row.language).map((x) => x.lemmas).join(' ') !== row.lemmas).length;
    return differing / sample.length > LEMMA_CHECK_TOLERANCE;
  }

  indexArticles(articles: Iterable<Article>): number {
    const known = this.#db.prepare('SELECT 1 FROM search_articles WHERE article_id = ?').pluck();
    const insertArticle = this.#db.prepare(
      `INSERT INTO search_articles (article_id, origin, title, outlet, outlet_key, language, published)
       VALUES (@id, @origin, @title, @outlet, @outletKey, @language, @published)`,
    );
    const insertSentence = this.#db.prepare(
      'INSERT INTO search_sentences (article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
    );
    const insertFts = this.#db.prepare('INSERT INTO search_fts (rowid, surface, lemmas) VALUES (?, ?, ?)');
    return this.#db.transaction(() => {
      let added = 0;
      const seen = new Set<string>();
      for (const article of articles) {
        if (seen.has(article.id) || known.get(article.id)) continue;
        seen.add(article.id);
        insertArticle.run({
          id: article.id, origin: article.origin, title: article.title ?? null,
          outlet: article.outlet ?? null, outletKey: article.outlet?.toLowerCase() ?? null,
          language: article.language, published: article.published?.value ?? null,
        });
        for (const s of indexSentences(article.text, article.language)) {
          const { lastInsertRowid } = insertSentence.run(article.id, s.index, s.start, s.end, s.text);
          insertFts.run(lastInsertRowid, s.surface, s.lemmas);
        }
        added++;
      }
      return added;
    }).immediate();
  }

  removeArticle(id: string): boolean {
    return this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_sentences WHERE article_id = ?)').run(id);
      this.#db.prepare('DELETE FROM search_sentences WHERE article_id = ?').run(id);
      return this.#db.prepare('DELETE FROM search_articles WHERE article_id = ?').run(id).changes > 0;
    }).immediate();
  }

  indexedIds(ids: readonly string[]): Set<string> {
    const rows = this.#db
      .prepare('SELECT article_id FROM search_articles WHERE article_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)) as string[];
    return new Set(rows);
  }

  countArticles(): number {
    return this.#db.prepare('SELECT COUNT(*) FROM search_articles').pluck().get() as number;
  }

  search(query: string, filters: SearchFilters = {}): SearchHit[] {
    const clauses = parseQuery(query);
    const matches = compileMatch(clauses, queryLemmas);
    if (matches.length === 0) return [];
    const params: Record<string, unknown> = {
      any: matches.join(' OR '), limit: clampLimit(filters.limit), offset: Math.max(0, Math.floor(filters.offset ?? 0)),
    };
    // Rows are sentences but an article matches when it holds every clause somewhere: intersect
    // the articles matching each clause, then rank their sentences matching any clause.
    const everyClause = matches.map((match, i) => {
      params[`c${i}`] = match;
      return `SELECT s.article_id FROM search_fts JOIN search_sentences s ON s.id = search_fts.rowid WHERE search_fts MATCH @c${i}`;
    }).join(' INTERSECT ');
    // bm25 must be computed in the query that MATCHes (MATERIALIZED stops SQLite flattening it
    // into the aggregate); the best sentence per article is then picked by GROUP BY: with max(),
    // SQLite takes the other bare columns from the max row (SQLite docs, "Bare columns in an
    // aggregate query"). FTS5's bm25 is lower-is-better; the sign is flipped.
    const rows = this.#db.prepare(`
      WITH m AS MATERIALIZED (
        SELECT s.article_id, s.idx, s.start, s."end", s.text,
               -bm25(search_fts, ${SURFACE_WEIGHT}, ${LEMMA_WEIGHT}) AS score,
               a.origin, a.title, a.outlet, a.language, a.published
        FROM search_fts
        JOIN search_sentences s ON s.id = search_fts.rowid
        JOIN search_articles a ON a.article_id = s.article_id
        WHERE search_fts MATCH @any ${filterSql(filters, params)}
      )
      SELECT article_id, idx, start, "end", text, max(score) AS score, count(*) AS matches,
             origin, title, outlet, language, published
      FROM m
      -- Filtering here, not inside m: there SQLite may drive the plan from the id list and
      -- re-run the full-text query per row ("Kim Rosja" on 1,000 synthetic articles: 61 → 39 ms).
      ${matches.length > 1 ? `WHERE article_id IN (${everyClause})` : ''}
      GROUP BY article_id
      ORDER BY score DESC, article_id
      LIMIT @limit OFFSET @offset
    `).all(params) as HitRow[];
    const terms = highlightTerms(clauses, queryLemmas);
    return rows.map((row) => ({
      articleId: row.article_id,
      origin: row.origin,
      ...(row.title !== null && { title: row.title }),
      ...(row.outlet !== null && { outlet: row.outlet }),
      language: row.language as Language,
      ...(row.published !== null && { published: row.published }),
      score: row.score,
      matches: row.matches,
      sentence: { index: row.idx, start: row.start, end: row.end, text: row.text },
      highlights: highlightSpans(row.text, row.language as Language, terms),
    }));
  }

  close(): void {
    if (this.#ownsDb) this.#db.close();
  }
}

/**
 * A search index on an open better-sqlite3 connection (not closed by `close()`).
 * @example const index = createSqliteSearchIndex(new Database(':memory:'))
 */
export function createSqliteSearchIndex(db: Database.Database, options: SqliteSearchOptions = {}): SearchIndex {
  return new SqliteSearchIndex(db, false, options.readonly ?? false);
}

/**
 * Opens the search index kept in the database file at `path` (usually the store's file).
 * @example const index = openSqliteSearchIndex(resolveDbPath(flags.db)); index.search('Putin')
 */
export function openSqliteSearchIndex(path: string, options: SqliteSearchOptions = {}): SearchIndex {
  const readonly = options.readonly ?? false;
  return openDatabase(path, readonly, (db) => new SqliteSearchIndex(db, true, readonly));
}
