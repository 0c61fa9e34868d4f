/** Contract: per-stage cursors (store.cursors). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withStore, type StoreUnderTest } from './harness.ts';

export function cursorsContract(engine: StoreUnderTest): void {
  describe('cursors', () => {
    test('start at 0, only move forward with advance, are set exactly by reset, survive a reopen', () => withStore(engine, async (store, connect) => {
      assert.equal(await store.cursors.get('analyse'), 0);
      assert.deepEqual(await store.cursors.all(), {});
      await store.cursors.advance('analyse', 7);
      await store.cursors.advance('analyse', 5);
      assert.equal(await store.cursors.get('analyse'), 7, 'a lagging runner never moves a cursor back');
      await store.cursors.advance('cluster', 3);
      assert.deepEqual(await store.cursors.all(), { analyse: 7, cluster: 3 });
      await store.cursors.reset('cluster', 0);
      assert.equal(await store.cursors.get('cluster'), 0, 'reset moves it back on purpose');
      await store.close();
      const again = await connect();
      assert.deepEqual(await again.cursors.all(), { analyse: 7, cluster: 0 });
    }));

    test('a cursor advanced in a failed transaction stays where it was', () => withStore(engine, async (store) => {
      await store.cursors.advance('index', 2);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.cursors.advance('index', 9);
        assert.equal(await tx.cursors.get('index'), 9, 'the transaction sees its own write');
        throw new Error('stage failed');
      }), /stage failed/);
      assert.equal(await store.cursors.get('index'), 2);
    }));
  });
}
