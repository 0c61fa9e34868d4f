/**
 * 014: the search index as postings (src/store/postgres/search-postings.ts says how), in place of
 * 005's one tsvector per sentence under a GIN index: 12.4 KB an article on a 1,000-article store,
 * most of it the vectors themselves (docs/BENCHMARKS.md, "PostgreSQL search as postings").
 *
 * Conversion, from the stored vectors (nothing is analysed again): every document gets a
 * document id in `seq` order and its sentence lengths (positions per vector, what ts_rank
 * divides by); every lexeme's positions and weights become its postings, a segment per page of
 * documents, merged as the engine merges them; then the sentence table goes.
 */
import type pg from 'pg';
import { encodeLengths, mergeSegments, writeSegment, type DocumentPostings, type SentencePostings } from '../search-postings.ts';

export const up = `
  CREATE SEQUENCE search_document_ids;
  ALTER TABLE search_documents ADD COLUMN doc bigint, ADD COLUMN lengths bytea;
  CREATE TABLE search_segments (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    level integer NOT NULL
  );
  CREATE TABLE search_postings (
    segment    bigint NOT NULL,
    first_term text COLLATE "C" NOT NULL,
    block      bytea NOT NULL,
    PRIMARY KEY (segment, first_term)
  );
`;

/** Documents converted per segment and round trip. */
const PAGE = 500;

export async function convert(client: pg.ClientBase): Promise<void> {
  for (let after = -1; ;) {
    const { rows: docs } = await client.query<{ seq: string }>(
      'SELECT seq FROM search_documents WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
    if (docs.length === 0) break;
    after = Number(docs[docs.length - 1]!.seq);
    const seqs = docs.map((d) => d.seq);
    const { rows: lexemes } = await client.query<{ seq: string; idx: number; lexeme: string; positions: number[]; weights: string[] }>(`
      SELECT s.seq, s.idx, u.lexeme, u.positions, u.weights FROM search_sentences s, unnest(s.terms) AS u
      WHERE s.seq = ANY($1::bigint[]) ORDER BY s.seq, s.idx`, [seqs]);
    const { rows: ids } = await client.query<{ seq: string; doc: string }>(`
      UPDATE search_documents d SET doc = nextval('search_document_ids') FROM unnest($1::bigint[]) AS u (seq)
      WHERE d.seq = u.seq RETURNING d.seq, d.doc`, [seqs]);
    const docOf = new Map(ids.map((r) => [r.seq, Number(r.doc)]));
    const lengths = new Map<string, number[]>(seqs.map((s) => [s, []]));
    const postings = new Map<string, Map<number, SentencePostings[]>>();
    for (const { seq, idx, lexeme, positions, weights } of lexemes) {
      const perSentence = lengths.get(seq)!;
      while (perSentence.length <= idx) perSentence.push(0);
      perSentence[idx] += positions.length;
      const a = positions.filter((_, i) => weights[i] === 'A');
      const b = positions.filter((_, i) => weights[i] !== 'A');
      let byDoc = postings.get(lexeme);
      if (!byDoc) postings.set(lexeme, byDoc = new Map());
      const doc = docOf.get(seq)!;
      byDoc.set(doc, [...byDoc.get(doc) ?? [], { idx, a, b }]);
    }
    await client.query(`UPDATE search_documents d SET lengths = u.lengths FROM unnest($1::bigint[], $2::bytea[]) AS u (seq, lengths)
      WHERE d.seq = u.seq`, [seqs, seqs.map((s) => encodeLengths(lengths.get(s)!))]);
    const segment = new Map<string, DocumentPostings[]>();
    for (const [lexeme, byDoc] of postings) {
      segment.set(lexeme, [...byDoc].sort((x, y) => x[0] - y[0]).map(([doc, sentences]) => ({ doc, sentences })));
    }
    await writeSegment(client, 0, segment);
    await mergeSegments(client);
  }
  await client.query(`
    ALTER TABLE search_documents ALTER COLUMN doc SET NOT NULL, ALTER COLUMN lengths SET NOT NULL;
    CREATE UNIQUE INDEX search_documents_doc ON search_documents (doc);
    DROP TABLE search_sentences;
  `);
}
