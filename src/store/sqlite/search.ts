/**
 * The search concern on SQLite FTS5 (migration 009). Compact by design, because it is kept for
 * every article: the FTS table is contentless (it holds the inverted index only, not a copy of
 * the folded columns), and its rowids are dense — an article's sentences take the next free run
 * of rowids, and `search_documents` (keyed by the first rowid of the run) says whose they are
 * and where each sentence sits in the text. Dense rowids keep each posting's rowid delta to a
 * byte or two (a `seq * 65536 + index` rowid, as migration 005 had it, cost 3–4 bytes a posting:
 * the index was 25 % larger; docs/BENCHMARKS.md, bytes). A matching sentence finds its document
 * by one seek (the last document starting at or before it). Hits take their metadata and
 * sentence text from the `articles` table, which is the truth. Query syntax and semantics:
 * src/search/query.ts.
 */
import { compileMatch, parseQuery } from '../../search/query.ts';
import { highlightSpans, highlightTerms, queryLemmas, type HighlightTerms } from '../../search/terms.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, type SearchDocument, type SearchFilters, type SearchHit } from '../../search/types.ts';
import type Database from 'better-sqlite3';
import type { Language } from '../../types.ts';
import type { SearchStore } from '../store.ts';
import { decodeText } from './rows.ts';
import { pushVarint, VarintReader } from '../varint.ts';
import type { Scope } from './scope.ts';

/**
 * A column of the document a search_fts rowid belongs to, as a subquery: of the last run starting
 * at or before it (one seek), NULL when the rowid lies past that run's sentences.
 */
function documentOf(rowid: string, column: 'first' | 'seq'): string {
  return `(SELECT CASE WHEN ${rowid} < d.first + d.sentences THEN d.${column} END
    FROM search_documents d WHERE d.first <= ${rowid} ORDER BY d.first DESC LIMIT 1)`;
}
const SENTENCE_COUNT = 'd.sentences';

/** Leaf pages of segment merging done after each indexed batch (FTS5's 'merge' command). */
const MERGE_PAGES = 500;

/**
 * bm25 column weights (surface, lemmas): an exact word form counts double, so "Putinem" ranks
 * the sentences that say "Putinem" above those that only share the lemma. Chosen by hand on the
 * seeds; tune together with nothing else.
 */
const SURFACE_WEIGHT = 2.0;
const LEMMA_WEIGHT = 1.0;

/** A hit as both engines' queries answer it (src/store/postgres/search.ts reads the same columns). */
export interface HitRow {
  readonly article_id: string;
  readonly idx: number;
  readonly score: number;
  readonly matches: number;
  readonly origin: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly language: string;
  readonly published: string | null;
  readonly text: string | Buffer;
  readonly offsets: Buffer;
}

/** Sentence offsets as [start, end] uint32 pairs, little-endian (a file reads the same anywhere). */
export function encodeOffsets(doc: Pick<SearchDocument, 'sentences'>): Buffer {
  const buffer = Buffer.alloc(doc.sentences.length * 8);
  doc.sentences.forEach((s, i) => {
    buffer.writeUInt32LE(s.start, i * 8);
    buffer.writeUInt32LE(s.end, i * 8 + 4);
  });
  return buffer;
}

function offsetsAt(buffer: Buffer, index: number): { start: number; end: number } {
  return { start: buffer.readUInt32LE(index * 8), end: buffer.readUInt32LE(index * 8 + 4) };
}

/**
 * Sentence offsets as SQLite keeps them: per sentence, its distance from the previous sentence's
 * end and its length, as unsigned LEB128 varints — a byte or two each where the uint32 pairs take
 * eight (sentences follow one another, so both numbers are small).
 */
export function encodeSpans(doc: Pick<SearchDocument, 'sentences'>): Buffer {
  const bytes: number[] = [];
  let previous = 0;
  for (const s of doc.sentences) {
    pushVarint(bytes, s.start - previous);
    pushVarint(bytes, s.end - s.start);
    previous = s.end;
  }
  return Buffer.from(bytes);
}

/** Offsets of sentence `index` from encodeSpans bytes (read from the start: an article has tens of sentences). */
export function spanAt(buffer: Buffer, index: number): { start: number; end: number } {
  const varints = new VarintReader(buffer);
  let end = 0;
  for (let i = 0; ; i++) {
    const start = end + varints.next();
    end = start + varints.next();
    if (i === index) return { start, end };
  }
}

export function clampLimit(limit: number | undefined): number {
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
    where.push('substr(a.published_value, 1, length(@since)) >= @since');
    params.since = filters.since;
  }
  if (filters.until) {
    where.push('substr(a.published_value, 1, length(@until)) <= @until');
    params.until = filters.until;
  }
  if (filters.articleIds) {
    where.push('a.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(filters.articleIds);
  }
  return where.length ? `AND ${where.join(' AND ')}` : '';
}

/**
 * Adds the documents not indexed yet, each in the next free run of rowids; returns how many were
 * added. Also migration 009's way of rebuilding the index.
 */
