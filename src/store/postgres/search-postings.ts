/**
 * The layout of PostgreSQL's search index since migration 013: an inverted index of Kronika's
 * own, contentless as SQLite's FTS5 table is (src/store/sqlite/search.ts). Per term and segment
 * one row holds the term's postings — which documents, which sentences, at which positions — as
 * varints; a search reads the rows of its query's terms only, never a copy of every matching
 * sentence (005's one tsvector per sentence took 12.4 KB an article, of which 8.8 KB were the
 * vectors the GIN index pointed at; docs/BENCHMARKS.md, "PostgreSQL search as postings").
 *
 * Positions are the ones 005's sentence tsvector gave each lexeme (src/store/postgres/search.ts
 * `sentenceTerms`): words at 1…n with weight A, lemmas at n+2… with weight B, at most 256 a
 * lexeme, none past 16,383 — so phrases, weights and ts_rank come out as they did.
 *
 * Segments: each indexed batch writes one, at level 0; when a level holds MERGE_FANIN segments
 * they are merged into one a level up (the postings of removed documents dropped on the way), as
 * FTS5 merges its b-tree segments. A term has as many rows as segments hold it.
 */
import { pushVarint, VarintReader } from '../varint.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, type Queryable } from './scope.ts';

/** One lexeme in one sentence: its positions with weight A (surface words) and B (lemmas), each ascending. */
export interface Occurrences {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

export interface SentencePostings extends Occurrences {
  readonly idx: number;
}

/** One document's postings of one term. */
export interface DocumentPostings {
  readonly doc: number;
  readonly sentences: readonly SentencePostings[];
}

/**
 * A term's postings as one row stores them, documents ascending: per document the distance from
 * the previous one and its sentence count; per sentence a header (distance from the previous
 * sentence × 4 + the counts' code: 0 = one A and one B position, 1 = one A, 2 = one B, 3 = the
 * counts follow as varints), then every position as its distance from the one before.
 */
export function encodePostings(docs: readonly DocumentPostings[]): Buffer {
  const bytes: number[] = [];
  let previousDoc = 0;
  for (const { doc, sentences } of docs) {
    pushVarint(bytes, doc - previousDoc);
    pushVarint(bytes, sentences.length);
    previousDoc = doc;
    let previousIdx = 0;
    for (const { idx, a, b } of sentences) {
      const code = a.length === 1 && b.length === 1 ? 0 : a.length === 1 && b.length === 0 ? 1 : a.length === 0 && b.length === 1 ? 2 : 3;
      pushVarint(bytes, (idx - previousIdx) * 4 + code);
      previousIdx = idx;
      if (code === 3) {
        pushVarint(bytes, a.length);
        pushVarint(bytes, b.length);
      }
      let previous = 0;
      for (const p of a) {
        pushVarint(bytes, p - previous);
        previous = p;
      }
      for (const p of b) {
        pushVarint(bytes, p - previous);
        previous = p;
      }
    }
  }
  return Buffer.from(bytes);
}

function positions(varints: VarintReader, count: number, from: number): number[] {
  const list = new Array<number>(count);
  for (let i = 0, p = from; i < count; i++) list[i] = p += varints.next();
  return list;
}

export function decodePostings(bytes: Uint8Array): DocumentPostings[] {
  const varints = new VarintReader(bytes);
  const docs: DocumentPostings[] = [];
  for (let doc = 0; varints.at < bytes.length;) {
    doc += varints.next();
    const count = varints.next();
    const sentences: SentencePostings[] = [];
    for (let i = 0, idx = 0; i < count; i++) {
      const header = varints.next();
      idx += Math.floor(header / 4);
      const code = header % 4;
      const na = code === 3 ? varints.next() : code === 2 ? 0 : 1;
      const nb = code === 3 ? varints.next() : code === 1 ? 0 : 1;
      const a = positions(varints, na, 0);
      const b = positions(varints, nb, a.length ? a[a.length - 1]! : 0);
      sentences.push({ idx, a, b });
    }
    docs.push({ doc, sentences });
  }
  return docs;
}

/** Sentence lengths as ts_rank counts them (positions in the sentence), one varint a sentence. */
export function encodeLengths(lengths: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (const n of lengths) pushVarint(bytes, n);
  return Buffer.from(bytes);
}

export function decodeLengths(bytes: Uint8Array): number[] {
  const varints = new VarintReader(bytes);
  const lengths: number[] = [];
  while (varints.at < bytes.length) lengths.push(varints.next());
  return lengths;
}

/** Segments of one level merged into one of the next (FTS5 merges 4 or more). */
export const MERGE_FANIN = 4;

/** Terms read per round trip of a merge; bounds memory on a large store. */
const MERGE_PAGE = 2000;

/** Writes a new segment of `level` holding `postings` (term → documents ascending); returns its id. */
export async function writeSegment(db: Queryable, level: number, postings: ReadonlyMap<string, readonly DocumentPostings[]>): Promise<void> {
  if (postings.size === 0) return;
  const [{ id }] = await rowsOf<{ id: string }>(db, 'INSERT INTO search_segments (level) VALUES ($1) RETURNING id', [level]) as [{ id: string }];
  const terms = [...postings.keys()];
  for (let i = 0; i < terms.length; i += MERGE_PAGE) {
    const page = terms.slice(i, i + MERGE_PAGE);
    await db.query('INSERT INTO search_postings (term, segment, postings) SELECT t, $1, p FROM unnest($2::text[], $3::bytea[]) AS u (t, p)',
      [id, page, page.map((t) => encodePostings(postings.get(t)!))]);
  }
}

/**
 * Merges segments while a level holds MERGE_FANIN of them, oldest first, under an advisory lock
 * so two writers never merge the same segments. Runs inside the caller's transaction.
 */
export async function mergeSegments(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.searchMerge]);
  for (;;) {
    const [full] = await rowsOf<{ level: number; ids: string[] }>(db, `SELECT level, (array_agg(id ORDER BY id))[1:${MERGE_FANIN}] AS ids
      FROM search_segments GROUP BY level HAVING COUNT(*) >= ${MERGE_FANIN} ORDER BY level LIMIT 1`);
    if (!full) return;
    await mergeInto(db, full.ids.map(Number), full.level + 1);
  }
}

