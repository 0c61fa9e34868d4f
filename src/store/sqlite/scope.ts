/**
 * Where a concern's statements run. Each concern (articles.ts, analyses.ts, …) is written once
 * against a Scope; the store hands it the top-level scope (reads on the read connection, each
 * write in a transaction of its own) and `store.transaction` hands it a scope inside the open
 * transaction (reads and writes on the write connection, each write method under a savepoint so
 * it stays all-or-nothing even when the caller catches its error).
 */
import type Database from 'better-sqlite3';

/** Prepared statements of one connection, each SQL text prepared once (preparing costs more than running them). */
export class Statements {
  readonly #cache = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }
}

export interface Scope {
  /** Statements reads run on. */
  readonly read: Statements;
  /** Runs `work` atomically in a write transaction and resolves with its value. */
  write<T>(work: (db: Statements) => T): Promise<T>;
}
