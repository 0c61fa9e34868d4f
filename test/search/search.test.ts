import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  compileMatch, createSqliteSearchIndex, foldText, openSqliteSearchIndex, parseQuery, syncSearchIndex,
  type SearchHit, type SearchIndex,
} from '../../src/search/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { makeArticle, seedArticles } from './helpers.ts';

const seeds = seedArticles();
const index = createSqliteSearchIndex(new Database(':memory:'));
index.indexArticles(seeds);

function marked(hit: SearchHit): string[] {
  return hit.highlights.map((h) => hit.sentence.text.slice(h.start, h.end));
}

function ids(hits: readonly SearchHit[]): string[] {
  return hits.map((h) => h.articleId).sort();
}

test('foldText drops Polish and other diacritics, including ł which NFD keeps', () => {
  assert.equal(foldText('Władywostoku'), 'wladywostoku');
  assert.equal(foldText('ŁÓDŹ Żółć'), 'lodz zolc');
  assert.equal(foldText('Straße'), 'strasse');
});

test('parseQuery reads phrases, prefixes and plain words', () => {
  assert.deepEqual(parseQuery('"Korea Północna" woj* Putin'), [
    { kind: 'phrase', words: ['Korea', 'Północna'], prefix: false },
    { kind: 'word', words: ['woj'], prefix: true },
    { kind: 'word', words: ['Putin'], prefix: false },
  ]);
  assert.deepEqual(parseQuery('„Kim Dzong”'), [{ kind: 'phrase', words: ['Kim', 'Dzong'], prefix: false }]);
});

test('compileMatch quotes every word, so FTS5 operators in user text are only words', () => {
  const match = compileMatch(parseQuery('a OR (b) NEAR'), (w) => [w]);
  assert.deepEqual(match, ['(surface : "a" OR lemmas : ("a"))', '(surface : "or" OR lemmas : ("or"))',
    '(surface : "b" OR lemmas : ("b"))', '(surface : "near" OR lemmas : ("near"))']);
  assert.deepEqual(compileMatch(parseQuery('* ( ) " -'), (w) => [w]), []);
});

test('an inflected name finds its other forms: Władywostok → Władywostoku', () => {
  const hits = index.search('Władywostok');
  const words = hits.flatMap(marked);
  assert.ok(words.includes('Władywostoku'), `highlighted: ${words.join(', ')}`);
  assert.ok(hits.some((h) => h.sentence.text.includes('we Władywostoku')));
});

test('a query typed without Polish letters matches the same articles', () => {
  assert.deepEqual(ids(index.search('wladywostok')), ids(index.search('Władywostok')));
  assert.ok(ids(index.search('wladywostok')).length >= 2);
});

test('a lemma finds inflected forms: pociąg → pociągiem', () => {
  const hits = index.search('pociąg');
  const words = hits.flatMap(marked).map((w) => w.toLowerCase());
  assert.ok(words.includes('pociągiem'), `highlighted: ${words.join(', ')}`);
});

test('a phrase matches in another case through lemmas: "Korea Północna" → Korei Północnej', () => {
  const inflected = seeds.filter((a) => a.text.includes('Korei Północnej')).map((a) => a.id);
  assert.ok(inflected.length > 0, 'the seeds say "Korei Północnej"');
  const hits = index.search('"Korea Północna"', { limit: 100 });
  for (const id of inflected) assert.ok(ids(hits).includes(id), `article ${id} missing`);
  // A phrase is not just both words: reversed order must not match the same way.
  assert.ok(index.search('"Północna Korea"').length < hits.length);
});

test('a prefix query highlights words starting with it', () => {
  const hits = index.search('woj*');
  assert.ok(hits.length > 0);
  for (const word of hits.flatMap(marked)) assert.match(foldText(word), /^woj/);
});

test('hits carry offsets into the article text and the article metadata', () => {
  const [hit] = index.search('kanibalizmu');
  assert.ok(hit);
  const article = seeds.find((a) => a.id === hit.articleId)!;
  assert.equal(article.text.slice(hit.sentence.start, hit.sentence.end), hit.sentence.text);
  assert.equal(hit.origin, article.origin);
  assert.deepEqual(marked(hit), ['kanibalizmu']);
  assert.ok(hit.score > 0);
});

test('every word must match somewhere in the article, not necessarily in one sentence', () => {
  const both = seeds.filter((a) => /kanibalizm/.test(a.text) && /Putin/.test(a.text)).map((a) => a.id);
  assert.ok(both.length > 0);
  assert.deepEqual(ids(index.search('Putin kanibalizm')), both.sort());
  assert.deepEqual(index.search('kanibalizm zzzyxw'), []);
});

