import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import { parsePublished } from '../../src/ingest/published.ts';

test('readPlainText: day-precision prefix, text continues on the first line', () => {
  const doc = readPlainText(' date 2023-09-12 Kreml przekazał komunikat.\n\nDrugi akapit.', 'a.txt');
  assert.deepEqual(doc.published, { value: '2023-09-12', precision: 'day' });
  assert.equal(doc.text, 'Kreml przekazał komunikat.\n\nDrugi akapit.');
  assert.equal(doc.format, 'text');
});

test('readPlainText: no prefix → published undefined, text untouched', () => {
  const doc = readPlainText('Kim Dzong Un jest już w Rosji.', 'b.txt');
  assert.equal(doc.published, undefined);
  assert.equal(doc.text, 'Kim Dzong Un jest już w Rosji.');
});

test('readPlainText: an impossible date is not eaten and not invented', () => {
  const doc = readPlainText(' date 2023-13 Tekst.', 'c.txt');
  assert.equal(doc.published, undefined);
  assert.equal(doc.text, ' date 2023-13 Tekst.');
});

test('parsePublished: feed and ISO forms keep honest precision', () => {
  assert.deepEqual(parsePublished('2023'), { value: '2023', precision: 'year' });
  assert.deepEqual(parsePublished('2023-02-30'), undefined);
  assert.deepEqual(parsePublished('Mon, 11 Sep 2023 10:30:00 +0200'), { value: '2023-09-11T08:30Z', precision: 'minute' });
  assert.deepEqual(parsePublished('2023-09-11T10:30:00+02:00'), { value: '2023-09-11T08:30Z', precision: 'minute' });
  assert.equal(parsePublished('wczoraj'), undefined);
});
