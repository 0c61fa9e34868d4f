import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentences } from '../../../src/analysis/epistemic/index.ts';
import { doc } from '../quotes/fixture.ts';

const statuses = (text: string, language: 'pl' | 'en' = 'pl'): string[] => {
  const d = doc(text, language);
  return classifySentences({ text: d.text, language, sentences: d.sentences }).map((s) => s.status);
};

test('"może" inside a relative clause describes a thing and does not hedge the main clause; a "co" clause on the whole clause does', () => {
  // ", co może doprowadzić do konfliktu" tells a happening of its own (eval/data/synthesis/GUIDELINE.md,
  // clauses with their own modal).
  assert.deepEqual(
    statuses(
      'Operator musi wpłacić 70 milionów euro depozytu, by pokryć potencjalne szkody, które mogą wyniknąć z wykonania umowy. ' +
        'Jakiekolwiek zmiany będą musiały uzyskać ponowną aprobatę Izby Gmin, co może doprowadzić do konfliktu między izbami.',
    ),
    ['asserted', 'hedged'],
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
