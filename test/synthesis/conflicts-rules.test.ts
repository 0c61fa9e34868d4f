/** Conflict rules of src/synthesis/conflicts.ts on sentences from the development stories. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import type { SynthesisArticle } from '../../src/synthesis/input.ts';
import { handArticle } from './helpers.ts';

test('a count\'s whole ("190 z 2400 lotów") is no value of the happening, the count is (190 flights); a plain 2400 still is', () => {
  const cancelled = handArticle({ id: 'b', published: '2018-09-28', text: 'Ryanair odwołał w piątek 250 lotów zaplanowanych na ten dzień.' });
  const whole = synthesizeStory({
    id: 's',
    articles: [handArticle({ id: 'a', published: '2018-09-28', text: 'Ryanair odwołał w piątek 190 z 2400 lotów zaplanowanych na ten dzień.' }), cancelled],
  });
  assert.ok(!whole.conflicts.some((c) => c.values.some((v) => v.value.includes('2400'))), JSON.stringify(whole.conflicts));
  // The count takes the whole's unit: 190 flights against 250.
  assert.deepEqual(whole.conflicts.filter((c) => c.slot === 'number').map((c) => c.values.map((v) => v.value).sort()), [['190 lotów', '250 lotów']]);
  const plain = synthesizeStory({
    id: 't',
    articles: [handArticle({ id: 'a', published: '2018-09-28', text: 'Ryanair odwołał w piątek 2400 lotów zaplanowanych na ten dzień.' }), cancelled],
  });
  assert.deepEqual(plain.conflicts.filter((c) => c.slot === 'number').map((c) => c.values.map((v) => v.value).sort()), [['2400 lotów', '250 lotów']]);
});

const PEOPLE = [
  ['Donald Tusk', 'Donald Tusk', 'PER', 'dnld-tsk'],
  ['Olaf Scholz', 'Olaf Scholz', 'PER', 'olf-schlz'],
] as const;

/** Two one-sentence articles about one meeting, each with its time expression. */
function meeting(first: [string, string, string, string], second: [string, string, string, string]) {
  return synthesizeStory({
    id: 's',
    articles: [first, second].map(([published, text, surface, value], i) => handArticle({ id: `a${i}`, published, entities: PEOPLE, text, times: [[surface, value]] })),
  });
}

test('the day of a statement ("powiedział we wtorek") dates no happening; the day of the meeting does', () => {
  const said = meeting(
    ['2023-09-12', 'Spotkanie Donald Tusk i Olaf Scholz w stolicy kraju było udane, powiedział we wtorek rzecznik.', 'we wtorek', '2023-09-12'],
    ['2023-09-15', 'Spotkanie Donald Tusk i Olaf Scholz w stolicy kraju było udane, powiedział w piątek rzecznik.', 'w piątek', '2023-09-15'],
  );
  assert.deepEqual(said.conflicts.filter((c) => c.slot === 'date'), []);
  const held = meeting(
    ['2023-09-11', 'Spotkanie Donald Tusk i Olaf Scholz odbędzie się we wtorek w stolicy kraju.', 'we wtorek', '2023-09-12'],
    ['2023-09-11', 'Spotkanie Donald Tusk i Olaf Scholz odbędzie się w piątek w stolicy kraju.', 'w piątek', '2023-09-15'],
  );
  assert.equal(held.conflicts.find((c) => c.slot === 'date')?.kind, 'contradiction');
});

test('the day a medium cites words ("przytacza w piątek portal") dates the report, not the dinner where they were said', () => {
  const cited = meeting(
    ['2023-09-13', 'Donald Tusk i Olaf Scholz rozmawiali o negocjacjach podczas środowej kolacji z darczyńcami partii.', 'środowej', '2023-09-13'],
    ['2023-09-15', 'Donald Tusk i Olaf Scholz krytykowali negocjacje, ich nagraną wypowiedź przytacza w piątek portal informacyjny.', 'w piątek', '2023-09-15'],
  );
  assert.deepEqual(cited.conflicts.filter((c) => c.slot === 'date'), [], JSON.stringify(cited.conflicts));
});

