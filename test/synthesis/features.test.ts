/**
 * Sentence features (src/synthesis/features.ts): headline paragraphs scraped into the body, and
 * copies of one wording sharing their terms only when their names and times sit alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { similarity, storyFeatures } from '../../src/synthesis/features.ts';
import type { SynthesisArticle } from '../../src/synthesis/input.ts';
import { handArticle } from './helpers.ts';

/** `handArticle` with each "\n\n"-separated block a paragraph of its own. */
function paragraphed(id: string, text: string): SynthesisArticle {
  const a = handArticle({ id, text });
  const breaks = [...text.matchAll(/\n\n/g)].map((m) => m.index);
  return { ...a, sentences: a.sentences.map((s) => ({ ...s, paragraph: breaks.filter((b) => b < s.start).length })) };
}

test('features: a short paragraph without a full stop is a headline, a long one is body text', () => {
  const long = Array.from({ length: 30 }, (_, i) => `słowo${i}`).join(' ');
  const text = [
    'Rząd zapowiada nowe przepisy o lotach. Ministrowie spotkali się w stolicy',
    'Rozmowy trwały dwie godziny i dotyczyły przepisów o prawach pasażerów.',
    `Przewoźnicy chcą dłuższych terminów na wypłatę odszkodowań dla pasażerów. ${long}`,
  ].join('\n\n');
  // handArticle cuts sentences at terminal punctuation: give each paragraph's unterminated tail its sentence.
  const a = paragraphed('a', text);
  const tails = [...text.matchAll(/(Ministrowie spotkali się w stolicy|słowo0[^\n]*)$/gm)];
  const sentences = [...a.sentences, ...tails.map((m, i) => ({ index: a.sentences.length + i, paragraph: m[0].startsWith('Ministrowie') ? 0 : 2, start: m.index, end: m.index + m[0].length, text: m[0], tokens: [] }))]
    .sort((x, y) => x.start - y.start)
    .map((s, index) => ({ ...s, index }));
  const { sentences: features } = storyFeatures([{ ...a, sentences }]);
  const byStart = (prefix: string) => features.find((f) => f.sentence.text.startsWith(prefix))!;
  // Paragraph 0 ends unterminated and has 12 words: a headline, so even its terminated sentence does not stand alone.
  assert.equal(byStart('Rząd').standalone, false);
  assert.equal(byStart('Rząd').claimable, false);
  assert.equal(byStart('Ministrowie').claimable, false);
  // Paragraph 1 ends with a full stop: body text.
  assert.equal(byStart('Rozmowy').standalone, true);
  assert.equal(byStart('Rozmowy').claimable, true);
  // Paragraph 2 ends unterminated but runs to 40 words: body text whose last line lost its full stop.
  assert.equal(byStart('Przewoźnicy').standalone, true);
  assert.equal(byStart('słowo0').claimable, true);
});

test('features: copies of a wording share their terms when their names sit alike, and only then', () => {
  const text = 'Ryanair odwołał w piątek sześćset lotów w całej Europie.';
  const names = (key: string) => [['Ryanair', 'Ryanair', 'ORG', key]] as const;
  const articles = [
    handArticle({ id: 'a', text, entities: names('org:ryanair') }),
    handArticle({ id: 'b', text, entities: names('org:ryanair') }),
    handArticle({ id: 'c', text, entities: names('org:ryanair-dac') }),
    handArticle({ id: 'd', text: `Rano padało w Dublinie. ${text}`, entities: names('org:ryanair') }),
    handArticle({ id: 'e', text }),
  ];
  const [a, b, c, d, e] = storyFeatures(articles).byArticle.map((list) => list.at(-1)!);
  assert.equal(a!.terms, b!.terms, 'the same names at the same places: one term set');
  assert.notEqual(a!.terms, c!.terms);
  assert.ok(c!.terms.has('e:org:ryanair-dac') && !c!.terms.has('e:org:ryanair'));
  assert.equal(d!.sentence.text, text, 'the copy inside a longer article is its own sentence');
  assert.equal(a!.terms, d!.terms, 'offsets count from the sentence start');
  assert.notEqual(a!.terms, e!.terms);
  // Without the mention, the name is a word like any other.
  assert.ok(e!.terms.has('ryanai') && !a!.terms.has('ryanai'));
  assert.deepEqual([...a!.terms].sort(), [...b!.terms].sort());
});

