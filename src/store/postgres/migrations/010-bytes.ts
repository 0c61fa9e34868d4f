/**
 * 010: fewer bytes per stored article on PostgreSQL, nothing lost (docs/BENCHMARKS.md, bytes):
 * - an article's text is stored deflated, as SQLite stores it (src/store/sqlite/rows.ts
 *   `encodeText`): TOAST compresses only rows over 2 KB, and with pglz, so the text took
 *   3.4 KB an article where SQLite's row takes 2.3; STORAGE EXTERNAL keeps PostgreSQL from
 *   compressing it a second time;
 * - the search index's pending list is held to 1 MB: GIN gathers new entries there until it is
 *   merged into the index, and the default 4 MB stayed allocated (the index of a 1,000-article
 *   store took 5.9 KB an article as written; 3.5 with 1 MB, for 12 % more time to index; 2.7 with
 *   256 kB, for 56 % more). Smaller, it also costs less to read: every search scans it. The
 *   index is rebuilt once, in one pass (3.2 KB an article on that store);
 * - an analysis stays in its row up to a page (`toast_tuple_target`): its payload is compressed
 *   already (src/store/codec.ts), and moved out to TOAST past 2 KB it cost a pointer, a chunk
 *   header and a TOAST index entry (2,043 → 1,895 B an article when rewritten). Rows written from
 *   now on; older ones stay where they are until a `VACUUM FULL analyses`;
 * - a search document's sentence offsets are varints, as SQLite keeps them
 *   (src/store/sqlite/search.ts `encodeSpans`), instead of 8 bytes a sentence.
 */
import type pg from 'pg';
import { encodeText } from '../../sqlite/rows.ts';
import { encodeSpans } from '../../sqlite/search.ts';

export const up = `
  ALTER TABLE articles ALTER COLUMN text TYPE bytea USING convert_to(text, 'UTF8');
  ALTER TABLE articles ALTER COLUMN text SET STORAGE EXTERNAL;
  ALTER INDEX search_sentences_terms SET (gin_pending_list_limit = 1024);
  REINDEX INDEX search_sentences_terms;
  ALTER TABLE analyses SET (toast_tuple_target = 8160);
`;

/** Articles rewritten per round trip; bounds memory on a large store. */
const PAGE = 500;

/** Deflates every article's text, which `up` left as plain UTF-8 bytes, and rewrites sentence offsets as varints. */
export async function convert(client: pg.ClientBase): Promise<void> {
  await deflateTexts(client);
  await compactOffsets(client);
}

async function deflateTexts(client: pg.ClientBase): Promise<void> {
  for (let after = -1; ;) {
    const { rows } = await client.query<{ seq: number; text: Buffer }>(
      'SELECT seq, text FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
    if (rows.length === 0) return;
    await client.query(`UPDATE articles a SET text = u.text FROM unnest($1::bigint[], $2::bytea[]) AS u (seq, text) WHERE a.seq = u.seq`,
      [rows.map((r) => r.seq), rows.map((r) => encodeText(r.text.toString('utf8')))]);
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** Offsets as [start, end] uint32 pairs (little-endian), as 005 stored them. */
function pairsOf(offsets: Buffer): { start: number; end: number }[] {
  return Array.from({ length: offsets.length / 8 }, (_, i) => ({ start: offsets.readUInt32LE(i * 8), end: offsets.readUInt32LE(i * 8 + 4) }));
}

async function compactOffsets(client: pg.ClientBase): Promise<void> {
  for (let after = -1; ;) {
    const { rows } = await client.query<{ seq: number; offsets: Buffer }>(
      'SELECT seq, offsets FROM search_documents WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
    if (rows.length === 0) return;
    const spans = rows.map((r) => encodeSpans({ sentences: pairsOf(r.offsets).map((span, index) => ({ ...span, index, surface: '', lemmas: '' })) }));
    await client.query(`UPDATE search_documents d SET offsets = u.offsets FROM unnest($1::bigint[], $2::bytea[]) AS u (seq, offsets) WHERE d.seq = u.seq`,
      [rows.map((r) => r.seq), spans]);
    after = Number(rows[rows.length - 1]!.seq);
  }
}
