/**
 * Opening a Kronika SQLite file the one way every component does: the store and the search
 * index share the file, so they must agree on locking, WAL and foreign keys.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How long a writer waits for another process's transaction before failing. A 100-article
 * batch commits in tens of milliseconds (bench: store), so 5 s only runs out if something hangs.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating parent folders unless read-only) and configures a database file, then runs
 * `prepare` on it; the connection is closed again if `prepare` throws.
 * @example const store = openDatabase(path, false, (db) => new SqliteStore(db))
 */
export function openDatabase<T>(path: string, readonly: boolean, prepare: (db: Database.Database) => T): T {
  if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    return prepare(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