test('hostile query syntax never throws and finds nothing or something sensible', () => {
  const hostile = ['a OR', 'OR', 'AND', 'NOT', '"', '""', '"unclosed', '(', ')', '*', '**', 'woj**', '^Putin', 'NEAR(a b)',
    'surface:Putin', 'lemmas : "x"', '{surface}', '-', '+', "'; DROP TABLE search_fts; --", '\u0000', 'ą'.repeat(5000), ''];
  for (const q of hostile) assert.doesNotThrow(() => index.search(q), `query ${JSON.stringify(q)}`);
  assert.deepEqual(index.search('surface:Putin'), [], 'column syntax is read as words, and no article says "surface"');
  assert.ok(index.search('Putin)').length > 0, 'stray punctuation is dropped');
});

test('filters: language, source, dates and article ids', () => {
  const local = createSqliteSearchIndex(new Database(':memory:'));
  local.indexArticles([
    makeArticle('a1', 'Putin spotkał się z Kimem we Władywostoku.', { outlet: 'Onet', published: { value: '2023-09-12', precision: 'day' } }),
    makeArticle('a2', 'Putin met Kim in Vladivostok.', { language: 'en', outlet: 'BBC', published: { value: '2023-09-13', precision: 'day' } }),
    makeArticle('a3', 'Putin przyjął Kima.', { outlet: 'TVN24', published: { value: '2023-10', precision: 'month' } }),
    makeArticle('a4', 'Putin bez daty.', { outlet: 'onet' }),
  ]);
  assert.deepEqual(ids(local.search('Putin')), ['a1', 'a2', 'a3', 'a4']);
  assert.deepEqual(ids(local.search('Putin', { language: 'en' })), ['a2']);
  assert.deepEqual(ids(local.search('Putin', { source: 'ONET' })), ['a1', 'a4']);
  assert.deepEqual(ids(local.search('Putin', { since: '2023-09-13' })), ['a2', 'a3']);
  assert.deepEqual(ids(local.search('Putin', { until: '2023-09' })), ['a1', 'a2']);
  assert.deepEqual(ids(local.search('Putin', { articleIds: ['a3', 'a4', 'nope'] })), ['a3', 'a4']);
  assert.equal(local.search('Putin', { limit: 2 }).length, 2);
  assert.deepEqual(ids(local.search('Putin', { limit: 2, offset: 3 })).length, 1);
});

test('indexing is idempotent and removeArticle takes an article out', () => {
  const local = createSqliteSearchIndex(new Database(':memory:'));
  assert.equal(local.indexArticles(seeds), seeds.length);
  assert.equal(local.indexArticles(seeds), 0);
  const [hit] = local.search('kanibalizmu');
  assert.ok(hit);
  assert.equal(local.removeArticle(hit.articleId), true);
  assert.deepEqual(local.search('kanibalizmu'), []);
  assert.equal(local.countArticles(), seeds.length - 1);
  assert.equal(local.removeArticle(hit.articleId), false);
});

test('syncSearchIndex indexes only stored articles the index lacks, in the store file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-search-'));
  const path = join(dir, 'k.db');
  let search: SearchIndex | undefined;
  const store = openSqliteStore(path);
  try {
    store.saveArticles(seeds.slice(0, 2));
    search = openSqliteSearchIndex(path);
    assert.equal(syncSearchIndex(store, search), 2);
    assert.equal(syncSearchIndex(store, search), 0);
    store.saveArticles(seeds.slice(2));
    assert.equal(syncSearchIndex(store, search), seeds.length - 2);
    assert.equal(search.countArticles(), seeds.length);
    search.close();
    // The index lives in the same file and survives reopening.
    search = openSqliteSearchIndex(path);
    assert.ok(search.search('Władywostok').length > 0);
  } finally {
    search?.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an index whose lemmas no longer match the lemmatiser is rebuilt on open', () => {
  const db = new Database(':memory:');
  const first = createSqliteSearchIndex(db);
  first.indexArticles(seeds);
  // Reopening with the same lemmatiser keeps the index.
  assert.equal(createSqliteSearchIndex(db).countArticles(), seeds.length);
  // Simulate an index built by an older lemmatiser: every lemma column differs.
  db.prepare(`UPDATE search_fts SET lemmas = 'stary ' || lemmas`).run();
  const reopened = createSqliteSearchIndex(db);
  assert.equal(reopened.countArticles(), 0, 'stale index dropped');
  assert.equal(reopened.indexArticles(seeds), seeds.length);
  assert.ok(reopened.search('pociąg').length > 0);
});
