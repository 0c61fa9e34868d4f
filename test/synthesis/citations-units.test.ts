/**
 * Figures written with an abbreviated unit (src/synthesis/numbers.ts, resources/pl/synthesis-units.txt):
 * "374 km" counts what "374 kilometry" counts, so two sentences giving the length either way state one
 * figure and join one claim (src/synthesis/claims.ts); "1200 km" is another figure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures } from '../../src/synthesis/features.ts';
import { groupClaims } from '../../src/synthesis/claims.ts';

function story(...texts: string[]) {
  const articles = texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-04-12', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  return storyFeatures(articles);
}

test('citations: "374 km" and "374 kilometry" are one figure of one unit; "z 1200 km" is another', () => {
  const features = story(
    'Fiński odcinek gazociągu ma liczyć 374 km z 1200 km całego podmorskiego odcinka.',
    'Z całego gazociągu 374 kilometry przebiegają przez fińskie wody terytorialne.',
  );
  const [a, b] = features.byArticle.map((list) => list[0]!);
  const units = (s: typeof a) => s!.figures.map((f) => `${f.value} ${f.unit}`);
  assert.deepEqual(units(a), ['374 kilome', '1200 kilome']);
  assert.deepEqual(units(b), ['374 kilome']);
  const joined = groupClaims(features).find((g) => g.members.includes(a!) && g.members.includes(b!));
  assert.ok(joined, 'the two sentences state one claim');
  assert.equal(joined.anchor?.kind === 'figure' && joined.anchor.figure.value, 374);
});

test('citations: a count by magnitude ("dziesiątki tysięcy osób") and a figure of the same unit outside it ("100 tys. osób") are not one claim', () => {
  const features = story(
    'Brytyjskie media szacują, że w demonstracji w Londynie wzięły udział dziesiątki tysięcy osób.',
    'Szacuje się, że w demonstracji w Londynie wzięło udział około 100 tys. osób.',
    'Organizatorzy szacują, że w demonstracji w Londynie wzięło udział 100 tysięcy osób.',
  );
  const [tens, about100k, exactly100k] = features.byArticle.map((list) => list[0]!);
  const groups = groupClaims(features);
  const together = (x: typeof tens, y: typeof tens) => groups.some((g) => g.members.includes(x!) && g.members.includes(y!));
  assert.ok(!together(tens, about100k), 'tens of thousands is not 100 thousand');
  assert.ok(!together(tens, exactly100k));
  assert.ok(together(about100k, exactly100k), '"100 tysięcy" is a figure, not "thousands"');
});

test('citations: two sentences on one day giving other counts of one unit are two claims ("600 lotów" / "cztery loty")', () => {
  const features = story(
    'W środę 25 lipca personel pokładowy rozpoczął strajk, w wyniku którego odwołano w Europie 600 lotów.',
    'W środę 25 lipca personel pokładowy rozpoczął strajk, w wyniku którego odwołano cztery loty z Modlina.',
  );
  const [six100, four] = features.byArticle.map((list) => list[0]!);
  assert.equal(six100!.times[0]?.value, four!.times[0]?.value, 'one day');
  assert.ok(!groupClaims(features).some((g) => g.members.includes(six100!) && g.members.includes(four!)), 'another count of flights is another claim');
});
