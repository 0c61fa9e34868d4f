/**
 * What never leads a summary, and what takes a place once (src/synthesis/summary.ts,
 * happenings.ts): a definition of a name ("Nord Stream 2 to projekt…") is background — never the
 * lead, once in the summary, after the news; a sentence opening with a reporting verb ("Dodał,
 * że…") has its speaker in the sentence before and is left out. Real sentences of the development
 * stories through the real ingest and analysis layers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle, type ArticleAnalysis } from '../../src/analysis/index.ts';
import { storyFeatures, type SentenceFeatures } from '../../src/synthesis/features.ts';
import { definedName } from '../../src/synthesis/happenings.ts';
import { opensWithDroppedSubject } from '../../src/synthesis/summary.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';

function analyse(texts: readonly string[]): ArticleAnalysis[] {
  return texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-05-15', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
}

/** The first sentence of each text, each text one article. */
function sentences(...texts: string[]): SentenceFeatures[] {
  return storyFeatures(analyse(texts)).byArticle.map((list) => list[0]!);
}

test('summary: "X to projekt…" defines a name; "Kim jest już w Rosji" and "Powodem są…" do not', () => {
  const [definition, where, reason] = sentences(
    'Nord Stream 2 to projekt budowy gazociągu z Rosji do Niemiec przez Morze Bałtyckie.',
    'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem.',
    'Powodem są zapowiadane wcześniej strajki personelu kabinowego w Hiszpanii, Portugalii i Belgii.',
  );
  assert.ok(definedName(definition!) !== undefined, `mentions: ${definition!.mentions.map((m) => m.text).join(', ')}`);
  assert.equal(definedName(where!), undefined);
  assert.equal(definedName(reason!), undefined);
});

test('summary: a surname the entity layer leaves unmarked, then "to", defines a person; a common word before "to" does not', () => {
  // Brexit 2018-03 (Cambridge Analytica): the last article's description of the whistleblower led
  // the story, ahead of every report of what happened.
  const [surname, adverb, noun] = sentences(
    'Wylie to były dyrektor ds. rozwoju w firmie Cambridge Analytica, która nielegalnie gromadziła i przetwarzała dane posiadaczy kont na Facebooku.',
    'Teraz to Facebook musi wyjaśnić, jak dane trafiły do firmy Cambridge Analytica.',
    'Wniosek to pierwszy krok do ponownego rozpatrzenia sprawy przez sąd.',
  );
  assert.ok(!surname!.mentions.some((m) => m.start === surname!.sentence.start), 'the surname is unmarked: the dictionary fallback is tested');
  assert.equal(definedName(surname!), 'wylie');
  assert.equal(definedName(adverb!), undefined);
  assert.equal(definedName(noun!), undefined);
});

test('summary: a sentence opening with a reporting verb has a dropped subject', () => {
  const [added, claims, reported] = sentences(
    'Dodał, że drugim krajem, który jest przeciwny, są Niemcy.',
    'Twierdzi, że pozostawanie w Pakistanie grozi im utratą życia.',
    'Kreml poinformował, że prezydent Rosji rozmawiał przez telefon z kanclerz Niemiec.',
  );
  assert.ok(opensWithDroppedSubject(added!));
  assert.ok(opensWithDroppedSubject(claims!));
  assert.ok(!opensWithDroppedSubject(reported!));
});

test('summary: the news leads, one definition follows it, and "Dodał, że…" is left out', () => {
  const definitions = [
    'Nord Stream 2 to projekt budowy gazociągu z Rosji do Niemiec przez Morze Bałtyckie.',
    'Nord Stream 2 to projekt gazociągu z Rosji do Niemiec o przepustowości 55 mld m sześc. rocznie.',
  ];
  const news = 'Ruszyła budowa gazociągu Nord Stream 2 w Zatoce Greifswaldzkiej.';
  const added = 'Dodał, że drugim krajem, który jest przeciwny, są Niemcy.';
  const texts = [
    `${definitions[0]} ${news} Minister Jan Kowal skrytykował projekt w Brukseli. ${added}`,
    `${definitions[0]} ${news} Ekolodzy złożyli wniosek o wstrzymanie budowy.`,
    `${definitions[1]} Niemiecki urząd wydał zgodę na budowę na wodach terytorialnych. ${added}`,
    `${definitions[1]} ${news} Polska sprzeciwia się projektowi.`,
    `${definitions[0]} Ekolodzy złożyli wniosek o wstrzymanie budowy. ${added}`,
  ];
  const report = synthesizeStory({ id: 'definitions', articles: analyse(texts) }, { summarySentences: 5 });
  const shown = report.summary.map((s) => s.text);
  assert.equal(shown[0], news, shown.join('\n'));
  assert.equal(shown.filter((t) => definitions.includes(t)).length, 1, shown.join('\n'));
  assert.ok(!shown.includes(added), shown.join('\n'));
});
