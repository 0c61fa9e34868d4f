/**
 * The lead, latest state first (src/synthesis/summary.ts chooseLead): where a later report says the
 * expected happening cannot take place (an event update, src/synthesis/updates.ts), that report
 * leads though more sources retell what came before; and one value of a slot is told once.
 * Sentences of the Asia Bibi development stories, through the real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { namesOnly } from '../../src/synthesis/summary.ts';

/** One article per [publication day, text]. */
function story(...articles: readonly (readonly [string, string])[]) {
  return synthesizeStory({
    id: 's',
    articles: articles.map(([day, text], i) =>
      analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: day, precision: 'day' as const } }, '2026-01-01T00:00:00.000Z')),
    ),
  });
}

const ACQUITTAL = 'Pakistański Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo przeciwko Mahometowi.';
const PROTESTS = 'Po ogłoszeniu wyroku w wielu miastach Pakistanu wybuchły gwałtowne protesty radykalnych islamistów.';
const SPECULATION = 'Rosną spekulacje, że Asia Bibi opuści Pakistan wraz z rodziną.';
const MINISTER = 'Minister Noor-ul-Haq Qadri ogłosił, że władze nie pozwolą Asi Bibi opuścić kraju, dopóki Sąd Najwyższy nie dokona rewizji wyroku.';
const DEAL = 'Zgodnie z umową kobieta nie może opuścić Pakistanu, dopóki Sąd Najwyższy nie rozpatrzy wniosku o rewizję wyroku.';
const LAWYER = 'Adwokat Asii Bibi w obawie o swoje życie wyjechał do Holandii.';
const HUSBAND = 'Mąż Asii Bibi wystąpił o azyl dla całej rodziny w Wielkiej Brytanii, USA lub Kanadzie.';

test('the report that the expected departure cannot happen leads, though four sources retell the acquittal first', () => {
  const report = story(
    ['2018-11-01', `${ACQUITTAL} ${SPECULATION} ${PROTESTS}`],
    ['2018-11-01', `${ACQUITTAL} ${PROTESTS} ${SPECULATION}`],
    ['2018-11-03', `${ACQUITTAL} ${MINISTER} ${DEAL} ${LAWYER}`],
    ['2018-11-04', `${ACQUITTAL} ${HUSBAND} ${LAWYER}`],
  );
  assert.equal(report.conflicts.find((c) => c.slot === 'event')?.kind, 'update', JSON.stringify(report.conflicts));
  assert.match(report.summary[0]!.text, /nie pozwolą|nie może opuścić/u, report.summary.map((s) => s.text).join('\n'));
  // The two wordings of that one value take one place between them.
  assert.equal(report.summary.filter((s) => /nie pozwolą|nie może opuścić/u.test(s.text)).length, 1, report.summary.map((s) => s.text).join('\n'));
  assert.ok(report.summary.some((s) => s.text.includes('uniewinnił')), 'the acquittal is still told');
});

test('without an overtaking report the most widely reported happening leads', () => {
  const report = story(
    ['2018-11-01', `${ACQUITTAL} ${SPECULATION} ${PROTESTS}`],
    ['2018-11-01', `${ACQUITTAL} ${PROTESTS} ${SPECULATION}`],
    ['2018-11-03', `${ACQUITTAL} ${LAWYER}`],
    ['2018-11-04', `${ACQUITTAL} ${HUSBAND} ${LAWYER}`],
  );
  assert.deepEqual(report.conflicts.filter((c) => c.slot === 'event'), []);
  assert.match(report.summary[0]!.text, /uniewinnił/u, report.summary.map((s) => s.text).join('\n'));
});

test('a question or a sentence continuing the one before ("I choć…") never leads, however widely repeated', () => {
  const question = 'Dlaczego Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć za bluźnierstwo?';
  const continued = 'I choć Sąd Najwyższy uniewinnił Asię Bibi, skazaną w 2010 r. na śmierć, protesty trwają.';
  for (const opening of [question, continued]) {
    const report = story(
      ['2018-11-01', `${opening} ${PROTESTS}`],
      ['2018-11-01', `${opening} ${LAWYER}`],
      ['2018-11-02', `${opening} ${HUSBAND}`],
      ['2018-11-02', `${ACQUITTAL} ${HUSBAND}`],
    );
    assert.notEqual(report.summary[0]!.text, opening, report.summary.map((s) => s.text).join('\n'));
  }
});

