import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots, robotsAllow, RobotsCache, rulesOfRecord } from '../../src/sources/robots.ts';
import type { RobotsRecord } from '../../src/sources/types.ts';

const allows = (robots: string, path: string) => robotsAllow(parseRobots(robots), `https://example.pl${path}`);

test('the group naming kronika wins over *; the longest rule wins; Allow wins a tie', () => {
  const robots = [
    'User-agent: *',
    'Disallow: /',
    '',
    'User-agent: Googlebot',
    'User-agent: Kronika',
    'Disallow: /private/',
    'Allow: /private/open',
    'Disallow: /drafts',
    'Allow: /drafts',
  ].join('\n');
  assert.equal(allows(robots, '/news/1'), true, '* disallows everything, but the kronika group does not');
  assert.equal(allows(robots, '/private/x'), false);
  assert.equal(allows(robots, '/private/open-letter'), true, 'the longer Allow wins');
  assert.equal(allows(robots, '/drafts/1'), true, 'equal length: Allow wins');
});

test('the * group applies when none names kronika; wildcards and $ anchor', () => {
  const robots = 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /search?\nDisallow: /tmp # comment\nDisallow:\n';
  assert.equal(allows(robots, '/files/a.pdf'), false);
  assert.equal(allows(robots, '/files/a.pdf.html'), true);
  assert.equal(allows(robots, '/search?q=sejm'), false);
  assert.equal(allows(robots, '/tmp/x'), false);
  assert.equal(allows(robots, '/robots.txt'), true);
  assert.equal(allows('User-agent: *\nDisallow: /', '/robots.txt'), true, 'robots.txt itself is always allowed');
  assert.equal(allows('', '/anything'), true);
});

test('a missing file allows everything; an unreachable one allows nothing', () => {
  const record = (status: number): RobotsRecord => ({ origin: 'https://example.pl', status, fetchedAt: '2026-03-02T06:00:00Z' });
  assert.equal(robotsAllow(rulesOfRecord(record(404)), 'https://example.pl/a'), true);
  assert.equal(robotsAllow(rulesOfRecord(record(500)), 'https://example.pl/a'), false);
  assert.equal(robotsAllow(rulesOfRecord(record(429)), 'https://example.pl/a'), false);
  assert.equal(robotsAllow(rulesOfRecord(record(0)), 'https://example.pl/a'), false);
});

test('the cache asks once per origin and refetches after a day (an hour when unreachable)', async () => {
  let now = Date.parse('2026-03-02T06:00:00Z');
  const saved = new Map<string, RobotsRecord>();
  const fetched: string[] = [];
  let status = 200;
  const cache = new RobotsCache({
    read: async (origin) => saved.get(origin),
    save: async (record) => void saved.set(record.origin, record),
    fetch: async (url) => {
      fetched.push(url);
      return { status, body: 'User-agent: *\nDisallow: /private/' };
    },
    now: () => now,
  });
  const answers = await Promise.all([cache.refusal('https://a.pl/private/1'), cache.refusal('https://a.pl/news/1'), cache.refusal('https://b.pl/private/1')]);
  assert.deepEqual(answers, ['robots.txt does not allow fetching it', undefined, 'robots.txt does not allow fetching it']);
  assert.deepEqual(fetched, ['https://a.pl/robots.txt', 'https://b.pl/robots.txt']);
  now += 23 * 3600_000;
  await cache.refusal('https://a.pl/x');
  assert.equal(fetched.length, 2, 'a copy younger than a day is used');
  now += 2 * 3600_000;
  status = 503;
  assert.equal(await cache.refusal('https://a.pl/news/2'), 'robots.txt answered HTTP 503 Service Unavailable', 'refetched after a day; unreachable now: nothing allowed');
  assert.equal(fetched.length, 3);
  now += 61 * 60_000;
  status = 200;
  assert.equal(await cache.refusal('https://a.pl/news/2'), undefined, 'an unreachable answer is kept for an hour only');
  assert.equal(fetched.length, 4);
});
