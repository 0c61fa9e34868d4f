/** findOriginal: the shared near-duplicate rule, on real seed text edited by hand. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fingerprint, jaccard, shingleSet } from '../../src/stories/fingerprint.ts';
import { findOriginal, type DuplicateCandidate } from '../../src/store/duplicates.ts';

const original = readFileSync(new URL('../../samples/kim-putin-2023/001_0c56ce6a609955a6.txt', import.meta.url), 'utf8')
  .replace(/^ date \S+ /, '');
const sentences = original.split(/(?<=\.) /);

/** The original with `count` sentences, starting at `from`, rewritten. */
function edited(from: number, count: number): string {
  return sentences.map((s, i) => (i >= from && i < from + count ? `Zdanie ${i} zmieniono w tej wersji tekstu całkowicie.` : s)).join(' ');
}

function candidate(id: string, seq: number, text: string, duplicateOf?: string): DuplicateCandidate {
  const base = { id, seq, text, fingerprint: fingerprint(text) };
  return duplicateOf === undefined ? base : { ...base, duplicateOf };
}

const copy = edited(5, 1);
const rewritten = edited(5, 6);

test('the edits behind these cases have the similarity they claim', () => {
  const j = (a: string, b: string) => jaccard(shingleSet(a), shingleSet(b));
  assert.ok(j(original, copy) >= 0.9, `one sentence changed: J=${j(original, copy)}`);
  assert.ok(j(original, rewritten) < 0.9, `six sentences changed: J=${j(original, rewritten)}`);
});

test('picks the earliest confirmed original, whatever the candidate order', () => {
  const candidates = [candidate('late', 9, original), candidate('early', 2, edited(20, 1)), candidate('first-copy', 1, original, 'x')];
  assert.equal(findOriginal(copy, fingerprint(copy), candidates), 'early');
});

test('a candidate below 0.9 exact Jaccard is not a duplicate', () => {
  assert.equal(findOriginal(rewritten, fingerprint(rewritten), [candidate('partly-rewritten', 1, original)]), undefined);
  assert.equal(findOriginal(copy, fingerprint(copy), [candidate('one-sentence', 1, original)]), 'one-sentence');
});

test('when only copies match, the copy’s original is returned, not the copy', () => {
  const candidates = [candidate('copy-b', 5, edited(10, 1), 'root'), candidate('copy-a', 3, edited(12, 1), 'root')];
  assert.equal(findOriginal(original, fingerprint(original), candidates), 'root');
});

test('no candidates, no original', () => {
  assert.equal(findOriginal(original, fingerprint(original), []), undefined);
});
