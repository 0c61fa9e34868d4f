/**
 * Clauses as units of citation support (src/synthesis/clauses.ts, claims.ts `completeCitations`):
 * a fact told in one clause of a longer sentence is cited though another clause of the sentence
 * names another day, and clause boundaries follow general Polish grammar
 * (resources/pl/synthesis-clauses.txt). Sentences are real ones of the development stories
 * (eval/data/synthesis), run through the real ingest and analysis layers beside the seed articles,
 * so that word rarity is a story's and not a toy's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';
import { storyFeatures, type SentenceFeatures, type StoryFeatures } from '../../src/synthesis/features.ts';
import { completeCitations } from '../../src/synthesis/claims.ts';
import { clausesOf } from '../../src/synthesis/clauses.ts';

const seeds = loadSeedAnalyses().analyses;

/** Seeds plus one article per text (its first sentence named), each published on its day. */
function story(texts: Record<string, { text: string; published: string }>): { features: StoryFeatures; by: Map<string, SentenceFeatures> } {
  const names = Object.keys(texts);
  const extra = names.map((name) =>
    analyzeArticle(
      toArticle({ origin: `https://${name}.example/a`, format: 'text', text: texts[name]!.text, published: { value: texts[name]!.published, precision: 'day' } }, '2026-01-01T00:00:00.000Z'),
    ),
  );
  const features = storyFeatures([...seeds, ...extra]);
  const by = new Map(names.map((name, i) => [name, features.byArticle[seeds.length + i]![0]!]));
  return { features, by };
}

const texts = (sentences: readonly SentenceFeatures[]): string => sentences.map((s) => s.sentence.text).join(' | ');

test('citations: a strike told in a later clause is cited though the first clause dates another strike two weeks ahead', () => {
  // ryanair-2018-07-cabin-crew-strike: pb.pl's sentence states that the cabin crew began a two-day
  // strike after ", a"; its "że" clause dates the Dublin pilots' strike "za dwa tygodnie we wtorek".
  const { features, by } = story({
    a: { text: 'Personel kabinowy irlandzkich tanich linii lotniczych Ryanair rozpoczął w środę dwudniowy strajk, w wyniku którego odwołano w Europie 600 lotów.', published: '2018-07-25' },
    b: { text: 'Strajk w Ryanair rozpoczął się 25 lipca i potrwa do czwartku.', published: '2018-07-25' },
    c: {
      text: 'Blisko jedna czwarta pilotów w Dublinie zapowiedziała, że za dwa tygodnie we wtorek rozpocznie 24-godzinny strajk, a personel pokładowy we Włoszech, Hiszpanii, Portugalii rozpoczął dwudniowy strajk, co zmusiło Ryanair do odwołania ponad 12 proc. lotów.',
      published: '2018-07-25',
    },
  });
  const c = by.get('c')!;
  const clauses = clausesOf(c).map((x) => x.sentence.text);
  assert.ok(clauses.some((x) => x.startsWith('a personel pokładowy') && !x.includes('wtorek')), `clauses: ${clauses.join(' | ')}`);
  const added = completeCitations(features, [{ members: [by.get('a')!, by.get('b')!] }]).get(0) ?? [];
  // The sentence is what is cited, not its clause.
  assert.deepEqual(texts(added), texts([c]));
});

test('clauses: a sentence parts at "że", relative pronouns and ", a"; never inside a list of places or at a contrast ("a nie")', () => {
  const { by } = story({
    a: { text: 'Protesty muzułmanów sprawiły, że rząd Pakistanu zawarł z nimi umowę, która uniemożliwia Asi Bibi opuszczenie kraju, a także zapowiada wniesienie rewizji uniewinniającego werdyktu sądu.', published: '2018-11-03' },
    b: { text: 'Z Krakowa w piątek nie odbędą się przyloty i wyloty do Sztokholmu, Brukseli oraz Berlina i Norymbergii.', published: '2018-09-28' },
    c: { text: 'Strajkujący personel pokładowy Ryanair domaga się m.in. podwyżek oraz zawierania umów z pracownikami zgodnie z lokalnym prawem, a nie irlandzkim.', published: '2018-07-25' },
    d: { text: 'Protesty ustały po zawarciu umowy, że kobieta nie opuści Pakistanu.', published: '2018-11-03' },
  });
  assert.deepEqual(
    clausesOf(by.get('a')!).map((x) => x.sentence.text),
    ['że rząd Pakistanu zawarł z nimi umowę', 'która uniemożliwia Asi Bibi opuszczenie kraju', 'a także zapowiada wniesienie rewizji uniewinniającego werdyktu sądu'],
  );
  assert.deepEqual(clausesOf(by.get('b')!), []);
  assert.ok(clausesOf(by.get('c')!).every((x) => !x.sentence.text.startsWith('a nie')));
  // "po zawarciu umowy" opens a clause; its negated "że" clause does not make the others negated.
  const d = clausesOf(by.get('d')!);
  assert.deepEqual(d.map((x) => [x.sentence.text, x.negated]), [['że kobieta nie opuści Pakistanu', true]]);
});
