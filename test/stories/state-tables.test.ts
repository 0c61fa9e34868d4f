import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStoryEngine, openStoryEngine, type PersistentStoryEngine, type StoryEngine } from '../../src/stories/engine.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import { MemoryBackend } from '../../src/stories/memory-backend.ts';
import { decodeDoubles, decodeInts, encodeDoubles, encodeInts, type StoryBackend, type StoryDelta } from '../../src/stories/rows.ts';
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
  override readStories(ids: readonly string[]) {
    const rows = super.readStories(ids);
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

test('rows: ids and sums round-trip through the byte encoding exactly', () => {
  const ids = [0, 1, 2 ** 31 - 1, 123_456];
  const sums = [0.1 + 0.2, Math.PI, 1e-300, 5e300, -0];
  assert.deepEqual(decodeInts(encodeInts(ids)), ids);
  assert.deepEqual(decodeDoubles(encodeDoubles(sums)), sums);
  // A view into a larger buffer (as a database driver may hand out) decodes the same.
  const bytes = new Uint8Array(8 + sums.length * 8);
  bytes.set(encodeDoubles(sums), 8);
  assert.deepEqual(decodeDoubles(bytes.subarray(8)), sums);
});
