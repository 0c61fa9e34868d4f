import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteSourceStore } from '../../src/store/sqlite/source-store.ts';
import { runSourceStoreContract } from './store-contract.ts';

runSourceStoreContract('sqlite', {
  async open() {
    const path = join(mkdtempSync(join(tmpdir(), 'kronika-sources-')), 'test.db');
    return { store: openSqliteSourceStore(path), reopen: async () => openSqliteSourceStore(path) };
  },
});