// Sentences of the Ryanair cabin-crew development story (5 July 2018): the news is the crews' strike
// dates; every article also retells the pilots' strike announced a few days before.
const PILOTS_EARLIER = 'Kilka dni temu strajk na 12 lipca zapowiedzieli piloci irlandzkiego Ryanaira.';
const PILOTS = 'Piloci irlandzkiego Ryanaira zapowiedzieli we wtorek strajk na 12 lipca.';
const CREW_DATES = 'Personel Ryanaira w Hiszpanii, Portugalii i Belgii będzie strajkował przez 48 godzin w dniach 25-26 lipca.';
const CREW_ITALY = 'Personel pokładowy irlandzkiej linii lotniczej Ryanair przeprowadzi 24-godzinny strajk we Włoszech 25 lipca.';

test('latest state first: a happening told as a few days old yields to the dated schedule the articles state', () => {
  const report = story(
    ['2018-07-05', `${PILOTS_EARLIER} ${CREW_DATES}`],
    ['2018-07-05', `${PILOTS_EARLIER} ${CREW_ITALY} ${CREW_DATES}`],
    ['2018-07-05', `${PILOTS} ${CREW_DATES}`],
  );
  assert.match(report.summary[0]!.text, /25-26 lipca/u, report.summary.map((s) => s.text).join('\n'));
});

test('tellsEarlier: a time counted back from the writing, or an opening "Wcześniej"; not "wcześniej" inside a clause', async () => {
  const { storyFeatures } = await import('../../src/synthesis/features.ts');
  const { tellsEarlier } = await import('../../src/synthesis/summary.ts');
  const texts = [
    PILOTS_EARLIER,
    'Wcześniej ukraiński ambasador w Niemczech powiedział, że realizacja tego projektu powinna zostać wstrzymana.',
    'W czwartek rzecznik premier Theresy May oświadczył, że obywatele państw UE nie powinni mieć takich samych praw, jak ci, którzy przybyli wcześniej.',
    CREW_DATES,
  ];
  const articles = texts.map((text, i) => analyzeArticle(toArticle({ origin: `https://o${i}.example/a`, format: 'text', text, published: { value: '2018-07-05', precision: 'day' as const } }, '2026-01-01T00:00:00.000Z')));
  const earlier = storyFeatures(articles).sentences.map((s) => tellsEarlier(s));
  assert.deepEqual(earlier, [true, true, false, false]);
});

// The Asia Bibi release story (7–8 November 2018): three outlets relay her lawyer's word that she was
// on a plane; the foreign ministry denies she left the country.
const PLANE_TPI = 'Jak podaje włoska agencja TPI, prawnik kobiety poinformował, że Asia Bibi jest na pokładzie samolotu, ale nikt nie wie, gdzie wyląduje.';
const PLANE_AFP = 'Powiedziano mi, że jest w samolocie, ale nikt nie wie, gdzie wyląduje - napisał ul-Malook w wiadomości do agencji AFP.';
const PLANE_SHORT = '- Bibi jest w samolocie, ale nie wiadomo, gdzie wyląduje - przekazał AFP jej adwokat.';
const RELEASED = 'Według prawnika kobiety, Bibi została zwolniona z więzienia w środę.';
const DENIAL = '„Asia Bibi opuściła więzienie i została przewieziona w bezpieczne miejsce na terenie Pakistanu” oświadczył w czwartek rzecznik tamtejszego MSZ, dementując informacje o jej wyjeździe za granicę.';

test('what another source denies outright (a dispute) never leads, however many outlets relay it', () => {
  const report = story(
    ['2018-11-08', `${PLANE_TPI} ${RELEASED}`],
    ['2018-11-08', `${PLANE_AFP} ${RELEASED}`],
    ['2018-11-08', `${PLANE_SHORT}`],
    ['2018-11-08', `${RELEASED} ${DENIAL}`],
  );
  assert.ok(report.conflicts.some((c) => c.kind === 'dispute'), JSON.stringify(report.conflicts));
  assert.match(report.summary[0]!.text, /zwolniona z więzienia/u, report.summary.map((s) => s.text).join('\n'));
});

