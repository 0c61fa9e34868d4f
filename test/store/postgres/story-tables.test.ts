/**
 * The story tables on PostgreSQL (src/store/postgres/stories.ts) beyond the contract: writers in
 * two processes taking turns make the stories one SQLite process makes, record for record; a
 * database that kept its stories as one JSON value (before migration 006) re-clusters them from
 * its stored analyses.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { runStages } from '../../../src/app/stages.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { netDelta, writeStoryDelta } from '../../../src/store/postgres/story-tables.ts';
import { EMPTY_DELTA, type CentroidRow } from '../../../src/stories/rows.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store, StoryInput } from '../../../src/store/store.ts';
import type { Story } from '../../../src/stories/story.ts';
import { makeArticle } from '../articles.ts';
import { inputOf, seedArticles, storedAnalysis } from '../contract/fixtures.ts';
import { createTestDatabase, postgresSkip, type TestDatabase } from '../../helpers/postgres.ts';
import { dataFolder, newsBatch } from '../../worker/batch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Enough news for merges at both levels, few enough to analyse in seconds. */
const NEWS = 40;
const CHUNK = 8;

/** Every live story of both levels, as the contract gives it. */
async function everyStory(store: Store): Promise<Story[]> {
  const out: Story[] = [];
  for (const level of ['event', 'storyline'] as const) out.push(...(await store.stories.list({ level, sort: 'articles' })).stories);
  return out;
}

/** Assigns the inputs chunk by chunk, each chunk by the next writer in turn; the last chunk consolidates. */
async function clusterInTurns(writers: readonly Store[], inputs: readonly StoryInput[]): Promise<void> {
  for (let at = 0, turn = 0; at < inputs.length; at += CHUNK, turn++) {
    const last = at + CHUNK >= inputs.length;
    await writers[turn % writers.length]!.stories.assign(inputs.slice(at, at + CHUNK), { consolidate: last });
  }
}

test('deltas written as one: the last row of a key wins, a centroid dropped later is not written, members before moves', () => {
  const centroid = (storyId: string, weightedAt: number): CentroidRow => ({ storyId, weightedAt, centroid: new Uint8Array(8) });
  const merged = netDelta([
    { ...EMPTY_DELTA, terms: [{ id: 1, key: 'putin', df: 1 }], centroids: [centroid('ev-a', 1), centroid('ev-b', 1)],
      members: [{ level: 'event', articleId: 'x', storyId: 'ev-b', ord: 0, addedAt: 0 }] },
    { ...EMPTY_DELTA, terms: [{ id: 1, key: 'putin', df: 2 }], dropCentroids: ['ev-b'], centroids: [centroid('ev-a', 2)],
      moves: [{ level: 'event', from: 'ev-b', to: 'ev-a', offset: 3 }] },
  ]);
  assert.deepEqual(merged.terms, [{ id: 1, key: 'putin', df: 2 }]);
  assert.deepEqual(merged.centroids.map((c) => [c.storyId, c.weightedAt]), [['ev-a', 2]]);
  assert.deepEqual(merged.dropCentroids, ['ev-b']);
  assert.deepEqual([merged.members.length, merged.moves.length], [1, 1]);
});

