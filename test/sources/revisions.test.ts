/**
 * Corrections have one truth: the article's `revisionOf`. A store that recorded them in the
 * `article_revisions` side table of migration 007 keeps them through migration 008.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/sqlite/connection.ts';
import { migrate } from '../../src/store/sqlite/migrate.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';

test('migration 008 moves recorded revisions onto the articles and drops the side table', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'kronika-revisions-')), 'k.db');
  openDatabase(path, { readonly: false }, (db) => {
    migrate(db, MIGRATIONS.filter((m) => m.version <= 7));
    const insert = db.prepare(`INSERT INTO articles (id, seq, origin, format, url, language, text, ingested_at)
      VALUES (?, ?, 'feed', 'feed', ?, 'pl', 'Tekst.', '2026-03-02T06:00:00.000Z')`);
    insert.run('a1', 1, 'https://a.example/1');
    insert.run('a2', 2, 'https://a.example/1-poprawiony');
    insert.run('a3', 3, 'https://a.example/3');
    db.prepare(`INSERT INTO article_revisions (article_id, revision_of, detected_at) VALUES (?, ?, ?)`).run('a2', 'a1', '2026-03-02T07:00:00.000Z');
    // A link to an article no longer stored cannot become a foreign key: it is dropped.
    db.prepare(`INSERT INTO article_revisions (article_id, revision_of, detected_at) VALUES (?, ?, ?)`).run('a3', 'gone', '2026-03-02T07:00:00.000Z');
    db.close();
  });
  const store = await openSqliteStore(path);
  try {
    assert.equal((await store.articles.get('a2'))?.revisionOf, 'a1');
    assert.equal((await store.articles.get('a1'))?.revisionOf, undefined);
    assert.equal((await store.articles.get('a3'))?.revisionOf, undefined);
  } finally {
    await store.close();
  }
  openDatabase(path, { readonly: true }, (db) => {
    assert.equal(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'article_revisions'`).pluck().get(), 0);
    db.close();
  });
});
