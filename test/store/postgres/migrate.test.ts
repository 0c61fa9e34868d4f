/**
 * `kronika migrate --to postgres://…` (src/store/postgres/import-sqlite.ts): an SQLite store with
 * analyses, search, stories, cursors and a watch moves over with every concern identical; a second
 * run copies nothing new; a target holding other articles is refused.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStages } from '../../../src/app/stages.ts';
import { ImportConflictError, importSqlite } from '../../../src/store/postgres/import-sqlite.ts';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { makeArticle } from '../articles.ts';
import { seedArticles } from '../contract/fixtures.ts';
import { createTestDatabase, postgresSkip, type TestDatabase } from '../../helpers/postgres.ts';

describe('kronika migrate: SQLite → PostgreSQL', { skip: postgresSkip() }, () => {
  let dir: string;
  let source: string;
  const databases: TestDatabase[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kronika-migrate-'));
    source = join(dir, 'kronika.db');
    const store = await openSqliteStore(source);
    const watch = await store.watches.add({ query: 'Putin' }, '2020-01-01T00:00:00.000Z');
    await store.articles.save(seedArticles);
    await runStages(store);
    await store.watches.recordDelivery(watch.id, seedArticles[0]!.id, { status: 'failed', error: 'HTTP 500', attempts: 2 }, '2026-01-01T00:00:00.000Z');
    const followed = await store.sources.add({ feedUrl: 'https://a.example/rss', name: 'Serwis A', addedAt: '2026-01-01T00:00:00.000Z' });
    await store.sources.recordPoll({
      sourceId: followed.id,
      state: { ...followed.state, nextCheckAt: '2026-01-01T00:30:00.000Z', lastStatus: 200, etag: '"e1"' },
      items: [{ guid: 'g1', urlKey: 'https://a.example/1', contentHash: 'h1', articleId: seedArticles[0]!.id, lastChangedAt: '2026-01-01T00:00:00.000Z' }],
      log: { at: '2026-01-01T00:00:00.000Z', status: 200, outcome: 'fetched', newArticles: 1, durationMs: 5 },
    });
    await store.close();
  });
  after(async () => {
    for (const db of databases) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every concern arrives identical, and a second run copies nothing new', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const first = await importSqlite(source, db.url);
    assert.equal(first.identical, true, JSON.stringify(first.checks, null, 1));
    assert.equal(first.copied.articles, seedArticles.length);
    assert.equal(first.indexed, seedArticles.length);
    const byConcern = Object.fromEntries(first.checks.map((c) => [c.concern, c.target]));
    assert.equal(byConcern.articles, seedArticles.length);
    assert.ok(byConcern.stories >= 2, 'an event and a storyline');
    assert.ok(byConcern.watches >= 2, 'the watch and its pending matches');
    assert.equal(byConcern.sources, 2, 'the source and its poll');
    const again = await importSqlite(source, db.url);
    assert.equal(again.identical, true);
    assert.equal(again.copied.articles, 0, 'nothing copied twice');
    assert.equal(again.indexed, 0);

    const store = await openPostgresStore(db.url);
    try {
      assert.ok((await store.search.search('Władywostok')).length > 0, 'searchable');
      const [watch] = await store.watches.list();
      assert.equal(watch?.failures, 2, 'delivery state kept');
      const story = await store.stories.ofArticle(seedArticles[0]!.id);
      assert.equal(story?.articles, seedArticles.length, 'the stories came along');
      const [followed] = await store.sources.list();
      assert.deepEqual([followed?.name, followed?.state.etag, followed?.itemsSeen], ['Serwis A', '"e1"', 1], 'sources with their state');
      assert.equal((await store.sources.findItems(followed!.id, ['g1'], []))[0]?.articleId, seedArticles[0]!.id);
      await store.sources.recordPoll({
        sourceId: followed!.id, state: followed!.state,
        items: [{ guid: 'g2', contentHash: 'h2', lastChangedAt: '2026-01-02T00:00:00.000Z' }],
        log: { at: '2026-01-02T00:00:00.000Z', status: 200, outcome: 'fetched', newArticles: 0, durationMs: 5 },
      });
      assert.equal((await store.sources.get(followed!.id))?.itemsSeen, 2, 'new rows after the copied ones');
    } finally {
      await store.close();
    }
  });

  test('a target holding other articles is refused, and left as it was', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const store = await openPostgresStore(db.url);
    try {
      await store.articles.save([makeArticle('Zupełnie inny artykuł o wyborach samorządowych w Krakowie.')]);
      await assert.rejects(importSqlite(source, db.url), ImportConflictError);
      assert.equal(await store.articles.count(), 1);
    } finally {
      await store.close();
    }
  });
});
