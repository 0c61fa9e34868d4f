/**
 * The search index's row formats on PostgreSQL (src/store/postgres/search-postings.ts): blocks of
 * terms read back as written, and terms ordered as the C collation orders them, which the
 * blocks' keys and a search's lookups rely on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteOrder, cascade, decodeBlock, decodePostingList, encodeBlock, encodePostings, MERGE_FANIN, SENTENCE_KEYS } from '../../../src/store/postgres/search-postings.ts';

test('byteOrder is the byte order of UTF-8, astral letters and private-use letters included', () => {
  const words = ['a', 'ab', 'b', 'ą', 'ż', 'я', '\uE000', '\uFFFD', '𝔸', '𝔸a', '𠀀', '0', '9', 'ß', ''];
  for (const x of words) {
    for (const y of words) assert.equal(Math.sign(byteOrder(x, y)), Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y))), `${x} ${y}`);
  }
});

test('a block gives back its terms and their postings; postings decode to sentence keys and positions', () => {
  const postings = encodePostings([
    { doc: 3, sentences: [{ idx: 0, a: [2], b: [9] }, { idx: 4, a: [1, 5], b: [] }] },
    { doc: 700, sentences: [{ idx: 2, a: [], b: [12] }] },
  ]);
  const entries = [
    { term: 'pociag', postings },
    { term: 'pociagiem', postings: encodePostings([{ doc: 1, sentences: [{ idx: 1, a: [3], b: [] }] }]) },
    { term: 'władywostok', postings: encodePostings([{ doc: 2, sentences: [{ idx: 0, a: Array.from({ length: 300 }, (_, i) => i + 1), b: [302] }] }]) },
    // Shared beginnings of two-byte letters and of astral ones (surrogate pairs).
    ...['żaba', 'żółw', 'żółwia', '𝔸', '𝔸a', '𝔹'].map((term, i) => ({ term, postings: encodePostings([{ doc: i + 1, sentences: [{ idx: 0, a: [1], b: [] }] }]) })),
  ];
  const back = [...decodeBlock(encodeBlock(entries))];
  assert.deepEqual(back.map((e) => e.term), entries.map((e) => e.term));
  back.forEach((e, i) => assert.deepEqual(Buffer.from(e.postings), Buffer.from(entries[i]!.postings)));
  const list = decodePostingList(back[0]!.postings);
  assert.equal(list.size, 3);
  assert.deepEqual([...list.keys.subarray(0, 3)], [3 * SENTENCE_KEYS, 3 * SENTENCE_KEYS + 4, 700 * SENTENCE_KEYS + 2]);
  assert.deepEqual([...list.na.subarray(0, 3)], [1, 2, 0]);
  assert.deepEqual([...list.nb.subarray(0, 3)], [1, 0, 1]);
  assert.deepEqual([...list.positions.subarray(list.start[1]!, list.start[1]! + 2)], [1, 5]);
  assert.deepEqual([...list.positions.subarray(list.start[2]!, list.start[2]! + 1)], [12]);
});

test('a merge takes in the levels its output would fill, and stops at a gap or a level not one short', () => {
  const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const short = MERGE_FANIN - 1;
  assert.equal(cascade([{ level: 0, ids: ids(1, short) }, { level: 1, ids: ids(10, short) }]), undefined);
  // Level 0 full, levels 1 and 2 one short: one merge into level 3, the oldest MERGE_FANIN of level 0 first.
  assert.deepEqual(cascade([{ level: 0, ids: ids(100, MERGE_FANIN + 1) }, { level: 1, ids: ids(50, short) }, { level: 2, ids: ids(20, short) }, { level: 4, ids: ids(1, short) }]),
    { ids: [...ids(100, MERGE_FANIN), ...ids(50, short), ...ids(20, short)], level: 3 });
  // A level holding fewer, or a missing level, ends the cascade.
  assert.deepEqual(cascade([{ level: 0, ids: ids(100, MERGE_FANIN) }, { level: 1, ids: ids(50, short - 1) }]), { ids: ids(100, MERGE_FANIN), level: 1 });
  assert.deepEqual(cascade([{ level: 0, ids: ids(100, MERGE_FANIN) }, { level: 2, ids: ids(50, short) }]), { ids: ids(100, MERGE_FANIN), level: 1 });
  // The lowest full level goes first.
  assert.deepEqual(cascade([{ level: 1, ids: ids(50, MERGE_FANIN) }, { level: 2, ids: ids(20, MERGE_FANIN) }]), { ids: ids(50, MERGE_FANIN), level: 2 });
});
