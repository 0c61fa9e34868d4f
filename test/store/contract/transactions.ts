/**
 * Contract: transactions and concurrent writers. Several stores over one database stand in for
 * several processes (a CLI ingest while the server runs, or workers).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../../../src/types.ts';
import { makeArticle } from '../articles.ts';
import { seedArticles, storedAnalysis } from './fixtures.ts';
import { withStore, type StoreUnderTest } from './harness.ts';

/** `n` short distinct articles. */
function smallArticles(n: number, tag: string): Article[] {
  return Array.from({ length: n }, (_, i) => makeArticle(`Artykuł ${tag} numer ${i}: posłowie ${tag} głosowali w sprawie ${i} ustaw.`));
}

export function transactionsContract(engine: StoreUnderTest): void {
  describe('transactions', () => {
    test('everything written through tx commits together', () => withStore(engine, async (store) => {
      const [a] = seedArticles;
      const result = await store.transaction(async (tx) => {
        const [outcome] = await tx.articles.save([a!]);
        assert.equal((await tx.articles.get(a!.id))?.id, a!.id, 'tx reads see its own writes');
        await tx.analyses.put([storedAnalysis(a!)]);
        await tx.cursors.advance('analyse', outcome?.status === 'stored' ? outcome.seq : 0);
        return 'done';
      });
      assert.equal(result, 'done', 'the work\'s value is returned');
      assert.equal((await store.articles.get(a!.id))?.id, a!.id);
      assert.ok(await store.analyses.get(a!.id));
      assert.equal(await store.cursors.get('analyse'), await store.articles.lastSeq());
    }));

    test('a throwing transaction keeps nothing of any concern and rethrows', () => withStore(engine, async (store) => {
      const [a, b] = seedArticles;
      await store.articles.save([a!]);
      const watch = await store.watches.add({ query: 'Putin' }, '2026-01-01T00:00:00.000Z');
      await assert.rejects(store.transaction(async (tx) => {
        await tx.articles.save([b!]);
        await tx.analyses.put([storedAnalysis(a!)]);
        await tx.watches.recordMatches(watch.id, [{ articleId: a!.id, sentence: 'S' }], '2026-01-01T01:00:00.000Z');
        await tx.cursors.advance('alert', 99);
        throw new RangeError('boom');
      }), RangeError);
      assert.equal(await store.articles.get(b!.id), undefined);
      assert.equal(await store.analyses.get(a!.id), undefined);
      assert.deepEqual(await store.watches.pending(watch.id), []);
      assert.equal(await store.cursors.get('alert'), 0);
      assert.equal(await store.articles.count(), 1, 'the store is usable after a rollback');
    }));

    test('a writer waits for another writer instead of failing; readers neither wait nor see uncommitted rows', () => withStore(engine, async (store, connect) => {
      const other = await connect();
      const [x, y] = seedArticles;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => { entered = resolve; });
      const first = store.transaction(async (tx) => {
        await tx.articles.save([x!]);
        entered();
        await gate;
      });
      await inside;
      let secondDone = false;
      const second = other.articles.save([y!]).then((outcomes) => {
        secondDone = true;
        return outcomes;
      });
      assert.equal(await other.articles.get(x!.id), undefined, 'another connection does not see the open transaction');
      assert.equal(await store.articles.get(x!.id), undefined, 'nor do reads outside the transaction');
      assert.equal(await other.articles.count(), 0, 'a read is answered while the writer holds the database');
      await sleep(100);
      assert.equal(secondDone, false, 'the second writer is still waiting');
      release();
      await first;
      const [outcome] = await second;
      const xSeq = (await store.articles.get(x!.id))?.seq ?? Infinity;
      assert.ok(outcome?.status === 'stored' && outcome.seq > xSeq, 'the writer that committed later has the higher seq');
    }));

    test('concurrent writers on two connections: every article stored once, a cursor reader misses none', () => withStore(engine, async (store, connect) => {
      const other = await connect();
      const batches = [smallArticles(30, 'alfa'), smallArticles(30, 'beta')];
      const expected = batches.flat().map((a) => a.id);
      const seen: string[] = [];
      let cursor = 0;
      let writing = true;
      const deadline = Date.now() + 60_000;
      const reader = (async () => {
        // Pages by cursor while the writers run, as a stage does: whatever it reads once it has
        // passed must never be followed by a lower seq showing up. (The deadline only ends a
        // broken engine's run; the assertion below then names what was missed.)
        while ((writing || seen.length < expected.length) && Date.now() < deadline) {
          const page = await other.articles.after(cursor, 7);
          for (const article of page) {
            assert.ok(article.seq > cursor, 'after() answers in seq order');
            seen.push(article.id);
            cursor = article.seq;
          }
          if (page.length === 0) await sleep(5);
        }
      })();
      await Promise.all(batches.map(async (articles, i) => {
        for (let k = 0; k < articles.length; k += 3) await (i === 0 ? store : other).articles.save(articles.slice(k, k + 3));
      }));
      writing = false;
      await reader;
      assert.equal(await store.articles.count(), expected.length);
      assert.deepEqual([...seen].sort(), [...expected].sort(), 'the cursor reader saw each article exactly once');
      const all = await store.articles.after(0, 1000);
      assert.equal(new Set(all.map((a) => a.seq)).size, all.length, 'unique seq');
    }));
  });
}
