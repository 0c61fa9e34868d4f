/**
 * Key quotes of a story (src/synthesis/quotes.ts): among equally direct words of named people, the
 * ones about the story (naming what most of its articles name) come first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankQuotes } from '../../src/synthesis/quotes.ts';
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

/** A story of `filler` articles quoting no one, four quoting the carrier (four statements) and one a union leader. */
function strikeStory(filler: number): SynthesisArticle[] {
  return [
    said('c1', 'Przepraszamy klientów za odwołane loty i zwrócimy im pieniądze w całości', 'Tanie Linie', 'org-linie', 'direct'),
    said('c2', 'Jeśli strajki będą trwały, przeniesiemy część samolotów do innych krajów', 'Tanie Linie', 'org-linie', 'direct'),
    said('c3', 'warunki, jakie zapewnia swoim pracownikom, są lepsze od tych, które oferują rywale', 'Tanie Linie', 'org-linie', 'indirect'),
    said('c4', 'żądania związków w sprawie płac i urlopów są całkowicie bezprzedmiotowe', 'Tanie Linie', 'org-linie', 'indirect'),
    said('u1', 'załogi od miesięcy domagają się umów według prawa swoich krajów', 'Jan Lotny', 'per-lotny', 'indirect', 'PER'),
    ...Array.from({ length: filler }, (_, i) => handArticle({ id: `f${i}`, text: `Strajk załóg Tanich Linii trwa ${i + 2} dzień.` })),
  ];
}

test('a main party (quoted by a third of the story\'s articles) is shown with a fourth quote; another speaker keeps the cap of three', () => {
  // Four of six articles quote the carrier: its fourth statement comes before the union leader's words.
  const main = rankQuotes(strikeStory(1)).map((q) => q.speaker);
  assert.deepEqual(main, ['Tanie Linie', 'Tanie Linie', 'Tanie Linie', 'Tanie Linie', 'Jan Lotny']);
  // Four of thirteen: three shown first, the fourth after every other voice.
  const minor = rankQuotes(strikeStory(8)).map((q) => q.speaker);
  assert.deepEqual(minor, ['Tanie Linie', 'Tanie Linie', 'Tanie Linie', 'Jan Lotny', 'Tanie Linie']);
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
