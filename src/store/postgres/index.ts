/**
 * The PostgreSQL store (node-postgres): one database shared by any number of processes — the
 * server, CLI commands and `kronika worker`s on several machines (docs/DEPLOY.md).
 *
 * Connections: a pool per store. Reads run on any pooled connection in autocommit: each sees
 * what was committed when it started and never waits for a writer. A write method takes a
 * connection for a transaction of its own; `store.transaction` holds one connection for its work.
 * How writers wait for each other and when they give up: connection.ts. Why an article's `seq`
 * never lets a cursor skip a later commit: articles.ts.
 *
 * node-postgres rather than postgres.js: the job queue (pg-boss, src/queue) is built on it, so a
 * worker loads one driver and one type configuration, and its explicit `pool.connect()` +
 * BEGIN/COMMIT maps directly onto the transaction handle and its savepoints.
 */
import type pg from 'pg';
import { StoreLocationError, type OpenStoreOptions, type Store, type StoreConcerns, type StoreTransaction } from '../store.ts';
import { PostgresAnalyses } from './analyses.ts';
import { PostgresArticles } from './articles.ts';
import { inTransaction, openPool, type PoolOptions } from './connection.ts';
import { PostgresCursors } from './cursors.ts';
import { assertCurrent, migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Queryable, Scope } from './scope.ts';
import { PostgresSearch } from './search.ts';
import { PostgresSources } from './sources.ts';
import { PostgresStoryStore, StoryRowsCache } from './stories.ts';
import { PostgresWatches } from './watches.ts';

/**
 * Default for how long a writer waits for another writer's locks before StoreBusyError: as long
 * as SQLite's (src/store/sqlite/write-queue.ts), for the same longest holder (a cluster batch).
 */
export const DEFAULT_BUSY_LIMIT_MS = 5 * 60_000;

function concerns(scope: Scope, stories: StoryRowsCache): StoreConcerns {
  return {
    articles: new PostgresArticles(scope),
    analyses: new PostgresAnalyses(scope),
    stories: new PostgresStoryStore(scope, stories),
    watches: new PostgresWatches(scope),
    search: new PostgresSearch(scope),
    cursors: new PostgresCursors(scope),
    sources: new PostgresSources(scope),
  };
}

/**
 * Runs write methods inside an open transaction one at a time, each under a savepoint: a method
 * that fails is undone alone and the transaction goes on, as SQLite's nested transactions do.
 */
function savepoints(client: Queryable): Scope['write'] {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(async () => {
      await client.query('SAVEPOINT kronika_write');
      try {
        const result = await work(client);
        await client.query('RELEASE SAVEPOINT kronika_write');
        return result;
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT kronika_write');
        throw error;
      }
    });
    tail = run.catch(() => {});
    return run;
  };
}

/** An error's message on one line (a connection error can carry the server's multi-line text). */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

class PostgresStore implements Store {
  readonly engine = 'postgres' as const;
  readonly articles;
  readonly analyses;
  readonly stories;
  readonly watches;
  readonly search;
  readonly cursors;
  readonly sources;
  readonly #pool: pg.Pool;
  readonly #readonly: boolean;
  readonly #busyLimitMs: number;
  readonly #storyCache = new StoryRowsCache();
  readonly #running = new Set<Promise<unknown>>();
  readonly #vacuumWanted = new Set<string>();
  #vacuuming: Promise<void> | undefined;
  #closed: Promise<void> | undefined;

  constructor(readonly location: string, pool: pg.Pool, readonly: boolean, busyLimitMs: number) {
    this.#pool = pool;
    this.#readonly = readonly;
    this.#busyLimitMs = busyLimitMs;
    const top = concerns({
      rows: async (text, values) => (await pool.query(text, values as unknown[])).rows,
      write: (work) => this.#track(() => inTransaction(pool, location, busyLimitMs, work, true)),
      vacuum: (tables) => this.#vacuum(tables),
    }, this.#storyCache);
    this.articles = top.articles;
    this.analyses = top.analyses;
    this.stories = top.stories;
    this.watches = top.watches;
    this.search = top.search;
    this.cursors = top.cursors;
    this.sources = top.sources;
  }

  /** Runs a write unless the store is read-only or closed, and lets `close` wait for it. */
  #track<T>(write: () => Promise<T>): Promise<T> {
    if (this.#readonly) return Promise.reject(new Error(`${this.location} is open read-only`));
    if (this.#closed) return Promise.reject(new Error(`${this.location}: the store is closed`));
    const running = write();
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running)).catch(() => {});
    return running;
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const vacuum = new Set<string>();
    const result = await this.#track(() => inTransaction(this.#pool, this.location, this.#busyLimitMs, (client) => {
      const tx = concerns({
        rows: async (text, values) => (await client.query(text, values as unknown[])).rows,
        write: savepoints(client),
        vacuum: (tables) => tables.forEach((t) => vacuum.add(t)),
      }, this.#storyCache);
      return work(tx);
    }, false));
    this.#vacuum([...vacuum]);
    return result;
  }

  /**
   * Runs the VACUUMs writes asked for (scope.ts `vacuum`) on a pooled connection beside the
   * writers, one statement at a time: tables asked for while one runs go in the next, once.
   * SKIP_LOCKED: a table another session is vacuuming (autovacuum, another worker) is left to it.
   * A failure leaves the table to autovacuum; nothing written depends on it.
   */
  #vacuum(tables: readonly string[]): void {
    if (tables.length === 0 || this.#readonly || this.#closed) return;
    for (const table of tables) this.#vacuumWanted.add(table);
    if (this.#vacuuming) return;
    this.#vacuuming = this.#track(async () => {
      while (this.#vacuumWanted.size > 0) {
        const list = [...this.#vacuumWanted];
        this.#vacuumWanted.clear();
        await this.#pool.query(`VACUUM (SKIP_LOCKED) ${list.join(', ')}`).catch(() => {});
      }
    }).finally(() => {
      this.#vacuuming = undefined;
    });
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      await Promise.allSettled([...this.#running]);
      await this.#storyCache.close();
      await this.#pool.end();
    })();
    return this.#closed;
  }
}

/**
 * Opens the PostgreSQL store at `url`, migrating the database unless `readonly`. `location` is
 * how messages show it (the URL without its password); `tuning.asyncCommit`: connection.ts.
 * @example const store = await openPostgresStore('postgres://kronika@db/kronika'); … await store.close()
 */
export async function openPostgresStore(
  url: string, options: OpenStoreOptions = {}, location = url, tuning: Pick<PoolOptions, 'asyncCommit'> = {},
): Promise<Store> {
  const readonly = options.readonly ?? false;
  const pool = openPool(url, { readonly, ...tuning });
  try {
    const client = await pool.connect().catch((error: unknown) => {
      throw new StoreLocationError(location, `cannot connect to PostgreSQL: ${oneLine(error)}`);
    });
    try {
      if (readonly) await assertCurrent(client, MIGRATIONS);
      else await migrate(client, MIGRATIONS);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(location, pool, readonly, options.busyTimeoutMs ?? DEFAULT_BUSY_LIMIT_MS);
}
