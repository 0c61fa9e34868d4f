import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineFromText, storyTitle, MAX_TITLE_CHARS } from '../../src/synthesis/title.ts';
import type { SummarySentence } from '../../src/synthesis/types.ts';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';
import { synthesizeStory, renderMarkdown } from '../../src/synthesis/index.ts';
import { handArticle } from './helpers.ts';

const sentence = (text: string, cited: number): SummarySentence => ({
  text,
  hedged: false,
  status: 'asserted',
  citations: Array.from({ length: cited }, (_, i) => ({ article: `a${i}`, start: 0, end: text.length })),
});
const LONG_LEAD = 'Kreml przekazał w krótkim poniedziałkowym komunikacie, że północnokoreański przywódca Kim Dzong Un "w najbliższych dniach złoży oficjalną wizytę w Federacji Rosyjskiej".';
const SHORT = 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem.';
const article = handArticle({ id: 'a', text: 'Kim przyjechał do Rosji.' });

test('title: a short caller title is kept as it is', () => {
  assert.equal(storyTitle('Szczyt Kim–Putin', [article], [sentence(SHORT, 3)], 's1'), 'Szczyt Kim–Putin');
});

test('title: a sentence cut with "…" gives way to the best-cited short summary sentence, without its full stop', () => {
  const cut = `${LONG_LEAD.slice(0, 157)}…`;
  assert.equal(storyTitle(cut, [article], [sentence(LONG_LEAD, 1), sentence(SHORT, 3)], 's1'), SHORT.slice(0, -1));
});

test('title: an article headline beats summary sentences', () => {
  const titled = { ...article, article: { ...article.article, title: 'Kim Dzong Un w Rosji' } };
  assert.equal(storyTitle(undefined, [titled], [sentence(SHORT, 3)], 's1'), 'Kim Dzong Un w Rosji');
});

test('title: only long sentences → a clause of one (the news, not a reporting frame); nothing at all → the fallback', () => {
  // "Kreml przekazał w … komunikacie" only frames the report: the reported clause is the news.
  assert.equal(storyTitle(undefined, [article], [sentence(LONG_LEAD, 2)], 's1'), 'Północnokoreański przywódca Kim Dzong Un "w najbliższych dniach złoży oficjalną wizytę w Federacji Rosyjskiej"');
  const framed = 'Władze miasta zdecydowały w poniedziałek po długiej i burzliwej debacie radnych, które trwały do późnej nocy, że nowy most zostanie zbudowany w ciągu trzech lat przez państwową spółkę drogową.';
  assert.equal(storyTitle(undefined, [article], [sentence(framed, 2)], 's1'), 'Władze miasta zdecydowały w poniedziałek po długiej i burzliwej debacie radnych, które trwały do późnej nocy');
  assert.equal(storyTitle(undefined, [article], [], 's1'), 's1');
});

test('title: the seed report and its Markdown heading are short and not cut', () => {
  const { analyses } = loadSeedAnalyses();
  const cut = `${LONG_LEAD.slice(0, 157)}…`;
  const report = synthesizeStory({ id: 'kim-putin-2023', title: cut, articles: analyses });
  assert.ok(report.title.length <= MAX_TITLE_CHARS, report.title);
  assert.ok(!report.title.endsWith('…'), report.title);
  assert.match(report.title, /Kim Dzong Un/);
  const heading = renderMarkdown(report).split('\n')[0]!;
  assert.equal(heading, `# ${report.title}`);
});

test('title: a sentence opening with a pointer back ("Jej sprawa…") gives way to one that stands alone', () => {
  const backRef = 'Jej sprawa poruszyła chrześcijan na całym świecie.';
  const alone = 'Sąd Najwyższy uniewinnił Asię Bibi skazaną w 2010 roku.';
  assert.equal(storyTitle(undefined, [article], [sentence(backRef, 5), sentence(alone, 2)], 's1'), alone.slice(0, -1));
});

