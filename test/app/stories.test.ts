import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findStory, listStories, rebuildStories, storyMonth, storyReport, syncStories } from '../../src/app/stories.ts';
import { ingestBatch } from '../../src/ingest/batch.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Article } from '../../src/types.ts';
import { SAMPLE_DIR } from '../cli/helpers.ts';

const dated = (value: string | undefined, precision: 'year' | 'month' | 'day' = 'month') =>
  ({ published: value ? { value, precision } : undefined }) as unknown as Article;

test('storyMonth: the month most dated articles share; years and undated ones do not vote', () => {
  assert.deepEqual(storyMonth([dated('2023-09'), dated('2023-09-12', 'day'), dated('2023-08'), dated(undefined), dated('2022', 'year')]),
    { value: '2023-09', precision: 'month' });
  assert.equal(storyMonth([dated(undefined), dated('2021', 'year')]), undefined);
});

test('the undated seed resolves "pod koniec lipca" against its story, not against "w 2017 roku"', async () => {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'kronika-app-')), 'app.db'));
  try {
    await ingestBatch(store, [SAMPLE_DIR]);
    syncStories(store);
    const [story] = listStories(store);
    assert.equal(findStory(store, story.id)?.id, story.id);
    const undated = store.listArticles().find((a) => !a.published)!;
    const report = storyReport(store, story);
    const july = report.timeline.find((t) => t.value === '2023-07');
    assert.ok(july, 'Shoigu in Pyongyang, July 2023, is on the timeline');
    assert.ok(july.citations.some((c) => c.article === undated.id), 'the undated article supports the July 2023 entry');
    assert.ok(!report.timeline.some((t) => t.value === '2017-07'), 'no invented July 2017');
    assert.equal(report.sources.find((s) => s.article === undated.id)?.published, undefined, 'the article itself stays undated');
  } finally {
    store.close();
  }
});

test('story entities carry display names: base forms of the mentions behind each key, kept across syncs', async () => {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'kronika-app-')), 'names.db'));
  try {
    await ingestBatch(store, [SAMPLE_DIR]);
    syncStories(store);
    const [story] = listStories(store);
    const names = story.topEntities.map((e) => e.name);
    for (const expected of ['Kim Dzong Un', 'Władimir Putin', 'Rosja']) assert.ok(names.includes(expected), JSON.stringify(story.topEntities));
    assert.ok(!names.some((n) => n === 'Putina' || n === 'Kima'), 'inflected forms are not names');
    // A restored engine (the next CLI run) still names them, and a rebuild keeps them.
    assert.deepEqual(findStory(store, story.id)?.topEntities, story.topEntities);
    rebuildStories(store);
    assert.ok(listStories(store)[0].topEntities.some((e) => e.name === 'Władimir Putin'));
  } finally {
    store.close();
  }
});

test('saved stories that cannot be restored are rebuilt from the articles, and the caller is told why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-app-'));
  const store = openSqliteStore(join(dir, 'recover.db'));
  try {
    await ingestBatch(store, [SAMPLE_DIR]);
    const first = syncStories(store);
    assert.equal(first.recovered, undefined);
    const before = listStories(store).map((s) => [s.id, [...s.articleIds].sort()]);
    // A state from another version (or edited by hand): right envelope, unusable engine.
    const saved = store.readState('stories') as { version: number };
    store.updateState('stories', () => ({ version: saved.version, known: 5, engine: { events: 'nonsense' } }));
    const again = syncStories(store);
    assert.match(again.recovered ?? '', /could not be restored.*re-clustered all 5 articles/);
    assert.equal(again.added, 5);
    assert.deepEqual(listStories(store).map((s) => [s.id, [...s.articleIds].sort()]), before);
    assert.equal(syncStories(store).recovered, undefined, 'the rebuilt state is saved');
    // Damage the quick check cannot see (a broken story record): readers still get the rebuilt stories.
    store.updateState('stories', (current) => {
      const state = structuredClone(current) as { engine: { events: { stories: unknown[] } } };
      state.engine.events.stories = [{ id: 'ev-broken' }];
      return state;
    });
    assert.deepEqual(listStories(store).map((s) => [s.id, [...s.articleIds].sort()]), before);
    // Stories saved by an older version (features meant something else then) are rebuilt too.
    store.updateState('stories', (current) => ({ ...(current as object), version: saved.version - 1 }));
    assert.match(syncStories(store).recovered ?? '', /older version.*re-clustered all 5 articles/);
    assert.deepEqual(listStories(store).map((s) => [s.id, [...s.articleIds].sort()]), before);
    assert.equal(store.countArticles(), 5, 'no article lost');
  } finally {
    store.close();
  }
});