test('"dziś" is read from the publication day: a copy published a day later sets no other date', () => {
  const text = 'Spotkanie Donald Tusk i Olaf Scholz odbyło się dziś w stolicy kraju.';
  const copies = meeting(['2023-09-12', text, 'dziś', '2023-09-12'], ['2023-09-13', text, 'dziś', '2023-09-13']);
  assert.deepEqual(copies.conflicts.filter((c) => c.slot === 'date'), []);
  // Written out, the same two days do conflict.
  const written = meeting(
    ['2023-09-13', 'Spotkanie Donald Tusk i Olaf Scholz odbyło się 12 września w stolicy kraju.', '12 września', '2023-09-12'],
    ['2023-09-13', 'Spotkanie Donald Tusk i Olaf Scholz odbyło się 13 września w stolicy kraju.', '13 września', '2023-09-13'],
  );
  assert.equal(written.conflicts.find((c) => c.slot === 'date')?.kind, 'contradiction');
});

/** An article whose one sentence holds an indirect quote with the given speaker. */
function quoted(id: string, text: string, quote: string, speaker: string): SynthesisArticle {
  const a = handArticle({ id, published: '2018-01-17', text });
  const start = text.indexOf(quote);
  return { ...a, quotes: [{ start, end: start + quote.length, text: quote, kind: 'indirect', speaker: { name: speaker, type: 'PER' }, sentence: 0 }] };
}

test('who said it conflicts only where each source names the speaker in the sentence, not where the engine guessed', () => {
  const quote = 'rząd nie przedstawił wystarczających gwarancji zachowania istniejących zabezpieczeń';
  const copy = `Lider opozycji Jeremy Corbyn i Keir Starmer ocenili, że ${quote}.`;
  // The same copy with speakers resolved differently by the quote layer: no source disagrees.
  const guessed = synthesizeStory({ id: 's', articles: [quoted('a', copy, quote, 'David Davis'), quoted('b', copy, quote, 'Unia Europejska')] });
  assert.deepEqual(guessed.conflicts.filter((c) => c.slot === 'person'), []);
  const named = synthesizeStory({
    id: 't',
    articles: [quoted('a', `Jeremy Corbyn ocenił, że ${quote}.`, quote, 'Jeremy Corbyn'), quoted('b', `Keir Starmer ocenił, że ${quote}.`, quote, 'Keir Starmer')],
  });
  assert.equal(named.conflicts.filter((c) => c.slot === 'person').length, 1);
});

test('updates chain: a forecast overtaken by a first count and that by the count on the day is overtaken by the last too', () => {
  const report = synthesizeStory({
    id: 's',
    articles: [
      handArticle({ id: 'a', published: '2018-09-18', text: 'Rzecznik belgijskich związków zawodowych ostrzegł, że tego dnia ma zostać odwołanych ponad 600 lotów.' }),
      handArticle({ id: 'b', published: '2018-09-25', text: 'Rzecznik związków zawodowych podał, że przewoźnik odwołał 190 lotów zaplanowanych na piątek.' }),
      handArticle({ id: 'c', published: '2018-09-28', text: 'Przewoźnik odwołał w piątek 250 lotów zaplanowanych na piątek z powodu strajku.' }),
    ],
  });
  const updates = report.conflicts.filter((c) => c.kind === 'update').map((c) => c.values.map((v) => v.value).join(' → '));
  assert.deepEqual(updates.sort(), ['190 lotów → 250 lotów', 'ponad 600 lotów → 190 lotów', 'ponad 600 lotów → 250 lotów']);
});

/** The number conflicts between two one-sentence articles published on consecutive days. */
function numberConflicts(first: string, second: string) {
  return synthesizeStory({
    id: 's',
    articles: [handArticle({ id: 'a', published: '2018-08-01', text: first }), handArticle({ id: 'b', published: '2018-08-02', text: second })],
  }).conflicts.filter((c) => c.slot === 'number');
}

