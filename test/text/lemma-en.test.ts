import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, getLemmatizer } from '../../src/text/index.ts';

const en = getLemmatizer('en');

test('en lemma: plurals, irregular verbs and comparatives', () => {
  assert.equal(en.lemma('talks'), 'talk');
  assert.equal(en.lemma('children'), 'child');
  assert.equal(en.lemma('said'), 'say');
  assert.equal(en.lemma('met'), 'meet');
  assert.equal(en.lemma('was'), 'be');
  assert.equal(en.lemma('weapons'), 'weapon');
  assert.equal(en.lemma('bigger'), 'big');
});

test('en lemma: names inside a sentence keep their form, sentence-initial capitals are folded', () => {
  assert.equal(en.lemma('Putin'), 'Putin');
  assert.equal(en.lemma('Pyongyang'), 'Pyongyang');
  assert.equal(en.lemma('Officials', { sentenceInitial: true }), 'official');
  assert.equal(en.lemma("Russia's"), 'Russia');
});

test('en analyzeText: sentences with lemmas', () => {
  const text = 'North Korean leader Kim Jong Un met Mr. Putin on Wednesday. The leaders discussed weapons.';
  const sentences = analyzeText(text, 'en');
  assert.equal(sentences.length, 2);
  const lemmas = sentences[1].tokens.filter((t) => t.kind === 'word').map((t) => t.lemma);
  assert.deepEqual(lemmas, ['the', 'leader', 'discuss', 'weapon']);
  assert.ok(sentences[0].tokens.some((t) => t.text === 'met' && t.lemma === 'meet'));
});

test('en knows: WordNet words and closed-class words, not invented ones', () => {
  assert.ok(en.knows('leaders'));
  assert.ok(en.knows('The'));
  assert.equal(en.knows('Zxqvlorp'), false);
  assert.equal(en.lemma('Zxqvlorp', { sentenceInitial: true }), 'Zxqvlorp');
  assert.equal(en.lemma('KCNA', { sentenceInitial: true }), 'KCNA');
});
