/**
 * Concurrent writers lose nothing on one SQLite file. Processes, not promises: two `kronika ingest`
 * runs and a server answering readers; `kronika serve` with its background stages while a CLI
 * ingest writes. Outcomes are asserted (every article stored once, analysed, indexed, in a story,
 * alerted once; no "database is locked"; no 5xx; both ingests exit 0 and say what they stored),
 * never how long anything took.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { createApp } from '../../src/api/app.ts';
import { startServer } from '../../src/api/server.ts';
import { stageLag } from '../../src/app/stages.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { createTestDatabase, postgresSkip } from '../helpers/postgres.ts';
import { SEED_DIR } from '../store/articles.ts';
import { syntheticTexts } from '../store/corpus.ts';
import { runInProcess } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
/** Each ingest commits this many articles in several chunks (INGEST_CHUNK_SIZE is 200) and then runs every stage. */
const PER_WRITER = 220;
/** Every synthetic text opens "Depesza nr N. Redakcja uzupełnia informacje…": a watch on it matches every article. */
const WATCH_QUERY = 'redakcja';
/** What must never reach a user while writers share the file. */
const LOCKED = /database is locked|SQLITE_BUSY|store is busy/i;
/** The read routes a user (or the web UI) polls while writers run. */
const READ_PATHS = ['/stories', '/api/stories', '/api/search?q=Putin', '/api/articles?limit=5', '/api/stats', '/'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface Child {
  readonly finished: Promise<Run>;
  /** Resolves with the first stderr line matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  stop(): void;
}

/** `kronika <args>` in a child process of its own (its own connections, its own locks). */
function kronika(args: readonly string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += line + '\n';
    for (const w of waiting.filter((x) => x.pattern.test(line))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const finished = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    finished,
    line: (pattern) => new Promise((resolve, reject) => {
      waiting.push({ pattern, resolve });
      void finished.then((run) => reject(new Error(`kronika ${args[0]} ended before ${pattern}: ${run.stderr}`)));
    }),
    stop: () => child.kill('SIGTERM'),
  };
}

/** Folders of distinct synthetic articles, one per writer. */
function writeFolders(dir: string, names: readonly string[], perFolder: number, seed: number): string[] {
  const texts = syntheticTexts(names.length * perFolder, seed);
  return names.map((name, w) => {
    const folder = join(dir, name);
    mkdirSync(folder);
    texts.slice(w * perFolder, (w + 1) * perFolder).forEach((text, i) => writeFileSync(join(folder, `${name}-${i}.txt`), text));
    return folder;
  });
}

/** Polls the read routes of `base` until stopped; collects every status and any 5xx body. */
function pollReads(base: string) {
  const statuses: number[] = [];
  const failures: string[] = [];
  let reading = true;
  const done = (async () => {
    while (reading) {
      for (const path of READ_PATHS) {
        const response = await fetch(`${base}${path}`);
        const body = await response.text();
        statuses.push(response.status);
        if (response.status >= 500 || LOCKED.test(body)) failures.push(`${path} → ${response.status}: ${body.slice(0, 200)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    statuses, failures,
    stop: async () => {
      reading = false;
      await done;
    },
  };
}

/** The article ids alerted in these stdouts (one JSON line per alert), each as often as it was alerted. */
function alertedIds(...stdouts: readonly string[]): string[] {
  return stdouts.flatMap((out) => out.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { article: { id: string } }).article.id));
}

/** Every stored article is analysed, indexed, clustered into exactly one event and alerted once. */
async function assertCaughtUp(store: Store, expected: number, alerted: readonly string[]): Promise<void> {
  assert.equal(await store.articles.count(), expected, 'every article stored, none twice');
  assert.deepEqual(await stageLag(store), { analyse: 0, index: 0, cluster: 0, alert: 0 }, 'every stage caught up');
  const { stories } = await store.stories.list({ limit: 100_000 });
  assert.equal(stories.reduce((n, s) => n + s.articles, 0), expected, 'every article in exactly one event');
  const ids = (await store.articles.list({ limit: 100_000 })).map((a) => a.id).sort();
  assert.equal(new Set(alerted).size, alerted.length, 'no article alerted twice');
  assert.deepEqual([...alerted].sort(), ids, 'every article alerted');
}

test('two concurrent `kronika ingest` of 220 articles each and a reader: all stored, in stories and alerted; no lock errors, no 5xx', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-writers-'));
  const db = join(dir, 'kronika.db');
  const folders = writeFolders(dir, ['a', 'b'], PER_WRITER, 1717);
  const watch = await runInProcess(['watch', 'add', WATCH_QUERY, '--db', db]);
  assert.equal(watch.code, 0, watch.stderr);
  const store = await openStore(db);
  const logged: string[] = [];
  const server = await startServer(createApp({ store, log: (e) => logged.push(String(e)) }), { port: 0 });
  const reads = pollReads(server.url);
  try {
    const runs = await Promise.all(folders.map((folder) => kronika(['ingest', folder, '--db', db]).finished));
    await reads.stop();
    for (const run of runs) {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^ingest: ${PER_WRITER} stored, 0 already known, \\d+ near-duplicates, 0 failed`, 'm'), run.stdout.slice(-500));
      assert.doesNotMatch(run.stderr, LOCKED);
      assert.doesNotMatch(run.stderr, /failed/i);
    }
    assert.ok(reads.statuses.length >= READ_PATHS.length, 'the reader ran meanwhile');
    assert.deepEqual(reads.failures, [], 'no 5xx and no lock error while the writers held the file');
    assert.deepEqual(logged, []);
    // Whichever process ran the alert stage recorded the matches; `watch run` prints each once.
    const alerts = await runInProcess(['watch', 'run', '--db', db]);
    assert.equal(alerts.code, 0, alerts.stderr);
    await assertCaughtUp(store, 2 * PER_WRITER, alertedIds(...runs.map((r) => r.stdout), alerts.stdout));
  } finally {
    await reads.stop();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('`kronika serve` runs its background stages while a CLI ingest writes the same file: nothing lost, no lock errors, no 5xx', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-serve-writer-'));
  const db = join(dir, 'kronika.db');
  const [first, second] = writeFolders(dir, ['first', 'second'], PER_WRITER, 4242);
  const watch = await runInProcess(['watch', 'add', WATCH_QUERY, '--db', db]);
  assert.equal(watch.code, 0, watch.stderr);
  // Articles stored without stages: the server finds them when it starts and works on them in the background.
  const stored = await runInProcess(['ingest', first!, '--no-stages', '--db', db]);
  assert.equal(stored.code, 0, stored.stderr);
  const serve = kronika(['serve', '--port', '0', '--db', db]);
  const store = await openStore(db, { readonly: true });
  let reads: ReturnType<typeof pollReads> | undefined;
  try {
    const base = /at (http:\/\/\S+)/.exec(await serve.line(/kronika: serving/))![1]!;
    reads = pollReads(base);
    const ingest = await kronika(['ingest', second!, '--db', db]).finished;
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stdout, new RegExp(`^ingest: ${PER_WRITER} stored`, 'm'));
    assert.doesNotMatch(ingest.stderr, LOCKED);
    // The server's poll catches up with whatever the ingest left (an outcome, not a deadline).
    while (Object.values(await stageLag(store)).some((n) => n > 0)) await new Promise((resolve) => setTimeout(resolve, 100));
    await reads.stop();
    serve.stop();
    const served = await serve.finished;
    assert.equal(served.code, 0, served.stderr);
    assert.doesNotMatch(served.stderr, LOCKED);
    assert.doesNotMatch(served.stderr, /stage failed/);
    assert.deepEqual(reads.failures, [], 'no 5xx and no lock error while both wrote');
    const alerts = await runInProcess(['watch', 'run', '--db', db]);
    assert.equal(alerts.code, 0, alerts.stderr);
    await assertCaughtUp(store, 2 * PER_WRITER, alertedIds(served.stdout, ingest.stdout, alerts.stdout));
  } finally {
    await reads?.stop();
    serve.stop();
    await serve.finished;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** SQLite's data_version, seen from a connection of its own: it changes when any other connection commits. */
function dataVersion(monitor: Database.Database): number {
  return monitor.pragma('data_version', { simple: true }) as number;
}

test('readers never write: every GET route and read command leaves the file untouched, also while stages lag', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-readers-'));
  const db = join(dir, 'kronika.db');
  const [caughtUp, lagging] = writeFolders(dir, ['caught-up', 'lagging'], 12, 99);
  for (const args of [['watch', 'add', WATCH_QUERY], ['ingest', SEED_DIR], ['ingest', caughtUp!], ['ingest', lagging!, '--no-stages']]) {
    const run = await runInProcess([...args, '--db', db]);
    assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
  }
  const monitor = new Database(db, { readonly: true });
  const store = await openStore(db);
  try {
    const lag = await stageLag(store);
    assert.equal(lag.analyse, 12, 'the last folder waits for its stages');
    const [story] = (await store.stories.list({ limit: 1 })).stories;
    const [article] = await store.articles.list({ limit: 1 });
    assert.ok(story && article);
    // The server's own stages (runner.ts) are what write in a serving process; a GET must not start them.
    const app = createApp({ store, log: () => {} });
    const routes = [
      '/health', '/openapi.json', '/api/stats', '/api/articles', `/api/articles/${article.id}`, '/api/stories',
      '/api/stories?level=storyline', `/api/stories/${story.id}`, '/api/search?q=Putin', '/api/entities', '/api/watches',
      '/', '/stories', `/stories/${story.id}`, `/articles/${article.id}`, '/search?q=Kim',
    ];
    const commands = [
      ['stories'], ['stories', '--level', 'storyline'], ['story', story.id], ['report', story.id], ['report', story.id, '--format', 'json'],
      ['report', story.id, '--format', 'html'], ['search', 'Putin'], ['articles'], ['article', article.id], ['stats'], ['export'],
      ['entities'], ['mentions', '--story', story.id], ['quotes'], ['sentences', '--article', article.id], ['timeline'], ['watch', 'list'],
    ];
    const writers: string[] = [];
    for (const path of routes) {
      const before = dataVersion(monitor);
      const response = await app.request(path);
      assert.ok(response.status < 400, `${path} → ${response.status}: ${await response.text()}`);
      await response.arrayBuffer().catch(() => {});
      if (dataVersion(monitor) !== before) writers.push(`GET ${path}`);
    }
    for (const command of commands) {
      const before = dataVersion(monitor);
      const run = await runInProcess([...command, '--db', db]);
      assert.equal(run.code, 0, `kronika ${command.join(' ')}: ${run.stderr}`);
      if (dataVersion(monitor) !== before) writers.push(`kronika ${command.join(' ')}`);
    }
    assert.deepEqual(writers, [], 'reads that wrote to the store');
    assert.deepEqual(await stageLag(store), lag, 'no read ran a stage');
    // The control: a command that does write is seen.
    const before = dataVersion(monitor);
    assert.equal((await runInProcess(['update', '--db', db])).code, 0);
    assert.notEqual(dataVersion(monitor), before, 'the monitor sees other connections\' commits');
  } finally {
    await store.close();
    monitor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Makes every write to `table` fail, as a full disk or a broken stage would. */
function breakWrites(db: string, table: string): () => void {
  const connection = new Database(db);
  connection.exec(`CREATE TRIGGER broken_insert BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'simulated: disk full'); END;
    CREATE TRIGGER broken_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'simulated: disk full'); END;`);
  return () => {
    connection.exec('DROP TRIGGER broken_insert; DROP TRIGGER broken_update;');
    connection.close();
  };
}

for (const { stage, table } of [
  { stage: 'cluster', table: 'stories' },
  { stage: 'alert', table: 'watch_matches' },
]) {
  test(`an ingest whose ${stage} stage fails says every article is stored, exits 1, and every alert still goes out once`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `kronika-${stage}-fails-`));
    const db = join(dir, 'kronika.db');
    const [folder] = writeFolders(dir, ['news'], 15, 7);
    try {
      assert.equal((await runInProcess(['watch', 'add', WATCH_QUERY, '--db', db])).code, 0);
      const repair = breakWrites(db, table);
      const ingest = await runInProcess(['ingest', folder!, '--db', db]);
      repair();
      assert.equal(ingest.code, 1, 'exit 1: not everything was done (README, "Exit codes")');
      assert.match(ingest.stdout, /^ingest: 15 stored, 0 already known, \d+ near-duplicates, 0 failed/m);
      assert.match(ingest.stderr, new RegExp(`the ${stage} stage failed \\(simulated: disk full\\); every article above is stored, and the next run catches up`));
      assert.doesNotMatch(ingest.stderr, LOCKED);
      // Alerts of a watch without a webhook wait for `kronika watch run` (README, "Saved searches").
      const first = await runInProcess(['watch', 'run', '--db', db]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(alertedIds(first.stdout).length, 15, 'every match alerted at the next watch run');
      const update = await runInProcess(['update', '--db', db]);
      assert.equal(update.code, 0, update.stderr);
      const again = await runInProcess(['watch', 'run', '--db', db]);
      const store = await openStore(db, { readonly: true });
      try {
        await assertCaughtUp(store, 15, alertedIds(ingest.stdout, first.stdout, update.stdout, again.stdout));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a writer held past the busy limit: the API answers a write 503 with Retry-After, reads keep answering, and the store recovers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-busy-'));
  const db = join(dir, 'kronika.db');
  try {
    assert.equal((await runInProcess(['ingest', SEED_DIR, '--db', db])).code, 0);
    // A patient limit is the default (minutes); this store gives up quickly so the last resort shows.
    const store = await openStore(db, { busyTimeoutMs: 200 });
    const app = createApp({ store, log: () => {} });
    const other = new Database(db);
    try {
      other.exec('BEGIN IMMEDIATE');
      const text = 'Sejm uchwalił w czwartek ustawę o obronie cywilnej. Za głosowało 420 posłów, przeciw było 12.';
      const write = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      assert.equal(write.status, 503);
      assert.ok(Number(write.headers.get('retry-after')) > 0, 'Retry-After says when to come back');
      assert.deepEqual(await write.json(), { error: { code: 'unavailable', message: 'the store is busy with another writer; try again shortly' } });
      for (const path of ['/api/stories', '/api/articles', '/api/search?q=Putin', '/stories']) {
        assert.equal((await app.request(path)).status, 200, `${path} while the other writer holds the lock`);
      }
      other.exec('COMMIT');
      const retried = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      assert.equal(retried.status, 201, await retried.text());
      assert.equal(await store.articles.count(), 6);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('while another process holds the write lock, read commands answer and an ingest queues until it lets go', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-held-'));
  const db = join(dir, 'kronika.db');
  const [folder] = writeFolders(dir, ['news'], 10, 5);
  const other = new Database(db);
  try {
    assert.equal((await runInProcess(['ingest', SEED_DIR, '--db', db])).code, 0);
    const [story] = (await (async () => {
      const store = await openStore(db, { readonly: true });
      try { return (await store.stories.list({ limit: 1 })).stories; } finally { await store.close(); }
    })());
    other.exec('BEGIN IMMEDIATE'); // as a long cluster transaction of another ingest would
    for (const command of [['stories'], ['report', story!.id], ['search', 'Putin'], ['articles'], ['entities'], ['stats'], ['watch', 'list']]) {
      const run = await runInProcess([...command, '--db', db]);
      assert.equal(run.code, 0, `kronika ${command.join(' ')}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, LOCKED);
    }
    let finished = false;
    const ingest = runInProcess(['ingest', folder!, '--db', db]).finally(() => { finished = true; });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(finished, false, 'the ingest waits for the lock instead of failing');
    other.exec('COMMIT');
    const run = await ingest;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^ingest: 10 stored, 0 already known, \d+ near-duplicates, 0 failed/m);
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: two concurrent `kronika ingest` and a reader store every article once, no 5xx', { skip: postgresSkip() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-pg-writers-'));
  const folders = writeFolders(dir, ['a', 'b'], PER_WRITER, 2929);
  const db = await createTestDatabase();
  const store = await openStore(db.url);
  const server = await startServer(createApp({ store, log: () => {} }), { port: 0 });
  const reads = pollReads(server.url);
  try {
    const runs = await Promise.all(folders.map((folder) => kronika(['ingest', folder, '--db', db.url]).finished));
    await reads.stop();
    for (const run of runs) {
      assert.equal(run.code, 0, run.stderr);
      // With PostgreSQL the stages are the workers' (test/worker/e2e.test.ts); ingest only stores.
      assert.match(run.stdout, new RegExp(`^ingest: ${PER_WRITER} stored, 0 already known, \\d+ near-duplicates, 0 failed.*kronika worker`, 'm'));
      assert.doesNotMatch(run.stderr, /deadlock|could not serialize|failed/i);
    }
    assert.deepEqual(reads.failures, []);
    assert.equal(await store.articles.count(), 2 * PER_WRITER);
    assert.equal(await store.articles.lastSeq() >= 2 * PER_WRITER, true, 'every article has its place in the stream');
  } finally {
    await reads.stop();
    await server.close();
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