test('a quantifier\'s whole ("na wielu z 37 rynków") is no value: it contradicts no other count of markets', () => {
  const twenty = 'Ryanair twierdzi, że ma 20 rynków, na których brakuje mu samolotów i ludzi.';
  assert.deepEqual(numberConflicts('Ryanair twierdzi, że na wielu z 37 rynków, na których działa, brakuje mu samolotów i ludzi.', twenty), []);
  // Without the quantifier the 37 is a count of markets, and the two disagree.
  assert.equal(numberConflicts('Ryanair twierdzi, że ma 37 rynków, na których brakuje mu samolotów i ludzi.', twenty).length, 1);
});

test('figures given in turn ("odpowiednio o 100 i 200 osób") are no values: the total of 300 contradicts neither', () => {
  const total = 'Po zmniejszeniu floty zatrudnienie pilotów i stewardów w Dublinie spadnie o 300 osób.';
  assert.deepEqual(numberConflicts('Po zmniejszeniu floty zatrudnienie pilotów i stewardów w Dublinie spadnie odpowiednio o 100 i 200 osób.', total), []);
  assert.equal(numberConflicts('Po zmniejszeniu floty zatrudnienie pilotów i stewardów w Dublinie spadnie o 200 osób.', total).length, 1);
});

test('copies of one sentence published on two days set no two dates ("W ubiegłą środę" read from each day)', () => {
  const people = [['Donald Tusk', 'Donald Tusk', 'PER', 'dnld-tsk']] as const;
  const text = 'W ubiegłą środę w Luksemburgu przewodniczący Rady Europejskiej Donald Tusk poinformował, przedstawiając projekt wytycznych negocjacyjnych, że możliwa jest tylko umowa o wolnym handlu.';
  const report = synthesizeStory({
    id: 's',
    articles: [
      handArticle({ id: 'a', published: '2018-03-14', entities: people, text, times: [['W ubiegłą środę', '2018-03-07']] }),
      handArticle({ id: 'b', published: '2018-03-15', entities: people, text, times: [['W ubiegłą środę', '2018-03-14']] }),
    ],
  });
  assert.deepEqual(report.conflicts.filter((c) => c.slot === 'date'), [], JSON.stringify(report.conflicts));
});

test('whereabouts come from the verb\'s own clause and never from a question: "wiara jest silna i modli się do … Boga" places no one', () => {
  const entities = [['Pakistanu', 'Pakistan', 'LOC', 'geo-pk'], ['Pakistanie', 'Pakistan', 'LOC', 'geo-pk'], ['Boga', 'Bóg', 'LOC', 'bg'], ['Asia Bibi', 'Asia Bibi', 'PER', 'as-b']] as const;
  // The foreign ministry denies she left: a whereabouts another source gives disputes it.
  const denial = handArticle({ id: 'a', published: '2018-11-08', entities, statuses: { 0: 'denied' }, text: 'Asia Bibi została przewieziona w bezpieczne miejsce na terenie Pakistanu, dementując informacje o wyjeździe.' });
  const disputes = (text: string) =>
    synthesizeStory({ id: 's', articles: [denial, handArticle({ id: 'b', published: '2018-11-07', entities, text })] }).conflicts.filter((c) => c.kind === 'dispute');
  assert.deepEqual(disputes('Asia Bibi mówi, że jej wiara jest silna i modli się do miłosiernego Boga.'), []);
  assert.deepEqual(disputes('Czy Asia Bibi jest już w samolocie?'), []);
  // The plain statement in the verb's clause still disputes the denial.
  assert.equal(disputes('Asia Bibi jest już w samolocie, ale nikt nie wie, gdzie wyląduje.').length, 1);
});

