/**
 * `kronika sources …` as a user types it, run in this process (runCli, output captured) against
 * the loopback feed server: a child process per command costs seconds on a busy machine. The CLI
 * has no test DNS, so sources are addressed on 127.0.0.1 (--allow-private).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeClock, FeedServer } from '../helpers/feed-server.ts';
import { kronikaHere, tempDb, type CliRun } from '../cli/helpers.ts';


let server: FeedServer;
let db: string;

/** Runs the CLI in this process with its output captured; the feed server keeps answering meanwhile. */
function kronika(...args: string[]): Promise<CliRun> {
  return kronikaHere([...args, '--db', db]);
}

before(async () => {
  // The child process schedules by the real clock: the feed's dates must be recent by it.
  server = await FeedServer.start(fakeClock(Date.now()), [
    { name: 'site-a', behaviour: 'etag', publishEveryMs: 3600_000, backlog: 3 },
    { name: 'feed-b', behaviour: 'summary-only', publishEveryMs: 3600_000, backlog: 2 },
  ]);
  db = tempDb();
});

after(async () => {
  await server?.close();
});

test('sources add finds a site\'s feed, names it, and refuses what is not one', async () => {
  const site = await kronika('sources', 'add', server.literalSiteUrl('site-a'), '--allow-private');
  assert.equal(site.code, 0, site.stderr);
  assert.match(site.stdout, new RegExp(`^added [0-9a-f]{8} Serwis site-a — ${server.literalFeedUrl('site-a')} \\(found on ${server.literalSiteUrl('site-a')}; other feeds there: .*/site-a/comments\\.xml\\)\\n$`));

  const named = await kronika('sources', 'add', server.literalFeedUrl('feed-b'), '--allow-private', '--name', 'Gazeta Testowa');
  assert.match(named.stdout, /^added [0-9a-f]{8} Gazeta Testowa — /);
  const again = await kronika('sources', 'add', server.literalFeedUrl('feed-b'), `http://127.0.0.1:${server.port}/nowhere/feed.xml`, '--allow-private');
  assert.match(again.stdout, /^already following [0-9a-f]{8} Gazeta Testowa/);
  assert.equal(again.code, 1, 'one input failed');
  assert.match(again.stderr, /^error: http:\/\/127\.0\.0\.1:\d+\/nowhere\/feed\.xml: HTTP 404 Not Found\n$/);
});

test('sources poll runs one cycle, then nothing is due; list shows each source\'s health within 100 columns', async () => {
  const first = await kronika('sources', 'poll');
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^poll: 2 source\(s\) polled, 2 changed, 0 not modified, 0 failed; 5 new article\(s\); next check in \d+ min; stories in the store: \d+ event/);
  const idle = await kronika('sources', 'poll');
  assert.match(idle.stdout, /^poll: 0 source\(s\) polled/);
  const forced = await kronika('sources', 'poll', '--all', '--no-stories');
  assert.match(forced.stdout, /^poll: 2 source\(s\) polled, 0 changed, 2 not modified, 0 failed; 0 new article\(s\)/);

  const list = await kronika('sources', 'list');
  const lines = list.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^id\s+outlet\s+lang\s+last fetch\s+next check\s+http\s+items\s+errors$/);
  assert.equal(lines.length, 3);
  for (const line of lines) assert.ok(line.length <= 100, `${line.length} columns: ${line}`);
  assert.match(lines[1]!, /^[0-9a-f]{8}\s+Serwis site-a\s+pl\s+just now\s+in \d+ min\s+304\s+3\s+0$/);
  assert.match(lines[2]!, /^[0-9a-f]{8}\s+Gazeta Testowa\s+pl\s+just now\s+in \d+ min\s+304\s+2\s+0$/);

  const articles = (await kronika('articles', '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { outlet: string; text: string });
  assert.deepEqual(articles.map((a) => a.outlet).sort(), ['Gazeta Testowa', 'Gazeta Testowa', 'Serwis site-a', 'Serwis site-a', 'Serwis site-a']);
  assert.ok(articles.filter((a) => a.outlet === 'Gazeta Testowa').every((a) => a.text.split('\n\n').length >= 5), 'summary-only items: pages fetched');
});

test('pause, resume, export and import, remove', async () => {
  const records = (await kronika('sources', 'list', '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; outlet: string; paused: boolean; state: { lastStatus: number } });
  assert.equal(records[0]!.state.lastStatus, 304);
  const paused = await kronika('sources', 'pause', records[0]!.id.slice(0, 5));
  assert.match(paused.stdout, /^paused [0-9a-f]{8} Serwis site-a\n$/);
  assert.match((await kronika('sources', 'list')).stdout, /Serwis site-a\s+pl\s+(just now|\d+ min ago)\s+paused/);
  assert.match((await kronika('sources', 'poll', '--all', '--no-stories')).stdout, /^poll: 1 source\(s\) polled/);
  assert.match((await kronika('sources', 'resume', records[0]!.id)).stdout, /^resumed /);

  const exported = await kronika('sources', 'export');
  assert.match(exported.stdout, /<outline type="rss" text="Serwis site-a" title="Serwis site-a" xmlUrl="http:\/\/127\.0\.0\.1:\d+\/site-a\/feed\.xml" htmlUrl="http:\/\/127\.0\.0\.1:\d+\/site-a\/"\/>/);
  assert.match(exported.stdout, /text="Gazeta Testowa"/);

  const removed = await kronika('sources', 'remove', records[0]!.id, records[1]!.id);
  assert.equal(removed.stdout.split('\n').filter(Boolean).length, 2);
  assert.match((await kronika('sources', 'list')).stdout, /^no sources yet/);

  const file = join(db, '..', 'exported.opml');
  await writeFile(file, exported.stdout);
  const imported = await kronika('sources', 'import', file, '--allow-private');
  assert.match(imported.stdout, /import: 2 added, 0 already followed, 0 failed\n$/);
  const list = await kronika('sources', 'list', '--json');
  const back = list.stdout.trim().split('\n').map((l) => JSON.parse(l) as { outlet: string; allowPrivate: boolean; state: { nextCheckAt: string } });
  assert.deepEqual(back.map((s) => s.outlet), ['Serwis site-a', 'Gazeta Testowa'], 'names come back from the OPML');
  assert.ok(back.every((s) => s.allowPrivate));
  assert.ok(readFileSync(file, 'utf8').startsWith('<?xml'));
});

test('bad flag values are usage errors naming the flag', async () => {
  const bad = await kronika('sources', 'poll', '--max-interval', 'soon');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-interval: expected a duration such as 10m, 24h or 7d, got "soon"/);
  const unknown = await kronika('sources', 'pause', 'ffffffff');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no source "ffffffff"/);
});
