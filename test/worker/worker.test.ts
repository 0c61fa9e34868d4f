/**
 * Workers on PostgreSQL (src/worker): two workers share the article jobs, one holds the cluster
 * lease, and the stories come out as one SQLite process makes them; failed jobs are visible and
 * can be retried; a stopped worker hands the lease over.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { runStages } from '../../src/app/stages.ts';
import { openQueue, queueArticles, QUEUES, type ArticleJob } from '../../src/queue/index.ts';
import { countJobs, listJobs, retryJob } from '../../src/queue/jobs.ts';
import { openPostgresStore } from '../../src/store/postgres/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { startWorker, type WorkerHandle } from '../../src/worker/index.ts';
import { streamSettled } from '../../src/worker/lease.ts';
import type { Article } from '../../src/types.ts';
import { makeArticle, readSeeds, seedArticle } from '../store/articles.ts';
import { syntheticTexts } from '../store/corpus.ts';
import { createTestDatabase, postgresSkip, type TestDatabase } from '../helpers/postgres.ts';

const skip = postgresSkip();

/** The seeds and a few dozen synthetic articles dated over a week: several stories. */
function corpus(): Article[] {
  const seeds = readSeeds().map((s, i) => seedArticle(s, { outlet: `Outlet ${i}`, published: { value: `2023-09-1${i}`, precision: 'day' } }));
  const synthetic = syntheticTexts(30, 7).map((text, i) => makeArticle(text, { outlet: `Synth ${i % 4}`, published: { value: `2023-09-${String(10 + (i % 9)).padStart(2, '0')}`, precision: 'day' } }));
  return [...seeds, ...synthetic];
}

