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

// asia_bibi, 2018-02: the same two sentences in several outlets' reports on the pope's audience.
const IMAMS =
  'Pakistańscy przywódcy duchowi domagają się stracenia kobiety. ' +
  'Ich zdaniem odwlekanie egzekucji podważa zaufanie Pakistańczyków do oficjalnego wymiaru sprawiedliwości.';

test('"Ich zdaniem" is the view of the plural subject opening the sentence before, a description', () => {
  const d = withMentions(doc(IMAMS, 'pl'), ['Pakistańczyków', 'Pakistańczycy', 'PER']);
  assert.equal(quoteWith(quotes(d), 'odwlekanie egzekucji').speaker?.name, 'Pakistańscy przywódcy duchowi');
  // A sentence opening with a preposition has no such subject: still no speaker.
  const day = withMentions(doc('W piątek ministrowie spotkali się w Brukseli. Ich zdaniem porozumienie jest możliwe jeszcze w tym roku.', 'pl'), ['Brukseli', 'Bruksela', 'LOC']);
  assert.equal(quoteWith(quotes(day), 'porozumienie jest możliwe').speaker, undefined);
});
