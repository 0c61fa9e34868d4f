import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstK } from '../../src/stories/top-k.ts';

/** Deterministic xorshift so a failure reproduces. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

test('firstK gives the k first positions of a full sort, in order, ties broken by the order given', () => {
  const rnd = random(7);
  for (let round = 0; round < 300; round++) {
    const n = Math.floor(rnd() * 200);
    // Few distinct values, so ties are common; the position breaks them (a total order).
    const values = Array.from({ length: n }, () => Math.floor(rnd() * 10));
    const before = (a: number, b: number) => values[b] - values[a] || a - b;
    const full = Array.from({ length: n }, (_, i) => i).sort(before);
    for (const k of [0, 1, 3, 16, n, n + 5]) assert.deepEqual(firstK(n, k, before), full.slice(0, Math.max(0, k)), `n=${n} k=${k}`);
  }
});

test('firstK on nothing, and on sorted and reversed input (the quickselect worst cases)', () => {
  assert.deepEqual(firstK(0, 4, () => 0), []);
  const asc = (a: number, b: number) => a - b;
  assert.deepEqual(firstK(1000, 3, asc), [0, 1, 2]);
  assert.deepEqual(firstK(1000, 3, (a, b) => b - a), [999, 998, 997]);
});
