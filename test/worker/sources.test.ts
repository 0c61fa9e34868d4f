/**
 * Sources in PostgreSQL mode: `kronika run`'s scheduler (src/app/run.ts) queues due sources as
 * `kronika-source` jobs, two workers poll them, and no source is refreshed twice at once or
 * before its next check, even when the same source is queued for both workers at once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { startSourcePolling } from '../../src/app/run.ts';
import { openQueue, QUEUES, queueSources } from '../../src/queue/index.ts';
import { resolvePollSettings } from '../../src/sources/config.ts';
import { openPostgresStore } from '../../src/store/postgres/index.ts';
import type { Store } from '../../src/store/store.ts';
import { startWorker, type WorkerHandle } from '../../src/worker/index.ts';
import { fakeClock, FeedServer } from '../helpers/feed-server.ts';
import { createTestDatabase, postgresSkip, type TestDatabase } from '../helpers/postgres.ts';

const HOUR = 3600_000;

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('sources polled by workers on PostgreSQL', { skip: postgresSkip() }, () => {
  let db: TestDatabase;
  let server: FeedServer;
  let store: Store;
  let boss: PgBoss;
  const workers: WorkerHandle[] = [];
  const names = ['pg-a', 'pg-b', 'pg-c'];
  const ids = new Map<string, string>();
  const feedRequests = (name: string) => server.requestsFor(name).filter((r) => r.path === '/feed.xml').length;

  before(async () => {
    db = await createTestDatabase();
    server = await FeedServer.start(fakeClock(Date.now()), names.map((name) => ({ name, behaviour: 'etag' as const, publishEveryMs: HOUR, backlog: 2 })));
    store = await openPostgresStore(db.url);
    for (const name of names) {
      const source = await store.sources.add({ feedUrl: server.literalFeedUrl(name), allowPrivate: true, addedAt: new Date().toISOString() });
      ids.set(name, source.id);
    }
    boss = await openQueue(db.url);
  });
  after(async () => {
    for (const worker of workers) await worker.stop().catch(() => {});
    await boss?.stop({ graceful: false }).catch(() => {});
    await store?.close();
    await server?.close();
    await db?.drop();
  });

  test('the scheduler queues due sources; two workers poll each once, storing its articles with the source id', { timeout: 180_000 }, async () => {
    for (let i = 0; i < 2; i++) workers.push(await startWorker({ url: db.url, lease: i === 0 }));
    const polling = startSourcePolling(store, {
      settings: resolvePollSettings({ minInterval: '1h', maxInterval: '1h' }),
      log: (error) => assert.fail(String(error)),
      dispatch: async (sourceIds) => {
        await queueSources(boss, sourceIds);
        return sourceIds.length;
      },
      recheckMs: 200,
    });
    try {
      await until(async () => (await store.articles.count()) === names.length * 2, 'every backlog stored');
      // Several more looks at the schedule: nothing is due for minutes, so nothing more is polled.
      await sleep(1500);
    } finally {
      await polling.stop();
    }
    for (const name of names) assert.equal(feedRequests(name), 1, `${name}: polled once`);
    for (const name of names) {
      const articles = await store.articles.list({ sourceId: ids.get(name)! });
      assert.equal(articles.length, 2, name);
      assert.ok(articles.every((a) => a.outlet === `Serwis ${name}`));
    }
    const source = await store.sources.get(ids.get('pg-a')!);
    // The workers schedule by their own settings (KRONIKA_POLL_*; default at least 10 minutes apart).
    assert.ok(Date.parse(source!.state.nextCheckAt) - Date.now() > 9 * 60_000, 'the next check is minutes away');
  });

  test('a source queued twice at once is refreshed once: the second job finds the lease taken or the source polled', { timeout: 180_000 }, async () => {
    const name = 'pg-b';
    const id = ids.get(name)!;
    // Due again, and queued twice: once waiting, and once more after a worker took the first.
    await store.sources.update(id, { paused: false, resumeAt: new Date().toISOString() });
    const before = feedRequests(name);
    await boss.insert([{ name: QUEUES.source, data: { sourceId: id } }, { name: QUEUES.source, data: { sourceId: id } }]);
    await until(async () => (await boss.getQueueSize(QUEUES.source)) === 0, 'both jobs taken');
    await until(() => feedRequests(name) > before, 'the refresh');
    await sleep(1500);
    assert.equal(feedRequests(name) - before, 1, 'one refresh');
    const source = await store.sources.get(id);
    assert.ok(Date.parse(source!.state.nextCheckAt) > Date.now(), 'and it is scheduled again');
  });
});