test('features: a headline paragraph\'s whole past-tense statement with a named subject is body text; its cut tail and a section name are not', async () => {
  const { loadSeedAnalyses } = await import('../../eval/lib/synthesis-seeds.ts');
  const { toArticle } = await import('../../src/ingest/article.ts');
  const { analyzeArticle } = await import('../../src/analysis/index.ts');
  const { analyses } = loadSeedAnalyses();
  const teaser = analyzeArticle(
    toArticle(
      {
        origin: 'https://outlet.example/a',
        format: 'text',
        text: 'Szczyt na Dalekim Wschodzie\n\nPrzywódcy Rosji i Korei Północnej rozmawiali w środę przez kilka godzin na kosmodromie.\n\nRozmowy w cztery oczy. Putin przyjął Kima na kosmodromie\n\nRozmowy dotyczyły współpracy wojskowej i dostaw amunicji dla rosyjskiej armii.',
        published: { value: '2023-09-13', precision: 'day' },
      },
      '2026-01-01T00:00:00.000Z',
    ),
  );
  const features = storyFeatures([...analyses, teaser]).sentences;
  const find = (prefix: string) => {
    const f = features.find((x) => x.sentence.text.startsWith(prefix));
    assert.ok(f, prefix);
    return f;
  };
  // samples/kim-putin-2023/002: "Władimir Putin spotkał się z Kim Dzong Unem. Mieli rozmawiać o zakupie broni przez Rosję"
  const met = find('Władimir Putin spotkał się z Kim Dzong Unem.');
  assert.equal(met.summarisable, true, 'a name, its past verb, a full stop: a sentence anywhere');
  assert.equal(met.claimable, true);
  assert.equal(find('Mieli rozmawiać o zakupie broni').summarisable, false, 'the unterminated tail stays a headline');
  // A section name, and a headline left unterminated though it opens with a name and a past verb.
  assert.equal(find('Rozmowy w cztery oczy').summarisable, false);
  assert.equal(find('Putin przyjął Kima').summarisable, false);
  assert.equal(find('Przywódcy Rosji').summarisable, true);
});

test('features: similarity is the cosine of the idf-weighted term sets, weighed by the idf it is given', () => {
  const a = handArticle({ id: 'a', text: 'Przewoźnik odwołał sześćset lotów w Hiszpanii. Pasażerowie czekali na lotnisku w Madrycie.' });
  const b = handArticle({ id: 'b', text: 'Linia odwołała sześćset lotów z powodu strajku. Rząd zapowiada nowe przepisy o lotach.' });
  const { sentences, idf } = storyFeatures([a, b]);
  const [x, , y, z] = sentences as [(typeof sentences)[number], unknown, (typeof sentences)[number], (typeof sentences)[number]];
  const cosine = (p: ReadonlySet<string>, q: ReadonlySet<string>, weights: ReadonlyMap<string, number>): number => {
    const w = (t: string): number => (weights.get(t) ?? 0) ** 2;
    let dot = 0;
    for (const t of p) if (q.has(t)) dot += w(t);
    const norm = (s: ReadonlySet<string>): number => [...s].reduce((sum, t) => sum + w(t), 0);
    return dot / Math.sqrt(norm(p) * norm(q));
  };
  const xy = similarity(x, y, idf);
  assert.ok(xy > 0 && xy < 1, String(xy));
  assert.equal(xy, cosine(x.terms, y.terms, idf));
  assert.equal(similarity(x, z, idf), cosine(x.terms, z.terms, idf));
  assert.equal(similarity(x, x, idf), 1);
  // Another weighting of the same sentences (cached weights are per idf): every term alike.
  const flat = new Map([...idf.keys()].map((t) => [t, 1]));
  assert.equal(similarity(x, y, flat), cosine(x.terms, y.terms, flat));
  assert.notEqual(similarity(x, y, flat), xy);
});
