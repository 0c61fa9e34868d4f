/**
 * 012: the story tables in fewer bytes (docs/BENCHMARKS.md, bytes):
 * - the story index's postings packed, consecutive key ids of a level and kind in one row
 *   (src/store/postgres/story-postings.ts says how), instead of a row per key: a posting is a few
 *   bytes, its row and key entry 100 B;
 * - story members lose their index by article: every lookup by article names the level too and
 *   goes by the primary key (level, article_id) (src/store/postgres/story-readers.ts,
 *   story-backend.ts);
 * - a story's engine state and a centroid are stored deflated, as SQLite's 009 stores them
 *   (src/store/sqlite/story-backend.ts `packStoryBlob`): pglz compressed a centroid (3.8 KB of
 *   ids and float sums) to 2.8 KB where deflate does better, and left states under 2 KB as they
 *   were. STORAGE EXTERNAL: PostgreSQL does not try to compress them again.
 * The old postings are read in key order and written packed by the same code the engine's writes
 * use; states and centroids are deflated in pages.
 */
import type pg from 'pg';
import type { StoryLevel } from '../../../stories/options.ts';
import type { KeyKind } from '../../../stories/rows.ts';
import { packStoryBlob } from '../../sqlite/story-backend.ts';
import { writePostings } from '../story-postings.ts';

export const up = `
  DROP INDEX IF EXISTS story_members_article;
  ALTER TABLE stories ALTER COLUMN state TYPE bytea USING convert_to(state, 'UTF8');
  ALTER TABLE stories ALTER COLUMN state SET STORAGE EXTERNAL;
  ALTER TABLE story_centroids ALTER COLUMN centroid SET STORAGE EXTERNAL;
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
  await packPostings(client);
  await deflate(client, 'stories', 'id', 'state');
  await deflate(client, 'story_centroids', 'story_id', 'centroid');
}

/** Rewrites every value of `column` deflated, in pages by `key`. */
async function deflate(client: pg.ClientBase, table: string, key: string, column: string): Promise<void> {
  for (let after = ''; ;) {
    const { rows } = await client.query<{ key: string; value: Buffer }>(
      `SELECT ${key} AS key, ${column} AS value FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT $2`, [after, PAGE]);
    if (rows.length === 0) return;
    await client.query(`UPDATE ${table} t SET ${column} = u.value FROM unnest($1::text[], $2::bytea[]) AS u (key, value) WHERE t.${key} = u.key`,
      [rows.map((r) => r.key), rows.map((r) => packStoryBlob(r.value))]);
    after = rows[rows.length - 1]!.key;
  }
}

async function packPostings(client: pg.ClientBase): Promise<void> {
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
