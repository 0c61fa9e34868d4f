import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeExpressions, timelineEvents, type TimeExpression } from '../../../src/analysis/time/index.ts';
import { doc, seed, type Doc } from '../quotes/fixture.ts';

function times(d: Doc): TimeExpression[] {
  return findTimeExpressions({ text: d.text, language: d.language, sentences: d.sentences, ...(d.published ? { published: d.published } : {}) });
}

function expression(all: readonly TimeExpression[], surface: string): TimeExpression {
  const t = all.find((x) => x.text === surface);
  assert.ok(t, `no expression ${JSON.stringify(surface)}; got ${JSON.stringify(all.map((x) => x.text))}`);
  return t;
}

test('seed-month-only-date: seed 004 resolved against 2023-09 with honest granularity', () => {
  const all = times(seed('004'));
  const cases: [string, string, string][] = [
    ['30 czerwca 2019 r.', '2019-06-30', 'day'],
    ['w kwietniu 2019 r.', '2019-04', 'month'],
    ['Przed dwoma miesiącami', '2023-07', 'month'],
    ['w zeszłym roku', '2022', 'year'],
    ['w sierpniu', '2023-08', 'month'],
    ['pod koniec ubiegłego miesiąca', '2023-08', 'month'],
    ['w najbliższych dniach', '2023-09', 'month'],
  ];
  for (const [surface, value, granularity] of cases) {
    const t = expression(all, surface);
    assert.equal(t.value, value, `value of ${surface}`);
    assert.equal(t.granularity, granularity, `granularity of ${surface}`);
  }
  const tuesday = expression(all, 'we wtorek');
  assert.equal(tuesday.value, '2023-09', 'no invented day from a month-precision date');
  assert.equal(tuesday.granularity, 'month');
  assert.equal(tuesday.relation, 'weekday');
  assert.equal(tuesday.note, 'weekday: wtorek');
  assert.equal(expression(all, 'poniedziałkowym').note, 'weekday: poniedziałek', 'adjective weekday forms');
  assert.equal(expression(all, 'w sierpniu').anchor, '2023-09');
  assert.equal(expression(all, '30 czerwca 2019 r.').relation, 'absolute');
});

test('seed-undated: deictic words stay unresolved, a bare month takes the previous absolute year', () => {
  const all = times(seed('000'));
  const tuesday = expression(all, 'we wtorek');
  assert.equal(tuesday.value, '');
  assert.match(tuesday.note ?? '', /unresolved/);
  const since = expression(all, 'od 2019 roku');
  assert.equal(since.value, '2019');
  assert.equal(since.note, 'since');
  const july = expression(all, 'Pod koniec lipca');
  assert.equal(july.value, '2017-07');
  assert.equal(july.anchor, '2017');
  assert.equal(july.note, 'end of month');
});

test('seed-001-relative-years-and-months: listopad ubiegłego roku, W marcu, ubiegły wtorek', () => {
  const all = times(seed('001'));
  assert.equal(expression(all, 'w listopadzie ubiegłego roku').value, '2022-11');
  assert.equal(expression(all, 'W marcu').value, '2023-03');
  assert.equal(expression(all, 'W lipcu 2023 roku').value, '2023-07');
  assert.equal(expression(all, 'w ubiegły wtorek').note, 'weekday: wtorek (previous)');
  assert.equal(expression(times(seed('003')), 'półtora roku temu').value, '2022-03');
});

test('day-precision-date: weekdays and deictic days become days and ISO weeks', () => {
  const d = doc('Minister przekazał wczoraj, że rozmowy odbyły się we wtorek. W ubiegły czwartek nic nie ustalono, a w zeszłym tygodniu strony się nie spotkały.', 'pl', { value: '2024-03-14', precision: 'day' });
  const all = times(d);
  assert.equal(expression(all, 'wczoraj').value, '2024-03-13');
  assert.equal(expression(all, 'we wtorek').value, '2024-03-12');
  assert.equal(expression(all, 'W ubiegły czwartek').value, '2024-03-07', 'the previous Thursday, not the publication day');
  const week = expression(all, 'w zeszłym tygodniu');
  assert.equal(week.value, '2024-W10');
  assert.equal(week.granularity, 'week');
});

