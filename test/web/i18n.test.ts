import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, errorText, formatDate, formatDateRange, formatPublished, languageName, NOUNS, parseIsoDate } from '../../src/web/i18n.ts';

test('counted nouns take the Polish plural form of their number', () => {
  const forms = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 102, 112, 1.5].map((n) => count(n, NOUNS.article));
  assert.deepEqual(forms, [
    '0 artykułów', '1 artykuł', '2 artykuły', '4 artykuły', '5 artykułów', '11 artykułów', '12 artykułów', '14 artykułów',
    '21 artykułów', '22 artykuły', '25 artykułów', '101 artykułów', '102 artykuły', '112 artykułów', '1,5 artykułu',
  ]);
  assert.equal(count(1, NOUNS.independentSource), '1 niezależne źródło');
  assert.equal(count(3, NOUNS.independentSource), '3 niezależne źródła');
  assert.equal(count(5, NOUNS.independentSource), '5 niezależnych źródeł');
  assert.equal(count(2, NOUNS.sentence), '2 zdania');
  assert.equal(count(5, NOUNS.articleLocative), '5 artykułach');
  assert.equal(count(12345, NOUNS.mention), '12\u00a0345 wzmianek');
});

test('dates print at the precision they were stored with, in Polish', () => {
  assert.equal(formatDate('2023'), '2023');
  assert.equal(formatDate('2023-09'), 'wrzesień 2023');
  assert.equal(formatDate('2023-09-12'), '12 września 2023');
  assert.equal(formatDate('2023-09-12T08:30Z'), '12 września 2023 10:30', 'UTC shown in Warsaw time');
  assert.equal(formatDate('2023-09', { short: true }), 'wrz 2023');
  assert.equal(formatDate('2023-09-12', { short: true }), '12 wrz');
  assert.equal(formatDate('2023-W37'), '37. tydzień 2023');
  assert.equal(formatDate(undefined), 'bez daty');
  assert.equal(formatDate('2023-02-30'), 'data nieczytelna');
  assert.equal(formatDate('wczoraj'), 'data nieczytelna');
  assert.equal(formatPublished({ value: '2019-06', precision: 'month' }), 'czerwiec 2019');
  assert.equal(formatPublished(null), 'bez daty');
  assert.deepEqual(parseIsoDate('2019-06')?.precision, 'month');
});

test('date ranges share what they can', () => {
  assert.equal(formatDateRange('2023-09-12', '2023-09-14'), '12–14 września 2023');
  assert.equal(formatDateRange('2023-09', '2023-11'), 'wrzesień 2023 – listopad 2023');
  assert.equal(formatDateRange('2023-09', '2023-09'), 'wrzesień 2023');
  assert.equal(formatDateRange('2023-09', '2023-09-14'), 'wrzesień 2023 – 14 września 2023');
  assert.equal(formatDateRange(undefined, '2023-09'), 'wrzesień 2023');
  assert.equal(formatDateRange(undefined, undefined), 'bez daty');
});

test('languages and errors are named in Polish', () => {
  assert.deepEqual(['pl', 'en', 'und', 'de'].map(languageName), ['polski', 'angielski', 'język nieustalony', 'niemiecki']);
  for (const status of [400, 404, 405, 413, 500, 503]) {
    const { title, explanation } = errorText(status);
    assert.doesNotMatch(`${title} ${explanation}`, /\b(not|found|invalid|error|request|the)\b/i, String(status));
  }
  assert.equal(errorText(404).title, 'Nie znaleziono');
});
