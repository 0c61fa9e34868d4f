/**
 * Citation completion (src/synthesis/claims.ts `completeCitations`) and the polarity of claims
 * (`denies`): every article that states a claim in other words is cited; an article that only shares
 * the topic, states another figure, or denies the claim is not. Sentences are real ones of the
 * development stories (eval/data/synthesis), run through the real ingest and analysis layers beside
 * the seed articles, so that word rarity is a story's and not a toy's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';
import { storyFeatures, type SentenceFeatures, type StoryFeatures } from '../../src/synthesis/features.ts';
import { completeCitations, denies } from '../../src/synthesis/claims.ts';

const seeds = loadSeedAnalyses().analyses;

/** Seeds plus one article per text (one sentence each); returns the story and the added sentences by name. */
function story(texts: Record<string, string>): { features: StoryFeatures; by: Map<string, SentenceFeatures> } {
  const names = Object.keys(texts);
  const extra = names.map((name) =>
    analyzeArticle(toArticle({ origin: `https://${name}.example/a`, format: 'text', text: texts[name]!, published: { value: '2018-07-20', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  const features = storyFeatures([...seeds, ...extra]);
  const by = new Map(names.map((name, i) => [name, features.byArticle[seeds.length + i]![0]!]));
  return { features, by };
}

/** What completion cites for a claim made of the named sentences. */
function cited(features: StoryFeatures, members: readonly SentenceFeatures[]): SentenceFeatures[] {
  return completeCitations(features, [{ members }]).get(0) ?? [];
}

test('citations: an article giving the judge\'s words in its own wording is cited; another sentence on the judge is not', () => {
  const { features, by } = story({
    a: 'Sędzia Saqib Nasir, który przewodniczył rozprawie, w swoim orzeczeniu zacytował Koran: "Tolerancja jest podstawową zasadą islamu" - napisał.',
    b: 'Przewodnicząc trzyosobowemu składowi sędziowskiemu powołał się na Koran, w którym zapisano, że "tolerancja jest podstawową zasadą islamu".',
    c: 'Zdaniem sędziego tolerancja jest podstawą islamu, który "zdecydowanie potępia niesprawiedliwość".',
    d: 'Sędzia Saqib Nisar unieważnił wyrok sądu w Lahaur, który skazał Asię Bibi na karę śmierci.',
  });
  const added = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(added.includes(by.get('c')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
  assert.ok(!added.includes(by.get('d')!));
});

test('citations: a sentence giving another figure is never cited ("300 lotów" does not state "600 lotów")', () => {
  const { features, by } = story({
    a: 'Ze względu na protest w całej Europie odwołano 600 lotów.',
    b: 'Personel kabinowy linii Ryanair rozpoczął w środę strajk, w wyniku którego odwołano w Europie 600 lotów.',
    c: 'Z powodu strajku personelu kabinowego w Europie linia Ryanair odwołała 300 lotów.',
    d: 'Z powodu strajku personelu kabinowego w Europie linia Ryanair odwołała ponad 600 lotów.',
  });
  const added = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(!added.includes(by.get('c')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
  assert.ok(added.includes(by.get('d')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
});

test('citations: a sentence without the words most wordings of the claim share is not cited (the shortage, not the talks)', () => {
  const { features, by } = story({
    a: 'Rosjanom w wojnie z Ukrainą najbardziej brakuje amunicji artyleryjskiej.',
    b: 'Wojskom rosyjskim atakującym Ukrainę szczególnie brakuje amunicji artyleryjskiej.',
    c: 'Planowana podróż nastąpi po tym, jak rosyjski minister obrony podczas wizyty w Pjongjangu rozmawiał o dostawach amunicji artyleryjskiej dla wojsk rosyjskich.',
  });
  const added = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(!added.includes(by.get('c')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
});

test('citations: a denial ("zaprzeczała, że bluźniła") has the opposite polarity and is not cited for what it denies', () => {
  const { features, by } = story({
    a: 'Kobieta została w 2010 roku skazana za bluźnierstwo przeciwko Mahometowi.',
    b: 'Pakistański Sąd Najwyższy uniewinnił chrześcijankę z Pakistanu Asię Bibi skazaną w 2010 roku za bluźnierstwo przeciwko prorokowi Mahometowi.',
    c: 'Bibi zawsze zaprzeczała, że bluźniła przeciwko Mahometowi.',
    d: 'Nie zgadzają się na zawieranie umów na podstawie prawa irlandzkiego.',
  });
  assert.equal(denies(by.get('a')!), false);
  assert.equal(denies(by.get('c')!), true, `epistemic: ${by.get('c')!.epistemic}`);
  assert.equal(denies(by.get('d')!), true);
  const added = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(!added.includes(by.get('c')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
});

test('figures: "324 do 295" is a vote\'s score (two figures), "od 300 do 400 lotów" still a range', () => {
  const { by } = story({
    a: 'Ustawa przeszła w niższej izbie parlamentu stosunkiem głosów 324 do 295.',
    b: 'Przewoźnik odwoła od 300 do 400 lotów.',
  });
  assert.deepEqual(by.get('a')!.figures.map((f) => [f.value, f.approximate]), [[324, false], [295, false]]);
  assert.deepEqual(by.get('b')!.figures.map((f) => f.value), [400]);
});

test('citations: a claim joined through its figures cites an article giving both figures in other words', () => {
  const { features, by } = story({
    a: 'Za przyjęciem ustawy głosowało 324 posłów, a przeciwko – 295, w tym m.in. deputowani opozycyjnej Partii Pracy, której lider ocenił, że rząd nie przedstawił wystarczających gwarancji.',
    b: 'Za przyjęciem ustawy głosowało 324 posłów, a przeciwko - 295, w tym m.in. deputowani opozycyjnej Partii Pracy, której lider ocenił, że rząd nie przedstawił wystarczających gwarancji.',
    c: 'Ustawa przeszła w niższej izbie parlamentu stosunkiem głosów 324 do 295.',
    d: 'Ustawa przeszła w niższej izbie parlamentu stosunkiem głosów 320 do 299.',
  });
  const figure = by.get('a')!.figures[0]!;
  const anchored = completeCitations(features, [{ members: [by.get('a')!, by.get('b')!], anchor: { kind: 'figure', figure } }]).get(0) ?? [];
  assert.ok(anchored.includes(by.get('c')!), `cited: ${anchored.map((s) => s.sentence.text).join(' | ')}`);
  assert.ok(!anchored.includes(by.get('d')!));
  const byWording = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(!byWording.includes(by.get('c')!), 'in a claim joined by wording the figures may be another fact of the sentence');
});

test('citations: a sentence naming the action with its verbal noun states the claim naming it with the verb ("omówienie dostaw" / "omówić dostawy")', () => {
  const { features, by } = story({
    a: 'Przywódcy mają omówić m.in. dostawy broni dla Rosji, które wesprą ją w wojnie przeciwko Ukrainie.',
    b: 'Podczas spotkania przywódcy mają omówić dostawy broni i amunicji dla Rosji.',
    c: 'Celem spotkania ma być omówienie dostaw broni dla rosyjskiej armii.',
    d: 'Rosja od miesięcy kupuje broń i amunicję w Korei Północnej.',
  });
  const added = cited(features, [by.get('a')!, by.get('b')!]);
  assert.ok(added.includes(by.get('c')!), `cited: ${added.map((s) => s.sentence.text).join(' | ')}`);
  assert.ok(!added.includes(by.get('d')!));
});

test('citations: a lede the page cut off ("…odwołał m.in. rejsy do...") is no claim wording but is cited for the fact it states', () => {
  const { features, by } = story({
    a: 'Personel kabinowy irlandzkich linii lotniczych Ryanair rozpoczął w środę strajk, w wyniku którego odwołano w Europie 600 lotów.',
    b: 'Personel kabinowy irlandzkich tanich linii lotniczych Ryanair rozpoczął w środę dwudniowy strajk, w wyniku którego odwołano w Europie 600 lotów.',
    c: 'W związku z rozpoczętym w środę dwudniowym strajkiem personelu kabinowego irlandzkich linii lotniczych Ryanair, przewoźnik odwołał m.in. rejsy do...',
    d: 'Szef VC Martin Locher zarzucił pracodawcy blokowanie negocjacji ze związkowcami i wyłączną odpowiedzialność za eskalację konfliktu.',
  });
  const lede = by.get('c')!;
  assert.equal(lede.claimable, false);
  assert.equal(lede.citable, true);
  assert.ok(cited(features, [by.get('a')!, by.get('b')!]).includes(lede), 'the cut lede states the strike');
  // Cited only where it states the claim: not for another claim of the story.
  const locher = story({
    a: 'Szef VC Martin Locher zarzucił pracodawcy blokowanie negocjacji ze związkowcami i wyłączną odpowiedzialność za eskalację konfliktu.',
    b: 'Szef VC Martin Locher, który wzywał niemieckich pilotów do strajku, zarzucił pracodawcy blokowanie negocjacji ze związkowcami.',
    c: 'W związku z rozpoczętym w środę dwudniowym strajkiem personelu kabinowego irlandzkich linii lotniczych Ryanair, przewoźnik odwołał m.in. rejsy do...',
  });
  assert.ok(!cited(locher.features, [locher.by.get('a')!, locher.by.get('b')!]).includes(locher.by.get('c')!));
});

test('citations: a credit line and a fragment of three words are never cited', () => {
  const { by } = story({
    // Each the first sentence of its article (the helper reads the first one).
    a: 'Źródło: Express Bydgoski - strajk personelu kabinowego linii Ryanair w Europie\n\nPersonel kabinowy linii Ryanair rozpoczął w środę dwudniowy strajk.',
    b: 'Islamiści grożą protestami.\n\nZwolennicy radykalnej partii grozili protestami, blokowaniem dróg i paraliżem miast.',
  });
  assert.equal(by.get('a')!.citable, false);
  assert.equal(by.get('b')!.citable, false);
});
