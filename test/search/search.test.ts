import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { compileMatch, foldText, parseQuery, searchDocument } from '../../src/search/index.ts';
import { indexSentences, queryLemmas } from '../../src/search/terms.ts';
import { seedArticles } from './helpers.ts';

// How the store's search concern matches and ranks is part of the store contract
// (test/store/contract/search.ts); here: what is indexed and how queries are read.

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

test('the index stage indexes exactly the terms of the stored analysis', () => {
  for (const article of seedArticles()) {
    const doc = searchDocument(article.id, analyzeArticle(article).sentences);
    const direct = indexSentences(article.text, article.language).map(({ text: _text, ...row }) => row);
    assert.deepEqual(doc.sentences, direct, article.origin);
    assert.doesNotMatch(doc.sentences.map((s) => `${s.surface} ${s.lemmas}`).join(' '), /[A-ZĄĆĘŁŃÓŚŹŻąćęłńóśźż]/, 'folded columns');
  }
});

test('a query word typed without accents gets the lemmas of its accented spellings', () => {
  assert.equal(queryLemmas('gazociagow')[0], 'gazociąg');
  assert.equal(queryLemmas('strajkow')[0], 'strajk');
  assert.ok(queryLemmas('zolnierzy').includes('żołnierz'));
  assert.ok(queryLemmas('Wladywostoku').includes('Władywostok'), 'a capital is kept');
  // A word the dictionary knows as typed is read as typed: "laski" does not become "łaska".
  assert.ok(!queryLemmas('laski').includes('łaska'));
  assert.ok(queryLemmas('laski').includes('laska'));
  // Accented words and unknown words are read as before.
  assert.deepEqual(queryLemmas('gazociągów'), ['gazociąg', 'gazociągów']);
  assert.deepEqual(queryLemmas('Skripal'), ['Skripal']);
});
