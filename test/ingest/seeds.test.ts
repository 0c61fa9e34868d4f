import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { toArticle } from '../../src/ingest/article.ts';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import { readFixture, seedFiles } from './helpers.ts';

const INGESTED = '2026-11-23T12:00:00.000Z';
const articles = seedFiles().map((file) => toArticle(readPlainText(readFileSync(file, 'utf8'), file), INGESTED));

articles.forEach((article, n) => {
  test(`seed-${n}: clean text equals the hand-written expected text`, () => {
    assert.equal(article.text, readFixture(`seed-${n}`, 'expected.txt'));
  });
  test(`seed-${n}: language is Polish`, () => {
    assert.equal(article.language, 'pl');
  });
  test(`seed-${n}: no debris left`, () => {
    for (const debris of ['REKLAMA', 'Zobacz wideo', 'Czytaj też', 'Fot.']) {
      assert.ok(!article.text.includes(debris), `${debris} in ${basename(article.origin)}`);
    }
  });
});

test('seed-0: no date prefix → published stays undefined', () => {
  assert.equal(articles[0].published, undefined);
  assert.equal(articles[0].removed[0].kind, 'photo-credit');
  assert.match(articles[0].removed[0].text, /Fot\. East News\/ Lee Jin-man$/);
});

test('seeds 1-4: `date 2023-09` → month precision', () => {
  for (const article of articles.slice(1)) {
    assert.deepEqual(article.published, { value: '2023-09', precision: 'month' });
  }
});

test('seed-1: REKLAMA and the video teaser removed, last paragraph kept', () => {
  const article = articles[1];
  assert.ok(!article.text.includes('REKLAMA'));
  assert.deepEqual(article.removed.map((r) => r.kind), ['advert', 'video']);
  assert.ok(article.text.endsWith('białymi końmi dla Kim Dzong Una i jego najbliższych.'));
});

test('seed-3: "Czytaj też:" block with glued headline removed, subheadings kept', () => {
  const article = articles[3];
  assert.ok(article.text.includes('\n\nRozmowy Kim Dzong Un – Putin\n\n'));
  assert.ok(article.text.includes('\n\nUSA ostrzegają Koreę Północną\n\n'));
  assert.deepEqual(article.removed.map((r) => r.text), [
    'Czytaj też:',
    'Wybory lokalne w Rosji i na zajętych obszarach Ukrainy. Kreml podał wyniki',
    'Czytaj też:',
    'Grupa G20 przyjęła wspólną deklarację ws. wojny. MSZ Ukrainy niezadowolone',
  ]);
});

test('seeds: no outlet from a folder name (the files name none), ids are distinct 16-hex strings', () => {
  assert.ok(articles.every((a) => a.outlet === undefined));
  const ids = new Set(articles.map((a) => a.id));
  assert.equal(ids.size, 5);
  for (const id of ids) assert.match(id, /^[0-9a-f]{16}$/);
});
