import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePollSettings, parseDuration } from '../../src/sources/config.ts';
import { discoverFeed, DiscoveryError } from '../../src/sources/discover.ts';
import { HostLimiter } from '../../src/sources/host-limit.ts';
import { readOpmlFeeds, writeOpml } from '../../src/sources/opml.ts';
import { follow, followOpml, followUrl } from '../../src/sources/subscribe.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { fakeClock, FeedServer } from '../helpers/feed-server.ts';

let server: FeedServer;
const client = () => ({ lookup: server.lookup });
const site = (name: string) => `http://${name}.test:${server.port}/`;

before(async () => {
  server = await FeedServer.start(fakeClock(), [
    { name: 'linked', behaviour: 'etag', publishEveryMs: 3600_000 },
    { name: 'bare', behaviour: 'etag', publishEveryMs: 3600_000, bareHome: true },
    { name: 'broken', behaviour: 'malformed', publishEveryMs: 3600_000, bareHome: true },
  ]);
});

after(async () => {
  await server?.close();
});

test('a site URL leads to the first RSS/Atom feed its page links; the others are reported', async () => {
  const found = await discoverFeed(site('linked'), client(), true);
  assert.equal(found.feedUrl, `${site('linked')}feed.xml`, 'the JSON feed is skipped, the RSS one taken');
  assert.deepEqual(found.alternatives, [`${site('linked')}comments.xml`]);
  assert.equal(found.foundOn, site('linked'));
  assert.equal(found.title, 'Serwis linked');
  assert.equal(found.siteName, 'Portal linked');
  assert.equal(found.homePage, site('linked'));
  assert.equal(found.language, 'pl');
});

test('a page that links no feed is tried at the usual paths; a feed URL is taken as it is', async () => {
  const bare = await discoverFeed(site('bare'), client(), true);
  assert.equal(bare.feedUrl, `${site('bare')}feed.xml`);
  assert.deepEqual(server.requestsFor('bare').map((r) => r.path), ['/', '/feed', '/rss', '/rss.xml', '/feed.xml']);
  const direct = await discoverFeed(`${site('linked')}feed.xml`, client(), true);
  assert.equal(direct.feedUrl, `${site('linked')}feed.xml`);
  assert.equal(direct.foundOn, undefined);
});

test('no feed, a broken feed, an unknown host: one-line errors naming the URL', async () => {
  await assert.rejects(discoverFeed(site('broken'), client(), true), (error: unknown) =>
    error instanceof DiscoveryError && /^no feed found: the page links none/.test(error.message) && error.url === site('broken'));
  await assert.rejects(discoverFeed(`${site('broken')}feed.xml`, client(), true), /truncated XML/);
  await assert.rejects(discoverFeed('http://nowhere.example/', client(), true), /cannot resolve nowhere\.example/);
});

test('following: a URL once, an OPML list without fetching, names and switches kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-follow-'));
  const store = await openSqliteStore(join(dir, 'k.db'));
  const sources = store.sources;
  try {
    const before = server.requests.length;
    const added = await followUrl(sources, site('linked'), { client: client(), allowPrivate: true, name: 'Moja Gazeta', fetchLinked: false });
    assert.equal(added.kind, 'added');
    assert.ok(added.kind === 'added' && added.source.name === 'Moja Gazeta' && !added.source.fetchLinked && added.source.allowPrivate);
    assert.equal(added.kind === 'added' && added.source.state.etag, undefined, 'validators come with the first poll, which stores the items');
    const again = await followUrl(sources, `${site('linked')}feed.xml`, { client: client(), allowPrivate: true });
    assert.equal(again.kind, 'exists');
    assert.equal((await followUrl(sources, 'ftp://example.pl/feed', {})).kind, 'failed');

    const opml = [
      '<?xml version="1.0"?><opml version="2.0"><head><title>Lista</title></head><body>',
      '<outline text="Kraj"><outline type="rss" text="Pierwszy" xmlUrl="https://one.example/rss" htmlUrl="https://one.example/"/>',
      `<outline type="rss" title="Linked again" text="x" xmlUrl="${site('linked')}feed.xml"/></outline>`,
      '<outline type="rss" text="Relative" xmlUrl="feeds/local.xml"/>',
      '</body></opml>',
    ].join('\n');
    const file = join(dir, 'list.opml');
    writeFileSync(file, opml);
    const requestsBefore = server.requests.length;
    const results = await follow(sources, file, { allowPrivate: false });
    assert.equal(server.requests.length, requestsBefore, 'an OPML import fetches nothing');
    assert.deepEqual(results.map((r) => r.kind), ['added', 'exists', 'failed']);
    const one = results[0]!.kind === 'added' ? results[0]!.source : undefined;
    assert.deepEqual([one?.title, one?.homePage, one?.allowPrivate], ['Pierwszy', 'https://one.example/', false]);
    assert.ok(server.requests.length > before);

    const written = writeOpml(await sources.list(), new Date('2026-03-02T06:00:00Z'));
    assert.deepEqual(readOpmlFeeds(written, 'export.opml').map((f) => [f.feedUrl, f.title]), [
      [`${site('linked')}feed.xml`, 'Moja Gazeta'],
      ['https://one.example/rss', 'Pierwszy'],
    ]);
    const reimported = await followOpml(sources, written, 'export.opml');
    assert.deepEqual(reimported.map((r) => r.kind), ['exists', 'exists']);
    assert.equal((await followOpml(sources, '<rss></rss>', 'not.opml'))[0]!.kind, 'failed');
  } finally {
    await store.close();
  }
});

