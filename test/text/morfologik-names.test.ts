import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPersonNoun, nameGender, nominativePhrase } from '../../src/text/polimorf-names.ts';

const nominative = (phrase: string) => nominativePhrase(phrase.split(' '));

test('nominativePhrase: adjectives agree with the head noun in the nominative', () => {
  assert.equal(nominative('Dolnej Saksonii'), 'Dolna Saksonia');
  assert.equal(nominative('Korei Północnej'), 'Korea Północna');
  assert.equal(nominative('Białym Domu'), 'Biały Dom');
  assert.equal(nominative('Unii Europejskiej'), 'Unia Europejska');
  assert.equal(nominative('Morzu Bałtyckim'), 'Morze Bałtyckie');
  assert.equal(nominative('Parlamentu Europejskiego'), 'Parlament Europejski');
});

test('nominativePhrase: the phrase keeps its number (plural-only names, demonyms)', () => {
  assert.equal(nominative('Stanach Zjednoczonych'), 'Stany Zjednoczone');
  assert.equal(nominative('Stanów Zjednoczonych'), 'Stany Zjednoczone');
  assert.equal(nominative('Polaków'), 'Polacy');
  assert.equal(nominative('Brytyjczyków'), 'Brytyjczycy');
  assert.equal(nominative('Niemczech'), 'Niemcy');
  assert.equal(nominative('Warszawy'), 'Warszawa'); // singular genitive, not the plural nominative
});

test('nominativePhrase: an inner genitive and what follows the agreeing run stay as written', () => {
  assert.equal(nominative('Rady Bezpieczeństwa Narodowego'), 'Rada Bezpieczeństwa Narodowego');
  assert.equal(nominative('Partii Niepodległości Wielkiej Brytanii'), 'Partia Niepodległości Wielkiej Brytanii');
  assert.equal(nominative('Sądu Okręgowego w Krakowie'), 'Sąd Okręgowy w Krakowie');
  assert.equal(nominative('Ministerstwa Spraw Zagranicznych'), 'Ministerstwo Spraw Zagranicznych');
});

test('nominativePhrase: case of the surface is kept; unknown words give undefined', () => {
  assert.equal(nominative('UNII EUROPEJSKIEJ'), 'UNIA EUROPEJSKA');
  assert.equal(nominative('Kowalskiej'), 'Kowalska');
  assert.equal(nominative('Qwxzyk'), undefined);
  assert.equal(nominativePhrase([]), undefined);
});

test('isPersonNoun: masculine personal readings (m1), proper or common', () => {
  assert.equal(isPersonNoun('Putinem'), true);
  assert.equal(isPersonNoun('Kaczyńskiego'), true);
  assert.equal(isPersonNoun('prezydenta'), true);
  assert.equal(isPersonNoun('Warszawy'), false);
  assert.equal(isPersonNoun('Kremla'), false);
});

test('nameGender: forenames and female surnames from the dictionary', () => {
  assert.equal(nameGender('Anna'), 'f');
  assert.equal(nameGender('Paweł'), 'm');
  assert.equal(nameGender('Nowakowska'), 'f');
  assert.equal(nameGender('Kowalska'), 'f');
  assert.equal(nameGender('Kowalski'), 'm');
  assert.equal(nameGender('Niemcy'), undefined); // plural-only country and the demonym's plural
  assert.equal(nameGender('Qwxzyk'), undefined);
});
