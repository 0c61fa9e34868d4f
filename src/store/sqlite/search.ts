/**
 * The search concern on SQLite FTS5 (migration 005). Compact by design, because it is kept for
 * every article: the FTS table is contentless (it holds the inverted index only, not a copy of
 * the folded columns), its rowid names the sentence (`seq * 65536 + sentence index`), and the
 * sentence offsets live in one small row per article. Hits take their metadata and sentence text
 * from the `articles` table, which is the truth. Query syntax and semantics: src/search/query.ts.
 */
import { compileMatch, parseQuery } from '../../search/query.ts';
import { highlightSpans, highlightTerms, queryLemmas, type HighlightTerms } from '../../search/terms.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, type SearchDocument, type SearchFilters, type SearchHit } from '../../search/types.ts';
import type { Language } from '../../types.ts';
import type { SearchStore } from '../store.ts';
import { decodeText } from './rows.ts';
import type { Scope } from './scope.ts';

/**
 * Sentences per article an FTS rowid can name. Longer articles (a 10 MB input could hold more)
 * are indexed up to it; no news article comes near.
 */
const SENTENCES_PER_ARTICLE = 65_536;

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

export class SqliteSearch implements SearchStore {
  constructor(private readonly scope: Scope) {}

  index(documents: readonly SearchDocument[]): Promise<number> {
    return this.scope.write((db) => {
      const seqOf = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck();
      const known = db.prepare('SELECT 1 FROM search_documents WHERE seq = ?').pluck();
      const insertDocument = db.prepare('INSERT INTO search_documents (seq, offsets) VALUES (?, ?)');
      const insertFts = db.prepare('INSERT INTO search_fts (rowid, surface, lemmas) VALUES (?, ?, ?)');
      let added = 0;
      for (const doc of documents) {
        const seq = seqOf.get(doc.articleId) as number | undefined;
        if (seq === undefined) throw new Error(`search: article ${doc.articleId} is not stored`);
        if (known.get(seq)) continue;
        const sentences = doc.sentences.slice(0, SENTENCES_PER_ARTICLE);
        insertDocument.run(seq, encodeOffsets({ ...doc, sentences }));
        sentences.forEach((s, i) => insertFts.run(seq * SENTENCES_PER_ARTICLE + i, s.surface, s.lemmas));
        added++;
      }
      return added;
    });
  }

  remove(articleId: string): Promise<boolean> {
    return this.scope.write((db) => {
      const seq = db.prepare(`SELECT d.seq FROM search_documents d JOIN articles a ON a.seq = d.seq WHERE a.id = ?`)
        .pluck().get(articleId) as number | undefined;
      if (seq === undefined) return false;
      const first = seq * SENTENCES_PER_ARTICLE;
      db.prepare('DELETE FROM search_fts WHERE rowid >= ? AND rowid < ?').run(first, first + SENTENCES_PER_ARTICLE);
      db.prepare('DELETE FROM search_documents WHERE seq = ?').run(seq);
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
      return `SELECT rowid / ${SENTENCES_PER_ARTICLE} FROM search_fts WHERE search_fts MATCH @c${i}`;
    }).join(' INTERSECT ');
    // bm25 must be computed in the query that MATCHes (MATERIALIZED stops SQLite flattening it
    // into the aggregate); the best sentence per article is then picked by GROUP BY: with max(),
    // SQLite takes the other bare columns from the max row (SQLite docs, "Bare columns in an
    // aggregate query"). FTS5's bm25 is lower-is-better; the sign is flipped.
    const rows = this.scope.read.prepare(`
      WITH m AS MATERIALIZED (
        SELECT rowid / ${SENTENCES_PER_ARTICLE} AS seq, rowid % ${SENTENCES_PER_ARTICLE} AS idx, -bm25(search_fts, ${SURFACE_WEIGHT}, ${LEMMA_WEIGHT}) AS score
        FROM search_fts WHERE search_fts MATCH @any
      )
      SELECT a.id AS article_id, m.idx, max(m.score) AS score, count(*) AS matches,
             a.origin, a.title, a.outlet, a.language, a.published_value AS published, a.text, d.offsets
      FROM m
      JOIN articles a ON a.seq = m.seq
      JOIN search_documents d ON d.seq = m.seq
      WHERE 1 ${filterSql(filters, params)}
      -- Filtering outside m: inside, SQLite may drive the plan from the id list and re-run the
      -- full-text query per row ("Kim Rosja" on 1,000 synthetic articles: 61 → 39 ms).
      ${matches.length > 1 ? `AND m.seq IN (${everyClause})` : ''}
      GROUP BY m.seq
      ORDER BY score DESC, a.id
      LIMIT @limit OFFSET @offset
    `).all(params) as HitRow[];
    const terms = highlightTerms(clauses, queryLemmas);
    return rows.map((row) => hitOf(row, terms));
  }
}

/** A hit row as a SearchHit: the best sentence cut from the text by its offsets, its matched words marked. */
export function hitOf(row: HitRow, terms: HighlightTerms): SearchHit {
  const { start, end } = offsetsAt(row.offsets, row.idx);
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
