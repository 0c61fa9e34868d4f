import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/index.ts';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

test('tokens: hyphenated compounds and names stay one word', () => {
  assert.deepEqual(kinds('Rozmowy Kim-Putin, kierunek północno-wschodni.'), [
    'word:Rozmowy', 'word:Kim-Putin', 'punct:,', 'word:kierunek', 'word:północno-wschodni', 'punct:.',
  ]);
});

test('tokens: a spaced dash is punctuation, not part of a word', () => {
  assert.deepEqual(kinds('Korei Północnej - Pjongjang'), ['word:Korei', 'word:Północnej', 'punct:-', 'word:Pjongjang']);
  assert.deepEqual(kinds('Kim Dzong Un – Putin'), ['word:Kim', 'word:Dzong', 'word:Un', 'punct:–', 'word:Putin']);
});

test('tokens: apostrophes inside words', () => {
  assert.deepEqual(kinds("O'Brien i O’Neill"), ["word:O'Brien", 'word:i', 'word:O’Neill']);
});

test('tokens: numbers with decimal, thousands and time separators', () => {
  assert.deepEqual(kinds('1,5 mln, 1.000 zł, 2023 r., 10:30.'), [
    'number:1,5', 'word:mln', 'punct:,', 'number:1.000', 'word:zł', 'punct:,', 'number:2023', 'word:r', 'punct:.',
    'punct:,', 'number:10:30', 'punct:.',
  ]);
});

test('tokens: a number glued to letters is a word', () => {
  assert.deepEqual(kinds('20-latek i F-16'), ['word:20-latek', 'word:i', 'word:F-16']);
});

test('tokens: symbols, quotes, ellipsis and URLs', () => {
  assert.deepEqual(kinds('„Tak” – 50% za €5... Zob. https://tass.ru/a.html, a@b.pl.'), [
    'punct:„', 'word:Tak', 'punct:”', 'punct:–', 'number:50', 'punct:%', 'word:za', 'symbol:€', 'number:5',
    'punct:...', 'word:Zob', 'punct:.', 'symbol:https://tass.ru/a.html', 'punct:,', 'symbol:a@b.pl', 'punct:.',
  ]);
});

test('tokens: offsets are exact, with the offset argument added', () => {
  const text = 'Kreml przekazał, że Kim Dzong Un przyjedzie.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  const shifted = tokenize('Putin.', 100);
  assert.deepEqual(shifted.map((t) => [t.start, t.end]), [[100, 105], [105, 106]]);
});

test('tokens: lemma is the lower-cased text before lemmatisation', () => {
  assert.deepEqual(tokenize('Kremlowi BROŃ').map((t) => t.lemma), ['kremlowi', 'broń']);
});

test('tokens: dotted multi-part abbreviations are one word; single-part ones keep their full stop apart', () => {
  assert.deepEqual(kinds('m.in. żywności, 100 r. p.n.e. w U.S.'), [
    'word:m.in.', 'word:żywności', 'punct:,', 'number:100', 'word:r', 'punct:.', 'word:p.n.e.', 'word:w', 'word:U.S.',
  ]);
});

test('tokens: a soft hyphen stays inside its word and the lemma ignores it', async () => {
  const { analyzeText } = await import('../../src/text/index.ts');
  const text = 'Doszło do wy\u00ADdarzenia.';
  assert.deepEqual(kinds(text), ['word:Doszło', 'word:do', 'word:wy\u00ADdarzenia', 'punct:.']);
  assert.equal(analyzeText(text, 'pl')[0].tokens[2].lemma, 'wydarzenie');
});