test('title: no cut before a relative clause ("Obywatele 27 krajów UE, którzy…"), only before ", że"', () => {
  const relative = `Obywatele 27 krajów UE, którzy przyjadą wtedy do Wielkiej Brytanii w okresie przejściowym, oraz Brytyjczycy przyjeżdżający w tym okresie do UE, będą nabywać te same prawa.`;
  const title = storyTitle(undefined, [article], [sentence(relative, 2)], 's1');
  assert.notEqual(title, 'Obywatele 27 krajów UE');
  assert.ok(title.endsWith('…') && title.length <= MAX_TITLE_CHARS, title);
});

test('title: never cut inside an abbreviation ("ws.", an initial "W.")', () => {
  assert.equal(headlineFromText('Porozumienie ws. brexitu coraz bliżej. Ministrowie poparli projekt.', 'pl'), 'Porozumienie ws. brexitu coraz bliżej');
  assert.equal(headlineFromText('Władimir W. Putin spotkał się z Kim Dzong Unem. Rozmowy trwały godzinę.', 'pl'), 'Władimir W. Putin spotkał się z Kim Dzong Unem');
  const long = `Rząd przyjął projekt ustawy ws. ${'bardzo długiej nazwy nowego programu rządowego '.repeat(4)}i skierował go do Sejmu.`;
  const cut = headlineFromText(long, 'pl')!;
  assert.ok(cut.length <= MAX_TITLE_CHARS && cut.endsWith('…'), cut);
  assert.ok(!/\bws…$/.test(cut));
  assert.equal(storyTitle(undefined, [article], [sentence('Spotkanie odbędzie się ws. brexitu.', 2)], 's1'), 'Spotkanie odbędzie się ws. brexitu');
});

test('title: a section label in capitals before a headline is no part of the title', () => {
  const titled = { ...article, article: { ...article.article, title: 'O TYM SIĘ MÓWI Asia Bibi nie zostanie stracona! Sąd uniewinnił ją' } };
  assert.equal(storyTitle(undefined, [titled], [], 's1'), 'Asia Bibi nie zostanie stracona! Sąd uniewinnił ją');
  assert.equal(headlineFromText('ZOBACZ TO Wzruszające świadectwo córki: „Nie mogę się doczekać”', 'pl'), 'Wzruszające świadectwo córki: „Nie mogę się doczekać”');
  assert.equal(headlineFromText('W Holandii Ryanair też nie poleci', 'pl'), 'W Holandii Ryanair też nie poleci');
  assert.equal(headlineFromText('NATO zwiększa obecność na wschodzie', 'pl'), 'NATO zwiększa obecność na wschodzie');
  assert.equal(headlineFromText('USA Today: Biden traci poparcie', 'en'), 'USA Today: Biden traci poparcie');
});

test('title: a scraped time stamp before a headline is no part of the title', () => {
  assert.equal(headlineFromText('14:50 Niemcy: rozpoczęła się budowa gazociągu Nord Steam 2', 'pl'), 'Niemcy: rozpoczęła się budowa gazociągu Nord Steam 2');
  assert.equal(headlineFromText('5.04.2018 Europa uzależnia się jeszcze bardziej od rosyjskiego gazu', 'pl'), 'Europa uzależnia się jeszcze bardziej od rosyjskiego gazu');
  assert.equal(headlineFromText('13:00 Opóźnienia i odwołane loty z Wrocławia', 'pl'), 'Opóźnienia i odwołane loty z Wrocławia');
  // A figure, a count or a date inside the headline stays.
  assert.equal(headlineFromText('8 osób uwięzionych w Burgas', 'pl'), '8 osób uwięzionych w Burgas');
  assert.equal(headlineFromText('3.50 zł za litr benzyny na stacjach', 'pl'), '3.50 zł za litr benzyny na stacjach');
});

test('title: the story\'s title is the report\'s, even when the story list had to cut it', () => {
  // The story layer titles an untitled article by its first sentence, cut to fit (src/stories).
  const text = 'Gazociąg Północny – oficjalna nazwa Nord Stream – gazociąg do transportu gazu ziemnego z Wyborgu w Rosji do Greifswaldu w Niemczech, biegnący po dnie Morza Bałtyckiego.';
  const listed = headlineFromText(text, 'pl')!;
  assert.ok(listed.length <= MAX_TITLE_CHARS, listed);
  const untitled = handArticle({ id: 'a', text });
  assert.equal(storyTitle(listed, [untitled], [sentence(SHORT, 3)], 's1'), listed);
});
