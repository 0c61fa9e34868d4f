import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestInputs } from '../../src/app/ingest.ts';
import { rebuildStories, storyMonth, storyReport } from '../../src/app/stories.ts';
import { runStages } from '../../src/app/stages.ts';
import type { Article } from '../../src/types.ts';
import { SAMPLE_DIR } from '../cli/helpers.ts';
import { withTempStore } from './helpers.ts';

const dated = (value: string | undefined, precision: 'year' | 'month' | 'day' = 'month') =>
  ({ published: value ? { value, precision } : undefined }) as unknown as Article;

test('storyMonth: the month most dated articles share; years and undated ones do not vote', () => {
  assert.deepEqual(storyMonth([dated('2023-09'), dated('2023-09-12', 'day'), dated('2023-08'), dated(undefined), dated('2022', 'year')]),
    { value: '2023-09', precision: 'month' });
  assert.equal(storyMonth([dated(undefined), dated('2021', 'year')]), undefined);
});

test('the undated seed resolves "pod koniec lipca" against its story, not against "w 2017 roku"', () => withTempStore(async (store) => {
  await ingestInputs(store, [SAMPLE_DIR]);
  const { stories: [story] } = await store.stories.list();
  assert.ok(story);
  assert.equal((await store.stories.get(story.id))?.id, story.id);
  const undated = (await store.articles.list()).find((a) => !a.published)!;
  const { report, fresh } = await storyReport(store, story);
  assert.equal(fresh, 0, 'every analysis read from the store');
  const july = report.timeline.find((t) => t.value === '2023-07');
  assert.ok(july, 'Shoigu in Pyongyang, July 2023, is on the timeline');
  assert.ok(july.citations.some((c) => c.article === undated.id), 'the undated article supports the July 2023 entry');
  assert.ok(!report.timeline.some((t) => t.value === '2017-07'), 'no invented July 2017');
  assert.equal(report.sources.find((s) => s.article === undated.id)?.published, undefined, 'the article itself stays undated');
}));

test('story entities carry display names: base forms of the mentions behind each key, kept across runs and rebuilds', () => withTempStore(async (store) => {
  await ingestInputs(store, [SAMPLE_DIR]);
  const { stories: [story] } = await store.stories.list();
  const names = story!.topEntities.map((e) => e.name);
  for (const expected of ['Kim Dzong Un', 'Władimir Putin', 'Rosja']) assert.ok(names.includes(expected), JSON.stringify(story!.topEntities));
  assert.ok(!names.some((n) => n === 'Putina' || n === 'Kima'), 'inflected forms are not names');
  assert.deepEqual((await store.stories.get(story!.id))?.topEntities, story!.topEntities);
  await rebuildStories(store);
  assert.ok((await store.stories.list()).stories[0]!.topEntities.some((e) => e.name === 'Władimir Putin'));
}));

test('stories saved for other features (another version) are rebuilt by the cluster stage from the stored analyses', () => withTempStore(async (store, path) => {
  const { pipeline } = await ingestInputs(store, [SAMPLE_DIR]);
  assert.equal(pipeline?.stories?.recovered, undefined);
  const before = (await store.stories.list()).stories.map((s) => [s.id, [...s.articleIds].sort()]);
  const Database = (await import('better-sqlite3')).default;
  const stamp = (version: number) => {
    const db = new Database(path);
    db.prepare('UPDATE story_meta SET version = ?').run(version);
    db.close();
  };
  for (const [version, why] of [[1, /older version.*re-clustered all 5 articles/], [99, /newer version.*re-clustered all 5 articles/]] as const) {
    stamp(version);
    // The rows stay readable (each story is whole, only made from other features) until the stage runs.
    assert.deepEqual((await store.stories.list()).stories.map((s) => [s.id, [...s.articleIds].sort()]), before);
    const run = await runStages(store, { verify: true });
    assert.equal(run.failed, undefined);
    assert.match(run.stories?.recovered ?? '', why);
    assert.deepEqual((await store.stories.list()).stories.map((s) => [s.id, [...s.articleIds].sort()]), before);
  }
  assert.equal(await store.articles.count(), 5, 'no article lost');
}));