describe('story tables on PostgreSQL', { skip: postgresSkip() }, () => {
  const databases: TestDatabase[] = [];
  let dir: string;
  const articles = [...seedArticles, ...newsBatch(NEWS, dataFolder(ROOT)).texts.map((text, i) => makeArticle(text, { outlet: `Outlet ${i % 7}` }))];
  let inputs: StoryInput[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kronika-pg-stories-'));
    inputs = articles.map(inputOf);
  });
  after(async () => {
    for (const db of databases) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two processes taking turns as the writer make what one SQLite process makes', async () => {
    const reference = await openSqliteStore(join(dir, 'one.db'));
    const db = await createTestDatabase();
    databases.push(db);
    const [a, b] = [await openPostgresStore(db.url), await openPostgresStore(db.url)];
    try {
      await clusterInTurns([reference], inputs);
      await clusterInTurns([a, b], inputs);
      const expected = await everyStory(reference);
      assert.ok(expected.some((s) => s.mergedFrom.length > 0), 'the batch merges stories');
      assert.deepEqual(await everyStory(a), expected, 'the same stories, records and members');
      assert.deepEqual(await everyStory(b), expected, 'read by either process');
      for (const article of articles.slice(0, 10)) {
        assert.deepEqual(await a.stories.ofArticle(article.id, 'storyline'), await reference.stories.ofArticle(article.id, 'storyline'));
      }
      const merged = expected.find((s) => s.mergedFrom.length > 0)!;
      assert.equal((await b.stories.get(merged.mergedFrom[0]!))?.id, merged.id, 'a merged-away id answers with its survivor');
      assert.deepEqual(await b.stories.members(merged.id), merged.articleIds);
      assert.deepEqual(await a.stories.counts(), await reference.stories.counts());
    } finally {
      await Promise.all([reference.close(), a.close(), b.close()]);
    }
  });

  test('document frequencies: stored keys updated, new ones inserted, a key handed out but never written inserted too', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const meta = (termIds: number) => ({ generation: termIds, version: 1, documents: termIds, termIds, entityIds: 0, levels: '{}' });
    const terms = async () => (await client.query('SELECT id, key, df FROM story_terms ORDER BY id')).rows;
    try {
      // Ids 0–2 handed out, 2 not written (counted by no article of the delta).
      await writeStoryDelta(client, { ...EMPTY_DELTA, meta: meta(3), terms: [{ id: 0, key: 'sejm', df: 1 }, { id: 1, key: 'wybory', df: 1 }] });
      await writeStoryDelta(client, { ...EMPTY_DELTA, meta: meta(4), terms: [{ id: 1, key: 'wybory', df: 2 }, { id: 3, key: 'ustawa', df: 1 }] });
      assert.deepEqual(await terms(), [{ id: 0, key: 'sejm', df: 1 }, { id: 1, key: 'wybory', df: 2 }, { id: 3, key: 'ustawa', df: 1 }]);
      await writeStoryDelta(client, { ...EMPTY_DELTA, meta: meta(5), terms: [{ id: 0, key: 'sejm', df: 2 }, { id: 2, key: 'senat', df: 1 }, { id: 4, key: 'rząd', df: 1 }] });
      assert.deepEqual(await terms(), [
        { id: 0, key: 'sejm', df: 2 }, { id: 1, key: 'wybory', df: 2 }, { id: 2, key: 'senat', df: 1 }, { id: 3, key: 'ustawa', df: 1 }, { id: 4, key: 'rząd', df: 1 },
      ]);
    } finally {
      await client.end();
    }
  });

  test('a database that kept its stories as JSON clusters them again from its analyses', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const store = await openPostgresStore(db.url);
    let before: Story[];
    try {
      await store.articles.save(articles);
      await store.analyses.put(articles.map((article) => storedAnalysis(article)));
      // Analysed and indexed already: only the cluster stage runs, from the stored analyses.
      for (const stage of ['analyse', 'index']) await store.cursors.advance(stage, await store.articles.lastSeq());
      await runStages(store, { stages: ['cluster'] });
      before = await everyStory(store);
      assert.ok(before.length > 2);
    } finally {
      await store.close();
    }
    // What the database looked like before migration 006: the state as one JSON row, no story tables
    // (nor 012, which packs what 006 creates and shipped after it).
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`DROP TABLE story_meta, story_terms, story_entities, stories, story_centroids, story_members, story_postings, entity_names;
        DELETE FROM schema_migrations WHERE version IN (6, 12);
        INSERT INTO stage_state (name, value, updated_at, revision) VALUES ('stories', '{"version":2,"known":65}', '2026-12-01T00:00:00Z', 'r1')`);
    } finally {
      await client.end();
    }
    const migrated = await openPostgresStore(db.url);
    try {
      assert.deepEqual(await migrated.stories.counts(), { events: 0, storylines: 0 }, 'the JSON is gone');
      assert.equal(await migrated.cursors.get('cluster'), 0, 'and the cluster stage starts over');
      assert.equal((await migrated.analyses.getMany(articles.map((a) => a.id))).size, articles.length, 'the analyses stay');
      await runStages(migrated, { stages: ['cluster'] });
      assert.deepEqual(await everyStory(migrated), before, 'the same stories as before the move');
    } finally {
      await migrated.close();
    }
  });
});
