/** resolveStoreLocation: --db flag, else $KRONIKA_DB, else ./kronika.db; URLs pass through untouched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, resolveStoreLocation, StoreLocationError } from '../../src/store/index.ts';

test('the flag wins over the environment', () => {
  assert.equal(resolveStoreLocation('data/news.db', { KRONIKA_DB: '/srv/kronika.db' }), resolve('data/news.db'));
});

test('the environment wins over the default', () => {
  assert.equal(resolveStoreLocation(undefined, { KRONIKA_DB: '/srv/kronika.db' }), '/srv/kronika.db');
});

test('default is kronika.db in the current directory; empty values count as unset', () => {
  assert.equal(resolveStoreLocation(undefined, {}), join(process.cwd(), 'kronika.db'));
  assert.equal(resolveStoreLocation('', { KRONIKA_DB: '' }), join(process.cwd(), 'kronika.db'));
});

test(':memory: and URLs pass through untouched', () => {
  assert.equal(resolveStoreLocation(':memory:', {}), ':memory:');
  assert.equal(resolveStoreLocation('postgres://kronika@db.example/news', {}), 'postgres://kronika@db.example/news');
  assert.equal(resolveStoreLocation(undefined, { KRONIKA_DB: 'postgresql://db/k' }), 'postgresql://db/k');
});

test('openStore sends a PostgreSQL URL to the server (an unreachable one is one line, password hidden) and refuses unknown schemes, creating nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-open-'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await assert.rejects(openStore('postgres://kronika:secret@127.0.0.1:1/news'), (error: unknown) =>
      error instanceof StoreLocationError && /cannot connect/.test(error.message)
      && !error.message.includes('secret') && !error.message.includes('\n'));
    await assert.rejects(openStore('postgresql://127.0.0.1:1/news'), StoreLocationError);
    await assert.rejects(openStore('mysql://localhost/news'), /unsupported store URL scheme "mysql:"/);
    assert.deepEqual(readdirSync(dir), [], 'no folder named postgres: or anything else');
    assert.equal(existsSync(join(dir, 'postgres:')), false);
  } finally {
    process.chdir(cwd);
  }
});
