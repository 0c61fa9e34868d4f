/**
 * Key quotes of a story (src/synthesis/quotes.ts): among equally direct words of named people, the
 * ones about the story (naming what most of its articles name) come first; copies fold; one speaker's
 * share of the shown quotes is capped, softly, and the shown ones are read in turns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankQuotes } from '../../src/synthesis/quotes.ts';
import { SHOWN_QUOTES } from '../../src/synthesis/view.ts';
import type { SynthesisArticle } from '../../src/synthesis/input.ts';
import { handArticle } from './helpers.ts';

/** An article whose one sentence is a direct quote of `speaker` (key `key`). */
function quoted(id: string, text: string, words: string, speaker: string, key: string, entities: [string, string, 'PER' | 'PRO' | 'LOC', string][]): SynthesisArticle {
  const a = handArticle({ id, text, entities: [[speaker, speaker, 'PER', key], ...entities] });
  const start = text.indexOf(words);
  return { ...a, quotes: [{ start, end: start + words.length, text: words, kind: 'direct', speaker: { name: speaker, key, type: 'PER' }, sentence: 0 }] };
}

test('quotes about the story come before equally direct words on something else', () => {
  const pipeline: [string, string, 'PRO', string] = ['Nord Stream 2', 'Nord Stream 2', 'PRO', 'pro-ns2'];
  const articles = [
    // Earlier in article order, but about something else.
    quoted('a', '„Ten tranzyt przez stepy ma długą tradycję i musi trwać dalej” – mówił Piotr Wolny.', 'Ten tranzyt przez stepy ma długą tradycję i musi trwać dalej', 'Piotr Wolny', 'per-wolny', []),
    quoted('b', '„Budowa gazociągu Nord Stream 2 zagraża stabilności energetycznej regionu” – mówił Adam Nowy.', 'Budowa gazociągu Nord Stream 2 zagraża stabilności energetycznej regionu', 'Adam Nowy', 'per-nowy', [pipeline]),
    handArticle({ id: 'c', text: 'Spór o Nord Stream 2 trwa od lat. Piotr Wolny i Adam Nowy są politykami.', entities: [pipeline, ['Piotr Wolny', 'Piotr Wolny', 'PER', 'per-wolny'], ['Adam Nowy', 'Adam Nowy', 'PER', 'per-nowy']] }),
  ];
  const quotes = rankQuotes(articles);
  assert.deepEqual(quotes.map((q) => q.speaker), ['Adam Nowy', 'Piotr Wolny']);
});

test('one speaker\'s two translations of one statement are one quote told twice; unattributed words come last', () => {
  const articles = [
    quoted('a', '„W trakcie rokowań Ryanair kategorycznie wykluczył jakiekolwiek zwiększenie kosztów personalnych” – mówi Martin Locher.', 'W trakcie rokowań Ryanair kategorycznie wykluczył jakiekolwiek zwiększenie kosztów personalnych', 'Martin Locher', 'per-locher', []),
    quoted('b', '„Podczas negocjacji Ryanair kategorycznie wykluczył wszelkie podwyżki i tylko on odpowiada za eskalację sporu” – mówi Martin Locher.', 'Podczas negocjacji Ryanair kategorycznie wykluczył wszelkie podwyżki i tylko on odpowiada za eskalację sporu', 'Martin Locher', 'per-locher', []),
    quoted('c', '„Wymagamy poprawy warunków płacowych i pracy” – mówi Martin Locher.', 'Wymagamy poprawy warunków płacowych i pracy', 'Martin Locher', 'per-locher', []),
  ];
  const unattributed = handArticle({ id: 'd', text: '„Przede wszystkim pasażer ma prawo do zwrotu kosztów biletu w całości” – wyjaśniła.' });
  const words = 'Przede wszystkim pasażer ma prawo do zwrotu kosztów biletu w całości';
  const quotes = rankQuotes([{ ...unattributed, quotes: [{ start: 1, end: 1 + words.length, text: words, kind: 'direct', sentence: 0 }] }, ...articles]);
  assert.equal(quotes.length, 3);
  const folded = quotes.find((q) => q.text.includes('kategorycznie wykluczył'))!;
  assert.equal(folded.alsoIn?.length, 1);
  assert.ok(quotes.some((q) => q.text.startsWith('Wymagamy')));
  assert.equal(quotes.at(-1)!.speaker, undefined);
});

