/**
 * Fifty simulated sources over ten hours of fake time (test/helpers/feed-server.ts), polled in
 * 10-minute cycles with a restart halfway: the properties issue-level users rely on, each
 * asserted on the same recorded run.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import type { SourcePollReport } from '../../src/sources/poll.ts';
import { DEFAULT_POLICY } from '../../src/sources/schedule.ts';
import type { Article } from '../../src/types.ts';
import type { Behaviour, SourceSpec } from '../helpers/feed-server.ts';
import { world, type World } from './harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CYCLES = 60;
/** Disabling sooner than the default, so it happens within the simulated ten hours. */
const POLICY = { ...DEFAULT_POLICY, disableAfter: 4 };

const MIX: readonly [Behaviour, number][] = [
  ['etag', 10], ['last-modified', 4], ['no-validators', 4], ['max-age', 3], ['rate-limited', 2], ['unavailable-date', 1],
  ['down', 2], ['flaky', 2], ['gone', 1], ['timeout', 2], ['trickle', 1], ['redirect', 3], ['gzip', 3], ['malformed', 2],
  ['changing-guids', 3], ['summary-only', 4], ['revised', 1], ['external-links', 2],
];

const specs: SourceSpec[] = MIX.flatMap(([behaviour, count]) => Array.from({ length: count }, (_, i): SourceSpec => ({
  name: `${behaviour}-${i}`,
  behaviour,
  // Feeds that ask for two hours between polls publish slower than that, so some polls find nothing.
  publishEveryMs: behaviour === 'max-age' ? 3 * HOUR : (30 + 15 * ((i * 7) % 5)) * MIN,
  ...(behaviour === 'revised' && { reviseAt: Date.parse('2026-03-02T07:00:00Z') }),
  ...(behaviour === 'summary-only' && i === 0 && { robots: 'User-agent: *\nDisallow: /articles/\n' }),
  ...(behaviour === 'summary-only' && i === 1 && { robots: 'User-agent: kronika\nAllow: /\n\nUser-agent: *\nDisallow: /\n' }),
})));
const namesOf = (behaviour: Behaviour) => specs.filter((s) => s.behaviour === behaviour).map((s) => s.name);

let w: World;
const reports: { at: number; report: SourcePollReport }[] = [];
let restartAt = 0;
let articles: Article[] = [];

before(async () => {
  assert.equal(specs.length, 50);
  w = await world(specs, {
    policy: POLICY,
    onSource: (report) => reports.push({ at: w.clock.now(), report }),
    timeoutFor: (url) => (/\/\/(timeout|trickle)-/.test(url) ? 300 : undefined),
  });
  await w.sources.update(w.ids.get('summary-only-3')!, { fetchLinked: false });
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    if (cycle === CYCLES / 2) {
      await w.reopen();
      restartAt = w.clock.now();
    }
    await w.cycle();
    w.clock.advance(10 * MIN);
  }
  articles = await w.store.articles.list();
  if (process.env.DEBUG_POLL) {
    for (const { at, report } of reports) if (report.outcome === 'failed') console.log(new Date(at).toISOString(), report.outlet, report.failure, report.error);
  }
});

after(async () => {
  await w?.close();
});

const feedRequests = (name: string) => w.server.requestsFor(name).filter((r) => r.path === '/feed.xml');
const articlesOf = (name: string) => articles.filter((a) => a.outlet === `Serwis ${name}`);
const reportsOf = (name: string) => reports.filter((r) => r.report.sourceId === w.ids.get(name));

test('no duplicate articles: every published item of a healthy source is stored exactly once', async () => {
  const healthy: Behaviour[] = ['etag', 'last-modified', 'no-validators', 'max-age', 'redirect', 'gzip', 'changing-guids', 'summary-only'];
  for (const name of healthy.flatMap(namesOf)) {
    const titles = articlesOf(name).map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `${name}: a title stored twice`);
    // Items published since the source's last poll are not stored yet; all the rest are.
    const lastPoll = Math.max(...reportsOf(name).map((r) => r.at));
    const expected = Math.min(w.server.published(name), 1 + Math.floor((lastPoll - Date.parse('2026-03-02T06:00:00Z')) / specs.find((s) => s.name === name)!.publishEveryMs));
    assert.equal(titles.length, expected, `${name}: ${titles.length} articles for ${expected} published items`);
  }
  const urls = articles.filter((a) => a.url && !/Sprostowanie/.test(a.text)).map((a) => a.url);
  assert.equal(new Set(urls).size, urls.length, 'one article per URL, revisions aside');
});

test('articles carry the outlet from the feed title, never a host or folder name', () => {
  assert.ok(articles.length > 100, `${articles.length} articles`);
  for (const article of articles) assert.match(article.outlet ?? '', /^Serwis [a-z-]+-\d$/, article.origin);
});

