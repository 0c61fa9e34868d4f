/**
 * The story index's postings on PostgreSQL, packed (migration 012): one row holds the postings of
 * up to `KEYS_PER_ROW` consecutive key ids of one level and kind, instead of a row per key. A
 * posting is a few bytes (1.6 story slots on average on the 1,000-article bench store), so a row
 * of its own — 24 B of header, two text columns and a primary-key entry — cost eight times its
 * slots (docs/BENCHMARKS.md, bytes).
 *
 * A row's `postings` is, per key in key order: the key's place in the row (one byte), the length of
 * its slots (a varint) and the slots as the engine gave them (src/stories/rows.ts `PostingRow`).
 * A key written with no slots keeps an entry of length 0, so reads give back exactly what was
 * written. Writes read the rows they change and write them whole, in the writer's transaction.
 */
import type { StoryLevel } from '../../stories/options.ts';
import type { KeyKind, PostingRow } from '../../stories/rows.ts';
import { pushVarint, VarintReader } from '../varint.ts';
import { rowsOf, type Queryable } from './scope.ts';
import { byteaArray } from './binary.ts';

/** Consecutive key ids per row: about fifteen postings a row at the bench store's density. */
export const KEYS_PER_ROW = 32;

interface Entry {
  readonly keyId: number;
  readonly slots: Uint8Array;
}

/** The `postings` value of one row, from its entries (any order; one per key). */
export function packPostings(entries: readonly Entry[]): Buffer {
  const parts: Buffer[] = [];
  for (const { keyId, slots } of [...entries].sort((a, b) => a.keyId - b.keyId)) {
    const head: number[] = [keyId % KEYS_PER_ROW];
    pushVarint(head, slots.length);
    parts.push(Buffer.from(head), Buffer.from(slots.buffer, slots.byteOffset, slots.length));
  }
  return Buffer.concat(parts);
}

/** The entries of row `row` (keys `row * KEYS_PER_ROW` on), in key order. */
export function unpackPostings(row: number, packed: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  const varints = new VarintReader(packed);
  while (varints.at < packed.length) {
    const keyId = row * KEYS_PER_ROW + packed[varints.at++]!;
    const length = varints.next();
    entries.push({ keyId, slots: Buffer.from(packed.subarray(varints.at, varints.at + length)) });
    varints.at += length;
  }
  return entries;
}

const rowOf = (keyId: number) => Math.floor(keyId / KEYS_PER_ROW);

/** The stored postings of these keys, in key order; keys without one are left out. */
export async function readPostings(db: Queryable, level: StoryLevel, kind: KeyKind, keyIds: readonly number[]): Promise<PostingRow[]> {
  if (keyIds.length === 0) return [];
  const wanted = new Set(keyIds);
  const rows = await rowsOf<{ chunk: number; postings: Buffer }>(db, `SELECT chunk, postings FROM story_postings
    WHERE level = $1 AND kind = $2 AND chunk = ANY($3::int[]) ORDER BY chunk`, [level, kind, [...new Set(keyIds.map(rowOf))]]);
  return rows.flatMap((r) => unpackPostings(r.chunk, r.postings).filter((e) => wanted.has(e.keyId)).map((e) => ({ level, kind, ...e })));
}

/** Writes these postings (one per level, kind and key), over what those keys had; other keys of their rows stay. */
export async function writePostings(db: Queryable, postings: readonly PostingRow[]): Promise<void> {
  const changed = new Map<string, { level: StoryLevel; kind: KeyKind; row: number; entries: Map<number, Uint8Array> }>();
  for (const p of postings) {
    const key = `${p.level}:${p.kind}:${rowOf(p.keyId)}`;
    let row = changed.get(key);
    if (!row) changed.set(key, row = { level: p.level, kind: p.kind, row: rowOf(p.keyId), entries: new Map() });
    row.entries.set(p.keyId, p.slots);
  }
  if (changed.size === 0) return;
  const rows = [...changed.values()];
  const stored = await rowsOf<{ level: StoryLevel; kind: KeyKind; chunk: number; postings: Buffer }>(db, `SELECT p.level, p.kind, p.chunk, p.postings
    FROM story_postings p JOIN unnest($1::text[], $2::text[], $3::int[]) AS u (level, kind, chunk)
      ON p.level = u.level AND p.kind = u.kind AND p.chunk = u.chunk`, [rows.map((r) => r.level), rows.map((r) => r.kind), rows.map((r) => r.row)]);
  for (const s of stored) {
    const row = changed.get(`${s.level}:${s.kind}:${s.chunk}`)!;
    for (const e of unpackPostings(s.chunk, s.postings)) if (!row.entries.has(e.keyId)) row.entries.set(e.keyId, e.slots);
  }
  await db.query(`INSERT INTO story_postings (level, kind, chunk, postings)
      SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bytea[])
    ON CONFLICT (level, kind, chunk) DO UPDATE SET postings = excluded.postings`,
  [rows.map((r) => r.level), rows.map((r) => r.kind), rows.map((r) => r.row),
    byteaArray(rows.map((r) => packPostings([...r.entries].map(([keyId, slots]) => ({ keyId, slots })))))]);
}
