import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addArticle } from '../../src/stories/centroid.ts';
import { Corpus } from '../../src/stories/corpus.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { EVENT_PRESET } from '../../src/stories/options.ts';
import { Scorer } from '../../src/stories/similarity.ts';
import type { LiveStory } from '../../src/stories/story.ts';
import { IdScratch } from '../../src/stories/vectors.ts';
import type { Language } from '../../src/types.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 10);
const o = EVENT_PRESET;

function setup() {
  const corpus = new Corpus();
  const scratch = new IdScratch();
  const scorer = new Scorer(o, corpus, scratch);
  // Background documents, so every key has a finite, positive IDF.
  for (let i = 0; i < 5; i++) corpus.count(features(`bg-${i}`, 0, { tlo: 1 }, {}));
  let slot = 0;
  const count = (f: ArticleFeatures) => {
    const ids = corpus.count(f);
    scratch.fit(corpus.keys);
    scorer.fit(corpus.keys);
    return ids;
  };
  /** A story of one article (its centroid built as the clusterer builds it). */
  const story = (f: ArticleFeatures): LiveStory => {
    const ids = count(f);
    const s: LiveStory = {
      id: `ev-${f.articleId}`, level: 'event', size: 1, independent: 1, terms: { ids: [], vals: [] }, entities: { ids: [], vals: [] },
      languages: { [f.language]: 1 }, outlets: {}, slackDays: 0, representatives: [], touched: corpus.documents, slot: slot++,
      first: f.time, last: f.time,
    };
    addArticle(s.terms, f.terms, ids.terms, scratch.values);
    addArticle(s.entities, f.entities, ids.entities, scratch.values);
    return s;
  };
  const score = (f: ArticleFeatures, s: LiveStory) => {
    const article = scorer.weighArticle(f, count(f));
    scorer.mark(article);
    const sim = scorer.articleSimilarity(f, article, s);
    scorer.unmark(article);
    assert.ok(scratch.values.every((x) => x === 0), 'marks cleared');
    return sim;
  };
  return { corpus, scorer, story, score };
}

function features(id: string, day: number, terms: Record<string, number>, entities: Record<string, number>, language: Language = 'pl'): ArticleFeatures {
  return { articleId: id, language, time: T0 + day * DAY, timePrecision: 'minute', terms: new Map(Object.entries(terms)), entities: new Map(Object.entries(entities)) } as ArticleFeatures;
}

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);
}

test('Scorer.articleSimilarity: the same content on the same day scores termWeight + entityWeight', () => {
  const { story, score } = setup();
  const s = story(features('a', 0, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }));
  near(score(features('b', 0, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }), s), o.termWeight + o.entityWeight, 'similarity');
});

test('Scorer.articleSimilarity: the time kernel discounts the gap to the story\'s dates', () => {
  const { story, score } = setup();
  const s = story(features('a', 0, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }));
  near(score(features('b', 3, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }), s), (o.termWeight + o.entityWeight) * Math.exp(-3 / o.timeScaleDays), 'similarity');
});

test('Scorer.articleSimilarity: across languages the entity share takes over', () => {
  const { story, score } = setup();
  const s = story(features('a', 0, { wybory: 1 }, { 'per-tusk': 1 }));
  near(score(features('same', 0, { election: 1 }, { 'per-tusk': 1 }), s), o.entityWeight, 'same language');
  near(score(features('cross', 0, { election: 1 }, { 'per-tusk': 1 }, 'en'), s), o.crossEntityWeight, 'other language');
});

test('Scorer.storySimilarity: symmetric, 1 for equal centroids, 0 for disjoint ones', () => {
  const { scorer, story } = setup();
  const a = story(features('a', 0, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }));
  const b = story(features('b', 0, { wybory: 2, sejm: 1 }, { 'per-tusk': 1 }));
  const c = story(features('c', 0, { pogoda: 1 }, { 'loc-krakow': 1 }));
  near(scorer.storySimilarity(a, b), o.termWeight + o.entityWeight, 'equal');
  assert.equal(scorer.storySimilarity(a, b), scorer.storySimilarity(b, a));
  assert.equal(scorer.storySimilarity(a, c), 0);
});

test('Scorer.centroid: cached until the story is touched or forgotten', () => {
  const { scorer, story } = setup();
  const s = story(features('a', 0, { wybory: 1 }, {}));
  const first = scorer.centroid(s);
  assert.equal(scorer.centroid(s), first, 'reused');
  scorer.forget(s);
  const second = scorer.centroid(s);
  assert.notEqual(second, first, 'forgotten');
  s.touched++;
  assert.notEqual(scorer.centroid(s), second, 'touched');
});
