import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_PRESET } from '../../src/stories/options.ts';
import { StoryIndex, type IndexOptions } from '../../src/stories/story-index.ts';
import type { LiveStory } from '../../src/stories/story.ts';
import { Vocabulary, type Vec } from '../../src/stories/vectors.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 10);

function setup(options: Partial<IndexOptions> = {}) {
  const terms = new Vocabulary();
  const entities = new Vocabulary();
  const index = new StoryIndex({ ...EVENT_PRESET, ...options }, terms, entities);
  const vec = (field: 'terms' | 'entities', weights: Record<string, number>): Vec => {
    const vocab = field === 'terms' ? terms : entities;
    return { ids: Object.keys(weights).map((k) => vocab.id(k)), vals: Object.values(weights) };
  };
  /** A story dated `day` days from T0 (undefined: undated), posted under the given term weights. */
  const story = (id: string, day: number | undefined, termWeights: Record<string, number>, entityWeights: Record<string, number> = {}): LiveStory => {
    const s: LiveStory = {
      id, level: 'event', size: 1, independent: 1, terms: { ids: [], vals: [] }, entities: { ids: [], vals: [] },
      languages: { pl: 1 }, outlets: {}, slackDays: 0, representatives: [], touched: 1, slot: index.nextSlot,
      ...(day === undefined ? {} : { first: T0 + day * DAY, last: T0 + day * DAY }),
    };
    index.add(s);
    index.update(s, { terms: vec('terms', termWeights), entities: vec('entities', entityWeights) });
    return s;
  };
  const article = (day: number | undefined, termWeights: Record<string, number>, entityWeights: Record<string, number> = {}) => ({
    f: { articleId: 'a', language: 'pl', terms: new Map(), entities: new Map(), ...(day === undefined ? {} : { time: T0 + day * DAY, timePrecision: 'minute' }) } as ArticleFeatures,
    terms: vec('terms', termWeights),
    entities: vec('entities', entityWeights),
  });
  return { index, story, article, vec };
}

test('StoryIndex.candidates: only stories sharing a key and within the window, most overlap first', () => {
  const { index, story, article } = setup({ windowDays: 10 });
  story('ev-one-key', 0, { wybory: 1 });
  story('ev-two-keys', 1, { wybory: 1, sejm: 1 });
  story('ev-entity', 2, { pogoda: 1 }, { 'per-tusk': 1 });
  story('ev-too-old', -30, { wybory: 1, sejm: 1 });
  story('ev-unrelated', 0, { pogoda: 1 });
  const a = article(0, { wybory: 2, sejm: 1 }, { 'per-tusk': 0.5 });
  assert.deepEqual(index.candidates(a.f, a.terms, a.entities).map((s) => s.id), ['ev-two-keys', 'ev-one-key', 'ev-entity']);
});

test('StoryIndex.candidates: an undated article or story is not held back by the window', () => {
  const { index, story, article } = setup({ windowDays: 10 });
  story('ev-undated', undefined, { wybory: 1 });
  story('ev-old', -300, { wybory: 1 });
  const undated = article(undefined, { wybory: 1 });
  assert.deepEqual(index.candidates(undated.f, undated.terms, undated.entities).map((s) => s.id), ['ev-old', 'ev-undated']);
  const dated = article(0, { wybory: 1 });
  assert.deepEqual(index.candidates(dated.f, dated.terms, dated.entities).map((s) => s.id), ['ev-undated']);
});

test('StoryIndex.candidates: at most maxCandidates, equal overlap by story id', () => {
  const { index, story, article } = setup({ maxCandidates: 2 });
  for (const id of ['ev-c', 'ev-a', 'ev-d', 'ev-b']) story(id, 0, { wybory: 1 });
  const a = article(0, { wybory: 1 });
  assert.deepEqual(index.candidates(a.f, a.terms, a.entities).map((s) => s.id), ['ev-a', 'ev-b']);
});

test('StoryIndex: a removed story is no candidate and no neighbour', () => {
  const { index, story, article } = setup();
  const gone = story('ev-gone', 0, { wybory: 1 });
  const kept = story('ev-kept', 0, { wybory: 1 });
  index.remove(gone);
  const a = article(0, { wybory: 1 });
  assert.deepEqual(index.candidates(a.f, a.terms, a.entities).map((s) => s.id), ['ev-kept']);
  assert.deepEqual([...index.neighbours(kept, { terms: a.terms, entities: a.entities })], []);
});

test('StoryIndex: a posting list keeps the postingCap most recently updated stories', () => {
  const { index, story, article } = setup({ postingCap: 2 });
  const first = story('ev-1', 0, { wybory: 1 });
  story('ev-2', 0, { wybory: 1 });
  story('ev-3', 0, { wybory: 1 });
  const a = article(0, { wybory: 1 });
  assert.deepEqual(index.candidates(a.f, a.terms, a.entities).map((s) => s.id), ['ev-2', 'ev-3']);
  // Re-posting ev-1 makes it recent again and pushes out ev-2.
  index.update(first, { terms: a.terms, entities: { ids: [], vals: [] } });
  assert.deepEqual(index.candidates(a.f, a.terms, a.entities).map((s) => s.id), ['ev-1', 'ev-3']);
});

test('StoryIndex.neighbours: other stories under the story\'s top keys, in lookup order (terms, then entities), itself excluded', () => {
  const { index, story, vec } = setup();
  const self = story('ev-self', 0, { wybory: 1 }, { 'per-tusk': 1 });
  story('ev-by-entity', 0, { pogoda: 1 }, { 'per-tusk': 1 });
  story('ev-by-term', 50, { wybory: 1 });
  story('ev-unrelated', 0, { pogoda: 1 });
  const weights = { terms: vec('terms', { wybory: 1 }), entities: vec('entities', { 'per-tusk': 1 }) };
  assert.deepEqual([...index.neighbours(self, weights)], ['ev-by-term', 'ev-by-entity']);
});
