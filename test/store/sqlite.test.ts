/** The SQLite backend: the shared contract on temp files, plus what only SQLite has (migrations, WAL, read-only). */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.ts';
import { migrate, SchemaVersionError } from '../../src/store/sqlite/migrate.ts';
import { runStoreContract } from './contract.ts';
import { readSeeds, seedArticle } from './articles.ts';

const root = mkdtempSync(join(tmpdir(), 'kronika-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function freshPath(): string {
  return join(root, `db-${++counter}`, 'kronika.db');
}

runStoreContract('sqlite', {
  fresh() {
    const path = freshPath();
    return () => openSqliteStore(path);
  },
});

describe('sqlite specifics', () => {
  test('creates parent directories and sets WAL, synchronous=NORMAL, foreign keys', () => {
    const path = join(root, 'nested', 'deeper', 'k.db');
    openSqliteStore(path).close();
    assert.ok(existsSync(path));
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
    // synchronous and foreign_keys are per connection: check through a store's own behaviour.
    const store = openSqliteStore(path);
    try {
      const seed = readSeeds()[0];
      assert.throws(() => store.saveArticles([seedArticle(seed, { duplicateOf: 'ffffffffffffffff' })]),
        /FOREIGN KEY/, 'foreign keys are enforced');
    } finally {
      store.close();
    }
  });

  test('migrations apply once, in order, and record themselves', () => {
    const path = freshPath();
    openSqliteStore(path).close();
    openSqliteStore(path).close();
    const db = new Database(path);
    try {
      const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(rows, MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      assert.deepEqual(migrate(db, MIGRATIONS), [], 'nothing left to apply on a migrated file');
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      assert.deepEqual(tables, ['article_bands', 'articles', 'entity_names', 'schema_migrations', 'stage_state', 'stories', 'story_centroids',
        'story_entities', 'story_members', 'story_meta', 'story_postings', 'story_terms', 'watch_matches', 'watches']);
    } finally {
      db.close();
    }
  });

  test('a new migration is applied on reopen without touching data; a failing one rolls back', () => {
    const path = freshPath();
    const seed = readSeeds()[1];
    const store = openSqliteStore(path);
    store.saveArticles([seedArticle(seed)]);
    store.close();

    const db = new Database(path);
    try {
      const next = Math.max(...MIGRATIONS.map((m) => m.version)) + 1;
      const added = [...MIGRATIONS, {
        version: next, name: 'test-notes',
        up: (d: Database.Database) => d.exec('CREATE TABLE test_notes (id INTEGER PRIMARY KEY)'),
      }];
      assert.deepEqual(migrate(db, added), [next]);
      assert.deepEqual(migrate(db, added), [], 'second run applies nothing');

      const broken = [...added, {
        version: next + 1, name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (id INTEGER)');
          throw new Error('boom');
        },
      }];
      assert.throws(() => migrate(db, broken), /boom/);
      const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      assert.equal(names.includes('half_done'), false, 'the failed migration left no table');
      assert.equal(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get(), next);
      assert.equal(db.prepare('SELECT COUNT(*) FROM articles').pluck().get(), 1, 'data untouched');

      // The file now claims a version this code does not know: a plain open must refuse it.
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(next + 5, 'from-the-future', new Date().toISOString());
    } finally {
      db.close();
    }
    assert.throws(() => openSqliteStore(path), SchemaVersionError);
  });

  test('read-only open reads a migrated file and refuses writes and missing files', () => {
    const path = freshPath();
    const seeds = readSeeds();
    const writer = openSqliteStore(path);
    writer.saveArticles(seeds.map((s) => seedArticle(s)));
    const reader = openSqliteStore(path, { readonly: true });
    try {
      assert.equal(reader.countArticles(), seeds.length, 'sees committed data while the writer is open');
      assert.throws(() => reader.saveArticles([seedArticle(seeds[0], { id: 'feedfeedfeedfeed' })]), /readonly/i);
    } finally {
      reader.close();
      writer.close();
    }
    assert.throws(() => openSqliteStore(join(root, 'missing', 'none.db'), { readonly: true }));
    assert.equal(existsSync(join(root, 'missing')), false, 'read-only open creates nothing');
  });

  test('two connections writing to one file keep every article', () => {
    const path = freshPath();
    const seeds = readSeeds();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      a.saveArticles(seeds.slice(0, 3).map((s) => seedArticle(s)));
      b.saveArticles(seeds.slice(2).map((s) => seedArticle(s)));
      assert.equal(a.countArticles(), seeds.length, 'the overlapping article is stored once');
      assert.deepEqual(a.listArticles().map((x) => x.id), seeds.map((s) => seedArticle(s).id), 'ingest order across connections');
    } finally {
      a.close();
      b.close();
    }
  });
});
