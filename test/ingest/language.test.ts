import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../src/text/language.ts';

test('detectLanguage: Polish and English news sentences', () => {
  assert.equal(detectLanguage('Rzecznik Kremla Dmitrij Pieskow odmówił komentarza w sprawie wizyty.'), 'pl');
  assert.equal(detectLanguage('The Kremlin spokesman declined to comment on the planned visit to Vladivostok.'), 'en');
});

test('detectLanguage: very short texts use the function-word fallback', () => {
  assert.equal(detectLanguage('Putin i Kim się spotkali'), 'pl');
  assert.equal(detectLanguage('Kim meets Putin in the east'), 'en');
  assert.equal(detectLanguage('Łódź'), 'pl');
});

test('detectLanguage: no letters or another language → und', () => {
  assert.equal(detectLanguage('2023-09-12 14:30'), 'und');
  assert.equal(detectLanguage(''), 'und');
  assert.equal(detectLanguage('Der Bundeskanzler hat am Montag in Berlin eine Regierungserklärung zur Lage abgegeben.'), 'und');
});
