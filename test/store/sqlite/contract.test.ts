/** The store contract (test/store/contract) on SQLite files in a temp folder. */
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { runStoreContract } from '../contract/index.ts';

const root = mkdtempSync(join(tmpdir(), 'kronika-contract-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

runStoreContract({
  name: 'sqlite',
  async open() {
    const dir = join(root, `db-${++counter}`);
    return {
      connect: () => openSqliteStore(join(dir, 'kronika.db')),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
