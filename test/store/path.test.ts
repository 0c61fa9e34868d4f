/** resolveDbPath: --db flag, else $KRONIKA_DB, else ./kronika.db in the current directory. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { resolveDbPath } from '../../src/store/path.ts';

test('the flag wins over the environment', () => {
  assert.equal(resolveDbPath('data/news.db', { KRONIKA_DB: '/srv/kronika.db' }), resolve('data/news.db'));
});

test('the environment wins over the default', () => {
  assert.equal(resolveDbPath(undefined, { KRONIKA_DB: '/srv/kronika.db' }), '/srv/kronika.db');
});

test('default is kronika.db in the current directory; empty values count as unset', () => {
  assert.equal(resolveDbPath(undefined, {}), join(process.cwd(), 'kronika.db'));
  assert.equal(resolveDbPath('', { KRONIKA_DB: '' }), join(process.cwd(), 'kronika.db'));
});

test(':memory: passes through untouched', () => {
  assert.equal(resolveDbPath(':memory:', {}), ':memory:');
});
