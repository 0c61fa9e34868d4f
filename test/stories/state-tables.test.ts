import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStoryEngine, openStoryEngine, type PersistentStoryEngine, type StoryEngine } from '../../src/stories/engine.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { MemoryBackend } from '../../src/stories/memory-backend.ts';
import { centroidRow, decodeInts, encodeInts, liveStoryFrom, storyRow, type StoryBackend, type StoryDelta } from '../../src/stories/rows.ts';
import type { LiveStory } from '../../src/stories/story.ts';
import { loadParagraphs, synthesise } from '../../bench/stories.ts';
import { englishKimPutin, offTopic, seeds } from './helpers.ts';

/** A stream with merges at both levels: synthetic events of real paragraphs (bench/stories.ts), seeds, off-topic texts. */
function stream(): ArticleFeatures[] {
  return [...synthesise(loadParagraphs(), 400), ...seeds(), ...offTopic(), englishKimPutin()];
}

/** The engine's view of every article and story, to compare two engines. */
function snapshot(engine: StoryEngine, features: readonly ArticleFeatures[]) {
  return {
    assignments: features.map((f) => [f.articleId, engine.eventOf(f.articleId), engine.storylineOf(f.articleId)]),
    events: engine.events(),
    storylines: engine.storylines(),
  };
}

/** Runs `features` in chunks (add, consolidate, commit), reopening the engine every `reopenEvery` chunks. */
function runStored(features: readonly ArticleFeatures[], backend: StoryBackend, chunk: number, reopenEvery: number): PersistentStoryEngine {
  let engine = openStoryEngine(backend);
  for (let at = 0, n = 0; at < features.length; at += chunk, n++) {
    if (reopenEvery && n > 0 && n % reopenEvery === 0) engine = openStoryEngine(backend);
    for (const f of features.slice(at, at + chunk)) engine.add(f);
    engine.consolidate();
    engine.commit();
  }
  return engine;
}

function runInMemory(features: readonly ArticleFeatures[], chunk: number): StoryEngine {
  const engine = createStoryEngine();
  for (let at = 0; at < features.length; at += chunk) {
    for (const f of features.slice(at, at + chunk)) engine.add(f);
    engine.consolidate();
  }
  return engine;
}

test('stored state: an engine reopened from its rows every few chunks decides exactly as one that never stopped', () => {
  const features = stream();
  const reference = snapshot(runInMemory(features, 20), features);
  assert.ok(reference.storylines.some((s) => s.mergedFrom.length > 0), 'the stream exercises merges');
  for (const reopenEvery of [0, 1, 3]) {
    const backend = new MemoryBackend();
    runStored(features, backend, 20, reopenEvery);
    // A fresh engine over the rows alone reports the same stories, records and merges included.
    assert.deepEqual(snapshot(openStoryEngine(backend), features), reference, `reopened every ${reopenEvery} chunks`);
  }
});

test('stored state: a repeated article keeps its stories and is not counted again', () => {
  const backend = new MemoryBackend();
  const [first, ...rest] = seeds();
  const engine = runStored([first, ...rest], backend, 10, 0);
  const before = backend.readMeta()!;
  const again = openStoryEngine(backend).add(first);
  assert.equal(again.event.storyId, engine.eventOf(first.articleId));
  assert.equal(again.event.created, false);
  const reopened = openStoryEngine(backend);
  reopened.add(first);
  reopened.commit();
  assert.equal(backend.readMeta()!.documents, before.documents, 'no document counted twice');
});

/** Counts what a backend is asked for. */
class CountingBackend extends MemoryBackend {
  storiesRead = 0;
  keysRead = 0;
  lastDelta: StoryDelta | undefined;
  storyReads = 0;
  override readStories(ids: readonly string[]) {
    const rows = super.readStories(ids);
    this.storyReads++;
    this.storiesRead += rows.length;
    return rows;
  }
  override readKeys(kind: 'term' | 'entity', keys: readonly string[]) {
    const rows = super.readKeys(kind, keys);
    this.keysRead += rows.length;
    return rows;
  }
  override readKeyIds(kind: 'term' | 'entity', ids: readonly number[]) {
    const rows = super.readKeyIds(kind, ids);
    this.keysRead += rows.length;
    return rows;
  }
  override write(delta: StoryDelta): void {
    this.lastDelta = delta;
    super.write(delta);
  }
}

