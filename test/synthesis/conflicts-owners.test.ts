/**
 * Counts given as standing descriptions (src/synthesis/conflicts.ts `related`, `asPart`), read by the
 * real analysis layers from sentences of BSNLP development articles (ryanair 2018-08, brexit
 * 2018-06): two descriptions of one owner's count disagree however few words they share; two
 * employers' staff are different measures however alike the words; a count after a preposition
 * ("w 37 krajach z 86 baz") has no whole after it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory as story, conflictPairs as pairs } from './helpers.ts';

test('two standing descriptions of one owner\'s count ("Ryanair lata w 37 krajach z 86 baz", "Ryanair dysponuje 87 bazami") contradict', () => {
  const found = pairs(
    story([
      ['one', '2018-08-03', 'Ryanair lata w 37 krajach z 86 baz.'],
      ['two', '2018-08-02', 'Ryanair dysponuje 87 bazami na kontynencie, gdzie stacjonuje ponad 450 samolotów.'],
    ]),
    'number',
  );
  assert.deepEqual(found.map((p) => [p[0], ...p.slice(1).sort()]), [['contradiction', '86 baz', '87 bazami']]);
});

test('standing counts of two owners ("Airbus zatrudnia…", "Brytyjskie fabryki zatrudniają…" of BMW) are different measures; a past count of one happening is still compared by its words', () => {
  // Each with the report's lead, as the outlets wrote it: word rarity is then a story's, and the
  // two counts' words alike enough to be compared without the owner.
  const employers = story([
    ['one', '2018-06-22', 'Airbus ostrzegł, że może opuścić Wielką Brytanię, jeśli kraj ten opuści Unię Europejską i unię celną bez satysfakcjonującej umowy przejściowej - informuje BBC. Airbus zatrudnia około 14 tys. osób w 25 lokalizacjach w Wielkiej Brytanii.'],
    ['two', '2018-06-26', 'BMW nie wyklucza, że z powodu brexitu będzie musiało zamknąć swoje fabryki w Wielkiej Brytanii. Brytyjskie fabryki zatrudniają ok. 6,3 tys. osób.'],
    ['three', '2018-06-24', 'Gospodarka hamuje, inwestycje spadają, a wielkie firmy alarmują, że mogą zostać zmuszone do opuszczenia kraju i zabrania ze sobą tysięcy miejsc pracy.'],
  ]);
  assert.deepEqual(pairs(employers, 'number'), []);
  // Told in the past, the same wording is one happening's count: no owner is asked for.
  const cancelled = story([
    ['one', '2018-07-25', 'Ryanair odwołał ok. 600 lotów z powodu strajku personelu pokładowego.'],
    ['two', '2018-07-25', 'Z powodu strajku personelu pokładowego odwołano 400 lotów.'],
  ]);
  assert.equal(pairs(cancelled, 'number').length, 1);
});