test('conditional requests: the stored ETag or Last-Modified is sent back and answered with 304', () => {
  for (const name of [...namesOf('etag'), ...namesOf('gzip'), ...namesOf('max-age')]) {
    const requests = feedRequests(name);
    assert.ok(requests.length >= 3, `${name}: ${requests.length} requests`);
    // Every answer carried an ETag, so every request after the first sends it back.
    requests.slice(1).forEach((r, i) => assert.ok(r.headers['if-none-match'], `${name}: request ${i + 1} without If-None-Match`));
    assert.ok(requests.some((r) => r.status === 304), `${name}: never answered 304`);
  }
  for (const name of namesOf('max-age')) {
    const times = feedRequests(name).map((r) => r.at);
    times.slice(1).forEach((t, i) => assert.ok(t - times[i]! >= 2 * HOUR, `${name}: polled ${(t - times[i]!) / MIN} min after max-age=7200`));
  }
  for (const name of namesOf('last-modified')) {
    const requests = feedRequests(name);
    assert.ok(requests.slice(1).every((r) => r.headers['if-modified-since']), `${name}: If-Modified-Since missing`);
    assert.ok(requests.some((r) => r.status === 304), `${name}: never answered 304`);
  }
  for (const name of namesOf('no-validators')) {
    assert.ok(feedRequests(name).every((r) => !r.headers['if-none-match'] && !r.headers['if-modified-since']), `${name}: invented validators`);
    // The same bytes again count as "not modified": no parse, no new state.
    assert.ok(reportsOf(name).some((r) => r.report.outcome === 'not-modified' && r.report.status === 200), `${name}: same body not recognised`);
  }
  for (const name of namesOf('redirect')) {
    const moved = w.server.requestsFor(name).filter((r) => r.path === '/moved/feed.xml');
    assert.ok(moved.some((r) => r.status === 304), `${name}: the redirected feed never answered 304`);
  }
});

test('no source is polled sooner than its schedule allowed, across a restart', () => {
  for (const spec of specs) {
    const polls = reportsOf(spec.name);
    const requests = feedRequests(spec.name);
    assert.equal(requests.length, polls.length, `${spec.name}: one feed request per poll`);
    for (let i = 1; i < polls.length; i++) {
      const allowed = Date.parse(polls[i - 1]!.report.nextCheckAt);
      assert.ok(requests[i]!.at >= allowed, `${spec.name}: request ${i} at ${new Date(requests[i]!.at).toISOString()} before ${polls[i - 1]!.report.nextCheckAt}`);
    }
  }
  assert.ok(reports.some((r) => r.at >= restartAt), 'polling went on after the restart');
  const etag = feedRequests('etag-0');
  assert.ok(etag.filter((r) => r.at >= restartAt)[0]!.headers['if-none-match'], 'validators survived the restart');
});

test('Retry-After is respected, as seconds and as a date', () => {
  for (const name of namesOf('rate-limited')) {
    const times = feedRequests(name).map((r) => r.at);
    assert.ok(times.length >= 2, `${name}: ${times.length} requests`);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= HOUR, `${name}: asked again after ${(times[i]! - times[i - 1]!) / MIN} min`);
  }
  for (const name of namesOf('unavailable-date')) {
    const times = feedRequests(name).map((r) => r.at);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 2 * HOUR, `${name}: asked again after ${(times[i]! - times[i - 1]!) / MIN} min`);
  }
});

test('failures back off exponentially and disable the source after the configured run, with the reason', async () => {
  for (const name of namesOf('down')) {
    const times = feedRequests(name).map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! > gaps[i - 1]!, `${name}: gaps ${gaps.map((g) => g / MIN).join(', ')} min`);
    assert.equal(times.length, 8, `${name}: 8 failures of weight ½ reach the limit of 4`);
    const source = await w.source(name);
    assert.match(source.state.disabledReason ?? '', /^8 failed polls in a row since .*; last: HTTP 500 Internal Server Error$/);
  }
  const gone = await w.source('gone-0');
  assert.equal(feedRequests('gone-0').length, 1, '410 disables at once');
  assert.match(gone.state.disabledReason ?? '', /HTTP 410 Gone/);
  for (const name of namesOf('malformed')) {
    assert.equal(feedRequests(name).length, 4, `${name}: four parse failures`);
    assert.match((await w.source(name)).state.disabledReason ?? '', /XML/);
  }
  for (const name of [...namesOf('timeout'), ...namesOf('trickle')]) {
    const source = await w.source(name);
    assert.equal(source.state.lastErrorKind, 'timeout', name);
    assert.ok(source.state.consecutiveErrors >= 3, `${name}: ${source.state.consecutiveErrors} timeouts`);
  }
  for (const name of namesOf('flaky')) {
    const source = await w.source(name);
    assert.equal(source.state.disabledReason, undefined, `${name}: every other poll succeeds, so it stays enabled`);
    assert.ok(articlesOf(name).length > 0);
  }
});