test('weekday-direction-from-clause: past by default, forward when the clause speaks of the future', () => {
  const d = doc('Prezes oświadczył w poniedziałek, że stopy nie zostaną obniżone. Kolejne posiedzenie odbędzie się w poniedziałek.', 'pl', { value: '2024-03-14', precision: 'day' });
  const [reported, planned] = times(d);
  assert.equal(reported?.value, '2024-03-11', 'the future in the reported content does not move the reporting day');
  assert.equal(planned?.value, '2024-03-18');
  const monthOnly = times(doc('Dwa tygodnie temu opozycja złożyła wniosek.', 'pl', { value: '2024-05', precision: 'month' }));
  assert.equal(monthOnly[0]?.value, '2024', 'weeks before a month-precision date may fall in the month before');
});

test('english-expressions: on Tuesday, last month, in April 2019, two months ago, yesterday', () => {
  const d = doc('Talks began on Tuesday. Last month the ministers met, and they first met in April 2019. Two months ago a delegation visited; yesterday it returned. On June 30, 2019, Trump crossed the border. It may happen soon.', 'en', { value: '2023-09-14', precision: 'day' });
  const all = times(d);
  assert.equal(expression(all, 'on Tuesday').value, '2023-09-12');
  assert.equal(expression(all, 'Last month').value, '2023-08');
  assert.equal(expression(all, 'in April 2019').value, '2019-04');
  assert.equal(expression(all, 'Two months ago').value, '2023-07');
  assert.equal(expression(all, 'yesterday').value, '2023-09-13');
  assert.equal(expression(all, 'On June 30, 2019').value, '2019-06-30');
  assert.equal(all.some((t) => t.text.includes('may')), false, 'the modal "may" is not the month May');
});

test('timeline-order: 2011 < 2017 < 2019-04 < 2019-06-30 < 2023-07 < 2023-09', () => {
  const d = doc('We wtorek przywódcy spotkali się ponownie. W lipcu 2023 roku Szojgu odwiedził Pjongjang. 30 czerwca 2019 r. Trump przekroczył granicę. Kim objął władzę w 2011 roku. W 2017 roku Rosja głosowała za sankcjami. Poprzednio spotkali się w kwietniu 2019 r. we Władywostoku. To zdanie nie ma daty.', 'pl', { value: '2023-09', precision: 'month' });
  const all = times(d);
  const events = timelineEvents({ text: d.text, sentences: d.sentences, times: all });
  assert.deepEqual(events.map((e) => e.value), ['2011', '2017', '2019-04', '2019-06-30', '2023-07', '2023-09']);
  assert.equal(events[0]!.text, 'Kim objął władzę w 2011 roku.');
  assert.equal(events[0]!.time, 'w 2011 roku');
  assert.equal(d.text.slice(events[0]!.start, events[0]!.end).trim(), events[0]!.text);
});

test('undated: the end or start of a span ("do 2040 roku") anchors no bare month of the next sentence (BSNLP nord_stream 945)', () => {
  const all = times(doc('Mimo, że niedawno spółka przedłużyła do 2040 roku współpracę z rosyjskim monopolistą. Podpisana w czerwcu umowa z OMV jest jedną z najdłuższych w portfolio Gazpromu. W 2016 roku spółka podpisała list intencyjny. W czerwcu przedłużyła go.', 'pl'));
  assert.equal(expression(all, 'do 2040 roku').value, '2040');
  assert.equal(expression(all, 'w czerwcu').value, '');
  // A narrative year still anchors the month after it.
  assert.equal(expression(all, 'W czerwcu').value, '2016-06');
});

test('undated: "bieżącego roku" is the year of writing, never a year read earlier in the text (BSNLP ryanair 214)', () => {
  const all = times(doc('W 1997 roku Hiszpanie złożyli skargę do Komisji Europejskiej. Według Eurocontrol, do czerwca bieżącego roku ponad 16 tys. lotów było opóźnionych.', 'pl'));
  assert.equal(expression(all, 'do czerwca bieżącego roku').value, '');
  const dated = times(doc('W 1997 roku Hiszpanie złożyli skargę. Według Eurocontrol, do czerwca bieżącego roku ponad 16 tys. lotów było opóźnionych.', 'pl', { value: '2018-07-24', precision: 'day' }));
  assert.equal(expression(dated, 'do czerwca bieżącego roku').value, '2018-06');
});

test('a year after its year word ("w roku 2009") is a year, as "w 2009 roku" is', () => {
  const d = doc('Do wydarzenia, które pakistański sąd zinterpretował jako bluźnierstwo, doszło w roku 2009, gdy Asia Bibi spytała swoje islamskie sąsiadki o Mahometa. Od roku 2010 przebywa w więzieniu.', 'pl', { value: '2017-12-20', precision: 'day' });
  const all = times(d);
  assert.equal(expression(all, 'w roku 2009').value, '2009');
  assert.equal(expression(all, 'w roku 2009').granularity, 'year');
  assert.equal(expression(all, 'Od roku 2010').note, 'since');
});

