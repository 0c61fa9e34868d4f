import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentences } from '../../../src/analysis/epistemic/index.ts';
import { doc, withMention } from '../quotes/fixture.ts';
import { findQuotes } from '../../../src/analysis/quotes/index.ts';

const statuses = (text: string, language: 'pl' | 'en' = 'pl'): string[] => {
  const d = doc(text, language);
  return classifySentences({ text: d.text, language, sentences: d.sentences }).map((s) => s.status);
};

test('"może" inside a relative clause describes a thing and does not hedge the main clause', () => {
  assert.deepEqual(
    statuses(
      'Operator musi wpłacić 70 milionów euro depozytu, by pokryć potencjalne szkody, które mogą wyniknąć z wykonania umowy. ' +
        'Jakiekolwiek zmiany będą musiały uzyskać ponowną aprobatę Izby Gmin, co może doprowadzić do konfliktu między izbami.',
    ),
    ['asserted', 'asserted'],
  );
  // A preposition before the pronoun: ", w którym może dojść".
  assert.deepEqual(statuses('Rząd przyjął plan, w którym może dojść do zmian.'), ['asserted']);
});

test('"może" in the main clause still hedges, also after a comma that opens no relative clause', () => {
  assert.deepEqual(
    statuses('Strajk może jednak powrócić. Związkowcy ostrzegają, że utrudnienia mogą dotknąć tysięcy pasażerów. Jeśli rozmowy się nie powiodą, strajk może potrwać dłużej.'),
    ['hedged', 'hedged', 'hedged'],
  );
});

test('English modals: a relative clause describes ("damage, which could follow"), a main clause hedges', () => {
  assert.deepEqual(statuses('The operator must pay a deposit to cover damage, which could follow from the works. The strike could spread to Germany.', 'en'), ['asserted', 'hedged']);
});

test('a judgement or a stated position is attributed: "W ocenie polskich ekspertów", "zajął stanowisko"', () => {
  assert.deepEqual(
    statuses('W ocenie polskich ekspertów, gazociąg zagraża bezpieczeństwu energetycznemu Polski. Irlandzki przewoźnik zajął stanowisko, zgodnie z którym jego klientom nie przysługują odszkodowania.'),
    ['attributed', 'attributed'],
  );
});

test('an organisation confirms only where the sentence names it as the one who speaks', () => {
  const text =
    'Ryanair oświadczył, że loty z Polski odbędą się normalnie. ' +
    "Michael O'Leary, prezes Ryanair oświadczył, że strajk był niepotrzebny. " +
    'Związek holenderskich pilotów poinformował jednak, że otrzymał jedynie ustną obietnicę.';
  const d = withMention(withMention(doc(text, 'pl'), 'Ryanair', 'Ryanair', 'ORG'), "Michael O'Leary", "Michael O'Leary", 'PER');
  const quotes = findQuotes({ text: d.text, language: 'pl', sentences: d.sentences, mentions: d.mentions });
  // The quote layer may give the third sentence's words to the airline named before: still no confirmation.
  const guessed = quotes.map((q) => (q.sentence === 2 ? { ...q, speaker: { name: 'Ryanair', type: 'ORG' as const } } : q));
  const statuses = classifySentences({ text: d.text, language: 'pl', sentences: d.sentences, quotes: guessed, mentions: d.mentions }).map((s) => s.status);
  assert.deepEqual(statuses, ['confirmed', 'attributed', 'attributed']);
});
