/**
 * Dates of one claim (src/synthesis/claims.ts `datesAligned`): a week ("na przyszły tydzień") holds
 * the days inside it, so a sentence dating a happening by its week and one dating it by its day can
 * state one claim; a day outside the week cannot. Real sentences through the real ingest and
 * analysis layers (time expressions resolved against the article's publication day).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures, type SentenceFeatures } from '../../src/synthesis/features.ts';
import { datesAligned } from '../../src/synthesis/claims.ts';

/** The first sentence of each text, each text one article published on Friday 20 July 2018. */
function sentences(...texts: string[]): SentenceFeatures[] {
  const articles = texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-07-20', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  return storyFeatures(articles).byArticle.map((list) => list[0]!);
}

test('citations: a week and a day inside it are one time ("na przyszły tydzień" and "25 lipca")', () => {
  const [week, day, later] = sentences(
    'Linie lotnicze Ryanair odwołały 600 lotów zaplanowanych na przyszły tydzień.',
    'Ryanair odwołał 600 lotów zaplanowanych na 25 lipca.',
    'Ryanair odwołał 600 lotów zaplanowanych na 10 sierpnia.',
  );
  assert.ok(week!.times.some((t) => t.value.includes('-W')), `times: ${week!.times.map((t) => t.value).join(', ')}`);
  assert.ok(datesAligned(week!, day!));
  assert.ok(datesAligned(day!, week!));
  assert.ok(!datesAligned(week!, later!), 'a day two weeks on is another time');
  assert.ok(!datesAligned(day!, later!));
});
