/**
 * `kronika run` end to end, as a user runs it: sources added with `kronika sources add`, then one
 * `kronika run` process (a child, on port 0) against the loopback feed server. A feed gains an
 * item and the article shows in its story through the API within one poll cycle; a corrected
 * item shows as the story's correction; SIGTERM exits 0; a restart resumes every schedule from
 * the store and polls nothing before its next check.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { ROOT, tempDb } from '../cli/helpers.ts';
import { fakeClock, FeedServer, type FakeClock } from '../helpers/feed-server.ts';

const HOUR = 3600_000;
/** The poll interval of this test's sources: long enough that "not early" means something after a restart. */
const INTERVAL_S = 8;

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
}

let clock: FakeClock;
let server: FeedServer;
let db: string;
const children: ChildProcess[] = [];

async function startRun(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'run', '--db', db, '--port', '0',
    '--min-interval', `${INTERVAL_S}s`, '--max-interval', `${INTERVAL_S}s`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout!.resume();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
    if (match) return { child, url: match[1]!, stderr: () => stderr };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`kronika run did not start:\n${stderr}`);
    await sleep(50);
  }
}

async function stopRun(run: Running): Promise<number | null> {
  const exited = once(run.child, 'exit');
  run.child.kill('SIGTERM');
  const [code] = await Promise.race([exited, sleep(60_000, undefined, { ref: false }).then(() => [undefined])]) as [number | null | undefined];
  if (code === undefined) throw new Error(`kronika run did not stop on SIGTERM:\n${run.stderr()}`);
  return code;
}

interface StoryJson {
  readonly id: string;
  readonly articles: readonly { readonly id: string; readonly title: string | null }[];
  readonly corrections: readonly { readonly articleId: string; readonly revisionOf: string; readonly at: string }[];
}

async function stories(run: Running): Promise<StoryJson[]> {
  const response = await fetch(`${run.url}/api/stories?limit=100`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { stories: StoryJson[] }).stories;
}

/** Waits until `find` returns something, asking every 100 ms. */
async function until<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const feedRequests = (name: string) => server.requestsFor(name).filter((r) => r.path === '/feed.xml').length;

before(async () => {
  // The child schedules by the real clock: the feeds' dates must be recent by it.
  clock = fakeClock(Date.now());
  server = await FeedServer.start(clock, [
    { name: 'live-a', behaviour: 'etag', publishEveryMs: HOUR, backlog: 2 },
    { name: 'live-b', behaviour: 'revised', publishEveryMs: HOUR, backlog: 2, reviseAt: clock.now() + HOUR / 2 },
  ]);
  db = tempDb();
  // A child the event loop waits for without blocking: the feed server answers from this process.
  const add = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'sources', 'add',
    server.literalFeedUrl('live-a'), server.literalFeedUrl('live-b'), '--allow-private', '--db', db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  add.stdout!.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
  add.stderr!.setEncoding('utf8').on('data', (chunk: string) => { output += chunk; });
  const [code] = await once(add, 'exit');
  assert.equal(code, 0, output);
  assert.match(output, /^added [0-9a-f]{8} Serwis live-a/m);
});

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await server?.close();
});

let sourceIds: Map<string, string>;

test('kronika run polls, stores, clusters and serves: a new item is in its story within one poll cycle; SIGTERM exits 0', { timeout: 240_000 }, async () => {
  const run = await startRun();
  try {
    await until('the backlog in stories', async () => {
      const titles = (await stories(run)).flatMap((s) => s.articles.map((a) => a.title));
      return titles.length >= 4 ? titles : undefined;
    });
    {
      const store = await openSqliteStore(db, { readonly: true });
      sourceIds = new Map((await store.sources.list()).map((s) => [s.feedUrl.includes('live-a') ? 'live-a' : 'live-b', s.id]));
      await store.close();
    }

    // The feeds gain an item each; live-b also corrects its first one.
    const before = feedRequests('live-a');
    clock.advance(HOUR);
    const changedAt = Date.now();
    const [story, article] = await until('the new article in its story', async () => {
      for (const s of await stories(run)) {
        const a = s.articles.find((x) => x.title === 'Wiadomość 3 (live-a)');
        if (a) return [s, a] as const;
      }
      return undefined;
    }, (INTERVAL_S + 60) * 1000);
    const polls = feedRequests('live-a') - before;
    assert.ok(polls <= 2, `in its story after ${polls} polls of its feed (${Date.now() - changedAt} ms): within one poll cycle`);
    assert.ok(story.id.startsWith('ev-'));
    const record = await (await fetch(`${run.url}/api/articles/${article.id}?analysis=0`)).json() as { article: { outlet: string; sourceId: string } };
    assert.deepEqual([record.article.outlet, record.article.sourceId], ['Serwis live-a', sourceIds.get('live-a')], 'outlet and source id of the source');

    const corrected = await until('the correction in its story', async () =>
      (await stories(run)).find((s) => s.corrections.length > 0), (INTERVAL_S + 60) * 1000);
    const [correction] = corrected.corrections;
    const titles = new Map(corrected.articles.map((a) => [a.id, a.title]));
    assert.equal(titles.get(correction!.revisionOf), 'Wiadomość 1 (live-b)', 'the correction names the article it corrects');
    assert.equal(titles.get(correction!.articleId), 'Wiadomość 1 (live-b)', 'and joins its story');
  } finally {
    const code = await stopRun(run);
    assert.equal(code, 0, run.stderr());
  }
  assert.match(run.stderr(), /SIGTERM: finishing the polls and stage runs in progress\n[\s\S]*stopped/);
});

test('a restarted kronika run resumes every schedule from the store, polling nothing early', { timeout: 240_000 }, async () => {
  const store = await openSqliteStore(db, { readonly: true });
  const due = new Map((await store.sources.list()).map((s) => [s.id, Date.parse(s.state.nextCheckAt)]));
  await store.close();
  const seen = new Map<string, number>(['live-a', 'live-b'].map((name) => [name, feedRequests(name)]));
  const firstPoll = new Map<string, number>();
  const watching = (async () => {
    while (firstPoll.size < seen.size) {
      for (const [name, count] of seen) if (!firstPoll.has(name) && feedRequests(name) > count) firstPoll.set(name, Date.now());
      await sleep(10);
    }
  })();
  const run = await startRun();
  try {
    await Promise.race([watching, sleep(60_000, undefined, { ref: false }).then(() => {
      throw new Error(`not polled after the restart:\n${run.stderr()}`);
    })]);
    for (const [name, at] of firstPoll) {
      const next = due.get(sourceIds.get(name)!)!;
      // 10 ms: the watcher's own tick.
      assert.ok(at >= next - 10, `${name} polled ${next - at} ms before its next check`);
      assert.ok(at <= next + 20_000, `${name} polled ${at - next} ms after its next check`);
    }
  } finally {
    assert.equal(await stopRun(run), 0, run.stderr());
  }
});