test('stored state: one new article reads and writes only the rows it touches', () => {
  const features = stream();
  const backend = new CountingBackend();
  runStored(features.slice(0, -1), backend, 50, 0);
  const rows = backend.rows();
  const fresh = openStoryEngine(backend);
  backend.storiesRead = 0;
  backend.keysRead = 0;
  const last = features[features.length - 1];
  fresh.add(last);
  fresh.commit();
  const delta = backend.lastDelta!;
  assert.ok(backend.storiesRead < rows.stories.length / 4, `read ${backend.storiesRead} of ${rows.stories.length} stories`);
  assert.ok(backend.keysRead < (rows.terms.length + rows.entities.length) / 2, `read ${backend.keysRead} vocabulary rows`);
  assert.ok(delta.stories.length <= 4, `${delta.stories.length} story rows written`);
  assert.equal(delta.members.length, 2, 'one member row per level');
  assert.equal(delta.terms.length, last.terms.size, 'one vocabulary row per term of the article');
  assert.equal(delta.meta!.generation, rows.meta!.generation + 1);
});

test('stored state: a prefetched batch checks the ids its new stories would take in one read per level, not one read per story', () => {
  const features = stream().slice(0, 250);
  const reference = snapshot(runInMemory(features, 50), features);
  const backend = new CountingBackend();
  // The writer that built the state goes on (the lease holder's case): every story it made is loaded.
  const engine = runStored(features.slice(0, 200), backend, 50, 0);
  const batch = features.slice(200);
  backend.storyReads = 0;
  engine.prefetch(batch.map((f) => ({ features: f })));
  for (const f of batch) engine.add(f);
  engine.consolidate();
  engine.commit();
  const opened = batch.filter((f) => engine.eventOf(f.articleId)?.startsWith(`ev-${f.articleId.slice(0, 16)}`)).length;
  assert.ok(opened >= 3, `${opened} events opened by the batch`);
  assert.ok(backend.storyReads <= 2, `${backend.storyReads} story reads for ${opened} new events`);
  assert.deepEqual(snapshot(engine, features), reference, 'the same stories as an engine without stored state');
});

test('rows: a story round-trips through its rows exactly, centroid sums and cached weights included', () => {
  const ids = [0, 1, 2 ** 31 - 1, 123_456];
  assert.deepEqual(decodeInts(encodeInts(ids)), ids);
  const weighted = { terms: { ids: [7, 3], vals: [0.1 + 0.2, 1e-300] }, entities: { ids: [5], vals: [-0] }, termNorm: 0, entityNorm: 0, touched: 4, documents: 9 };
  const story: LiveStory = {
    id: 'ev-x', level: 'event', size: 3, independent: 2, terms: { ids: [7, 3], vals: [Math.PI, 5e300] }, entities: { ids: [5], vals: [1 / 3] },
    languages: { pl: 2, en: 1 }, outlets: { 'tvn24.pl': 2 }, first: Date.UTC(2023, 8, 15), last: Date.UTC(2023, 8, 16, 12), firstPrecision: 'month',
    lastPrecision: 'day', slackDays: 15, representatives: [{ articleId: 'a', title: 'Tytuł', terms: { szczyt: 2 } }], touched: 4, slot: 17, weighted,
  };
  const display = { id: 'ev-x', level: 'event' as const, articles: 3, independentSources: 2, topEntities: [], topTerms: [], languages: [], outlets: [] };
  // A view into a larger buffer (as a database driver may hand out) decodes the same.
  const row = centroidRow(story);
  const padded = new Uint8Array(row.centroid.length + 3);
  padded.set(row.centroid, 3);
  const back = liveStoryFrom(storyRow(story, display), { ...row, centroid: padded.subarray(3) });
  assert.deepEqual(back.weighted!.terms, weighted.terms);
  assert.deepEqual(back.weighted!.entities, weighted.entities);
  assert.equal(back.weighted!.documents, 9);
  for (const field of ['id', 'level', 'size', 'independent', 'terms', 'entities', 'languages', 'outlets', 'first', 'last', 'firstPrecision',
    'lastPrecision', 'slackDays', 'representatives', 'touched', 'slot'] as const) {
    assert.deepEqual(back[field], story[field], field);
  }
  // The sums decode with ids of their own: the centroid grows, the cached weights must not.
  back.terms.ids.push(99);
  assert.deepEqual(back.weighted!.terms.ids, [7, 3]);
});
