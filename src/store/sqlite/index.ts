/**
 * The embedded default store on better-sqlite3: one file, zero setup.
 *
 * Connections: one for writes, whose transactions a process runs one at a time (write-queue.ts),
 * and one for reads, which in WAL mode never wait for a writer and never see its uncommitted
 * rows. (`:memory:` has a single connection: a private in-memory database cannot be shared.)
 *
 * Crash safety comes from SQLite itself: WAL journal, one IMMEDIATE transaction per write, so a
 * killed process leaves either the whole batch or none of it. `synchronous=NORMAL` is enough in
 * WAL mode: a SIGKILL cannot lose or corrupt a committed transaction; only a power cut may drop
 * the last few commits (never corrupt the file), a trade the SQLite docs recommend for WAL in
 * exchange for not syncing on every commit.
 */
import type Database from 'better-sqlite3';
import type { OpenStoreOptions, Store, StoreConcerns, StoreTransaction } from '../store.ts';
import { SqliteAnalyses } from './analyses.ts';
import { SqliteArticles } from './articles.ts';
import { openDatabase, WRITE_BUSY_TIMEOUT_MS } from './connection.ts';
import { SqliteCursors } from './cursors.ts';
import { assertCurrent, isCurrent, migrate } from './migrate.ts';
import { MIGRATION_VERSIONS } from './migrations/versions.ts';
import { Statements, type Scope } from './scope.ts';
import { SqliteSearch } from './search.ts';
import { SqliteSources } from './source-store.ts';
import { SqliteStoryStore, StoryWriterSlot } from './story-store.ts';
import { SqliteWatches } from './watches.ts';
import { DEFAULT_BUSY_LIMIT_MS, isBusy, WriteQueue } from './write-queue.ts';

export { DEFAULT_BUSY_LIMIT_MS } from './write-queue.ts';

function concerns(scope: Scope, stories: StoryWriterSlot): StoreConcerns {
  return {
    articles: new SqliteArticles(scope),
    analyses: new SqliteAnalyses(scope),
    stories: new SqliteStoryStore(scope, stories),
    watches: new SqliteWatches(scope),
    search: new SqliteSearch(scope),
    cursors: new SqliteCursors(scope),
    sources: new SqliteSources(scope),
  };
}

class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly articles;
  readonly analyses;
  readonly stories;
  readonly watches;
  readonly search;
  readonly cursors;
  readonly sources;
  readonly #writer: Database.Database | undefined;
  readonly #reader: Database.Database;
  readonly #queue: WriteQueue | undefined;
  readonly #writes: Statements | undefined;
  readonly #storyWriter = new StoryWriterSlot();
  #closed = false;

  constructor(readonly location: string, reader: Database.Database, writer: Database.Database | undefined, busyLimitMs: number) {
    this.#reader = reader;
    this.#writer = writer;
    const reads = new Statements(reader);
    this.#writes = writer && (writer === reader ? reads : new Statements(writer));
    this.#queue = writer && new WriteQueue(writer, location, busyLimitMs);
    const top = concerns({
      read: reads,
      write: (work) => {
        const queue = this.#queue;
        const writes = this.#writes;
        if (!queue || !writes) return Promise.reject(new Error(`${location} is open read-only`));
        if (this.#closed) return Promise.reject(new Error(`${location}: the store is closed`));
        return queue.transaction(() => work(writes));
      },
    }, this.#storyWriter);
    this.articles = top.articles;
    this.analyses = top.analyses;
    this.stories = top.stories;
    this.watches = top.watches;
    this.search = top.search;
    this.cursors = top.cursors;
    this.sources = top.sources;
  }

  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const queue = this.#queue;
    const writes = this.#writes;
    if (!queue || !writes) return Promise.reject(new Error(`${this.location} is open read-only`));
    if (this.#closed) return Promise.reject(new Error(`${this.location}: the store is closed`));
    // Inside the transaction each write method runs under a savepoint (better-sqlite3 nests
    // db.transaction that way), so a method that fails leaves nothing half-done even if the
    // work catches its error and goes on.
    const tx = concerns({
      read: writes,
      write: async (work) => writes.db.transaction(() => work(writes))(),
    }, this.#storyWriter);
    // A rolled-back transaction takes the story rows its assignments wrote with it: the story
    // writer's cache must not keep them.
    return queue.transaction(() => work(tx)).catch((error: unknown) => {
      this.#storyWriter.forget();
      throw error;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue?.drain();
    if (this.#writer?.open) {
      // Lets SQLite refresh planner statistics for the indexes this session used; cheap (SQLite
      // docs). Only after this process wrote: it may ANALYZE, a write a read command must not
      // make (nor wait for). Advisory, so another process holding the lock just skips it.
      try {
        if (this.#queue?.commits) this.#writer.pragma('optimize');
      } catch (error) {
        if (!isBusy(error)) throw error;
      }
      this.#writer.close();
    }
    if (this.#reader.open) this.#reader.close();
  }
}

/**
 * Opens (creating and migrating if needed) the SQLite store at `path`.
 * @example const store = await openSqliteStore('news.db'); await store.articles.save(batch); await store.close();
 */
export async function openSqliteStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const busyLimitMs = options.busyTimeoutMs ?? DEFAULT_BUSY_LIMIT_MS;
  if (options.readonly) {
    const reader = openDatabase(path, { readonly: true }, (db) => {
      assertCurrent(db, MIGRATION_VERSIONS);
      return db;
    });
    return new SqliteStore(path, reader, undefined, busyLimitMs);
  }
  const writer = openDatabase(path, { readonly: false }, (db) => db);
  try {
    // Migrations may wait the full read timeout (two processes opening a fresh file at once);
    // afterwards writers wait asynchronously in the write queue. They are loaded only when the
    // file lacks one: a current file is only checked.
    if (!isCurrent(writer, MIGRATION_VERSIONS)) migrate(writer, (await import('./migrations/index.ts')).MIGRATIONS);
    writer.pragma(`busy_timeout = ${WRITE_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    writer.close();
    throw error;
  }
  try {
    const reader = path === ':memory:' ? writer : openDatabase(path, { readonly: true }, (db) => db);
    return new SqliteStore(path, reader, writer, busyLimitMs);
  } catch (error) {
    writer.close();
    throw error;
  }
}
