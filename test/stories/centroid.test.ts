import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addArticle, addCentroid, keepHeaviest } from '../../src/stories/centroid.ts';
import { toRecord, Vocabulary, type Vec } from '../../src/stories/vectors.ts';

function ids(vocab: Vocabulary, keys: string[]): number[] {
  return keys.map((k) => vocab.id(k));
}

test('addArticle adds a unit-length log-TF vector, new keys appended in the article\'s order', () => {
  const vocab = new Vocabulary();
  const scratch = new Float64Array(64);
  const centroid: Vec = { ids: ids(vocab, ['sejm']), vals: [0.5] };
  const counts = new Map([['wybory', Math.E], ['sejm', 1]]); // log-TF 2 and 1, norm √5
  addArticle(centroid, counts, ids(vocab, [...counts.keys()]), scratch);
  const record = toRecord(centroid, vocab);
  assert.deepEqual(Object.keys(record), ['sejm', 'wybory']);
  assert.ok(Math.abs(record.sejm - (0.5 + 1 / Math.sqrt(5))) < 1e-12, `sejm ${record.sejm}`);
  assert.ok(Math.abs(record.wybory - 2 / Math.sqrt(5)) < 1e-12, `wybory ${record.wybory}`);
  assert.ok(scratch.every((x) => x === 0), 'scratch left all zero');
});

test('addCentroid sums another centroid in, as += on a record would', () => {
  const vocab = new Vocabulary();
  const scratch = new Float64Array(64);
  const big: Vec = { ids: ids(vocab, ['a', 'b']), vals: [1, 2] };
  addCentroid(big, ids(vocab, ['c', 'a']), [3, 4], scratch);
  assert.deepEqual(toRecord(big, vocab), { a: 5, b: 2, c: 3 });
  assert.deepEqual(Object.keys(toRecord(big, vocab)), ['a', 'b', 'c']);
  assert.ok(scratch.every((x) => x === 0), 'scratch left all zero');
});

test('keepHeaviest keeps the raw values of the keys heaviest by weight, heaviest first', () => {
  const vocab = new Vocabulary();
  const scratch = new Float64Array(64);
  const centroid: Vec = { ids: ids(vocab, ['a', 'b', 'c']), vals: [1, 1, 1] };
  const weighted: Vec = { ids: centroid.ids, vals: [0.1, 3, 2] };
  const kept = keepHeaviest(centroid, weighted, 2, vocab, scratch);
  assert.deepEqual(toRecord(kept.centroid, vocab), { b: 1, c: 1 });
  assert.deepEqual(toRecord(kept.weighted, vocab), { b: 3, c: 2 });
  assert.ok(scratch.every((x) => x === 0), 'scratch left all zero');
});
