/** What only the SQLite engine has: the file and its pragmas, migrations, read-only opens, its write queue. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { PAGE_SIZE } from '../../../src/store/sqlite/connection.ts';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations/index.ts';
import { migrate, SchemaVersionError } from '../../../src/store/sqlite/migrate.ts';
import { StoreBusyError } from '../../../src/store/store.ts';
import { readSeeds, seedArticle } from '../articles.ts';

const root = mkdtempSync(join(tmpdir(), 'kronika-sqlite-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function freshPath(): string {
  return join(root, `db-${++counter}`, 'kronika.db');
}

describe('sqlite specifics', () => {
  test('creates parent directories and sets WAL, the page size, synchronous=NORMAL, foreign keys', async () => {
    const path = join(root, 'nested', 'deeper', 'k.db');
    await (await openSqliteStore(path)).close();
    assert.ok(existsSync(path));
    const db = new Database(path, { readonly: true });
    try {
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('page_size', { simple: true }), PAGE_SIZE, 'a new file gets the larger pages');
    } finally {
      db.close();
    }
    // synchronous and foreign_keys are per connection: check through a store's own behaviour.
    const store = await openSqliteStore(path);
    try {
      const seed = readSeeds()[0]!;
      await assert.rejects(store.articles.save([seedArticle(seed, { duplicateOf: 'ffffffffffffffff' })]), /FOREIGN KEY/, 'foreign keys are enforced');
    } finally {
      await store.close();
    }
  });

  test('migrations apply once, in order, and record themselves', async () => {
    const path = freshPath();
    await (await openSqliteStore(path)).close();
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    try {
      const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(rows, MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      assert.deepEqual(migrate(db, MIGRATIONS), [], 'nothing left to apply on a migrated file');
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all();
      assert.deepEqual(tables, ['analyses', 'analysis_entities', 'analysis_times', 'article_bands', 'articles', 'entity_names', 'robots_txt', 'schema_migrations',
        'search_documents', 'search_fts', 'source_items', 'source_polls', 'sources', 'stage_cursors', 'stage_state', 'stories', 'story_centroids',
        'story_entities', 'story_members', 'story_meta', 'story_postings', 'story_terms', 'watch_matches', 'watches']);
    } finally {
      db.close();
    }
  });

  test('a store made before the stream (migrations 1–3) upgrades with its articles intact', async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const old = MIGRATIONS.filter((m) => m.version <= 3);
    const db = new Database(path);
    migrate(db, old);
    const seed = seedArticle(readSeeds()[1]!);
    db.prepare(`INSERT INTO articles (id, seq, origin, format, language, text, removed, ingested_at)
      VALUES (?, 1, ?, 'text', 'pl', ?, '[]', ?)`).run(seed.id, seed.origin, seed.text, seed.ingestedAt);
    // The old SearchIndex created its tables outside the migrations; 005 replaces them.
    db.exec(`CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE VIRTUAL TABLE search_fts USING fts5(surface, lemmas)`);
    db.close();
    const store = await openSqliteStore(path);
    try {
      assert.equal((await store.articles.get(seed.id))?.text, seed.text);
      assert.equal(await store.articles.lastSeq(), 1);
      assert.equal(await store.search.count(), 0, 'the index is rebuilt by the index stage, from its cursor at 0');
      assert.equal(await store.cursors.get('index'), 0);
    } finally {
      await store.close();
    }
  });

  test('a store that has a later migration but lacks earlier ones (1–3 and 7) gets the missing ones', async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3 || m.version === 7));
    assert.deepEqual(migrate(db, MIGRATIONS), [4, 5, 6, 8, 9, 10], 'the versions it lacked, in order');
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), MIGRATIONS.map((m) => m.version));
    db.close();
    const store = await openSqliteStore(path);
    try {
      await store.articles.save([seedArticle(readSeeds()[1]!)]);
      assert.equal(await store.articles.lastSeq(), 1);
    } finally {
      await store.close();
    }
  });

  test('a store whose stories were one JSON value (migrations 1–5) drops it and clusters again from the cursor 0', async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 5));
    db.prepare(`INSERT INTO stage_state (name, value, updated_at, revision) VALUES ('stories', '{"version":2}', '2026-12-01', 'r1')`).run();
    db.prepare(`INSERT INTO stage_cursors (stage, seq, updated_at) VALUES ('cluster', 7, '2026-12-01'), ('index', 7, '2026-12-01')`).run();
    db.close();
    const store = await openSqliteStore(path);
    try {
      assert.equal(await store.cursors.get('cluster'), 0, 'the cluster stage fills the story tables again');
      assert.equal(await store.cursors.get('index'), 7, 'other stages keep their place');
      assert.deepEqual(await store.stories.counts(), { events: 0, storylines: 0 });
    } finally {
      await store.close();
    }
    const check = new Database(path, { readonly: true });
    try {
      assert.equal(check.prepare(`SELECT COUNT(*) FROM stage_state WHERE name = 'stories'`).pluck().get(), 0, 'the JSON value is gone');
    } finally {
      check.close();
    }
  });

  test('a new migration is applied on reopen without touching data; a failing one rolls back; a newer file is refused', async () => {
    const path = freshPath();
    const seed = readSeeds()[1]!;
    const store = await openSqliteStore(path);
    await store.articles.save([seedArticle(seed)]);
    await store.close();

    const db = new Database(path);
    try {
      const next = MIGRATIONS.length + 100;
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
    } finally {
      db.close();
    }
    await assert.rejects(openSqliteStore(path), SchemaVersionError, 'a file from a newer Kronika is refused');
  });

  test('read-only open reads a migrated file and refuses writes and missing files', async () => {
    const path = freshPath();
    const seeds = readSeeds();
    const writer = await openSqliteStore(path);
    await writer.articles.save(seeds.map((s) => seedArticle(s)));
    const reader = await openSqliteStore(path, { readonly: true });
    try {
      assert.equal(await reader.articles.count(), seeds.length, 'sees committed data while the writer is open');
      await assert.rejects(reader.articles.save([seedArticle(seeds[0]!, { id: 'feedfeedfeedfeed' })]), /read-only/i);
      await assert.rejects(reader.transaction(async () => {}), /read-only/i);
    } finally {
      await reader.close();
      await writer.close();
    }
    await assert.rejects(openSqliteStore(join(root, 'missing', 'none.db'), { readonly: true }));
    assert.equal(existsSync(join(root, 'missing')), false, 'read-only open creates nothing');
  });

  test('a write through the store inside its own transaction fails at once instead of waiting for itself', async () => {
    const store = await openSqliteStore(freshPath());
    try {
      const seed = seedArticle(readSeeds()[0]!);
      await assert.rejects(store.transaction(async () => {
        await store.articles.save([seed]);
      }), /use its tx handle/);
      assert.equal(await store.articles.count(), 0);
    } finally {
      await store.close();
    }
  });

  test('a writer waiting longer than the busy limit gets StoreBusyError, and the store stays usable', async () => {
    const path = freshPath();
    const holder = await openSqliteStore(path);
    const impatient = await openSqliteStore(path, { busyTimeoutMs: 150 });
    try {
      let release!: () => void;
      const held = holder.transaction(() => new Promise<void>((resolve) => { release = resolve; }));
      await new Promise((r) => setTimeout(r, 20));
      await assert.rejects(impatient.cursors.advance('analyse', 1), StoreBusyError);
      release();
      await held;
      await impatient.cursors.advance('analyse', 1);
      assert.equal(await holder.cursors.get('analyse'), 1);
    } finally {
      await impatient.close();
      await holder.close();
    }
  });

  test(':memory: is one private store on one connection', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      await store.articles.save([seedArticle(readSeeds()[0]!)]);
      assert.equal(await store.articles.count(), 1);
    } finally {
      await store.close();
    }
  });
});
