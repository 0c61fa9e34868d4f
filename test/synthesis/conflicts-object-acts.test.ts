/**
 * Dates of one act done to a named thing (src/synthesis/conflicts.ts `objectActDates`, and
 * `sameDatePeriod` for a sentence whose first date is of another act), read by the real analysis
 * layers from sentences of BSNLP brexit development articles (2018-02-08 file 176, 2018-06-08 file
 * 1671, 2018-06-22 files 1865 and 1886): the exit told as "opuści UE w marcu przyszłego roku" (or,
 * with 1671's verb put in its imperfective, "opuszcza", one family in conflict-grammar.txt) and as
 * "powinna opuścić UE 29 marca 2019 roku" is a refinement; a possibility ("może opuścić") dates no
 * act; another verb done to the same thing, or the same verb done to another thing, is no date of
 * the act.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory as story, conflictPairs as pairs } from './helpers.ts';

const sorted = (found: string[][]): string[][] => found.map((p) => [p[0]!, ...p.slice(1).sort()]);

const may = (object: string): readonly [string, string, string] =>
  ['interia', '2018-06-08', `Premier Theresa May wielokrotnie wykluczała możliwość zwołania kolejnego referendum, zapewniając, że Wielka Brytania opuści ${object} w marcu przyszłego roku.`];
const article50 = (verb: string): readonly [string, string, string] =>
  ['tvn24bis', '2018-02-08', `Wielka Brytania uruchomiła procedurę opisaną w artykule 50 traktatu lizbońskiego 29 marca ub.r. i powinna ${verb} UE 29 marca 2019 roku.`];

test('the exit told by its month in one article and by its day in another ("opuści UE w marcu przyszłego roku", "powinna opuścić UE 29 marca 2019 roku") is a refinement', () => {
  assert.deepEqual(sorted(pairs(story([may('UE'), article50('opuścić')]), 'date')), [['refinement', '2019-03', '2019-03-29']]);
});

test('the same thing with another verb ("opuści UE" vs "powiadomić UE") dates two acts, no conflict', () => {
  assert.deepEqual(pairs(story([may('UE'), article50('powiadomić')]), 'date'), []);
});

test('the same verb done to another thing ("opuści NATO" vs "opuścić UE") dates two acts, no conflict', () => {
  assert.deepEqual(pairs(story([may('NATO'), article50('opuścić')]), 'date'), []);
});

test('a possibility ("może opuścić Wspólnotę w marcu 2019 roku") dates no act against "powinna opuścić Wspólnotę 29 marca 2019 roku"', () => {
  const found = pairs(
    story([
      ['money', '2018-06-22', 'Airbus obawia się, że Wielka Brytania może opuścić Wspólnotę w marcu 2019 roku bez porozumienia o tymczasowym utrzymaniu jej w jednolitym rynku i unii celnej.'],
      ['pap', '2018-06-24', 'Wielka Brytania rozpoczęła proces wyjścia z UE 29 marca ub.r. i powinna opuścić Wspólnotę 29 marca 2019 roku.'],
    ]),
    'date',
  );
  assert.deepEqual(found, []);
});

test('two verbs of one family ("opuszcza UE w marcu przyszłego roku", "powinna opuścić UE 29 marca 2019 roku") date one act', () => {
  const [outlet, day, text] = may('UE');
  const found = pairs(story([[outlet, day, text.replace('opuści UE', 'opuszcza UE')], article50('opuścić')]), 'date');
  assert.deepEqual(sorted(found), [['refinement', '2019-03', '2019-03-29']]);
});
