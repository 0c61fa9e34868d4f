/**
 * Packed story postings on PostgreSQL (src/store/postgres/story-postings.ts, migration 012): what
 * is written reads back byte for byte, empty postings included; a write keeps the other keys of
 * its row; a database with a row per posting comes through migration 012 with every posting, and
 * its stories' states and centroids deflated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import pg from 'pg';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../../src/store/postgres/migrations/index.ts';
import { KEYS_PER_ROW, packPostings, readPostings, unpackPostings, writePostings } from '../../../src/store/postgres/story-postings.ts';
import { PostgresStoryBackend } from '../../../src/store/postgres/story-backend.ts';
import type { PostingRow } from '../../../src/stories/rows.ts';
import { admin, createTestDatabase, postgresSkip, withDatabase } from '../../helpers/postgres.ts';

const slots = (...values: number[]) => {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => out.writeInt32LE(v, i * 4));
  return out;
};

test('a row of postings unpacks to what was packed, in key order, long and empty slots included', () => {
  const chunk = 3;
  const entries = [
    { keyId: chunk * KEYS_PER_ROW + 31, slots: slots(...Array.from({ length: 40 }, (_, i) => i)) },
    { keyId: chunk * KEYS_PER_ROW, slots: slots(7) },
    { keyId: chunk * KEYS_PER_ROW + 5, slots: Buffer.alloc(0) },
  ];
  const back = unpackPostings(chunk, packPostings(entries));
  assert.deepEqual(back.map((e) => [e.keyId, Buffer.from(e.slots).toString('hex')]),
    [...entries].sort((a, b) => a.keyId - b.keyId).map((e) => [e.keyId, e.slots.toString('hex')]));
});

/** Rows enough to span several packed rows of every level and kind, with gaps between key ids. */
function postings(): PostingRow[] {
  const rows: PostingRow[] = [];
  for (const level of ['event', 'storyline'] as const) {
    for (const kind of ['term', 'entity'] as const) {
      for (let keyId = 1; keyId < 150; keyId += kind === 'term' ? 2 : 7) rows.push({ level, kind, keyId, slots: slots(...Array.from({ length: keyId % 5 }, (_, i) => keyId * 10 + i)) });
    }
  }
  return rows;
}

const hex = (rows: readonly PostingRow[]) => rows.map((r) => `${r.level}:${r.kind}:${r.keyId}:${Buffer.from(r.slots).toString('hex')}`).sort();

test('migration 012 packs every posting and deflates states and centroids; reads and writes after it give back what was written', { skip: postgresSkip() }, async () => {
  const helper = await createTestDatabase();
  const server = new URL(helper.url);
  const name = `kronika_m012_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(server.toString(), name);
  await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`CREATE DATABASE ${name}`));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrate(client, MIGRATIONS.filter((m) => m.version < 12));
    const rows = postings();
    // As the code before 012 stored them: a row per posting.
    await client.query(`INSERT INTO story_postings (level, kind, key_id, slots) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bytea[])`,
      [rows.map((r) => r.level), rows.map((r) => r.kind), rows.map((r) => r.keyId), rows.map((r) => r.slots)]);
    // A story and its centroid as 006 stored them: plain.
    const state = JSON.stringify({ terms: Array.from({ length: 50 }, (_, i) => `termin-${i}`) });
    const centroid = Buffer.from(Array.from({ length: 600 }, (_, i) => i % 7));
    await client.query(`INSERT INTO stories (id, level, slot, size, independent, slack_days, touched, state)
      VALUES ('ev-1', 'event', 0, 1, 1, 0, 1, $1)`, [state]);
    await client.query(`INSERT INTO story_centroids (story_id, weighted_at, centroid) VALUES ('ev-1', 1, $1)`, [centroid]);
    await migrate(client, MIGRATIONS);
    const [story] = await new PostgresStoryBackend(client).readStories(['ev-1']);
    assert.equal(story?.story.state, state, 'the state reads back');
    assert.equal(Buffer.from(story!.centroid!.centroid).toString('hex'), centroid.toString('hex'), 'the centroid reads back');
    const { rows: [stored] } = await client.query<{ state: Buffer; centroid: Buffer }>(
      `SELECT s.state, c.centroid FROM stories s JOIN story_centroids c ON c.story_id = s.id`);
    assert.equal(inflateRawSync(stored!.state).toString('utf8'), state, 'stored deflated');
    assert.ok(stored!.centroid.length < centroid.length / 2, 'the centroid deflated');

    const read = async (level: 'event' | 'storyline', kind: 'term' | 'entity', keyIds: number[]) => readPostings(client, level, kind, keyIds);
    const every = async () => [
      ...await read('event', 'term', Array.from({ length: 200 }, (_, i) => i)), ...await read('event', 'entity', Array.from({ length: 200 }, (_, i) => i)),
      ...await read('storyline', 'term', Array.from({ length: 200 }, (_, i) => i)), ...await read('storyline', 'entity', Array.from({ length: 200 }, (_, i) => i)),
    ];
    assert.deepEqual(hex(await every()), hex(rows), 'every posting after the migration');
    const { rows: [{ n }] } = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM story_postings');
    assert.ok(Number(n) < rows.length / 4, `${n} packed rows for ${rows.length} postings`);

    assert.deepEqual(hex(await read('event', 'term', [3, 4, 999])), hex(rows.filter((r) => r.level === 'event' && r.kind === 'term' && r.keyId === 3)),
      'only the keys asked for, none for keys without a posting');
    // A write replaces its keys, adds new ones and keeps the rest of their rows.
    const changed: PostingRow[] = [
      { level: 'event', kind: 'term', keyId: 3, slots: slots(1, 2, 3) },
      { level: 'event', kind: 'term', keyId: 4, slots: Buffer.alloc(0) },
      { level: 'storyline', kind: 'entity', keyId: 500, slots: slots(9) },
    ];
    await writePostings(client, changed);
    const expected = [...rows.filter((r) => !(r.level === 'event' && r.kind === 'term' && r.keyId === 3)), ...changed.filter((r) => r.keyId < 200)];
    assert.deepEqual(hex(await every()), hex(expected));
    assert.deepEqual(hex(await read('storyline', 'entity', [500])), hex([changed[2]!]));
  } finally {
    await client.end();
    await admin(withDatabase(server.toString(), 'postgres'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await helper.drop();
  }
});