/** Event partitions as sorted member lists, and the story ids, comparable across stores. */
async function partitions(store: Store): Promise<{ events: string[][]; storylines: string[][]; ids: string[] }> {
  const of = async (level: 'event' | 'storyline') => (await store.stories.list({ level, sort: 'articles' })).stories;
  const events = await of('event');
  const storylines = await of('storyline');
  const members = (stories: typeof events) => stories.map((s) => [...s.articleIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  return { events: members(events), storylines: members(storylines), ids: [...events, ...storylines].map((s) => s.id).sort() };
}

async function until(condition: () => Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('workers on PostgreSQL', { skip }, () => {
  let db: TestDatabase;
  let dir: string;
  before(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kronika-worker-'));
  });
  after(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('two workers analyse, index and cluster a batch into the stories one SQLite process makes', async () => {
    const articles = corpus();
    const sqlite = await openSqliteStore(join(dir, 'reference.db'));
    await sqlite.articles.save(articles.slice(0, 5));
    await runStages(sqlite);
    await sqlite.articles.save(articles.slice(5));
    await runStages(sqlite);
    const expected = await partitions(sqlite);
    const expectedHits = (await sqlite.search.search('Władywostok')).map((h) => h.articleId).sort();
    await sqlite.close();
    assert.ok(expected.events.length > 1, 'the corpus makes more than one event');

    const store = await openPostgresStore(db.url);
    const workers: WorkerHandle[] = [];
    try {
      for (let i = 0; i < 2; i++) workers.push(await startWorker({ url: db.url }));
      await store.articles.save(articles.slice(0, 5));
      await until(() => streamSettled(store), 'the seeds to settle');
      await store.articles.save(articles.slice(5));
      await until(() => streamSettled(store), 'the batch to settle');
      assert.deepEqual(await partitions(store), expected, 'the same events, storylines and story ids');
      assert.deepEqual((await store.search.search('Władywostok')).map((h) => h.articleId).sort(), expectedHits, 'the same search hits');
      assert.equal(workers.filter((w) => w.leader()).length, 1, 'one lease holder');
      assert.ok(workers.every((w) => w.processed() > 0), `both workers took jobs: ${workers.map((w) => w.processed())}`);
      assert.ok(workers.every((w) => w.timings().analysing > 0), 'each counted time analysing');
      assert.ok(workers.some((w) => w.timings().clusterPasses > 0), 'and the holder its cluster passes');
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await store.close();
    }
  });

  test('article jobs are taken in seq order (each fetch the lowest seqs left), within one insert and across inserts, so the lease can cluster as they finish', async () => {
    const boss = await openQueue(db.url);
    try {
      // Seqs far above any article of the other tests (their jobs are done or failed by now).
      const seqs = Array.from({ length: 40 }, (_, i) => 1_000_000 + i);
      await queueArticles(boss, seqs.slice(20).map((seq) => ({ id: `order-${seq}`, seq })));
      await queueArticles(boss, seqs.slice(0, 20).reverse().map((seq) => ({ id: `order-${seq}`, seq })));
      const taken: number[] = [];
      for (;;) {
        const jobs = await boss.fetch<ArticleJob>(QUEUES.article, { batchSize: 7 });
        if (!jobs?.length) break;
        // pg-boss picks the jobs in order but returns a fetch's jobs in any order.
        taken.push(...jobs.map((j) => j.data.seq).sort((a, b) => a - b));
        await boss.complete(QUEUES.article, jobs.map((j) => j.id));
      }
      assert.deepEqual(taken, seqs);
    } finally {
      await boss.stop({ graceful: false });
    }
  });

  test('a worker stopped in the middle of a batch loses no job: what it held is done, the rest goes to the next worker', async () => {
    const store = await openPostgresStore(db.url);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const workers: WorkerHandle[] = [];
    try {
      // Twelve fetches of six (src/worker/index.ts FETCH_BATCH) with one fetched ahead: between two
      // polls of `until` a quiet machine analyses a few fetches, so 24 articles could all be in hand
      // or done by the time stop() is called, and the test would not stop anything in the middle.
      const batch = syntheticTexts(72, 31).map((text) => makeArticle(text));
      workers.push(await startWorker({ url: db.url }));
      await store.articles.save(batch);
      await until(async () => workers[0]!.processed() >= 2, 'the first worker to start on the batch');
      await workers[0]!.stop();
      const done = workers[0]!.processed();
      assert.ok(done < batch.length, `stopped before the end (${done} of ${batch.length})`);
      workers.push(await startWorker({ url: db.url }));
      await until(() => streamSettled(store), 'the second worker to finish the batch');
      assert.equal((await store.analyses.getMany(batch.map((a) => a.id))).size, batch.length, 'every article analysed');
      assert.equal((await store.search.indexed(batch.map((a) => a.id))).size, batch.length, 'and indexed');
      const counts = await countJobs(pool);
      assert.deepEqual([counts.queued, counts.active, counts.failed], [0, 0, 0], 'no job left behind or failed');
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await pool.end();
      await store.close();
    }
  });

  test('a failed job is listed with its error and can be queued again; a stopped holder hands the lease over', async () => {
    const boss = await openQueue(db.url);
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const store = await openPostgresStore(db.url);
    const workers: WorkerHandle[] = [];
    try {
      // A job whose article id is not a string fails at once (no retries left to wait for).
      const id = await boss.send(QUEUES.article, { id: null, seq: 0 }, { retryLimit: 0 });
      assert.ok(id);
      workers.push(await startWorker({ url: db.url }));
      await until(async () => (await countJobs(pool)).failed === 1, 'the job to fail');
      const [failed] = await listJobs(pool, ['failed']);
      assert.equal(failed?.id, id);
      assert.ok(failed?.error, 'the error is kept');
      const again = await retryJob(boss, pool, id);
      assert.equal(again.state, 'retry');
      await assert.rejects(retryJob(boss, pool, '00000000-0000-0000-0000-000000000000'), /no job/);

      await until(async () => workers[0]!.leader(), 'the first worker to take the lease');
      workers.push(await startWorker({ url: db.url }));
      await workers[0]!.stop();
      await until(async () => workers[1]!.leader(), 'the second worker to take the lease over', 30_000);
      const [extra] = syntheticTexts(1, 99).map((text) => makeArticle(text));
      await store.articles.save([extra!]);
      await until(() => streamSettled(store), 'the new article to settle under the new holder');
      assert.ok(await store.stories.ofArticle(extra!.id));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await store.close();
      await pool.end();
      await boss.stop({ graceful: false });
    }
  });
});
