/**
 * End to end, as a team would run it: `kronika serve --db postgres://…` and two `kronika worker`
 * processes, `kronika ingest` of the sample and then of a 1,000-article batch — and the same
 * stories, search hits and seed report as one SQLite process makes from the same two ingests.
 *
 * The batch (test/worker/batch.ts): the labelled BSNLP Polish news of the shared data folder
 * topped up with synthetic texts to KRONIKA_E2E_BATCH articles (default 1,000).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { streamSettled } from '../../src/worker/lease.ts';
import { kronika, ROOT, SAMPLE_DIR } from '../cli/helpers.ts';
import { createTestDatabase, postgresSkip, type TestDatabase } from '../helpers/postgres.ts';
import { dataFolder, newsBatch } from './batch.ts';

const BATCH = Number(process.env.KRONIKA_E2E_BATCH ?? 1000);
const MAIN = join(ROOT, 'src/cli/main.ts');

/** Writes the batch as text files; returns how many are real news. */
function writeBatch(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const { texts, real } = newsBatch(BATCH, dataFolder(ROOT));
  texts.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), text));
  return real;
}

interface Running {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function start(args: readonly string[]): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function until(condition: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

/** Stories of both levels as sorted member lists with their ids: what "the same stories" means. */
async function storiesOf(store: Store): Promise<{ id: string; level: string; members: string[] }[]> {
  const out: { id: string; level: string; members: string[] }[] = [];
  for (const level of ['event', 'storyline'] as const) {
    for (const story of (await store.stories.list({ level, sort: 'articles' })).stories) {
      out.push({ id: story.id, level, members: [...story.articleIds].sort() });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

describe('serve + two workers on PostgreSQL make what one SQLite process makes', { skip: postgresSkip() }, () => {
  let db: TestDatabase;
  let dir: string;
  const processes: Running[] = [];
  before(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'kronika-e2e-'));
  });
  after(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(`the sample, then a ${BATCH}-article batch`, { timeout: 30 * 60_000 }, async () => {
    const batch = join(dir, 'batch');
    const real = writeBatch(batch);
    const sqlite = join(dir, 'reference.db');
    for (const input of [SAMPLE_DIR, batch]) {
      // The reference: one SQLite process (about 10 articles/s on 2 cores, so minutes for the batch).
      const run = kronika(['ingest', input, '--db', sqlite], { env: { KRONIKA_DB: '' }, timeoutMs: 20 * 60_000 });
      assert.equal(run.code, 0, run.stderr);
    }

    const serve = start(['serve', '--db', db.url, '--port', '0']);
    processes.push(serve);
    await until(async () => /serving .* at (http:\/\/\S+)/.test(serve.stderr()), 'the server to start', 60_000);
    const baseUrl = /serving .* at (http:\/\/\S+)/.exec(serve.stderr())![1]!;
    assert.match(serve.stderr(), /left to `kronika worker` processes/, 'the server says who runs the stages');
    const workers = [start(['worker', '--db', db.url]), start(['worker', '--db', db.url])];
    processes.push(...workers);

    const store = await openStore(db.url);
    try {
      const sample = kronika(['ingest', SAMPLE_DIR, '--db', db.url], { env: { KRONIKA_DB: '' } });
      assert.equal(sample.code, 0, sample.stderr);
      assert.match(sample.stdout, /ingest: 5 stored.*left to `kronika worker` processes/, 'ingest only stores, and says so');
      await until(() => streamSettled(store), 'the workers to settle the sample', 5 * 60_000);
      const ingest = kronika(['ingest', batch, '--db', db.url], { env: { KRONIKA_DB: '' }, timeoutMs: 5 * 60_000 });
      assert.equal(ingest.code, 0, ingest.stderr);
      await until(() => streamSettled(store), `the workers to settle the batch (${real} real articles)`, 25 * 60_000);

      const reference = await openStore(sqlite, { readonly: true });
      try {
        assert.equal(await store.articles.count(), await reference.articles.count());
        const [expected, actual] = [await storiesOf(reference), await storiesOf(store)];
        assert.ok(expected.length > 2, 'several stories');
        assert.deepEqual(actual, expected, 'the same events and storylines, with the same ids and members');
        // Every hit, page by page: the engines rank differently (bm25 in FTS5, ts_rank in
        // PostgreSQL, src/store/postgres/search.ts), so a first page may differ; the set may not.
        const hits = async (s: Store, query: string) => {
          const all: string[] = [];
          for (let offset = 0; ; offset += 100) {
            const page = await s.search.search(query, { limit: 100, offset });
            all.push(...page.map((h) => h.articleId));
            if (page.length < 100) return all.sort();
          }
        };
        for (const query of ['Władywostok', 'Brexit', '"Korea Północna"', 'pociąg*']) {
          const expected = await hits(reference, query);
          assert.ok(expected.length > 0, `the reference finds ${query}`);
          assert.deepEqual(await hits(store, query), expected, `search hits for ${query}`);
        }
      } finally {
        await reference.close();
      }

      const seedStory = (await store.stories.ofArticle((await store.articles.after(0, 1))[0]!.id))!;
      const reportOf = (location: string) => {
        const run = kronika(['report', seedStory.id, '--format', 'json', '--db', location], { env: { KRONIKA_DB: '' } });
        assert.equal(run.code, 0, run.stderr);
        return JSON.parse(run.stdout) as unknown;
      };
      assert.deepEqual(reportOf(db.url), reportOf(sqlite), 'the seed report');
      const api = await (await fetch(`${baseUrl}/api/stories/${seedStory.id}`)).json() as { story?: { id?: string }; report?: unknown };
      assert.equal(api.story?.id, seedStory.id, 'the server answers from the same stories');
      assert.deepEqual(api.report, reportOf(sqlite), 'and the same report');

      const jobs = kronika(['jobs', '--db', db.url], { env: { KRONIKA_DB: '' } });
      assert.equal(jobs.code, 0, jobs.stderr);
      assert.match(jobs.stdout, /^0 queued, 0 active, 0 failed/);
    } finally {
      await store.close();
    }
    for (const p of [...workers, serve]) p.child.kill('SIGTERM');
    for (const w of workers) {
      assert.equal(await w.exited, 0, w.stderr());
      assert.match(w.stderr(), /stopped after \d+ article/);
    }
    await serve.exited;
    const counts = workers.map((w) => Number(/stopped after (\d+)/.exec(w.stderr())?.[1] ?? 0));
    assert.ok(counts.every((n) => n > 0), `both workers analysed articles: ${counts.join(' and ')}`);
  });
});
