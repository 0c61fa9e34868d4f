/**
 * 009: fewer bytes per stored article, nothing lost, as SQLite's 009
 * (src/store/sqlite/migrations/009-compact.ts; docs/SCHEMA.md):
 * - analyses: every payload rewritten in the codec's current format (src/store/codec.ts; lemmas
 *   as edits of their words), each decoded and encoded again, so what reads back is what was stored;
 * - near-duplicate bands lose their index by article (articles are never deleted; lookups go by
 *   band key, the primary key);
 * - search sentences lose their (seq, idx) primary key, 4 % of the index's bytes: nothing looks a
 *   sentence up by it, and a sentence is inserted only with its new document (search.ts), so it
 *   guarded nothing. Removing a document's sentences (ON DELETE CASCADE) finds them through a
 *   BRIN index on seq, a few pages for the whole table, since sentences arrive in seq order.
 */
import type pg from 'pg';
import { compactLemmas } from '../../../analysis/stored.ts';
import { decodePayload, encodePayload, isCurrentPayload } from '../../codec.ts';
import { ARTICLE_COLUMNS, fromRow, type ArticleRow } from '../../sqlite/rows.ts';

export const up = `
  DROP INDEX IF EXISTS article_bands_article;
  ALTER TABLE search_sentences DROP CONSTRAINT IF EXISTS search_sentences_pkey;
  CREATE INDEX search_sentences_seq ON search_sentences USING brin (seq);
`;

/** Rows rewritten per round trip; bounds memory on a large store. */
const PAGE = 500;

export async function convert(client: pg.ClientBase): Promise<void> {
  for (let after = ''; ;) {
    const { rows } = await client.query<ArticleRow & { payload: Buffer }>(
      `SELECT ${ARTICLE_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}, n.payload FROM analyses n JOIN articles a ON a.id = n.article_id
       WHERE n.article_id > $1 ORDER BY n.article_id LIMIT $2`, [after, PAGE]);
    if (rows.length === 0) return;
    const stale = rows.filter((r) => !isCurrentPayload(r.payload));
    if (stale.length > 0) {
      await client.query(`UPDATE analyses a SET payload = u.payload FROM unnest($1::text[], $2::bytea[]) AS u (id, payload)
        WHERE a.article_id = u.id`, [stale.map((r) => r.id), stale.map((r) => encodePayload(compactLemmas(fromRow(r), decodePayload(r.payload))))]);
    }
    after = rows[rows.length - 1]!.id;
  }
}