test('no request ever leaves the test network: every name resolved by the test DNS, none but loopback', () => {
  const known = new Set(specs.map((s) => `${s.name}.test`));
  for (const url of w.requested) {
    const host = new URL(url).hostname;
    assert.equal(isIP(host), 0, `${url}: an address, not a name`);
    assert.ok(known.has(host) || host === 'news.external.example', `${url}: unexpected host`);
  }
  assert.ok(w.server.lookups.every((name) => known.has(name) || name === 'news.external.example'));
  assert.ok(w.server.requests.every((r) => known.has(r.host)), 'the server only saw test hosts');
  // Links to the outside were tried, failed to resolve, and the feed's summary was kept instead.
  assert.ok(w.requested.some((u) => u.includes('news.external.example')));
  const external = namesOf('external-links').flatMap((name) => reportsOf(name).flatMap((r) => r.report.itemErrors));
  assert.ok(external.length > 0 && external.every((e) => /cannot resolve news\.external\.example/.test(e.message)), JSON.stringify(external[0]));
  assert.ok(namesOf('external-links').every((name) => articlesOf(name).length > 0), 'summaries stored');
  assert.ok(w.server.connections >= w.server.requests.length);
  assert.ok(w.server.requests.every((r) => /^Kronika\/\S+ \(\+.+\)$/.test(String(r.headers['user-agent']))), 'one User-Agent naming Kronika');
});

test('summary-only items: each page fetched once, robots.txt asked once per host and obeyed', () => {
  for (const name of namesOf('summary-only')) {
    const pages = w.server.requestsFor(name).filter((r) => r.path.startsWith('/articles/'));
    const paths = pages.map((r) => r.path);
    assert.equal(new Set(paths).size, paths.length, `${name}: a page fetched twice`);
    if (name !== 'summary-only-3') assert.equal(w.server.requestsFor(name).filter((r) => r.path === '/robots.txt').length, 1, `${name}: robots.txt once`);
  }
  // summary-only-0 forbids /articles/ to everyone: only the teasers are stored.
  assert.equal(w.server.requestsFor('summary-only-0').filter((r) => r.path.startsWith('/articles/')).length, 0);
  assert.ok(articlesOf('summary-only-0').every((a) => !a.text.includes('\n\n')), 'teaser only');
  assert.ok(reportsOf('summary-only-0').some((r) => r.report.itemErrors.some((e) => /robots\.txt/.test(e.message))));
  // summary-only-3 has page fetching switched off: teasers, and no page or robots.txt request.
  assert.deepEqual(w.server.requestsFor('summary-only-3').filter((r) => r.path !== '/feed.xml'), []);
  assert.ok(articlesOf('summary-only-3').length > 0 && articlesOf('summary-only-3').every((a) => !a.text.includes('\n\n')));
  // summary-only-1 forbids everyone but Kronika by name.
  assert.ok(w.server.requestsFor('summary-only-1').some((r) => r.path.startsWith('/articles/')));
  for (const name of ['summary-only-1', 'summary-only-2']) {
    const full = articlesOf(name);
    assert.ok(full.length > 0 && full.every((a) => a.text.split('\n\n').length >= 5), `${name}: full pages stored`);
  }
});

test('a feed whose items change GUIDs on every fetch yields each article once, its pages never refetched', async () => {
  for (const name of namesOf('changing-guids')) {
    const source = await w.source(name);
    assert.equal(source.itemsSeen, articlesOf(name).length, `${name}: seen items`);
  }
});

test('a corrected item is stored as a revision of its article, both from their source', async () => {
  const revised = articlesOf('revised-0').filter((a) => a.title === 'Wiadomość 1 (revised-0)');
  assert.equal(revised.length, 2);
  const [original, correction] = revised;
  assert.ok(correction!.text.includes('Sprostowanie'));
  assert.equal(correction!.revisionOf, original!.id);
  assert.equal(original!.revisionOf, undefined);
  const sourceId = w.ids.get('revised-0');
  assert.ok(sourceId && revised.every((a) => a.sourceId === sourceId), 'each article carries its source id');
  assert.equal(reportsOf('revised-0').reduce((n, r) => n + r.report.revisions, 0), 1);
});

test('gzip-encoded and redirected feeds are read like any other', () => {
  for (const name of [...namesOf('gzip'), ...namesOf('redirect')]) {
    const stored = articlesOf(name);
    assert.ok(stored.length >= 5, `${name}: ${stored.length}`);
    assert.ok(stored.every((a) => a.language === 'pl' && a.text.includes('Serwis')), name);
  }
});