export function indexDocuments(db: { prepare(sql: string): Database.Statement }, documents: readonly SearchDocument[]): number {
  const seqOf = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck();
  const known = db.prepare('SELECT 1 FROM search_documents WHERE seq = ?').pluck();
  // The run after the last one (runs never overlap, so the last by `first` ends last); an
  // article without sentences still takes one rowid, so every document has a first of its own.
  const next = db.prepare(`SELECT first + max(1, ${SENTENCE_COUNT}) FROM search_documents d ORDER BY first DESC LIMIT 1`).pluck();
  const insertDocument = db.prepare('INSERT INTO search_documents (first, seq, sentences, offsets) VALUES (?, ?, ?, ?)');
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, surface, lemmas) VALUES (?, ?, ?)');
  let added = 0;
  let first = (next.get() as number | undefined) ?? 1;
  for (const doc of documents) {
    const seq = seqOf.get(doc.articleId) as number | undefined;
    if (seq === undefined) throw new Error(`search: article ${doc.articleId} is not stored`);
    if (known.get(seq)) continue;
    insertDocument.run(first, seq, doc.sentences.length, encodeSpans(doc));
    doc.sentences.forEach((s, i) => insertFts.run(first + i, s.surface, s.lemmas));
    first += Math.max(1, doc.sentences.length);
    added++;
  }
  // Bounded merge work after each batch keeps the index near one segment as it grows (a fresh
  // 1,000-article store: 5 % smaller than leaving it to FTS5's automerge).
  if (added > 0) db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ${MERGE_PAGES})`).run();
  return added;
}

export class SqliteSearch implements SearchStore {
  constructor(private readonly scope: Scope) {}

  index(documents: readonly SearchDocument[]): Promise<number> {
    return this.scope.write((db) => indexDocuments(db, documents));
  }

  remove(articleId: string): Promise<boolean> {
    return this.scope.write((db) => {
      const doc = db.prepare(`SELECT d.first, ${SENTENCE_COUNT} AS sentences FROM search_documents d JOIN articles a ON a.seq = d.seq WHERE a.id = ?`)
        .get(articleId) as { first: number; sentences: number } | undefined;
      if (doc === undefined) return false;
      db.prepare('DELETE FROM search_fts WHERE rowid >= ? AND rowid < ?').run(doc.first, doc.first + doc.sentences);
      db.prepare('DELETE FROM search_documents WHERE first = ?').run(doc.first);
      return true;
    });
  }

  async indexed(articleIds: readonly string[]): Promise<Set<string>> {
    const rows = this.scope.read.prepare(`SELECT a.id FROM articles a JOIN search_documents d ON d.seq = a.seq
      WHERE a.id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(articleIds)) as string[];
    return new Set(rows);
  }

  async count(): Promise<number> {
    return this.scope.read.prepare('SELECT COUNT(*) FROM search_documents').pluck().get() as number;
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
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
      return `SELECT ${documentOf('search_fts.rowid', 'seq')} FROM search_fts WHERE search_fts MATCH @c${i}`;
    }).join(' INTERSECT ');
    // bm25 must be computed in the query that MATCHes (MATERIALIZED stops SQLite flattening it
    // into the aggregate); the best sentence per article is then picked by GROUP BY: with max(),
    // SQLite takes the other bare columns from the max row (SQLite docs, "Bare columns in an
    // aggregate query"). FTS5's bm25 is lower-is-better; the sign is flipped. Sentences are
    // grouped by document before the article rows are joined, so only one row per matching
    // article carries its text through the sort (2026-12: ~1.6× faster on a 1,000-article store).
    const rows = this.scope.read.prepare(`
      WITH m AS MATERIALIZED (
        SELECT rowid AS r, -bm25(search_fts, ${SURFACE_WEIGHT}, ${LEMMA_WEIGHT}) AS score
        FROM search_fts WHERE search_fts MATCH @any
      ), best AS MATERIALIZED (
        SELECT first, r - first AS idx, max(score) AS score, count(*) AS matches
        FROM (SELECT ${documentOf('m.r', 'first')} AS first, m.r, m.score FROM m)
        WHERE first IS NOT NULL
        GROUP BY first
      )
      SELECT a.id AS article_id, best.idx, best.score, best.matches,
             a.origin, a.title, a.outlet, a.language, a.published_value AS published, a.text, d.offsets
      FROM best
      JOIN search_documents d ON d.first = best.first
      JOIN articles a ON a.seq = d.seq
      WHERE 1 ${filterSql(filters, params)}
      -- Filtering outside m: inside, SQLite may drive the plan from the id list and re-run the
      -- full-text query per row ("Kim Rosja" on 1,000 synthetic articles: 61 → 39 ms).
      ${matches.length > 1 ? `AND d.seq IN (${everyClause})` : ''}
      ORDER BY best.score DESC, a.id
      LIMIT @limit OFFSET @offset
    `).all(params) as HitRow[];
    const terms = highlightTerms(clauses, queryLemmas);
    return rows.map((row) => hitOf(row, terms, spanAt));
  }
}

/** A hit row as a SearchHit: the best sentence cut from the text by its offsets, its matched words marked. */
export function hitOf(row: HitRow, terms: HighlightTerms, spanOf = offsetsAt): SearchHit {
  const { start, end } = spanOf(row.offsets, row.idx);
  const text = decodeText(row.text).slice(start, end);
  return {
    articleId: row.article_id,
    origin: row.origin,
    ...(row.title !== null && { title: row.title }),
    ...(row.outlet !== null && { outlet: row.outlet }),
    language: row.language as Language,
    ...(row.published !== null && { published: row.published }),
    score: row.score,
    matches: row.matches,
    sentence: { index: row.idx, start, end, text },
    highlights: highlightSpans(text, row.language as Language, terms),
  };
}
