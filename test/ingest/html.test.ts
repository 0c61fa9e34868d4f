import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { toArticle } from '../../src/ingest/article.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import { htmlFragmentParagraphs, readHtml } from '../../src/ingest/html.ts';
import type { RemovedBlock } from '../../src/types.ts';
import { FIXTURES, fixture, readFixture } from './helpers.ts';

// Every html-* case folder with an expected.txt: input.html → article text and metadata fields.
const cases = readdirSync(FIXTURES).filter((name) => name.startsWith('html-')).filter((name) => {
  try {
    readFileSync(fixture(name, 'expected.txt'));
    return true;
  } catch {
    return false;
  }
});

for (const name of cases) {
  const input = fixture(name, 'input.html');
  const article = toArticle(readHtml(readFileSync(input, 'utf8'), { origin: input }), '2026-11-23T12:00:00Z');
  const expected = JSON.parse(readFixture(name, 'expected.json'));
  test(`${name}: text`, () => assert.equal(article.text, readFixture(name, 'expected.txt')));
  for (const field of ['title', 'url', 'published', 'author', 'outlet', 'language'] as const) {
    test(`${name}: ${field}`, () => assert.deepEqual(article[field], expected[field]));
  }
  test(`${name}: removed kinds`, () => assert.deepEqual(article.removed.map((r) => r.kind), expected.removedKinds));
}

test('html-polish-news-page: comments, nav, sidebar and footer are not article text', () => {
  const article = readHtml(readFixture('html-polish-news-page', 'input.html'), { origin: 'x' });
  for (const junk of ['Najwyższy czas', 'Strona główna', 'Prognoza pogody', 'Wszelkie prawa', 'Akceptuję', 'dataLayer']) {
    assert.ok(!article.text.includes(junk), junk);
  }
  assert.ok(article.text.includes('ewidencja schronów i miejsc ukrycia,'), 'list items are paragraphs');
});

test('html-no-article-body: a clear error naming the input', () => {
  assert.throws(
    () => readHtml(readFixture('html-no-article-body', 'input.html'), { origin: 'login.html' }),
    (error: unknown) => error instanceof IngestError && error.input === 'login.html' && /no article text/.test(error.message),
  );
});

test('htmlFragmentParagraphs: feed HTML with <br>, lists and a caption', () => {
  const removed: RemovedBlock[] = [];
  const paragraphs = htmlFragmentParagraphs(
    '<p>Pierwszy <b>akapit</b>.</p>Luźny tekst<br>w dwóch liniach<figure><figcaption>Fot. PAP</figcaption></figure><ul><li>jeden</li><li>dwa</li></ul>',
    removed,
  );
  assert.deepEqual(paragraphs, ['Pierwszy akapit.', 'Luźny tekst w dwóch liniach', 'jeden', 'dwa']);
  assert.deepEqual(removed, [{ kind: 'photo-credit', text: 'Fot. PAP' }]);
});

test('html-script-rendered-jsonld-body: no body in the markup → JSON-LD articleBody', () => {
  const doc = readHtml(readFixture('html-script-rendered-jsonld-body', 'input.html'), { origin: 'x.html' });
  assert.equal(doc.text, 'W poniedziałek wieczorem wybuchł pożar hali magazynowej przy ul. Elbląskiej w Gdańsku. Na miejscu pracuje 20 zastępów straży pożarnej.\n\nStrażacy ewakuowali pracowników sąsiednich zakładów. Nikt nie został ranny.');
  assert.equal(doc.title, 'Pożar hali magazynowej w Gdańsku');
  assert.equal(doc.author, 'Marta Wiśniewska');
  assert.equal(doc.outlet, 'Portal Trójmiasto');
});
