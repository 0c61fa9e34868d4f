import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLemmatizer } from '../../src/text/index.ts';

const pl = getLemmatizer('pl');

/** [form as it appears inside a sentence in the seeds, expected lemma]. */
const MID_SENTENCE: Array<[string, string]> = [
  // required by the issue
  ['pociągiem', 'pociąg'], ['Władywostoku', 'Władywostok'], ['amunicji', 'amunicja'], ['przekazał', 'przekazać'],
  ['Kremlowi', 'Kreml'], ['Kima', 'Kim'],
  // more real forms from samples/kim-putin-2023
  ['Pjongjangu', 'Pjongjang'], ['Koreą', 'Korea'], ['przywódcy', 'przywódca'], ['Rosji', 'Rosja'],
  ['spotkał', 'spotkać'], ['dyktatorowi', 'dyktator'], ['Putinem', 'Putin'], ['Władimirem', 'Władimir'],
  ['Kremla', 'Kreml'], ['Moskwie', 'Moskwa'], ['Ukrainie', 'Ukraina'], ['broni', 'broń'],
  ['ekspertów', 'ekspert'], ['żywności', 'żywność'], ['biedą', 'bieda'], ['kanibalizmu', 'kanibalizm'],
  ['urzędników', 'urzędnik'], ['poinformowały', 'poinformować'], ['stolicę', 'stolica'], ['delegacji', 'delegacja'],
  ['dowódcy', 'dowódca'], ['technologie', 'technologia'], ['dywany', 'dywan'], ['flagami', 'flaga'],
  ['krajów', 'kraj'], ['powiedział', 'powiedzieć'], ['wojny', 'wojna'], ['satelity', 'satelita'],
  ['komunikacie', 'komunikat'], ['wizytę', 'wizyta'], ['prezydenta', 'prezydent'], ['polityków', 'polityk'],
  ['spotkania', 'spotkanie'], ['opublikowała', 'opublikować'], ['artyleryjską', 'artyleryjski'],
  ['północnokoreańskiej', 'północnokoreański'], ['ogromną', 'ogromny'], ['dniach', 'dzień'],
  ['jest', 'być'], ['mają', 'mieć'], ['od', 'od'], ['potem', 'potem'],
];

for (const [form, lemma] of MID_SENTENCE) {
  test(`pl lemma: ${form} → ${lemma}`, () => assert.equal(pl.lemma(form), lemma));
}

test('pl lemma: unknown capitalised foreign names lose their case ending', () => {
  assert.equal(pl.lemma('Pieskowa'), 'Pieskow');
  assert.equal(pl.lemma('Sullivana'), 'Sullivan');
  assert.equal(pl.lemma('Chasanie'), 'Chasan');
  assert.equal(pl.lemma('Unem'), 'Un');
});

test('pl lemma: indeclinable names and acronyms stay as written', () => {
  assert.equal(pl.lemma('Szojgu'), 'Szojgu');
  assert.equal(pl.lemma('KCNA'), 'KCNA');
  assert.equal(pl.lemma('Kim'), 'Kim');
  assert.equal(pl.lemma('Anna'), 'Anna');
});

test('pl lemma: a sentence-initial capital is positional for common words', () => {
  assert.equal(pl.lemma('Według', { sentenceInitial: true }), 'według');
  assert.equal(pl.lemma('Przywódcy', { sentenceInitial: true }), 'przywódca');
  // …but a name stays a name.
  assert.equal(pl.lemma('Kremlowi', { sentenceInitial: true }), 'Kreml');
  assert.equal(pl.lemma('Putinem', { sentenceInitial: true }), 'Putin');
});

test('pl lemma: the negating prefix nie- is kept in the lemma', () => {
  assert.equal(pl.lemma('niewykluczone'), 'niewykluczone');
  assert.ok(pl.candidates('niewykluczone').includes('niewykluczony'));
  assert.equal(pl.lemma('nieoficjalnej'), 'nieoficjalny');
});

test('pl lemma: hyphenated compounds decline their last part; double names every part', () => {
  assert.equal(pl.lemma('północno-wschodniego'), 'północno-wschodni');
  assert.equal(pl.lemma('polsko-rosyjskiej'), 'polsko-rosyjski');
});

test('pl lemma: unknown lower-case words stay as written', () => {
  assert.equal(pl.lemma('xyzkowania'), 'xyzkowania');
  assert.equal(pl.knows('xyzkowania'), false);
});

test('pl candidates and knows report dictionary analyses', () => {
  assert.deepEqual(new Set(pl.candidates('broni')), new Set(['broń', 'bronić']));
  assert.ok(pl.knows('Władywostoku'));
  assert.ok(pl.knows('Według'));
  assert.deepEqual(pl.candidates('Pjongjangu'), []);
  assert.ok(pl.knows('m.in.'));
  assert.equal(pl.lemma('m.in.'), 'm.in.');
});

test('pl lemma: capitalised closed-class words are common words wherever the capital comes from', () => {
  for (const [form, lemma] of [['W', 'w'], ['Tak', 'tak'], ['To', 'to'], ['Jak', 'jak'], ['Na', 'na']]) {
    assert.equal(pl.lemma(form, { sentenceInitial: true }), lemma);
    assert.equal(pl.lemma(form), lemma);
  }
});

test('pl lemma: a sentence-initial name whose lower-case form is no lemma of its own stays a name', () => {
  assert.equal(pl.lemma('Kim', { sentenceInitial: true }), 'Kim');
  assert.equal(pl.lemma('Rosja', { sentenceInitial: true }), 'Rosja');
  assert.equal(pl.lemma('Zdaniem', { sentenceInitial: true }), 'zdanie');
  assert.equal(pl.lemma('Mamy', { sentenceInitial: true }), 'mieć');
});

test('pl lemma: unknown surnames after a consonant cluster lose their ending', () => {
  assert.equal(pl.lemma('Trumpa'), 'Trump');
  assert.equal(pl.lemma('Trumpem'), 'Trump');
});

test('pl lemma: unknown loanwords and names with a softened t', () => {
  assert.equal(pl.lemma('brexitu'), 'brexit');
  assert.equal(pl.lemma('brexicie'), 'brexit');
  assert.equal(pl.lemma('Brexicie'), 'Brexit');
  assert.equal(pl.lemma('Wrocławia'), 'Wrocław');
  // "-a" is not stripped from unknown lower-case words: it is as often a feminine nominative.
  assert.equal(pl.lemma('xyzkowania'), 'xyzkowania');
});

test('pl lemma: a lone capitalised word prefers the noun (name) reading and keeps its capital', () => {
  assert.equal(pl.lemma('Polski'), 'Polska');
  assert.equal(pl.lemma('Unii'), 'Unia');
  assert.equal(pl.lemma('Komisji'), 'Komisja');
  assert.equal(pl.lemma('DUP'), 'DUP');
});

test('pl lemma: adverbs are their own lemmas', () => {
  assert.equal(pl.lemma('prawdopodobnie'), 'prawdopodobnie');
  assert.equal(pl.lemma('Prawdopodobnie', { sentenceInitial: true }), 'prawdopodobnie');
  assert.equal(pl.lemma('szybko'), 'szybko');
  assert.equal(pl.lemma('nielegalnie'), 'nielegalnie');
  // …while the adjective's own forms still reach the adjective.
  assert.equal(pl.lemma('prawdopodobna'), 'prawdopodobny');
});