/** One merge: the segments' rows read term by term, documents no longer indexed left out. */
async function mergeInto(db: Queryable, segments: readonly number[], level: number): Promise<void> {
  const [{ id }] = await rowsOf<{ id: string }>(db, 'INSERT INTO search_segments (level) VALUES ($1) RETURNING id', [level]) as [{ id: string }];
  for (let after = '', done = false; !done;) {
    const rows = await rowsOf<{ term: string; postings: Buffer }>(db, `SELECT term, postings FROM search_postings
      WHERE segment = ANY($1::bigint[]) AND term > $2 ORDER BY term, segment LIMIT ${MERGE_PAGE}`, [segments, after]);
    done = rows.length < MERGE_PAGE;
    // A page may end inside a term's rows: that term waits for the next page.
    const last = rows[rows.length - 1]?.term;
    const merged = new Map<string, DocumentPostings[]>();
    for (const row of rows) {
      if (!done && row.term === last) break;
      const list = merged.get(row.term) ?? [];
      list.push(...decodePostings(row.postings));
      merged.set(row.term, list);
    }
    if (merged.size === 0) {
      if (!done) throw new Error(`search: term ${last} has more than ${MERGE_PAGE} rows`);
      break;
    }
    const docs = [...new Set([...merged.values()].flatMap((list) => list.map((d) => d.doc)))];
    const live = new Set((await rowsOf<{ doc: string }>(db, 'SELECT doc FROM search_documents WHERE doc = ANY($1::bigint[])', [docs])).map((r) => Number(r.doc)));
    const terms: string[] = [];
    const blobs: Buffer[] = [];
    for (const [term, list] of merged) {
      const kept = list.filter((d) => live.has(d.doc)).sort((x, y) => x.doc - y.doc);
      if (kept.length === 0) continue;
      terms.push(term);
      blobs.push(encodePostings(kept));
    }
    await db.query('INSERT INTO search_postings (term, segment, postings) SELECT t, $1, p FROM unnest($2::text[], $3::bytea[]) AS u (t, p)', [id, terms, blobs]);
    after = [...merged.keys()].pop()!;
  }
  await db.query('DELETE FROM search_postings WHERE segment = ANY($1::bigint[])', [segments]);
  await db.query('DELETE FROM search_segments WHERE id = ANY($1::bigint[])', [segments]);
}
