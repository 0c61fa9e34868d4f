/**
 * Pending states a later report ends (src/synthesis/pending.ts, eval/data/synthesis/GUIDELINE.md
 * "Plans that came true"): sentences from the development stories, through the real analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryReport } from '../../src/synthesis/index.ts';
import { analysedStory } from './helpers.ts';

/** One article per [publication day, text], each from its own outlet. */
const story = (...articles: readonly (readonly [string, string])[]): StoryReport => analysedStory(articles.map(([day, text], i) => [`outlet${i}`, day, text]));

const statusOf = (report: ReturnType<typeof story>, text: string): string | undefined =>
  report.claims.flatMap((c) => c.sentences).find((s) => s.text.includes(text))?.status;

// nord_stream_pl.txt_file_914 (8 February) and 1011 (28 March).
const NEEDED =
  'Do uzyskania wszystkich potrzebnych pozwoleń potrzebna jest jeszcze zgoda Federalnego Urzędu Żeglugi Morskiej i Hydrografii w Hamburgu na budowę i eksploatację gazociągu w niemieckiej wyłącznej strefie ekonomicznej. Inwestor oczekuje, że zgodę tę uzyska do końca marca 2018 roku.';
const GIVEN =
  'We wtorek niemiecki Federalny Urząd ds. Żeglugi i Hydrografii (BSH) wydał zgodę na budowę i eksploatację gazociągu Nord Stream 2 na wodach niemieckiej wyłącznej strefy ekonomicznej. Pod koniec stycznia Urząd Górniczy w Stralsund wydał już zgodę na budowę na niemieckich wodach terytorialnych.';

test('a consent still needed is superseded once a later article reports it given; the investor\'s forecast it fulfils is not', () => {
  const report = story(['2018-02-08', NEEDED], ['2018-03-28', GIVEN]);
  assert.equal(statusOf(report, 'potrzebna jest jeszcze zgoda'), 'superseded');
  // A plan that came true keeps its own status (GUIDELINE.md): the consent proves it right.
  assert.equal(statusOf(report, 'Inwestor oczekuje'), 'attributed');
  // The report that ends the state is current.
  assert.notEqual(statusOf(report, 'wydał zgodę na budowę i eksploatację'), 'superseded');
});

test('the order counts: a consent reported before the sentence that still needs it ends nothing', () => {
  const report = story(['2018-03-28', GIVEN], ['2018-04-08', NEEDED]);
  assert.equal(statusOf(report, 'potrzebna jest jeszcze zgoda'), 'asserted');
});

// brexit_pl.txt_file_1359 (21 June) and 1927 (28 June); the future beside it is a schedule.
const AWAITED = 'Izba Lordów przyjęła ustawę. Nowe przepisy czekają na zgodę królowej. Podkreślono, że teraz nowe przepisy będą czekały jedynie na formalną zgodę królowej Elżbiety II.';
const ASSENT =
  '„Mam obowiązek zawiadomienia parlamentu o tym, że zgodnie z ustawą o sankcji królewskiej z 1967 roku Jej Królewska Mość dała swoją królewską zgodę na projekt ustawy o wyjściu Wielkiej Brytanii z Unii Europejskiej” – powiedział spiker Izby Gmin John Bercow. O tym, że królowa Elżbieta II udzieliła ustawie tzw. royal assent, poinformował spiker.';

test('laws awaiting the royal assent are superseded by the assent given; "będą czekały" is a schedule the assent fulfils', () => {
  const report = story(['2018-06-21', AWAITED], ['2018-06-28', ASSENT]);
  assert.equal(statusOf(report, 'Nowe przepisy czekają na zgodę królowej'), 'superseded');
  assert.equal(statusOf(report, 'będą czekały jedynie'), 'attributed');
});

test('an act a later sentence gives only as a possibility ends nothing', () => {
  // brexit_pl.txt_file_1498 (11 April) beside 517 (5 May): the second "zielone światło" is another one, and only "może"
  // (the space before the comma is the outlet's: it keeps the "co może" clause from being hedged).
  const report = story(
    ['2018-04-11', 'Belgijska spółka czeka na zielone światło od lokalnego regulatora i uruchomi działalność od 1 stycznia 2019 roku, a więc jeszcze przed oficjalną datą Brexitu.'],
    ['2018-05-05', 'Konserwatywny "Telegraph" zwrócił z kolei uwagę, że Partia Konserwatywna poradziła sobie szczególnie dobrze w rejonach kraju, które zagłosowały w 2016 roku za wyjściem z UE , co może być odbierane jako "zielone światło dla Brexitu".'],
  );
  assert.equal(statusOf(report, 'czeka na zielone światło'), 'asserted');
});

// brexit_pl.txt_file_1301 (20 March) and 1377 (29 March).
const SILENT = 'Facebookowi pali się grunt pod nogami, a Mark Zuckerberg milczy. Akcje spółki spadły o siedem procent.';

test('a silence ends when the party speaks in a later article, not when a later article only names it', () => {
  const spoke = story(['2018-03-20', SILENT], ['2018-03-29', '„Jeśli tego nie potrafimy, nie zasługujemy na nie” – zaczyna Zuckerberg i przypomina, że podobny wyciek nie powinien się już powtórzyć.']);
  assert.equal(statusOf(spoke, 'Zuckerberg milczy'), 'superseded');
  const named = story(['2018-03-20', SILENT], ['2018-03-29', 'Brytyjscy posłowie zapowiedzieli, że wezwą Marka Zuckerberga przed komisję, jeśli Zuckerberg nie przyjedzie sam.']);
  assert.equal(statusOf(named, 'Zuckerberg milczy'), 'asserted');
});

// nord_stream_pl.txt_file_987 (7 November): "pominęła milczeniem" tells an act done (the application
// ignored), not a silence still kept, so no later word of the party ends it.
const IGNORED = 'Dania nie zgodziła się na pierwszy wariant trasy – wniosek Rosjan złożony półtora roku temu Kopenhaga pominęła milczeniem.';

test('an inflected verbal noun ("pominęła milczeniem") is no pending silence', () => {
  const report = story(
    ['2018-11-07', IGNORED],
    ['2018-11-20', '„Nie rozpatrzymy pierwszego wniosku” – powiedział duński minister energii Lars Christian Lilleholt. Dania poinformowała Rosjan o swojej decyzji w sprawie trasy gazociągu.'],
  );
  assert.notEqual(statusOf(report, 'pominęła milczeniem'), 'superseded');
});

// ryan-pl_file_118 (4 July): the awaited act ends at the outlet's spaced hyphen; the reporting clause
// after it names the speaker, whom a later article may name for anything.
const AWAITED_CONSENT = 'Organizatorzy strajku czekają bowiem już tylko na zgodę rządu Włoch - poinformował Antonio Escobar z hiszpańskich związków zawodowych SITCPLA.';

test('the speaker after a spaced hyphen is not part of the awaited act', () => {
  const report = story(
    ['2018-07-04', AWAITED_CONSENT],
    ['2018-07-10', 'Portugalskie ministerstwo wydało zgodę na nowe przepisy o lotniskach. Antonio Escobar mówił o planach związków zawodowych.'],
  );
  assert.notEqual(statusOf(report, 'czekają bowiem już tylko na zgodę'), 'superseded');
  // The consent of the Italian government reported later does end it.
  const given = story(['2018-07-04', AWAITED_CONSENT], ['2018-07-10', 'Rząd Włoch wydał zgodę na strajk personelu pokładowego.']);
  assert.equal(statusOf(given, 'czekają bowiem już tylko na zgodę'), 'superseded');
});
