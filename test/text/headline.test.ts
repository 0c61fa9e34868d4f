import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstSentence, shorten } from '../../src/text/headline.ts';

test('firstSentence does not stop at an abbreviation or an initial', () => {
  assert.equal(firstSentence('Referendum ws. Brexitu odbyło się w czerwcu. Potem nic.', 'pl', 160), 'Referendum ws. Brexitu odbyło się w czerwcu.');
  assert.equal(firstSentence('Władimir W. Putin przyjął gościa. Rozmowy trwały.', 'pl', 160), 'Władimir W. Putin przyjął gościa.');
  assert.equal(firstSentence('  \n', 'pl', 160), undefined);
});

test('shorten cuts at a word, never right after an abbreviation, an initial or a one-letter word', () => {
  const sentence = 'Tysiące ludzi przeszły ulicami Londynu w marszu z żądaniem powtórki referendum ws. Brexitu';
  assert.equal(shorten(sentence, 200, 'pl'), sentence);
  assert.equal(shorten(sentence, 86, 'pl'), 'Tysiące ludzi przeszły ulicami Londynu w marszu z żądaniem powtórki referendum…');
  assert.equal(shorten('Spotkanie z udziałem W. Putina i innych', 27, 'pl'), 'Spotkanie z udziałem…');
  assert.equal(shorten('Ludzie przeszli ulicami Londynu w marszu', 35, 'pl'), 'Ludzie przeszli ulicami Londynu…');
  for (let max = 20; max < sentence.length; max++) {
    const cut = shorten(sentence, max, 'pl');
    assert.ok(cut.length <= max, `${max}: ${cut}`);
    assert.doesNotMatch(cut, /(ws\.|\s\p{L})…$/u, `${max}: ${cut}`);
  }
});
