/**
 * Names in near-identical wordings of one claim (src/synthesis/slots.ts `paraphraseNameValues`,
 * src/synthesis/slots.ts `copiedAround`), read by the real analysis layers from
 * sentences of BSNLP brexit development articles (2018-01-26/29 files 503 and 541, 2018-02-05 files
 * 144 and 473, 2018-06-08 files 1643 and 1647, the latter with May's first name as 1643 gives it, so
 * that only Johnson is keyed apart): one body under two names (an alias the entity layer knows,
 * resources/pl/entity-aliases.txt) is one value; a person's name changed in a copied text is a
 * contradiction; one person named in full and by surname, in one article or across two, is not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedStory as story, conflictPairs as pairs } from './helpers.ts';

/** The conflicts of one slot in a story of [outlet, day, text] reports. */
const found = (slot: string, ...reports: (readonly [string, string, string])[]): string[][] =>
  pairs(story(reports), slot).map((p) => [p[0]!, ...p.slice(1).sort()]);

const davis = (court: string): string =>
  `Według niego, w okresie przejściowym powinny być utrzymane integracja Wielkiej Brytanii z jednolitym rynkiem i unią celną, jej "ściśle ograniczona czasowo" podległość orzecznictwu ${court} oraz dotychczasowa swoboda ruchu osobowego.`;

test('the EU court named "Europejski Trybunał Sprawiedliwości" in one copy and "TSUE" in another is one body, no place conflict', () => {
  assert.deepEqual(found('place', ['gazetaprawna', '2018-01-26', davis('Europejskiego Trybunału Sprawiedliwości')], ['pb', '2018-01-29', davis('TSUE')]), []);
});

test('a place changed in the same copy ("z Wyborga" vs "z Ust-Ługi") is still compared', () => {
  const route = (from: string): string => `Gazociąg Nord Stream 2 ma biec z ${from} w Rosji do Greifswaldu w Niemczech, po dnie Morza Bałtyckiego, obok istniejącej już nitki.`;
  assert.equal(found('place', ['wnp', '2018-03-27', route('Wyborga')], ['biznesalert', '2018-03-28', route('Ust-Ługi')]).length, 1);
});

const housing = (name: string): string =>
  `W niedzielę minister spraw wewnętrznych Amber Rudd, która w referendum z 2016 roku zagłosowała za dalszym członkostwem Wielkiej Brytanii w UE, opowiadała się za utrzymaniem jakiejś formy współpracy celnej z UE, podczas gdy wiceminister mieszkalnictwa, planowania i samorządu lokalnego ${name} wykluczał takie rozwiązanie.`;

test('a copied sentence naming "Dominic Raab" in one outlet and "Dominic Rudd" in another is a contradiction of who ruled it out', () => {
  assert.deepEqual(found('person', ['tvn24bis', '2018-02-05', housing('Dominic Raab')], ['gazetaprawna', '2018-02-05', housing('Dominic Rudd')]), [['contradiction', 'Dominic Raab', 'Dominic Rudd']]);
});

test('one person named in full and by surname ("Dominic Raab", "Raab") is no conflict', () => {
  assert.deepEqual(found('person', ['tvn24bis', '2018-02-05', housing('Dominic Raab')], ['gazetaprawna', '2018-02-05', housing('Raab')]), []);
});

test('one surname keyed apart by two articles ("Boris Johnson … do Johnsona" vs "do Johnsona" alone) is one person, no conflict', () => {
  const spokeswoman = 'rzeczniczka Theresy May zapewniła, że premier ma pełne zaufanie do Johnsona i swego gabinetu.';
  const tvn = `Mówił Boris Johnson w środę podczas kolacji za zamkniętymi drzwiami, kiedy to został nagrany. W piątek ${spokeswoman}`;
  assert.deepEqual(found('person', ['tvn24bis', '2018-06-08', tvn], ['newsweek', '2018-06-08', `R${spokeswoman.slice(1)}`]), []);
});
