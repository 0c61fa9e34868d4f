import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figures, type FigureWord } from '../../src/synthesis/numbers.ts';
import { placeKey } from '../../src/synthesis/places.ts';
import { sameName } from '../../src/synthesis/slots.ts';

/** Words of `text` with their own form as lemma (enough for digits and unit stems). */
function wordsOf(text: string): FigureWord[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:[.,]\d+)?/gu)].map((m) => ({ text: m[0], lemma: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** Each figure as its value and the unit's stem. */
const read = (text: string): string[] => figures(text, wordsOf(text), 'pl').map((f) => `${f.value} ${f.unit.slice(0, 3)}`);

test('part-of-whole: "190 z 2400 lotów" counts 190 flights; the whole 2400 is no count of the event', () => {
  assert.deepEqual(read('We wtorek Ryanair odwołał 190 z 2400 lotów zaplanowanych na ten dzień.'), ['190 lot']);
  assert.deepEqual(read('Odwołanych ma być dziś 250 lotów z prawie 2400 zaplanowanych.'), ['250 lot']);
  assert.deepEqual(read('Przewoźnik anulował tylko niecałe 200 z łącznie ponad 2400 swych piątkowych lotów.'), ['200 lot']);
  // "z" before a place or a smaller number is no whole.
  assert.deepEqual(read('Ryanair odwołał 600 lotów z Polski.'), ['600 lot']);
  assert.deepEqual(read('Strajkowało 600 pracowników z 25 oddziałów.'), ['600 pra', '25 odd']);
});

test('place-abbreviations: the entity layer\'s short names are one place ("Wlk. Brytania" = "Wielka Brytania")', () => {
  assert.equal(placeKey('Wlk. Brytania', 'pl'), placeKey('Wielka Brytania', 'pl'));
  assert.equal(placeKey('W. Brytania', 'pl'), placeKey('Wielkiej Brytanii', 'pl'));
  assert.equal(placeKey('USA', 'pl'), placeKey('Stanach Zjednoczonych', 'pl'));
  assert.notEqual(placeKey('Wielka Brytania', 'pl'), placeKey('Holandia', 'pl'));
});

test('hyphenated-names: "Saif" is a short form of "Saif-Ul-Mulook", not a second value', () => {
  assert.ok(sameName('Saif-Ul-Mulook', 'Saif'));
  assert.ok(!sameName('Ust-Ługa', 'Wyborg'));
});
