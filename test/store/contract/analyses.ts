/** Contract: stored analyses (store.analyses). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedArticle } from '../articles.ts';
import { payloadOf, seedArticles, seeds, storedAnalysis } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

export function analysesContract(engine: StoreUnderTest): void {
  describe('analyses', () => {
    test('a stored analysis comes back equal, with its version; put replaces', () => withStore(engine, async (store, connect) => {
      const [a, b] = seedArticles;
      await store.articles.save([a!, b!]);
      assert.equal(await store.analyses.get(a!.id), undefined, 'none before the analyse stage');
      await store.analyses.put([storedAnalysis(a!, 1), storedAnalysis(b!, 1)]);
      assert.deepEqual(await store.analyses.get(a!.id), { articleId: a!.id, version: 1, payload: payloadOf(a!) });
      await store.analyses.put([storedAnalysis(a!, 2)]);
      assert.equal((await store.analyses.get(a!.id))?.version, 2, 'replaced, not duplicated');
      assert.deepEqual(await store.analyses.versions(), { 1: 1, 2: 1 });
      await store.close();
      const again = await connect();
      assert.deepEqual(await again.analyses.get(b!.id), { articleId: b!.id, version: 1, payload: payloadOf(b!) }, 'kept across a reopen');
    }));

    test('getMany answers the stored ones by id', () => withStore(engine, async (store) => {
      await store.articles.save(seedArticles);
      await store.analyses.put(seedArticles.slice(0, 3).map((a) => storedAnalysis(a)));
      const ids = [seedArticles[4]!.id, seedArticles[0]!.id, seedArticles[2]!.id];
      const found = await store.analyses.getMany(ids);
      assert.deepEqual([...found.keys()].sort(), [seedArticles[0]!.id, seedArticles[2]!.id].sort());
      assert.deepEqual(found.get(seedArticles[2]!.id)?.payload, payloadOf(seedArticles[2]!));
      assert.equal((await store.analyses.getMany([])).size, 0);
    }));

    test('outdated lists articles never analysed or analysed by another version, in seq order after a cursor', () => withStore(engine, async (store) => {
      await store.articles.save(seedArticles);
      const all = await store.articles.after(0, 10);
      await store.analyses.put([storedAnalysis(seedArticles[0]!, 3), storedAnalysis(seedArticles[1]!, 2), storedAnalysis(seedArticles[3]!, 3)]);
      const outdated = await store.analyses.outdated(3, 0, 10);
      assert.deepEqual(outdated.map((o) => o.articleId), [1, 2, 4].map((i) => all[i]!.id));
      assert.deepEqual(outdated.map((o) => o.seq), [1, 2, 4].map((i) => all[i]!.seq));
      assert.equal(outdated[0]!.version, 2, 'the version stored now');
      assert.equal('version' in outdated[1]!, false, 'never analysed: no version');
      assert.deepEqual((await store.analyses.outdated(3, all[1]!.seq, 1)).map((o) => o.articleId), [all[2]!.id], 'after a seq, limited');
      assert.deepEqual(await store.analyses.outdated(3, all[4]!.seq, 10), []);
    }));

    test('an analysis of an article the store does not hold is refused', () => withStore(engine, async (store) => {
      const stranger = seedArticle(seeds[0]!);
      await assert.rejects(store.analyses.put([storedAnalysis(stranger)]));
      assert.deepEqual(await store.analyses.versions(), {});
    }));
  });
}
