/**
 * PoliMorf's readings as the entity rules use them (src/analysis/entities/dictionary-tags.ts),
 * word by word, and the evaluation's switch for measuring each use on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionaryUses, forenameGender, forenameOf, setDictionaryUses, taggedAdjectivalSurname, taggedCommonOnly, taggedGroup, taggedNominative, taggedPerson, taggedPhrase } from '../../../src/analysis/entities/dictionary-tags.ts';
import { nominativeParse } from '../../../src/text/polimorf-names.ts';
import { dictionaryUsesFromEnv } from '../../../eval/lib/entities-loto.ts';

test('one-word nominatives: places keep their number, a man\'s surname homograph is not read into a place', () => {
  assert.equal(taggedNominative('Wrocławia', false), 'Wrocław');
  assert.equal(taggedNominative('Węgrzech', false), 'Węgry');
  assert.equal(taggedNominative('Hiszpanie', false), 'Hiszpanie');
  assert.equal(taggedNominative('Kowalskiej', true), 'Kowalska');
  // "Krakowie": Kraków's locative, or the plural of a man named Krak; a place reads the first.
  assert.equal(taggedNominative('Krakowie', false), 'Kraków');
  assert.equal(taggedNominative('Xyzzyqa', false), undefined);
});

test('forenames: gender when every reading agrees, the lemma in the gender asked for', () => {
  assert.equal(forenameGender('Katarzyny'), 'f');
  assert.equal(forenameGender('Paweł'), 'm');
  assert.equal(forenameGender('Aleksandra'), undefined); // Aleksandra, or Aleksander's genitive
  assert.equal(forenameOf('Pawła', 'm'), 'Paweł');
  assert.equal(forenameOf('Aleksandra', 'f'), 'Aleksandra');
});

test('persons and groups from the m1 tag; a place with a man\'s-name homograph is neither', () => {
  assert.equal(taggedPerson('Mahometa'), true);
  assert.equal(taggedPerson('Krakowa'), false);
  assert.equal(taggedPerson('Warszawa'), false);
  assert.equal(taggedGroup('Włosi'), true);
  assert.equal(taggedGroup('Niemcami'), false); // also Niemcy, the country
  assert.equal(taggedAdjectivalSurname('Czerwińska'), true);
  assert.equal(taggedCommonOnly('Legislatur'), true);
  assert.equal(taggedCommonOnly('Warszawa'), false);
});

test('phrases: the dictionary reading wins only where it sees more agreement or another number', () => {
  assert.deepEqual(nominativeParse(['Wyspach', 'Brytyjskich']), { base: 'Wyspy Brytyjskie', agreeing: 2, number: 'pl' });
  assert.equal(taggedPhrase(['Wyspach', 'Brytyjskich'], 'Wyspa Brytyjska'), 'Wyspy Brytyjskie');
  assert.equal(taggedPhrase(['Dolnej', 'Saksonii'], 'Dolna Saksonia'), undefined);
});

test('uses switch off one by one for the evaluation, and an unknown name is refused', () => {
  try {
    assert.equal(dictionaryUsesFromEnv('-persons'), 'all but persons');
    assert.equal(dictionaryUses().persons, false);
    assert.equal(taggedPerson('Mahometa'), false);
    assert.throws(() => dictionaryUsesFromEnv('-people'), /unknown use "people"/);
  } finally {
    setDictionaryUses({ nominatives: true, agreement: true, forenames: true, persons: true, commonWords: true });
  }
});
