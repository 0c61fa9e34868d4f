/**
 * The store contract (test/store/contract) on PostgreSQL: a fresh database per test on the test
 * server (test/helpers/postgres.ts), skipped with the reason where there is none.
 */
import { describe } from 'node:test';
import { openPostgresStore } from '../../../src/store/postgres/index.ts';
import { createTestDatabase, postgresSkip } from '../../helpers/postgres.ts';
import { runStoreContract } from '../contract/index.ts';

const skip = postgresSkip();
if (skip) {
  describe('store contract: postgres', { skip }, () => {});
} else {
  runStoreContract({
    name: 'postgres',
    async open() {
      const db = await createTestDatabase();
      return { connect: () => openPostgresStore(db.url), drop: db.drop };
    },
  });
}
