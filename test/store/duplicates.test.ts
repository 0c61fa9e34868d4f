/** findOriginal: the shared near-duplicate rule, on hand-made signatures so every branch is reached. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINGERPRINT_SIZE } from '../../src/stories/fingerprint.ts';
import { findOriginal, type DuplicateCandidate } from '../../src/store/duplicates.ts';

const base = Array.from({ length: FINGERPRINT_SIZE }, (_, i) => i * 7919);
/** `base` with its first `k` positions changed: estimated Jaccard 1 - k/64. */
function differing(k: number): number[] {
  return base.map((v, i) => (i < k ? v + 1 : v));
}
function candidate(id: string, seq: number, signature: number[], duplicateOf?: string): DuplicateCandidate {
  return duplicateOf === undefined ? { id, seq, fingerprint: signature } : { id, seq, fingerprint: signature, duplicateOf };
}

test('picks the earliest confirmed original, whatever the candidate order', () => {
  const candidates = [candidate('late', 9, differing(1)), candidate('early', 2, differing(3)), candidate('first-copy', 1, base, 'x')];
  assert.equal(findOriginal(base, candidates), 'early');
});

test('banding candidates below the 0.9 estimate are not duplicates', () => {
  // 7 of 64 differ: 0.89 < 0.9. 6 differ: 0.906 passes.
  assert.equal(findOriginal(base, [candidate('near-miss', 1, differing(7))]), undefined);
  assert.equal(findOriginal(base, [candidate('just-in', 1, differing(6))]), 'just-in');
});

test('when only copies match, the copy’s original is returned, not the copy', () => {
  const candidates = [candidate('copy-b', 5, differing(2), 'root'), candidate('copy-a', 3, differing(4), 'root')];
  assert.equal(findOriginal(base, candidates), 'root');
});

test('no candidates, no original', () => {
  assert.equal(findOriginal(base, []), undefined);
});