test('one article quoting a speaker twice gives two statements, even when they share a phrase', () => {
  // ryanair, 1 August 2018: O'Leary's two answers at one press conference both say "więcej samolotów".
  const first = 'Ryanair ma 20 rynków, na których potrzeba więcej samolotów. Nie dysponujemy wystarczającą liczbą samolotów';
  const second = 'Gdy niektóre rynki, tak jak irlandzki, są niszczone w ostatnich miesiącach, polski rynek bardzo mocno wzrasta. Potrzebujemy więcej samolotów na polskim rynku';
  const text = `- ${first} - mówił Michael O'Leary. - ${second} - powiedział O'Leary 31 lipca na konferencji prasowej.`;
  const a = handArticle({ id: 'a', text, entities: [["Michael O'Leary", "Michael O'Leary", 'PER', 'per-oleary']] });
  const quote = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words, kind: 'direct' as const, speaker: { name: "Michael O'Leary", key: 'per-oleary', type: 'PER' as const }, sentence: 0 });
  const quotes = rankQuotes([{ ...a, quotes: [quote(first), quote(second)] }]);
  assert.equal(quotes.length, 2);
  // Told by another outlet, the first answer's wording is still the same statement.
  const b = handArticle({ id: 'b', text: `„${first}” – mówił Michael O'Leary.`, entities: [["Michael O'Leary", "Michael O'Leary", 'PER', 'per-oleary']] });
  const retold = { start: 1, end: 1 + first.length, text: first, kind: 'direct' as const, speaker: { name: "Michael O'Leary", key: 'per-oleary', type: 'PER' as const }, sentence: 0 };
  assert.equal(rankQuotes([{ ...a, quotes: [quote(first), quote(second)] }, { ...b, quotes: [retold] }]).length, 2);
});

/** An article whose one sentence is `words` of `speaker` (an organisation, key `key`), of the given kind. */
function said(id: string, words: string, speaker: string, key: string, kind: 'direct' | 'indirect', type: 'ORG' | 'PER' = 'ORG'): SynthesisArticle {
  const text = kind === 'direct' ? `„${words}” – podał ${speaker}.` : `${speaker} podał, że ${words}.`;
  const a = handArticle({ id, text, entities: [[speaker, speaker, type, key]] });
  const start = text.indexOf(words);
  return { ...a, quotes: [{ start, end: start + words.length, text: words, kind, speaker: { name: speaker, key, type }, sentence: 0 }] };
}

/** One voice of a round-up article: a named person (with an entity key) or a description the reader cannot identify (none). */
type Voice = { speaker: string; key?: string; words: string; kind: 'direct' | 'indirect' };

/** One article quoting several voices, a sentence each: direct words in marks, indirect ones after "podał, że". */
function roundup(id: string, voices: readonly Voice[]): SynthesisArticle {
  const text = voices.map((v) => (v.kind === 'direct' ? `„${v.words}” – podał ${v.speaker}.` : `${v.speaker} podał, że ${v.words}.`)).join(' ');
  const a = handArticle({ id, text, entities: voices.filter((v) => v.key).map((v) => [v.speaker, v.speaker, 'PER', v.key!] as [string, string, 'PER', string]) });
  let from = 0;
  const quotes = voices.map((v, i) => {
    const start = text.indexOf(v.words, from);
    from = start + v.words.length;
    return { start, end: from, text: v.words, kind: v.kind, speaker: v.key ? { name: v.speaker, key: v.key, type: 'PER' as const } : { name: v.speaker }, sentence: i };
  });
  return { ...a, quotes };
}

/** Seven people's direct words and two unidentified descriptions' reported words, all in one article. */
const otherVoices: Voice[] = [
  ...['Anna Lis', 'Jan Kos', 'Ewa Sowa', 'Piotr Wilk', 'Olga Ryś', 'Adam Żuraw', 'Maria Sarna'].map((speaker, i) => ({
    speaker,
    key: `per-${i}`,
    words: `Odwołane loty z lotniska numer ${i + 1} zepsuły nam cały urlop i nikt nie przeprosił`,
    kind: 'direct' as const,
  })),
  { speaker: 'potem', words: 'kolejki przy stanowiskach odpraw ciągnęły się przez cały dzień', kind: 'indirect' },
  { speaker: 'wręcz tylko go zaognili', words: 'rozmowy przedstawicieli obu stron niczego jeszcze nie rozstrzygnęły', kind: 'indirect' },
];

/** Five distinct statements of the carrier, each in its own article, in direct words. */
const carrierSays = (n: number): SynthesisArticle[] =>
  [
    'Przepraszamy klientów za odwołane loty i zwrócimy im pieniądze w całości',
    'Jeśli strajki będą trwały, przeniesiemy część samolotów do innych krajów',
    'Nasi piloci zarabiają więcej niż piloci konkurencyjnych przewoźników',
    'Związkowcy odrzucili trzy kolejne propozycje podwyżek bez żadnej dyskusji',
    'Zimowy rozkład lotów zostanie ogłoszony dopiero po zakończeniu sporu',
  ].slice(0, n).map((words, i) => said(`c${i}`, words, 'Tanie Linie', 'org-linie', 'direct'));

