/**
 * 013: analysis digests, as SQLite's 010 (src/store/sqlite/migrations/010-digests.ts;
 * docs/SCHEMA.md): an article's entity forms as one deflated blob and its time entries as rows,
 * written by `analyses.put` with the analysis, filled here from every analysis already stored.
 * The blob is deflated already: STORAGE EXTERNAL keeps PostgreSQL from trying again.
 */
import type pg from 'pg';
import { decodePayload } from '../../codec.ts';
import { DIGEST_PAGE } from '../../digest.ts';
import { decodeText } from '../../sqlite/rows.ts';
import { writeDigests } from '../analyses.ts';

export const up = `
  CREATE TABLE analysis_entities (
    seq   bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    forms bytea NOT NULL
  );
  ALTER TABLE analysis_entities ALTER COLUMN forms SET STORAGE EXTERNAL;
  CREATE TABLE analysis_times (
    seq   bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx   smallint NOT NULL,
    value text COLLATE "C" NOT NULL,
    start integer NOT NULL,
    PRIMARY KEY (seq, idx)
  );
  CREATE INDEX analysis_times_value ON analysis_times (value);
`;

export async function convert(client: pg.ClientBase): Promise<void> {
  for (let after = ''; ;) {
    const { rows } = await client.query<{ id: string; seq: number; text: Buffer | string; payload: Buffer }>(
      `SELECT a.id, a.seq, a.text, n.payload FROM analyses n JOIN articles a ON a.id = n.article_id
       WHERE n.article_id > $1 ORDER BY n.article_id LIMIT $2`, [after, DIGEST_PAGE]);
    if (rows.length === 0) return;
    await writeDigests(client, rows.map((r) => ({ seq: Number(r.seq), text: decodeText(r.text), payload: decodePayload(r.payload) })));
    after = rows[rows.length - 1]!.id;
  }
}
