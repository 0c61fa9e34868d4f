import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadList, loadMap, loadResource, parseResourceLines } from '../../src/resources.ts';

test('resources: comments, blank lines and surrounding space are dropped; inner # kept', () => {
  assert.deepEqual(parseResourceLines('# header\n\n  m.in.  \nC#  # trailing comment\nr. final\r\n'), ['m.in.', 'C#', 'r. final']);
});

test('resources: loadList reads the real abbreviation list and returns a fresh copy', () => {
  const list = loadList('pl', 'abbreviations');
  assert.ok(list.includes('m.in.'));
  assert.ok(list.includes('r. final'));
  list.push('mutated');
  assert.equal(loadList('pl', 'abbreviations').includes('mutated'), false);
  assert.ok(Object.isFrozen(loadResource('pl', 'abbreviations')));
});

test('resources: loadMap splits key<TAB>value lines', () => {
  const map = loadMap('pl', 'lemma-exceptions');
  assert.equal(map.get('jest'), 'być');
  assert.equal(map.get('mają'), 'mieć');
});

test('resources: a missing list or a bad name is an error, not an empty list', () => {
  assert.throws(() => loadList('pl', 'no-such-list'));
  assert.throws(() => loadList('en', '../pl/abbreviations'));
  // abbreviations.txt has no tabs, so reading it as a map must fail loudly.
  assert.throws(() => loadMap('pl', 'abbreviations'), /key<TAB>value/);
});
