/**
 * Contract: the feeds Kronika follows, their polling state, seen items, poll history and robots.txt
 * cache (store.sources, src/sources/store.ts).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, initialState } from '../../../src/sources/schedule.ts';
import { DuplicateSourceError } from '../../../src/sources/store.ts';
import type { PollRecord } from '../../../src/sources/types.ts';
import { seedArticles } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

const T0 = '2026-03-02T06:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function pollRecord(sourceId: string, over: Partial<PollRecord> = {}): PollRecord {
  return {
    sourceId,
    state: { ...initialState(T0), nextCheckAt: at(30), lastCheckAt: T0, lastStatus: 200, etag: '"e1"' },
    items: [],
    log: { at: T0, status: 200, outcome: 'fetched', newArticles: 0, durationMs: 12 },
    ...over,
  };
}

export function sourcesContract(engine: StoreUnderTest): void {
  describe('sources', () => {
    test('add, get by id, id prefix or feed URL, list in order; a feed URL is followed once', () => withStore(engine, async (kronika) => {
      const store = kronika.sources;
      const a = await store.add({ feedUrl: 'https://a.example/rss', title: 'Serwis A', addedAt: T0 });
      const b = await store.add({ feedUrl: 'https://b.example/atom', name: 'Bee', fetchLinked: false, allowPrivate: true, addedAt: at(1) });
      assert.match(a.id, /^[0-9a-f]{8}$/);
      assert.equal(a.state.nextCheckAt, T0, 'due at once');
      assert.equal(a.fetchLinked, true, 'linked pages are fetched by default');
      assert.equal(a.allowPrivate, false);
      assert.equal(a.paused, false);
      assert.deepEqual([b.name, b.fetchLinked, b.allowPrivate], ['Bee', false, true]);
      assert.equal((await store.get(a.id))?.feedUrl, a.feedUrl);
      assert.equal((await store.get(a.id.slice(0, 6)))?.id, a.id);
      assert.equal((await store.get('https://b.example/atom'))?.id, b.id);
      assert.equal(await store.get('nope'), undefined);
      assert.deepEqual((await store.list()).map((s) => s.id), [a.id, b.id]);
      await assert.rejects(store.add({ feedUrl: 'https://a.example/rss', addedAt: at(2) }), (error: unknown) =>
        error instanceof DuplicateSourceError && error.existing.id === a.id);
    }));

    test('due and active leave out paused and disabled sources; resume clears failures', () => withStore(engine, async (kronika) => {
      const store = kronika.sources;
      const a = await store.add({ feedUrl: 'https://a.example/rss', addedAt: T0 });
      const b = await store.add({ feedUrl: 'https://b.example/rss', addedAt: T0 });
      const c = await store.add({ feedUrl: 'https://c.example/rss', addedAt: at(5) });
      await store.update(b.id, { paused: true });
      let failing = initialState(T0);
      failing = advance(failing, { kind: 'failed', failure: 'gone', message: 'HTTP 410 Gone', status: 410 }, Date.parse(T0), undefined, () => 0);
      await store.recordPoll(pollRecord(c.id, { state: failing, log: { at: T0, status: 410, outcome: 'failed', newArticles: 0, error: 'HTTP 410 Gone', durationMs: 3 } }));
      assert.deepEqual((await store.due(T0)).map((s) => s.id), [a.id]);
      assert.deepEqual((await store.active()).map((s) => s.id), [a.id]);
      assert.equal(await store.nextCheckAt(), T0);
      const disabled = await store.get(c.id);
      assert.match(disabled!.state.disabledReason!, /HTTP 410 Gone/);
      assert.equal(disabled!.state.lastStatus, 410);

      const resumed = await store.update(c.id, { resumeAt: at(60) });
      assert.equal(resumed!.state.disabledReason, undefined);
      assert.equal(resumed!.state.failureScore, 0);
      assert.equal(resumed!.state.consecutiveErrors, 0);
      assert.equal(resumed!.state.nextCheckAt, at(60));
      assert.equal(resumed!.state.lastError, 'HTTP 410 Gone', 'the last error stays on record');
      const unpaused = await store.update(b.id, { paused: false, name: 'Nazwa', fetchLinked: false });
      assert.deepEqual([unpaused!.paused, unpaused!.name, unpaused!.fetchLinked], [false, 'Nazwa', false]);
      assert.equal((await store.update(b.id, { name: null }))!.name, undefined, 'a null name drops it');
    }));

    test('a poll\'s state, items and log are written together and survive a reopen', () => withStore(engine, async (kronika, connect) => {
      const store = kronika.sources;
      const a = await store.add({ feedUrl: 'https://a.example/rss', addedAt: T0 });
      const b = await store.add({ feedUrl: 'https://b.example/rss', addedAt: T0 });
      await store.recordPoll(pollRecord(a.id, {
        metadata: { title: 'Serwis A', homePage: 'https://a.example/', language: 'pl' },
        items: [
          { guid: 'g1', urlKey: 'https://a.example/1', url: 'https://a.example/1', articleId: 'art1', contentHash: 'h1', lastChangedAt: T0 },
          { guid: 'g2', urlKey: 'https://shared.example/x', url: 'https://shared.example/x', contentHash: 'h2', lastChangedAt: T0 },
        ],
      }));
      await store.recordPoll(pollRecord(b.id, { items: [{ guid: 'g1', urlKey: 'https://b.example/1', contentHash: 'hb', lastChangedAt: T0 }] }));
      const found = await store.findItems(a.id, ['g1', 'g9'], ['https://shared.example/x', 'https://b.example/1']);
      assert.deepEqual(found.map((i) => `${i.sourceId === a.id ? 'a' : 'b'}:${i.guid}`).sort(), ['a:g1', 'a:g2', 'b:g1'],
        'GUIDs match within the source, URLs across sources');
      const g1 = found.find((i) => i.guid === 'g1' && i.sourceId === a.id)!;
      assert.equal(g1.articleId, 'art1');

      await store.recordPoll(pollRecord(a.id, {
        state: { ...initialState(T0), nextCheckAt: at(90), etag: '"e2"' },
        items: [{ id: g1.id, guid: 'g1', urlKey: g1.urlKey, articleId: 'art1b', contentHash: 'h1b', lastChangedAt: at(60) }],
        log: { at: at(60), status: 200, outcome: 'fetched', newArticles: 1, durationMs: 20 },
      }));
      await kronika.close();
      const again = (await connect()).sources;
      const source = (await again.get(a.id))!;
      assert.deepEqual([source.title, source.homePage, source.language], ['Serwis A', 'https://a.example/', 'pl'], 'metadata kept when a later poll has none');
      assert.equal(source.itemsSeen, 2, 'an updated item is not counted twice');
      assert.equal(source.state.etag, '"e2"');
      assert.equal(source.state.nextCheckAt, at(90));
      const [updated] = await again.findItems(a.id, ['g1'], []);
      assert.deepEqual([updated!.articleId, updated!.contentHash, updated!.lastChangedAt, updated!.firstSeenAt], ['art1b', 'h1b', at(60), T0]);
      const polls = await again.recentPolls(a.id, 10);
      assert.deepEqual(polls.map((p) => p.at), [at(60), T0], 'newest first');
    }));

    test('the poll history is kept short; removing a source drops its items and history', () => withStore(engine, async (kronika) => {
      const store = kronika.sources;
      const a = await store.add({ feedUrl: 'https://a.example/rss', addedAt: T0 });
      for (let i = 0; i < 30; i++) {
        await store.recordPoll(pollRecord(a.id, { log: { at: at(i), outcome: 'not-modified', status: 304, newArticles: 0, durationMs: 1 } }));
      }
      const polls = await store.recentPolls(a.id, 100);
      assert.equal(polls.length, 20);
      assert.equal(polls[0]!.at, at(29));
      await store.recordPoll(pollRecord(a.id, { items: [{ guid: 'g', contentHash: 'h', lastChangedAt: T0 }] }));
      assert.equal(await store.remove(a.id), true);
      assert.equal(await store.remove(a.id), false);
      assert.deepEqual(await store.findItems(a.id, ['g'], []), []);
      assert.deepEqual(await store.recentPolls(a.id, 5), []);
    }));

    test('an article from a source carries its source id; a correction names the article it corrects', () => withStore(engine, async (kronika) => {
      const source = await kronika.sources.add({ feedUrl: 'https://a.example/rss', addedAt: T0 });
      const [original, other] = seedArticles;
      const first = { ...original!, url: 'https://a.example/1', sourceId: source.id };
      // The corrected text is another article; the poller names the one it corrects.
      const corrected = { ...other!, url: 'https://a.example/1?v=2', sourceId: source.id, revisionOf: first.id };
      const outcomes = await kronika.articles.save([first, corrected]);
      assert.deepEqual(outcomes.map((o) => o.status === 'stored' && (o.revisionOf ?? null)), [null, first.id]);
      const back = await kronika.articles.get(corrected.id);
      assert.deepEqual([back?.sourceId, back?.revisionOf], [source.id, first.id]);
      assert.deepEqual((await kronika.articles.list({ sourceId: source.id })).map((a) => a.id), [first.id, corrected.id]);
    }));

    test('a poll lease is taken by one poller at a time, only on a due source unless forced, and released by the poll', () => withStore(engine, async (kronika) => {
      const store = kronika.sources;
      const a = await store.add({ feedUrl: 'https://a.example/rss', addedAt: T0 });
      assert.equal((await store.lease(a.id, T0, at(10)))?.id, a.id, 'due: taken');
      assert.equal(await store.lease(a.id, at(1), at(11)), undefined, 'held by another poller');
      assert.equal(await store.lease(a.id, at(1), at(11), { force: true }), undefined, 'forcing skips the schedule, not the lease');
      assert.equal((await store.lease(a.id, at(10), at(20)))?.id, a.id, 'an expired lease is taken again');
      await store.recordPoll(pollRecord(a.id));
      assert.equal(await store.lease(a.id, at(11), at(21)), undefined, 'polled: not due until its next check');
      assert.equal((await store.lease(a.id, at(11), at(21), { force: true }))?.id, a.id, 'forced: taken, the poll released the lease');
      await store.update(a.id, { paused: true });
      await store.recordPoll(pollRecord(a.id, { state: { ...initialState(T0), nextCheckAt: T0 } }));
      assert.equal(await store.lease(a.id, at(40), at(50)), undefined, 'a paused source is not due');
    }));

    test('robots.txt records by origin', () => withStore(engine, async (kronika) => {
      const store = kronika.sources;
      assert.equal(await store.readRobots('https://a.example'), undefined);
      await store.saveRobots({ origin: 'https://a.example', status: 200, body: 'User-agent: *\nDisallow: /x', fetchedAt: T0 });
      await store.saveRobots({ origin: 'https://a.example', status: 404, fetchedAt: at(60) });
      assert.deepEqual(await store.readRobots('https://a.example'), { origin: 'https://a.example', status: 404, fetchedAt: at(60) });
    }));
  });
}
