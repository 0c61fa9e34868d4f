/**
 * One happening told twice takes one place in the summary (src/synthesis/happenings.ts
 * `sameHappening`): two sentences reporting the same past verb about a participant both name,
 * with no figure or day telling them apart. Real sentences of the development stories through the
 * real ingest and analysis layers (lemmas from PoliMorf).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures, type SentenceFeatures } from '../../src/synthesis/features.ts';
import { pastHappenings, sameHappening } from '../../src/synthesis/happenings.ts';
import type { SummaryCandidate } from '../../src/synthesis/summary.ts';

/** The first sentence of each text, each text one article published on 3 November 2018. */
function sentences(...texts: string[]): SentenceFeatures[] {
  const articles = texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-11-03', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  return storyFeatures(articles).byArticle.map((list) => list[0]!);
}

const candidate = (representative: SentenceFeatures, background?: string): SummaryCandidate =>
  ({ claim: undefined as never, representative, background });

test('summary: a past verb, an impersonal past and a passive are what a sentence reports; auxiliaries and reporting verbs are not', () => {
  const [active, impersonal, passive, reported] = sentences(
    'Pakistański Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo.',
    'Asię Bibi, matkę czworga dzieci, skazano na karę śmierci.',
    'Asia Bibi została skazana w 2010 roku po tym, jak oskarżono ją o obrazę proroka Mahometa.',
    'Kreml poinformował, że prezydent Rosji rozmawiał przez telefon z kanclerz Niemiec.',
  );
  assert.ok(pastHappenings(active!).has('uniewinnić'), [...pastHappenings(active!)].join(','));
  assert.ok(pastHappenings(impersonal!).has('skazać'), [...pastHappenings(impersonal!)].join(','));
  assert.ok(pastHappenings(passive!).has('skazać'), [...pastHappenings(passive!)].join(','));
  assert.ok(!pastHappenings(passive!).has('zostać'));
  assert.ok(pastHappenings(reported!).has('rozmawiać'), [...pastHappenings(reported!)].join(','));
  assert.ok(!pastHappenings(reported!).has('poinformować'), 'a reporting verb says who told it');
});

test('summary: two wordings of one acquittal are one happening; another happening of the same person is not', () => {
  const [lead, retold, dated, other] = sentences(
    'Pakistański Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo.',
    'Po tym jak oskarżoną o bluźnierstwo Asię Bibi uniewinnił pakistański Sąd Najwyższy, w wielu miastach doszło do protestów.',
    'W środę 31 października Sąd Najwyższy w Pakistanie uniewinnił Asię Bibi, a decyzja ta wywołała falę protestów.',
    'Mąż Asii Bibi zaapelował w sobotę o azyl dla całej rodziny.',
  );
  assert.ok(sameHappening(candidate(lead!), candidate(retold!)));
  // An undated wording may tell the happening another dates before the story.
  assert.ok(sameHappening(candidate(lead!), candidate(dated!, '2018-10-31')));
  assert.ok(!sameHappening(candidate(lead!), candidate(other!)));
});

test('summary: the same verb with other figures or another day is another happening', () => {
  const [first, more, earlier, later] = sentences(
    'Ryanair odwołał w środę 600 lotów w Europie.',
    'Dzisiaj Ryanair odwołał kolejne 30 lotów do i z Irlandii.',
    'Kim Dzong Un spotkał się z Władimirem Putinem w kwietniu 2019 roku we Władywostoku.',
    'Kim Dzong Un spotkał się z Władimirem Putinem w środę na kosmodromie.',
  );
  assert.ok(!sameHappening(candidate(first!), candidate(more!)), 'other counts of flights');
  // "w środę" is resolved against the publication day: a day of this week, not April 2019.
  assert.ok(later!.times.length > 0, 'the later meeting is dated');
  assert.ok(!sameHappening(candidate(earlier!, '2019-04'), candidate(later!)), 'a meeting in 2019 is not this week\'s');
});

test('summary: verbs that tell one happening in other words are one happening ("rozpoczęła się" / "Ruszyła", "oczyścił z zarzutu" / "została uniewinniona"); talks on two days are two', () => {
  const [begun, started, cleared, acquitted, discussed, talked] = sentences(
    'W miejscowości Lubmin na wybrzeży Bałtyku rozpoczęła się budowa niemieckiego odcinka gazociągu Nord Stream 2.',
    'Ruszyła budowa gazociągu Nord Stream 2.',
    'Asia Bibi, chrześcijanka z Pakistanu, którą w zeszłym tygodniu sąd oczyścił z zarzutu bluźnierstwa, wyszła na wolność - poinformował jej prawnik.',
    'Asia Bibi została uniewinniona pod koniec października przez Sąd Najwyższy w Islamabadzie.',
    'Kreml poinformował, że rosyjski prezydent Władimir Putin omówił przez telefon z kanclerz Niemiec Angelą Merkel projekt gazociągu Nord Stream 2.',
    'Angela Merkel i Władimir Putin rozmawiali dziś telefonicznie o sprawach związanych z projektem budowy Nord Stream 2.',
  );
  assert.ok(sameHappening(candidate(begun!), candidate(started!)), `${[...pastHappenings(begun!)]} / ${[...pastHappenings(started!)]}`);
  assert.ok(sameHappening(candidate(cleared!), candidate(acquitted!)), `${[...pastHappenings(cleared!)]} / ${[...pastHappenings(acquitted!)]}`);
  assert.ok(!sameHappening(candidate(discussed!), candidate(talked!)), 'the same leaders talk again on another day');
});
