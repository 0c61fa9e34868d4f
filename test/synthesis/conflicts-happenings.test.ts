/**
 * Which reports are of one happening, read by the real analysis layers from sentences of the
 * development stories (src/synthesis/conflicts.ts, slots.ts): lists of one strike disagree, a
 * strike over before another is dated is another strike, a meeting of other people or a year
 * apart is another meeting, a later report of what happened supersedes an earlier guess, and a
 * figure per day is another measure than a figure over two days.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysedArticles, analysedStory, conflictPairs } from './helpers.ts';
import { eventValues, sameName } from '../../src/synthesis/slots.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';

const story = analysedStory;
const pairs = conflictPairs;

test('two lists of one strike, each with a country the other lacks, contradict each other', () => {
  const report = story([
    ['one', '2018-07-24', 'Personel pokładowy Ryanaira strajkuje w środę i czwartek w Belgii, Portugalii i Hiszpanii.'],
    ['two', '2018-07-24', 'Personel pokładowy Ryanaira strajkuje w środę i czwartek w Belgii, Portugalii i Holandii.'],
  ]);
  const found = pairs(report, 'place');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0]![0], 'contradiction');
  assert.deepEqual(found[0]!.slice(1).map((l) => l.split(', ').sort().join(', ')).sort(), ['Belgia, Hiszpania, Portugalia', 'Belgia, Holandia, Portugalia']);
});

test('a strike told as over by its article\'s day is another strike than one dated after that day: their lists are not compared', () => {
  const august = ['dw', '2018-08-03', '10 sierpnia mają strajkować piloci Ryanaira w Belgii, Szwecji i Irlandii.'] as const;
  const lists = (july: string) => pairs(story([['businessinsider', '2018-08-02', july], august]), 'place');
  assert.deepEqual(lists('Strajkowali piloci Ryanaira w Irlandii oraz personel pokładowy Ryanaira we Włoszech, Hiszpanii, Belgii i Portugalii.'), []);
  // Told in the present, the first list may be of the coming strike, and the two are compared.
  assert.equal(lists('Piloci Ryanaira strajkują w Irlandii oraz personel pokładowy Ryanaira we Włoszech, Hiszpanii, Belgii i Portugalii.').length, 1);
});

test('a meeting of people none of whom is the story\'s is another meeting: its place contradicts no venue of the story', () => {
  const summit = 'Donald Tusk i Theresa May rozmawiali w czwartek o okresie przejściowym po brexicie.';
  const venues = (warsaw: string) =>
    pairs(
      story([
        ['tvn24bis', '2018-03-21', `${summit} Szczyt w Brukseli potrwa dwa dni.`],
        ['tvn24', '2018-03-22', `${summit} ${warsaw}`],
      ]),
      'place',
    );
  assert.deepEqual(venues('Podczas spotkania w Warszawie w poniedziałek premier Mateusz Morawiecki i kanclerz Niemiec Angela Merkel stwierdzili, że Unia powinna dać stanowczą odpowiedź.'), []);
  // Told of the story's own people, the other venue is a disagreement.
  assert.equal(venues('Podczas spotkania w Warszawie w poniedziałek Donald Tusk i Theresa May stwierdzili, że Unia powinna dać stanowczą odpowiedź.').length, 1);
});

test('two meetings a year apart are different happenings: their venues do not contradict', () => {
  const meeting = (day: string, place: string) => [day.slice(0, 4), day, `Władimir Putin spotkał się z Kim Dzong Unem ${place}.`] as const;
  assert.deepEqual(pairs(story([meeting('2019-04-25', 'we Władywostoku'), meeting('2019-04-26', 'we Władywostoku')]), 'place'), []);
  assert.deepEqual(pairs(story([meeting('2019-04-25', 'we Władywostoku'), meeting('2023-09-13', 'w Wostocznym')]), 'place'), []);
});

test('a later report in the past tense of where the meeting took place supersedes an earlier guess', () => {
  const report = story([
    ['one', '2023-09-11', 'Kim Dzong Un prawdopodobnie spotka się z Władimirem Putinem we Władywostoku.'],
    ['two', '2023-09-11', 'Rozmowy Kim Dzong Una z Władimirem Putinem prawdopodobnie odbędą się we Władywostoku.'],
    ['three', '2023-09-13', 'Kim Dzong Un spotkał się z Władimirem Putinem na kosmodromie Wostocznyj.'],
  ]);
  const found = pairs(report, 'place');
  assert.deepEqual(found.find((p) => p[0] === 'update'), ['update', 'Władywostok (superseded)', 'Wostocznyj (current)'], JSON.stringify(found));
});

test('300 flights a day and 600 over two days are different measures, not a contradiction', () => {
  const report = story([
    ['one', '2018-07-24', 'Ryanair odwoła 600 lotów w ciągu dwóch dni strajku.'],
    ['two', '2018-07-24', 'Ryanair odwoła 300 lotów każdego dnia strajku.'],
  ]);
  assert.deepEqual(pairs(report, 'number'), []);
});

test('a name with its last words as an acronym is the same name ("Trybunał Sprawiedliwości UE"); a country lies in no other country', () => {
  assert.equal(sameName('Trybunał Sprawiedliwości UE', 'Trybunał Sprawiedliwości Unii Europejskiej'), true);
  assert.equal(sameName('Trybunał Sprawiedliwości UE', 'Trybunał Konstytucyjny'), false);
  // "wizyty sekretarza stanu USA w Rosji" puts no American city in Russia.
  const report = story([
    ['biznesalert', '2018-09-13', 'Źródło agencji TASS przekonuje, że podczas wizyty sekretarza stanu USA w Rosji padnie temat gazociągu.'],
    ['euractiv', '2018-09-14', 'Podczas wizyty w Waszyngtonie mówiono o gazociągu.'],
  ]);
  assert.ok(!report.conflicts.some((c) => c.kind === 'refinement'), JSON.stringify(pairs(report, 'place')));
});

test('a name after a preposition and a relative pronoun ("na jakich Londyn opuści UE") is no place of the event', () => {
  const articles = analysedArticles([
    ['euractiv', '2018-03-23', 'Przywódcy zgodzili się co do wytycznych na temat kolejnej fazy negocjacji warunków, na jakich Londyn opuści UE.'],
    ['tvn24', '2018-03-23', 'Kolejna faza negocjacji w Brukseli ruszy w kwietniu.'],
  ]);
  const places = eventValues(storyFeatures(articles)).filter((v) => v.slot === 'place').map((v) => v.label);
  assert.deepEqual(places, ['Bruksela']);
});

test('a number and a half before its magnitude ("cztery i pół miliona obywateli") is 4,5 million, not a million', () => {
  const report = story([
    ['dziennik', '2018-03-21', 'Porozumienie uspokoi cztery i pół miliona obywateli, których brexit dotyka bezpośrednio.'],
    ['gazetaprawna', '2018-03-22', 'Porozumienie uspokoi 4 miliony obywateli, których brexit dotyka bezpośrednio.'],
  ]);
  const values = report.conflicts.filter((c) => c.slot === 'number').map((c) => c.values.map((v) => v.value).sort());
  assert.deepEqual(values, [['4 miliony obywateli', 'cztery i pół miliona obywateli']]);
});
