/**
 * 012: the story tables in fewer bytes (docs/BENCHMARKS.md, bytes):
 * - the story index's postings packed, consecutive key ids of a level and kind in one row
 *   (src/store/postgres/story-postings.ts says how), instead of a row per key: a posting is a few
 *   bytes, its row and key entry 100 B;
 * - story members lose their index by article: every lookup by article names the level too and
 *   goes by the primary key (level, article_id) (src/store/postgres/story-readers.ts,
 *   story-backend.ts).
 * The old rows are read in key order and written packed by the same code the engine's writes use.
 */
import type pg from 'pg';
import type { StoryLevel } from '../../../stories/options.ts';
import type { KeyKind } from '../../../stories/rows.ts';
import { writePostings } from '../story-postings.ts';

export const up = `
  DROP INDEX IF EXISTS story_members_article;
  ALTER TABLE story_postings RENAME TO story_posting_rows;
  ALTER TABLE story_posting_rows RENAME CONSTRAINT story_postings_pkey TO story_posting_rows_pkey;
  ALTER TABLE story_posting_rows RENAME CONSTRAINT story_postings_kind_check TO story_posting_rows_kind_check;
  CREATE TABLE story_postings (
    level    text NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('term', 'entity')),
    chunk    integer NOT NULL,
    postings bytea NOT NULL,
    PRIMARY KEY (level, kind, chunk)
  );
`;

/** Old rows read per round trip; bounds memory on a large store. */
const PAGE = 5000;

export async function convert(client: pg.ClientBase): Promise<void> {
  for (let after: [string, string, number] = ['', '', -1]; ;) {
    const { rows } = await client.query<{ level: StoryLevel; kind: KeyKind; keyId: number; slots: Buffer }>(
      `SELECT level, kind, key_id AS "keyId", slots FROM story_posting_rows WHERE (level, kind, key_id) > ($1, $2, $3)
       ORDER BY level, kind, key_id LIMIT $4`, [...after, PAGE]);
    if (rows.length === 0) break;
    await writePostings(client, rows);
    const last = rows[rows.length - 1]!;
    after = [last.level, last.kind, last.keyId];
  }
  await client.query('DROP TABLE story_posting_rows');
}
