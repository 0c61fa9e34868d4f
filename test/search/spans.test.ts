/** Sentence offsets as the SQLite search index keeps them (varints): every offset reads back, small or large. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeOffsets, encodeSpans, spanAt } from '../../src/store/sqlite/search.ts';

test('encodeSpans keeps every sentence span, in a fraction of the fixed-width bytes', () => {
  const sentences = [
    { start: 0, end: 5 }, { start: 6, end: 200 }, { start: 200, end: 20_000 }, { start: 20_003, end: 3_000_000 }, { start: 3_000_000, end: 3_000_000 },
  ].map((s, index) => ({ ...s, index, surface: '', lemmas: '' }));
  const bytes = encodeSpans({ sentences });
  sentences.forEach((s, i) => assert.deepEqual(spanAt(bytes, i), { start: s.start, end: s.end }, `sentence ${i}`));
  const typical = Array.from({ length: 20 }, (_, i) => ({ index: i, start: i * 120, end: i * 120 + 119, surface: '', lemmas: '' }));
  assert.ok(encodeSpans({ sentences: typical }).length <= 2 * 20 + 1, 'a byte or two per number for news-sized sentences');
  assert.equal(encodeOffsets({ sentences: typical }).length, 8 * 20);
});