/** A story of `filler` articles quoting no one, four quoting the carrier (four statements), one a union leader and one the other voices. */
function strikeStory(filler: number): SynthesisArticle[] {
  return [
    ...carrierSays(2),
    said('c3', 'warunki, jakie zapewnia swoim pracownikom, są lepsze od tych, które oferują rywale', 'Tanie Linie', 'org-linie', 'indirect'),
    said('c4', 'żądania związków w sprawie płac i urlopów są całkowicie bezprzedmiotowe', 'Tanie Linie', 'org-linie', 'indirect'),
    said('u1', 'załogi od miesięcy domagają się umów według prawa swoich krajów', 'Jan Lotny', 'per-lotny', 'indirect', 'PER'),
    roundup('r1', otherVoices),
    ...Array.from({ length: filler }, (_, i) => handArticle({ id: `f${i}`, text: `Strajk załóg Tanich Linii trwa ${i + 2} dzień.` })),
  ];
}

test('a main party (quoted by a third of the story\'s articles) is shown with a fourth quote; another speaker keeps the cap of three', () => {
  // Four of seven articles quote the carrier: its fourth statement is shown.
  assert.equal(rankQuotes(strikeStory(1)).slice(0, SHOWN_QUOTES).filter((q) => q.speaker === 'Tanie Linie').length, 4);
  // Four of fourteen: three shown; its fourth, weighed as reported words, loses the last place to a description's words.
  const minor = rankQuotes(strikeStory(8)).slice(0, SHOWN_QUOTES);
  assert.equal(minor.filter((q) => q.speaker === 'Tanie Linie').length, 3);
  assert.ok(minor.some((q) => q.speaker === 'potem'));
});

test('a speaker past the cap is not shut out: their words weigh as reported ones, above an unidentified description\'s reported words', () => {
  // Five of the carrier's statements, each in its own article, in a story of sixteen: no main party.
  const filler = Array.from({ length: 10 }, (_, i) => handArticle({ id: `f${i}`, text: `Strajk załóg Tanich Linii trwa ${i + 2} dzień.` }));
  const shown = rankQuotes([...carrierSays(5), roundup('r1', otherVoices), ...filler]).slice(0, SHOWN_QUOTES);
  // Every other named voice is heard first (7 + 3 of the carrier); the last two places are the
  // carrier's further statements, not the words of "potem" or "wręcz tylko go zaognili".
  assert.equal(shown.filter((q) => q.speaker !== 'Tanie Linie' && q.kind === 'direct').length, 7);
  assert.equal(shown.filter((q) => q.speaker === 'Tanie Linie').length, 5);
  assert.ok(!shown.some((q) => q.kind === 'indirect'));
});

test('the shown quotes are read in turns: no third quote of one speaker in a row while another voice waits', () => {
  const order = rankQuotes([...carrierSays(4), said('u1', 'załogi od miesięcy domagają się umów według prawa swoich krajów', 'Jan Lotny', 'per-lotny', 'indirect', 'PER')]).map((q) => q.speaker);
  // The carrier's four statements outrank the union leader's reported words, who is read third.
  assert.deepEqual(order, ['Tanie Linie', 'Tanie Linie', 'Jan Lotny', 'Tanie Linie', 'Tanie Linie']);
});

test('an agency named in many articles as their source earns no prominence: a named person\'s words come first', () => {
  const agency = ['Reuters', 'Reuters', 'ORG', 'org-reuters'] as [string, string, 'ORG', string];
  const articles = [
    // First in article order, direct, and the agency is named in three articles.
    said('a', 'Przewoźnik odwołał w piątek ponad sto lotów do Niemiec i Belgii', 'Reuters', 'org-reuters', 'direct'),
    handArticle({ id: 'b', text: 'Jak podaje Reuters, strajk trwa.', entities: [agency] }),
    handArticle({ id: 'c', text: 'Według Reuters rozmowy utknęły.', entities: [agency] }),
  ];
  const text = 'Anna Wolna powiedziała, że rozmowy z zarządem „utknęły w martwym punkcie” od wielu tygodni.';
  const words = 'rozmowy z zarządem „utknęły w martwym punkcie” od wielu tygodni';
  const person = handArticle({ id: 'd', text, entities: [['Anna Wolna', 'Anna Wolna', 'PER', 'per-wolna']] });
  const start = text.indexOf(words);
  articles.push({ ...person, quotes: [{ start, end: start + words.length, text: words, kind: 'mixed', speaker: { name: 'Anna Wolna', key: 'per-wolna', type: 'PER' }, sentence: 0 }] });
  assert.deepEqual(rankQuotes(articles).map((q) => q.speaker), ['Anna Wolna', 'Reuters']);
});
