/**
 * Migration 010 (src/store/sqlite/migrations/010-digests.ts) on a store whose analyses were stored
 * before the digest tables existed: it fills them from the stored analyses with exactly what
 * `analyses.put` writes, so listings read the same before and after.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { digestsOf, seedArticles, storedAnalysis } from '../contract/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'kronika-010-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('migration 010 fills the digests of the analyses stored before it, as put writes them', async () => {
  const path = join(root, 'kronika.db');
  const store = await openSqliteStore(path);
  await store.articles.save(seedArticles);
  await store.analyses.put(seedArticles.map((a) => storedAnalysis(a)));
  const written = await digestsOf(store);
  await store.close();
  assert.ok(written.forms.length === seedArticles.length && written.timeline.length > 10);

  // Back to the layout before 010: the analyses alone.
  const db = new Database(path);
  db.exec('DROP TABLE analysis_entities; DROP TABLE analysis_times; DELETE FROM schema_migrations WHERE version = 10');
  db.close();

  const migrated = await openSqliteStore(path);
  try {
    assert.deepEqual(await digestsOf(migrated), written);
  } finally {
    await migrated.close();
  }
});
