/** bytea[] parameters sent as binary arrays (src/store/postgres/binary.ts) read back byte for byte. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteaArray } from '../../../src/store/postgres/binary.ts';
import { admin, createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';

test('a bytea[] parameter as a binary array: every element, empty, null, any byte, in order', { skip: postgresSkip() }, async () => {
  const database = await createTestDatabase();
  try {
    const large = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256));
    const values = [Buffer.from([0, 1, 2, 0x5c, 0x22, 0x7b, 0xff]), Buffer.alloc(0), null, large, new Uint8Array([9, 8, 7])];
    const rows = await admin(database.url, async (c) => (await c.query<{ v: Buffer | null; i: string }>(
      'SELECT v, i FROM unnest($1::bytea[]) WITH ORDINALITY AS u (v, i) ORDER BY i', [byteaArray(values)])).rows);
    assert.deepEqual(rows.map((r) => r.v), values.map((v) => (v === null ? null : Buffer.from(v))));
    const empty = await admin(database.url, async (c) => (await c.query<{ n: number }>(
      'SELECT cardinality($1::bytea[]) AS n', [byteaArray([])])).rows[0]!.n);
    assert.equal(empty, 0);
    const text = await admin(database.url, async (c) => (await c.query<{ same: boolean }>(
      'SELECT $1::bytea[] = $2::bytea[] AS same', [byteaArray(values), values])).rows[0]!.same);
    assert.equal(text, true, 'the same array as node-postgres\'s text literal');
  } finally {
    await database.drop();
  }
});
