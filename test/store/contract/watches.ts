/** Contract: saved searches and their alert delivery state (store.watches). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedArticles } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

export function watchesContract(engine: StoreUnderTest): void {
  describe('watches', () => {
    test('a match is recorded once, failures stay pending and counted, all survive a reopen', () => withStore(engine, async (store, connect) => {
      const [a, b] = seedArticles;
      await store.articles.save([a!, b!]);
      const watch = await store.watches.add({ query: 'Kim Dzong Un', language: 'pl', webhook: 'http://127.0.0.1:9/hook' }, '2026-01-01T00:00:00.000Z');
      assert.match(watch.id, /^[0-9a-f]{8,}$/, 'id');
      assert.deepEqual({ ...watch, id: '' }, {
        id: '', query: 'Kim Dzong Un', language: 'pl', webhook: 'http://127.0.0.1:9/hook',
        createdAt: '2026-01-01T00:00:00.000Z', failures: 0, pending: 0,
      }, 'no source, no error, never fired: those fields are absent');

      const at = '2026-01-01T01:00:00.000Z';
      assert.deepEqual(await store.watches.recordMatches(watch.id, [{ articleId: a!.id, sentence: 'S1' }, { articleId: b!.id, sentence: 'S2' }], at), [a!.id, b!.id]);
      assert.deepEqual(await store.watches.recordMatches(watch.id, [{ articleId: a!.id, sentence: 'again' }], at), [], 'a recorded article is never recorded again');
      assert.deepEqual((await store.watches.pending(watch.id)).map((m) => [m.articleId, m.sentence]), [[a!.id, 'S1'], [b!.id, 'S2']]);

      const until = '2026-01-01T01:05:00.000Z';
      assert.equal((await store.watches.claim(watch.id, at, until))?.articleId, a!.id, 'oldest pending claimed first');
      assert.equal((await store.watches.claim(watch.id, at, until))?.articleId, b!.id, 'a claimed match is skipped');
      assert.equal(await store.watches.claim(watch.id, at, until), undefined, 'all claimed');
      assert.equal((await store.watches.claim(watch.id, '2026-01-01T01:06:00.000Z', '2026-01-01T01:07:00.000Z'))?.articleId, a!.id,
        'an expired claim is free again');
      await store.watches.recordDelivery(watch.id, a!.id, { status: 'failed', error: 'HTTP 500', attempts: 3 }, at);
      assert.equal((await store.watches.claim(watch.id, at, until))?.articleId, a!.id, 'a failed delivery releases its claim');
      await store.watches.recordDelivery(watch.id, b!.id, { status: 'delivered' }, '2026-01-01T02:00:00.000Z');
      await store.close();

      const again = await connect();
      const back = await again.watches.get(watch.id);
      assert.equal(back?.failures, 3, 'failed tries counted');
      assert.equal(back?.lastFired, '2026-01-01T02:00:00.000Z', 'lastFired');
      assert.equal(back?.lastError, undefined, 'a later success clears lastError');
      assert.equal(back?.pending, 1, 'the failed alert is still pending');
      const [pending] = await again.watches.pending(watch.id);
      assert.deepEqual([pending?.articleId, pending?.attempts, pending?.lastError], [a!.id, 3, 'HTTP 500']);
      assert.deepEqual(await again.watches.recordMatches(watch.id, [{ articleId: b!.id, sentence: 'S2' }], at), [], 'delivered stays recorded after reopen');

      await again.watches.recordDelivery(watch.id, a!.id, { status: 'failed', error: 'timed out', attempts: 1 }, at);
      assert.equal((await again.watches.get(watch.id))?.lastError, 'timed out');
      const other = await again.watches.add({ query: 'Putin' }, '2026-01-02T00:00:00.000Z');
      assert.deepEqual((await again.watches.list()).map((w) => w.id), [watch.id, other.id], 'oldest first');
      assert.equal(await again.watches.remove(watch.id), true);
      assert.equal(await again.watches.remove(watch.id), false, 'already gone');
      assert.deepEqual(await again.watches.pending(watch.id), [], 'its matches went with it');
      assert.deepEqual((await again.watches.list()).map((w) => w.id), [other.id]);
      assert.equal(await again.watches.get('00000000'), undefined);
    }));

    test('two runs claiming at once never get the same match', () => withStore(engine, async (store, connect) => {
      await store.articles.save(seedArticles);
      const other = await connect();
      const watch = await store.watches.add({ query: 'Putin' }, '2026-01-01T00:00:00.000Z');
      const at = '2026-01-01T01:00:00.000Z';
      await store.watches.recordMatches(watch.id, seedArticles.map((a) => ({ articleId: a.id, sentence: a.id })), at);
      const until = '2026-01-01T01:05:00.000Z';
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : store).watches.claim(watch.id, at, until)));
      const claimed = claims.flatMap((c) => (c ? [c.articleId] : []));
      assert.equal(claimed.length, seedArticles.length, 'every match claimed once, the rest found nothing');
      assert.equal(new Set(claimed).size, claimed.length, 'no match claimed twice');
    }));
  });
}
