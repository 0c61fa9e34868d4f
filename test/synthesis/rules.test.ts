import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeKey } from '../../src/synthesis/places.ts';
import { sameName } from '../../src/synthesis/slots.ts';

test('place-abbreviations: the entity layer\'s short names are one place ("Wlk. Brytania" = "Wielka Brytania")', () => {
  assert.equal(placeKey('Wlk. Brytania', 'pl'), placeKey('Wielka Brytania', 'pl'));
  assert.equal(placeKey('W. Brytania', 'pl'), placeKey('Wielkiej Brytanii', 'pl'));
  assert.equal(placeKey('USA', 'pl'), placeKey('Stanach Zjednoczonych', 'pl'));
  assert.notEqual(placeKey('Wielka Brytania', 'pl'), placeKey('Holandia', 'pl'));
});

test('hyphenated-names: "Saif" is a short form of "Saif-Ul-Mulook", not a second value', () => {
  assert.ok(sameName('Saif-Ul-Mulook', 'Saif'));
  assert.ok(!sameName('Ust-Ługa', 'Wyborg'));
});

test('speaker-full-name: a lone surname or a title before a full name is the story\'s person', async () => {
  const { rankQuotes } = await import('../../src/synthesis/quotes.ts');
  const { handArticle } = await import('./helpers.ts');
  const withQuote = (id: string, text: string, quote: string, speaker: string) => {
    const base = handArticle({
      id,
      text,
      entities: [
        ['David Davis', 'David Davis', 'PER', 'per-davis'],
        ['Kenny Jacobs', 'Kenny Jacobs', 'PER', 'per-jacobs'],
      ],
    });
    const start = text.indexOf(quote);
    return { ...base, quotes: [{ start, end: start + quote.length, text: quote, kind: 'direct' as const, speaker: { name: speaker }, sentence: 0 }] };
  };
  const quotes = rankQuotes([
    withQuote('a', 'Minister David Davis był w Brukseli. „Chcemy bliskich relacji z Unią” – mówił Davis.', 'Chcemy bliskich relacji z Unią', 'Davis'),
    withQuote('b', 'Kenny Jacobs ostrzegał klientów. „Te strajki niszczą zaufanie” – powiedział dyrektor ds. marketingu.', 'Te strajki niszczą zaufanie', 'Marketingu Ryanair Kenny Jacobs'),
    withQuote('c', '„Nie wiem nic o tym” – powiedział Nowak.', 'Nie wiem nic o tym', 'Nowak'),
  ]);
  const by = new Map(quotes.map((q) => [q.text, q.speaker]));
  assert.equal(by.get('Chcemy bliskich relacji z Unią'), 'David Davis');
  assert.equal(by.get('Te strajki niszczą zaufanie'), 'Kenny Jacobs');
  assert.equal(by.get('Nie wiem nic o tym'), 'Nowak', 'no person of the story ends so: the name stays');
});

test('quote-recipient: "napisał w wiadomości dla agencji AFP" — the agency is whom he wrote to, not the speaker', async () => {
  const { findQuotes } = await import('../../src/analysis/quotes/index.ts');
  const { doc, withMention } = await import('../analysis/quotes/fixture.ts');
  const d = withMention(
    doc('Asia Bibi została wypuszczona z więzienia – poinformował jej prawnik. „Powiedziano mi, że jest w samolocie, ale nikt nie wie, gdzie wyląduje” – napisał w wiadomości dla agencji AFP.', 'pl'),
    'AFP', 'AFP', 'ORG',
  );
  const q = findQuotes({ text: d.text, language: d.language, sentences: d.sentences, mentions: d.mentions }).find((x) => x.text.startsWith('Powiedziano mi'));
  assert.ok(q, 'the quote is found');
  assert.notEqual(q.speaker?.name, 'AFP');
});

test('claims: a shorter paraphrase joins the longer sentence it is inside; a sentence on the same topic does not', async () => {
  const { synthesizeStory } = await import('../../src/synthesis/index.ts');
  const { handArticle } = await import('./helpers.ts');
  const articles = [
    handArticle({ id: 'a', published: '2018-03-19', text: 'Negocjatorzy spotkali się w Brukseli. Według projektu porozumienia unijni obywatele, którzy przyjadą do Wielkiej Brytanii w okresie przejściowym, będą mieli zagwarantowane takie same prawa jak ci, którzy przybyli przed brexitem.' }),
    handArticle({ id: 'b', published: '2018-03-19', text: 'Rozmowy trwały do rana. Obywatele przybywający w okresie przejściowym mają mieć zagwarantowane te same prawa.' }),
    handArticle({ id: 'c', published: '2018-03-19', text: 'Premier skomentowała wynik rozmów. Okres przejściowy potrwa do końca 2020 roku.' }),
  ];
  const report = synthesizeStory({ id: 's', articles });
  const rights = report.claims.find((c) => c.sentences.some((s) => s.text.includes('te same prawa')));
  assert.deepEqual([...rights!.articles].sort(), ['a', 'b']);
});

test('whereabouts: a prison or "bezpieczne miejsce" names no country, so it never contradicts a named place', async () => {
  const { isLocalWhereabouts } = await import('../../src/synthesis/slots.ts');
  assert.ok(isLocalWhereabouts('więzienie', 'pl'), '"przebywa w więzieniu" may be in Pakistan');
  assert.ok(isLocalWhereabouts('miejsce', 'pl'), '"przewieziona w bezpieczne miejsce"');
  assert.ok(!isLocalWhereabouts('samolot', 'pl'), '"jest w samolocie" is on the way out: a denial of leaving disputes it');
  assert.ok(!isLocalWhereabouts('Pakistan', 'pl'));
  assert.ok(!isLocalWhereabouts('plane', 'en'));
});

test('dates: sources disagree on a happening\'s date by days; a year apart are two happenings (talks on 20 March vs exit on 29 March 2019)', async () => {
  const { datesApart } = await import('../../src/synthesis/conflicts.ts');
  assert.ok(datesApart('2018-03-20', '2019-03-29'));
  assert.ok(!datesApart('2018-07-17', '2018-07-18'), '"17 lipca" vs "18 lipca" stays a contradiction');
  assert.ok(!datesApart('2019', '2019-03-29'), 'a year contains its days');
  assert.ok(!datesApart('2018-03', '2018-03-19'));
});
