/**
 * How the synthesis eval matches a shown conflict value with a labelled one
 * (eval/lib/synthesis-metrics.ts `sameValue`): an `event` value is a phrase, matched word by word on
 * the first four letters with negation agreeing, so a label written from the articles meets the
 * engine's wording of the same outcome.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameValue } from '../../eval/lib/synthesis-metrics.ts';

test('an event phrase matches its inflected wording and not its negation', () => {
  assert.ok(sameValue('event', 'nie może opuścić Pakistanu', 'nie może opuścić Pakistan', 'pl'));
  assert.ok(sameValue('event', 'opuści Pakistan', 'ma opuścić Pakistan', 'pl'));
  assert.ok(!sameValue('event', 'opuści Pakistan', 'nie może opuścić Pakistanu', 'pl'));
  assert.ok(!sameValue('event', 'zamknie bazę', 'opuści Pakistan', 'pl'));
});

test('numbers and places keep their own matching', () => {
  assert.ok(sameValue('number', '100 tys. pasażerów', '100 000 pasażerów', 'pl'));
  assert.ok(!sameValue('number', '100 tys. pasażerów', '50 tys. pasażerów', 'pl'));
  assert.ok(sameValue('place', 'Władywostoku', 'Władywostok', 'pl'));
});

test('a range of figures carries the magnitude written after it, with a hyphen or a dash', () => {
  assert.ok(sameValue('number', '10-12 mld euro', '10–12 mld euro', 'pl'));
  assert.ok(sameValue('number', '10-12 mld euro', '10 mld euro', 'pl'));
  assert.ok(!sameValue('number', '10-12 mld euro', '10 euro', 'pl'));
  assert.ok(!sameValue('number', '10-12 mld euro', '12–15 mld euro', 'pl'));
});