test('OPML export escapes names', () => {
  const opml = writeOpml([{
    id: 'a', feedUrl: 'https://a.example/rss?x=1&y=2', name: 'Kim & "Putin" <news>', fetchLinked: true, allowPrivate: false, paused: false,
    addedAt: '2026-03-02T06:00:00Z', itemsSeen: 0, state: { nextCheckAt: '2026-03-02T06:00:00Z', intervalMs: 1, rateItems: 0, rateHours: 0, failureScore: 0, consecutiveErrors: 0 },
  }], new Date(0));
  assert.match(opml, /text="Kim &amp; &quot;Putin&quot; &lt;news&gt;" title="Kim &amp; &quot;Putin&quot; &lt;news&gt;" xmlUrl="https:\/\/a\.example\/rss\?x=1&amp;y=2"/);
  assert.deepEqual(readOpmlFeeds(opml, 'x.opml')[0], { feedUrl: 'https://a.example/rss?x=1&y=2', title: 'Kim & "Putin" <news>' });
});

test('polling settings: flags over KRONIKA_POLL_* over defaults, bad values named', () => {
  assert.equal(parseDuration('90s', 'x'), 90_000);
  assert.equal(parseDuration('10', 'x'), 600_000, 'a bare number is minutes');
  assert.equal(parseDuration('7d', 'x'), 7 * 86_400_000);
  const settings = resolvePollSettings({ maxInterval: '6h' }, { KRONIKA_POLL_MAX_INTERVAL: '12h', KRONIKA_POLL_MIN_INTERVAL: '30m', KRONIKA_POLL_PER_HOST: '1' });
  assert.equal(settings.policy.maxIntervalMs, 6 * 3600_000);
  assert.equal(settings.policy.minIntervalMs, 30 * 60_000);
  assert.equal(settings.perHost, 1);
  assert.equal(settings.timeoutMs, undefined);
  assert.throws(() => resolvePollSettings({ disableAfter: 'never' }, {}), /--disable-after: expected a positive number, got "never"/);
  assert.throws(() => resolvePollSettings({}, { KRONIKA_POLL_MIN_INTERVAL: 'soon' }), /KRONIKA_POLL_MIN_INTERVAL: expected a duration/);
  assert.throws(() => resolvePollSettings({ minInterval: '2d' }, {}), /minimum interval .* is longer than the maximum/);
});

test('the host limiter never lets more than N requests run at once on one host', async () => {
  const limiter = new HostLimiter(2);
  let running = 0;
  let peak = 0;
  let otherHostRan = false;
  const task = async () => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running--;
  };
  await Promise.all([
    ...Array.from({ length: 7 }, () => limiter.run('https://one.example/a', task)),
    limiter.run('https://two.example/b', async () => {
      otherHostRan = running <= 2;
    }),
  ]);
  assert.equal(peak, 2);
  assert.ok(otherHostRan, 'another host is not held up');
  assert.equal(limiter.inFlight('one.example'), 0);
  assert.throws(() => new HostLimiter(0), /at least 1/);
});