// The leaked Brexit impact analysis (30 January 2018): two outlets report what the leaked document
// found, one opens with a minister's reaction to it.
const BAKER = 'Wiceminister ds. wyjścia z Unii Europejskiej Steve Baker we wtorek w Izbie Gmin stwierdził, że opublikowana przez serwis Buzzfeed tajna rządowa analiza wskazująca na negatywny wpływu Brexitu na brytyjską gospodarkę to wybiórcza interpretacja "wstępnego dokumentu".';
const LEAKED = 'Według analizy ujawnionej przez portal BuzzFeed, i potwierdzonej potem przez źródła rządowe, straty gospodarcze wynikające z brexitu będą poważne niezależnie od przyjętego scenariusza.';
const SCENARIOS = 'Według analizy brytyjskiego rządu, do której dotarł portal BuzzFeed, straty gospodarcze wynikające z brexitu będą poważne niezależnie od przyjętego scenariusza.';

test('a source’s finding in the future ("Według analizy … straty będą poważne") is no plan: reported by two outlets it leads before one minister’s reaction', () => {
  const report = story(
    ['2018-01-30', `${BAKER} ${LEAKED}`],
    ['2018-01-30', `${LEAKED}`],
    ['2018-01-30', `${SCENARIOS}`],
  );
  assert.match(report.summary[0]!.text, /^Według analizy/u, report.summary.map((s) => s.text).join('\n'));
});

// The Nord Stream 2 "political weapon" articles (BSNLP nord_stream 1104, 616, 1101): one page glued a
// crosshead into its body as a sentence of names only.
const OUDKIRK = 'Przedstawicielka Departamentu Stanu USA Sandra Oudkirk oceniła, że gazociąg Nord Stream 2 jest przykładem wykorzystywania przez Rosję surowców energetycznych jako broni politycznej.';
const CROSSHEAD = 'Nord Stream 2 a USA, Rosja, Ukraina.';
const TRANSIT = 'Wyraziła też przekonanie, że celem Rosji w przypadku Nord Stream 2 jest położenie kresu roli Ukrainy jako kraju tranzytowego dla rosyjskiego eksportu gazu do Europy.';

test('namesOnly: a line of names and closed-class words, not a sentence whose verb the dictionary misreads', () => {
  const features = storyFeatures(
    ['Nord Stream 2 a USA, Rosja, Ukraina. Nord Stream 2 a LNG z USA.', 'Rosja broni „ekonomicznego” charakteru Nord Stream 2. Ryanair lata w 37 krajach z 86 baz. Rosjanom w wojnie z Ukrainą najbardziej brakuje amunicji artyleryjskiej.'].map((text, i) =>
      analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text }, '2026-01-01T00:00:00.000Z')),
    ),
  );
  const got = Object.fromEntries(features.sentences.map((s) => [s.sentence.text, namesOnly(s)]));
  assert.deepEqual(got, {
    'Nord Stream 2 a USA, Rosja, Ukraina.': true,
    'Nord Stream 2 a LNG z USA.': true,
    'Rosja broni „ekonomicznego” charakteru Nord Stream 2.': false,
    'Ryanair lata w 37 krajach z 86 baz.': false,
    'Rosjanom w wojnie z Ukrainą najbardziej brakuje amunicji artyleryjskiej.': false,
  });
});

test('a crosshead glued into the body (names only) is no summary sentence and never leads; the stated finding does', () => {
  const report = story(
    ['2018-03-20', `${OUDKIRK} ${CROSSHEAD} ${TRANSIT}`],
    ['2018-03-20', `${CROSSHEAD} ${TRANSIT} ${OUDKIRK}`],
    ['2018-03-20', `${CROSSHEAD} ${TRANSIT}`],
  );
  // It states nothing on its own: no summary sentence and no key fact, however many pages carry it.
  assert.ok(!report.summary.some((s) => s.text === CROSSHEAD), report.summary.map((s) => s.text).join('\n'));
  assert.equal(report.claims.find((c) => c.text === CROSSHEAD)?.standsAlone, false);
  assert.match(report.summary[0]!.text, /Oudkirk|celem Rosji/u, report.summary.map((s) => s.text).join('\n'));
});
