/** A temp SQLite store for app tests, closed and deleted after the test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

export async function withTempStore<T>(body: (store: Store, path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-app-'));
  const path = join(dir, 'kronika.db');
  const store = await openStore(path);
  try {
    return await body(store, path);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
