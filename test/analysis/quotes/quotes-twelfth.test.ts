/**
 * Speakers the twelfth round found wrong on the labelled stories' key quotes. The sentences are the
 * real ones; the mentions are what the entity stage gives there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, quotes, quoteWith, withMentions } from './fixture.ts';

// brexit, o2.pl 2018-01-16: the reply to Tusk's "our hearts are still open".
const OFLYNN =
  'Wypowiedź szefa Rady Europejskiej nie spodobała się zwolennikom wyjścia Wielkiej Brytanii z UE. ' +
  "Jeszcze ostrzej zareagował brytyjski europoseł Patrick O'Flynn. " +
  '"Goń się, Donek" - zwrócił się bez ogródek do Tuska.';

test('a reflexive verb closing the words ("zwrócił się bez ogródek do Tuska") leaves its subject dropped: the person named before speaks', () => {
  const d = withMentions(doc(OFLYNN, 'pl'), ['Rady Europejskiej', 'Rada Europejska', 'ORG'], ['Wielkiej Brytanii', 'Wielka Brytania', 'LOC'], ['UE', 'UE', 'ORG'], ["Patrick O'Flynn", "Patrick O'Flynn", 'PER'], ['Tuska', 'Tusk', 'PER']);
  assert.equal(quoteWith(quotes(d), 'Goń się').speaker?.name, "Patrick O'Flynn");
});
