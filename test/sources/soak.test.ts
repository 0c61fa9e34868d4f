/**
 * Soak: 500 sources × 20 cycles on the fake clock, every source due every cycle (the interval
 * bounds are pinned to 10 minutes), a tenth of them failing in some way. The bound — under a
 * minute — is checked on the process's CPU time (the server's share included), which other jobs
 * on a shared machine do not inflate; the wall-clock timeout only catches a hang.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../src/sources/schedule.ts';
import type { Behaviour, SourceSpec } from '../helpers/feed-server.ts';
import { world } from './harness.ts';

const MIN = 60_000;
const SOURCES = 500;
const CYCLES = 20;
const HEALTHY: readonly Behaviour[] = ['etag', 'last-modified', 'no-validators', 'gzip', 'changing-guids', 'redirect'];
const FAILING: readonly Behaviour[] = ['down', 'flaky', 'rate-limited', 'malformed', 'gone'];

test(`soak: ${SOURCES} sources × ${CYCLES} cycles, no duplicates, every healthy source polled every cycle`, { timeout: 300_000 }, async () => {
  const specs: SourceSpec[] = Array.from({ length: SOURCES }, (_, i) => {
    const behaviour = i % 10 === 9 ? FAILING[(i / 10) % FAILING.length | 0]! : HEALTHY[i % HEALTHY.length]!;
    return { name: `s${i}`, behaviour, publishEveryMs: (20 + (i * 37) % 220) * MIN, window: 8 };
  });
  const policy = { ...DEFAULT_POLICY, minIntervalMs: 10 * MIN, maxIntervalMs: 10 * MIN, jitter: 0 };
  // A healthy host answers at once, but on a loaded machine its answer can wait behind the poller's
  // own work in this process longer than the harness's 2 s: a missed cycle would then measure the
  // machine, not the scheduler.
  const healthyHosts = new Set(specs.filter((s) => HEALTHY.includes(s.behaviour)).map((s) => `${s.name}.test`));
  const timeoutFor = (url: string): number | undefined => (healthyHosts.has(new URL(url).hostname) ? 30_000 : undefined);
  const w = await world(specs, { policy, concurrency: 16, timeoutFor });
  try {
    let polled = 0;
    const cpu = process.cpuUsage();
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      polled += (await w.cycle()).polled;
      w.clock.advance(10 * MIN);
    }
    const { user, system } = process.cpuUsage(cpu);
    assert.ok(user + system < 60e6, `the soak took ${((user + system) / 1e6).toFixed(1)} s of CPU`);
    const healthy = specs.filter((s) => HEALTHY.includes(s.behaviour));
    assert.ok(polled >= healthy.length * CYCLES, `${polled} polls`);
    const articles = await w.store.articles.list();
    const byOutlet = new Map<string, string[]>();
    for (const article of articles) byOutlet.set(article.outlet!, [...(byOutlet.get(article.outlet!) ?? []), article.title!]);
    for (const spec of healthy) {
      const feedPath = spec.behaviour === 'redirect' ? '/moved/feed.xml' : '/feed.xml';
      assert.equal(w.server.requestsFor(spec.name).filter((r) => r.path === feedPath).length, CYCLES, `${spec.name}: polled every cycle`);
      const titles = byOutlet.get(`Serwis ${spec.name}`) ?? [];
      assert.equal(new Set(titles).size, titles.length, `${spec.name}: duplicate articles`);
      // The last poll happened one cycle before the clock's last advance.
      const lastPoll = (CYCLES - 1) * 10 * MIN;
      assert.equal(titles.length, 1 + Math.floor(lastPoll / spec.publishEveryMs), `${spec.name}: every item stored`);
    }
    assert.ok(w.server.requests.filter((r) => r.status === 304).length > healthy.length * CYCLES / 3, 'conditional requests answered 304');
    const known = new Set(specs.map((s) => `${s.name}.test`));
    assert.ok(w.server.lookups.every((name) => known.has(name)), 'nothing resolved outside the test network');
    const disabled = (await w.sources.list()).filter((s) => s.state.disabledReason).length;
    assert.ok(disabled >= specs.filter((s) => s.behaviour === 'gone').length, `${disabled} disabled`);
  } finally {
    await w.close();
  }
});
