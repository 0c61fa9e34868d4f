/**
 * The search concern as PostgreSQL stored and read it before migration 013 (migrations 005–012:
 * one tsvector per sentence under a GIN index, ranked by ts_rank in the server), kept to write
 * stores the way that code did and to hold the postings of src/store/postgres/search.ts to its
 * answers (test/store/postgres/migrate-search.test.ts, migrate-bytes.test.ts).
 */
import { clauseTerms, parseQuery, type ClauseTerms } from '../../../src/search/query.ts';
import { highlightTerms, queryLemmas } from '../../../src/search/terms.ts';
import type { SearchDocument, SearchFilters, SearchHit } from '../../../src/search/types.ts';
import { clampLimit, encodeSpans, hitOf, spanAt, type HitRow } from '../../../src/store/sqlite/search.ts';
import { rowsOf } from '../../../src/store/postgres/scope.ts';
import { filterConditions, PostgresSearch } from '../../../src/store/postgres/search.ts';

/** ts_rank weights, in its order {D, C, B, A} (each at most 1): surface words (A) count twice the lemmas (B). */
const RANK_WEIGHTS = '{0, 0, 0.5, 1}';

/** PostgreSQL refuses lexemes of 2 KB and more; longer "words" are not searchable text anyway. */
const MAX_LEXEME_BYTES = 2000;

/** Last tsvector position PostgreSQL keeps; later words would all share it. */
const MAX_POSITION = 16_383;

const PART_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The parts FTS5's unicode61 tokenizer would make of folded words. */
function parts(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split(PART_SEPARATOR)).filter(Boolean);
}

/** A lexeme quoted for tsvector and tsquery input: quotes and backslashes doubled. */
function lexeme(part: string): string {
  return `'${part.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function fits(part: string): boolean {
  return Buffer.byteLength(part) <= MAX_LEXEME_BYTES;
}

/**
 * The tsvector input of one sentence: words at 1…n (A), lemmas at n+2… (B).
 * @example sentenceVector('jechal pociagiem', 'jechac pociag') // → "'jechal':1A 'pociagiem':2A 'jechac':4B 'pociag':5B"
 */
export function sentenceVector(surface: string, lemmas: string): string {
  const words = parts([surface]);
  const entries: string[] = [];
  words.forEach((part, i) => {
    if (fits(part) && i + 1 <= MAX_POSITION) entries.push(`${lexeme(part)}:${i + 1}A`);
  });
  parts([lemmas]).forEach((part, i) => {
    const position = words.length + 2 + i;
    if (fits(part) && position <= MAX_POSITION) entries.push(`${lexeme(part)}:${position}B`);
  });
  return entries.join(' ');
}

/** `'a':A <-> 'b':A`, the last part a prefix when asked. */
function phrase(words: readonly string[], weight: 'A' | 'B', prefix: boolean): string | undefined {
  const list = parts(words).filter(fits);
  if (list.length === 0) return undefined;
  return list.map((p, i) => `${lexeme(p)}:${prefix && i === list.length - 1 ? '*' : ''}${weight}`).join(' <-> ');
}

/**
 * One clause as a tsquery: its words in the surface positions, or any lemma alternative in the
 * lemma positions (src/search/query.ts decides which words those are).
 */
export function clauseQuery(terms: ClauseTerms): string | undefined {
  const options = [
    phrase(terms.surface, 'A', terms.prefix),
    ...terms.lemmas.map((words) => phrase(words, 'B', terms.prefix)),
  ].filter((q): q is string => q !== undefined);
  return options.length ? `(${[...new Set(options)].map((q) => `(${q})`).join(' | ')})` : undefined;
}

/** Its own index and search; remove, indexed and count are the current class's (search_documents stayed). */
export class SentenceSearch extends PostgresSearch {
  override index(documents: readonly SearchDocument[]): Promise<number> {
    // The first document of an article counts, as if the batch were indexed one by one.
    const first = new Map<string, SearchDocument>();
    for (const doc of documents) if (!first.has(doc.articleId)) first.set(doc.articleId, doc);
    const batch = [...first.values()];
    if (batch.length === 0) return Promise.resolve(0);
    const sentences = batch.flatMap((doc) => doc.sentences.map((s, i) => ({ id: doc.articleId, idx: i, terms: sentenceVector(s.surface, s.lemmas) })));
    return this.scope.write(async (db) => {
      // One statement for the whole batch: the documents not indexed yet, then their sentences
      // (a data-modifying WITH; the sentences' foreign key is checked at the statement's end).
      const [row] = await rowsOf<{ added: number; missing: string | null }>(db, `
        WITH docs AS (
          INSERT INTO search_documents (seq, offsets)
          SELECT a.seq, d.offsets FROM unnest($1::text[], $2::bytea[]) AS d (id, offsets) JOIN articles a ON a.id = d.id
          ON CONFLICT DO NOTHING RETURNING seq
        ), sentences AS (
          INSERT INTO search_sentences (seq, idx, terms)
          SELECT a.seq, s.idx, s.terms::tsvector FROM unnest($3::text[], $4::int[], $5::text[]) AS s (id, idx, terms)
          JOIN articles a ON a.id = s.id WHERE a.seq IN (SELECT seq FROM docs)
        )
        SELECT (SELECT COUNT(*) FROM docs) AS added,
          (SELECT MIN(u.id) FROM unnest($1::text[]) AS u (id) WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = u.id)) AS missing`,
      [batch.map((d) => d.articleId), batch.map(encodeSpans), sentences.map((s) => s.id), sentences.map((s) => s.idx), sentences.map((s) => s.terms)]);
      if (row!.missing !== null) throw new Error(`search: article ${row!.missing} is not stored`);
      return row!.added;
    });
  }

  override async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const clauses = parseQuery(query).filter((c) => c.words.length > 0);
    const queries = clauses.map((c) => clauseQuery(clauseTerms(c, queryLemmas))).filter((q): q is string => q !== undefined);
    if (queries.length === 0) return [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const any = param(queries.join(' | '));
    // Rows are sentences, but an article matches when it holds every clause somewhere: intersect
    // the articles matching each clause, then rank their sentences matching any clause.
    const everyClause = queries.length > 1
      ? `AND seq IN (${queries.map((q) => `SELECT seq FROM search_sentences WHERE terms @@ ${param(q)}::tsquery`).join(' INTERSECT ')})`
      : '';
    const where = filterConditions(filters, param);
    const rows = await this.scope.rows<HitRow>(`
      WITH m AS (
        SELECT seq, idx, ts_rank('${RANK_WEIGHTS}', terms, ${any}::tsquery, 1) AS score
        FROM search_sentences WHERE terms @@ ${any}::tsquery ${everyClause}
      ), best AS (
        SELECT DISTINCT ON (seq) seq, idx, score, COUNT(*) OVER (PARTITION BY seq) AS matches
        FROM m ORDER BY seq, score DESC, idx
      )
      SELECT a.id AS article_id, best.idx, best.score, best.matches,
             a.origin, a.title, a.outlet, a.language, a.published_value AS published, a.text, d.offsets
      FROM best
      JOIN articles a ON a.seq = best.seq
      JOIN search_documents d ON d.seq = best.seq
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY best.score DESC, a.id
      LIMIT ${param(clampLimit(filters.limit))} OFFSET ${param(Math.max(0, Math.floor(filters.offset ?? 0)))}
    `, params);
    const terms = highlightTerms(clauses, queryLemmas);
    return rows.map((row) => hitOf(row, terms, spanAt));
  }
}
