/**
 * What keeps two wordings out of one claim (src/synthesis/claims.ts `wordingRefusal`, the guards of
 * the wording step) and how the eval explains a missed citation with it (eval/lib/citation-misses.ts
 * `explainMiss`). Real sentences through the real ingest and analysis layers, each the first
 * sentence of an article published on Friday 20 July 2018.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { storyFeatures, type SentenceFeatures, type StoryFeatures } from '../../src/synthesis/features.ts';
import { CLAIM_SIMILARITY, wordingRefusal, wordingSimilarity } from '../../src/synthesis/claims.ts';
import { explainMiss } from '../../eval/lib/citation-misses.ts';

function story(...texts: string[]): { features: StoryFeatures; first: SentenceFeatures[] } {
  const articles = texts.map((text, i) =>
    analyzeArticle(toArticle({ origin: `https://outlet${i}.example/a`, format: 'text', text, published: { value: '2018-07-20', precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  const features = storyFeatures(articles);
  return { features, first: features.byArticle.map((list) => list[0]!) };
}

test('citations: the wording step keeps apart a negated wording, another day, another figure, and a figure met elsewhere', () => {
  const { first } = story(
    'Piloci Ryanaira w Irlandii zapowiedzieli kolejny strajk w przyszły piątek.',
    'Piloci Ryanaira w Irlandii nie zapowiedzieli kolejnego strajku w przyszły piątek.',
    'Ryanair odwołał 600 lotów zaplanowanych na 25 lipca.',
    'Ryanair odwołał 600 lotów zaplanowanych na 10 sierpnia.',
    'Ryanair odwołał 400 lotów zaplanowanych na 25 lipca.',
    'Linie Ryanair odwołały 600 lotów zaplanowanych na 25 lipca.',
  );
  const [strike, noStrike, july600, august600, july400, july600again] = first as [SentenceFeatures, ...SentenceFeatures[]];
  assert.equal(wordingRefusal(strike, noStrike!), 'polarity');
  assert.equal(wordingRefusal(july600!, august600!), 'dates');
  assert.equal(wordingRefusal(july600!, july400!), 'figures');
  // One figure of one unit on one day: the figure step joins them, not the wording step.
  assert.equal(wordingRefusal(july600!, july600again!), 'shared-figure');
  assert.equal(wordingRefusal(strike, strike), undefined);
});

test('citations: a missed sentence is explained by its best pair with the fact\'s claim', () => {
  const { features, first } = story(
    'Piloci Ryanaira w Irlandii zapowiedzieli kolejny 24-godzinny strajk na przyszły piątek.',
    'Irlandzcy piloci Ryanaira zapowiedzieli kolejny 24-godzinny strajk na przyszły piątek.',
    'Piloci Ryanaira w Irlandii nie zapowiedzieli kolejnego strajku na przyszły piątek.',
    'Pasażerowie tanich linii otrzymają w przyszły piątek zwrot pieniędzy za odwołane bilety.',
    'Związkowcy zapowiedzieli też, że w przyszły piątek strajk może się powtórzyć.',
  );
  const [claim, paraphrase, negated, unrelated, loose] = first as [SentenceFeatures, ...SentenceFeatures[]];
  const close = explainMiss([paraphrase!], [claim], features.idf);
  assert.equal(close.reason, 'joinable');
  assert.ok(close.similarity >= CLAIM_SIMILARITY);
  assert.equal(close.similarity, wordingSimilarity(paraphrase!, claim, features.idf));
  assert.equal(explainMiss([negated!], [claim], features.idf).reason, 'refused-polarity');
  assert.equal(explainMiss([unrelated!], [claim], features.idf).reason, 'no-shared-words');
  const short = explainMiss([loose!], [claim], features.idf);
  assert.equal(short.reason, 'below-similarity', `similarity ${short.similarity}`);
  assert.ok(short.similarity > 0 && short.similarity < CLAIM_SIMILARITY);
  // A pair nothing refuses explains the miss before a refused one, however similar that is.
  assert.equal(explainMiss([negated!, loose!], [claim], features.idf).reason, 'below-similarity');
  assert.equal(explainMiss([paraphrase!], [], features.idf).reason, 'no-claim');
});