test('a day and month with a relative year ("29 marca ub.r.", "29 marca ubiegłego roku") is that day of the year counted from publication (BSNLP brexit 1195, 244, 1508, 1207)', () => {
  const abbreviated = times(doc('Wielka Brytania rozpoczęła proces wyjścia z Unii Europejskiej 29 marca ub.r. i powinna ją opuścić 29 marca 2019 roku.', 'pl', { value: '2018-06-04', precision: 'day' }));
  const lastYear = expression(abbreviated, '29 marca ub.r.');
  assert.equal(lastYear.value, '2017-03-29');
  assert.equal(lastYear.granularity, 'day');
  assert.equal(lastYear.relation, 'relative');
  assert.equal(lastYear.anchor, '2018-06-04');
  const spelled = times(doc('Wielka Brytania rozpoczęła proces wyjścia z Unii Europejskiej 29 marca ubiegłego roku i powinna opuścić Wspólnotę 29 marca 2019 roku.', 'pl', { value: '2018-01-17', precision: 'day' }));
  assert.equal(expression(spelled, '29 marca ubiegłego roku').value, '2017-03-29', 'the day is kept, not only the month');
  const next = times(doc('Oficjalną datą opuszczenia Unii Europejskiej przez Zjednoczone Królestwo jest 30 marca przyszłego roku.', 'pl', { value: '2018-04-08', precision: 'day' }));
  assert.equal(expression(next, '30 marca przyszłego roku').value, '2019-03-30');
  const thisYear = times(doc('Kolejny szczyt UE poświęcony między innymi negocjacjom dotyczącym brexitu jest zaplanowany na 28 czerwca br. Wielka Brytania rozpoczęła proces wyjścia z UE 29 marca 2017 roku.', 'pl', { value: '2018-06-03', precision: 'day' }));
  assert.equal(expression(thisYear, 'na 28 czerwca br.').value, '2018-06-28');
  // Said from the moment of writing: with no publication date a year read earlier is no anchor.
  const undated = times(doc('W 2016 roku odbyło się referendum. Wielka Brytania rozpoczęła proces wyjścia z Unii 29 marca ub.r.', 'pl'));
  assert.equal(expression(undated, '29 marca ub.r.').value, '');
});

test('a month with an abbreviated relative year ("we wrześniu ub.r.", "W lutym br.") and the abbreviation alone ("w ub. roku") (BSNLP nord_stream 417, asia_bibi 13, 181, brexit 1337)', () => {
  const september = times(doc('W lobbowanie na rzecz projektu mocno zaangażowany jest były kanclerz Niemiec Gerhard Schroeder, który we wrześniu ub.r. został wybrany na szefa rady dyrektorów rosyjskiego koncernu.', 'pl', { value: '2018-05-11', precision: 'day' }));
  assert.equal(expression(september, 'we wrześniu ub.r.').value, '2017-09');
  // The nearest February to November would be the next one; "br." says this year's.
  const february = times(doc('W lutym br. przyjął na audiencji męża Bibi i jedną z jej córek.', 'pl', { value: '2018-11-01', precision: 'day' }));
  assert.equal(expression(february, 'W lutym br.').value, '2018-02');
  const spaced = times(doc('Tehreek-e-Labaik Yah Rasool Allah Pakistan uważa zabójcę Taseera, który został w ub. roku stracony, za bohatera islamu.', 'pl', { value: '2017-11-25', precision: 'day' }));
  assert.equal(expression(spaced, 'w ub. roku').value, '2016');
  const bare = times(doc('Jeśli idzie o Polaków, w ub.r. ich liczba zasadniczo się nie zmieniła.', 'pl', { value: '2018-06-13', precision: 'day' }));
  assert.equal(expression(bare, 'w ub.r.').value, '2017');
  assert.equal(expression(bare, 'w ub.r.').granularity, 'year');
});

test('english: a day and month with "last year" / "next year" is that day of the year counted from publication', () => {
  const all = times(doc('Britain triggered Article 50 on March 29 last year and will leave on 29 March next year.', 'en', { value: '2018-06-04', precision: 'day' }));
  assert.equal(expression(all, 'on March 29 last year').value, '2017-03-29');
  assert.equal(expression(all, 'on 29 March next year').value, '2019-03-29');
});