test('a list whose sentence names the other list\'s extra place beside it is partial, not a contradiction', () => {
  const entities = [
    ['Dublinie', 'Dublin', 'LOC', 'dbln'],
    ['Irlandii', 'Irlandia', 'LOC', 'geo-ie'],
    ['Włoszech', 'Włochy', 'LOC', 'geo-it'],
    ['Hiszpanii', 'Hiszpania', 'LOC', 'geo-es'],
    ['Portugalii', 'Portugalia', 'LOC', 'geo-pt'],
    ['Belgii', 'Belgia', 'LOC', 'geo-be'],
  ] as const;
  const fuller = 'Po strajkach pilotów z bazy w Dublinie i personelu pokładowego we Włoszech, Hiszpanii, Portugalii i Belgii teraz chcą protestować piloci niemieccy.';
  const shorter = 'Po strajkach w Irlandii, Hiszpanii, Portugalii i Belgii teraz chcą protestować piloci niemieccy.';
  const lists = (first: string) =>
    synthesizeStory({
      id: 's',
      articles: [
        handArticle({ id: 'a', published: '2018-08-03', entities, text: first }),
        handArticle({ id: 'b', published: '2018-08-02', entities, text: first }),
        handArticle({ id: 'c', published: '2018-08-01', entities, text: shorter }),
      ],
    }).conflicts.filter((c) => c.slot === 'place' && c.values.every((v) => v.value.includes(', ')));
  assert.deepEqual(lists(fuller), []);
  // Without Dublin beside it the cabin crew's list leaves Ireland out, and the two disagree.
  assert.equal(lists('Po strajkach personelu pokładowego we Włoszech, Hiszpanii, Portugalii i Belgii teraz chcą protestować piloci niemieccy.').length, 1);
});

test('a capital lies in its country: "z wizytą w Gruzji" and "spotkanie … w Tbilisi" are a refinement', () => {
  const entities = [['Gruzji', 'Gruzja', 'LOC', 'geo-ge'], ['Tbilisi', 'Tbilisi', 'LOC', 'tblsi'], ['Angela Merkel', 'Angela Merkel', 'PER', 'angl-mrkl']] as const;
  const report = synthesizeStory({
    id: 's',
    articles: [
      handArticle({ id: 'a', published: '2018-08-24', entities, text: 'Angela Merkel spotkała się ze studentami w Gruzji i mówiła o gazociągu.' }),
      handArticle({ id: 'b', published: '2018-08-24', entities, text: 'Angela Merkel spotkała się ze studentami w Tbilisi i mówiła o gazociągu.' }),
    ],
  });
  const places = report.conflicts.filter((c) => c.slot === 'place');
  assert.ok(places.every((c) => c.kind === 'refinement'), JSON.stringify(places));
});

test('an event word counted as several ("serii spotkań", "cztery spotkania", "4 spotkania") gives no venue of the story\'s one meeting', () => {
  const entities = [['Katowicach', 'Katowice', 'LOC', 'ktwc'], ['Inverness', 'Inverness', 'LOC', 'invrns'], ['Londynie', 'Londyn', 'LOC', 'lndn']] as const;
  const venues = (text: string) =>
    synthesizeStory({
      id: 's',
      articles: [
        handArticle({ id: 'a', published: '2018-04-09', entities, text: 'Europoseł mówił podczas spotkania z dziennikarzami w Katowicach o budżecie Unii.' }),
        handArticle({ id: 'b', published: '2018-04-13', entities, text }),
      ],
    }).conflicts.filter((c) => c.slot === 'place');
  assert.deepEqual(venues('Działacze planują cztery spotkania w Inverness dla obywateli Unii.'), []);
  assert.deepEqual(venues('Działacze planują 4 spotkania w Inverness dla obywateli Unii.'), []);
  assert.deepEqual(venues('Rząd konsultował projekt podczas serii spotkań w Londynie z obywatelami Unii.'), []);
  // One meeting elsewhere is still compared.
  assert.equal(venues('Działacze zorganizowali spotkanie w Inverness dla obywateli Unii.').length, 1);
});
