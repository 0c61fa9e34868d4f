/**
 * Where a concern's statements run on PostgreSQL, as src/store/sqlite/scope.ts does for SQLite:
 * each concern (articles.ts, analyses.ts, …) is written once against a Scope. The store hands it
 * the top-level scope (reads on any pooled connection in autocommit, each write in a transaction
 * of its own) and `store.transaction` a scope inside the open transaction (reads and writes on
 * its connection, each write method under a savepoint so a failed method leaves nothing
 * half-done even when the caller catches its error and goes on).
 */
import type pg from 'pg';

/** A connection or the pool: anything that runs a statement. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /** A named statement (`name`): parsed once per connection, planned as the session's plan_cache_mode says. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

export interface Scope {
  /** Runs a read (never a write) and resolves with its rows. */
  rows<R extends pg.QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Runs `work` atomically in a write transaction and resolves with its value. */
  write<T>(work: (db: Queryable) => Promise<T>): Promise<T>;
  /**
   * Asks for a VACUUM of `tables` once what was written has committed: at once on the top-level
   * scope, after the commit inside `store.transaction` (VACUUM cannot run in a transaction). It
   * runs beside the caller, which does not wait for it; the store's `close` does (index.ts).
   */
  vacuum(tables: readonly string[]): void;
}

/** The first row's first column, or undefined. */
export async function value<T>(scope: Scope, text: string, values?: readonly unknown[]): Promise<T | undefined> {
  const [row] = await scope.rows(text, values);
  return row && (Object.values(row)[0] as T);
}

/**
 * The rows of a statement on a connection inside a write.
 * @example const ids = await rowsOf<{ id: string }>(db, 'SELECT id FROM articles WHERE url = $1', [url])
 */
export async function rowsOf<R extends pg.QueryResultRow>(db: Queryable, text: string, values?: readonly unknown[]): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}
