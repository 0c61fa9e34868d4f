/**
 * The one place Kronika opens an SQLite file: every connection agrees on locking, WAL and
 * foreign keys. The store (index.ts) opens a write and a read connection through it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How long one statement waits for a lock before SQLITE_BUSY. Readers in WAL mode only meet a
 * lock while a crashed writer's WAL is recovered; 5 s covers that. Writers wait for each other
 * asynchronously instead (write-queue.ts), so they take only a short synchronous wait.
 */
export const READ_BUSY_TIMEOUT_MS = 5000;
export const WRITE_BUSY_TIMEOUT_MS = 20;

/**
 * Page size of a new database file. Rows of a stored article (its deflated text, its analysis of
 * ~2 KB) fill 4 KB pages badly: at 16 KB, a 1,000-article store takes 9.6 instead of 10.3 KB an
 * article, the analyses 2.7 instead of 3.2 (bench/scale.ts, 2026-12). An existing file keeps its
 * page size (WAL mode cannot change it).
 */
export const PAGE_SIZE = 16_384;

export interface DatabaseOptions {
  readonly readonly: boolean;
  /** busy_timeout of the connection; default READ_BUSY_TIMEOUT_MS. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating parent folders unless read-only) and configures a database file, then runs
 * `prepare` on it; the connection is closed again if `prepare` throws.
 * @example const db = openDatabase(path, { readonly: false }, (db) => { migrate(db, MIGRATIONS); return db })
 */
export function openDatabase<T>(path: string, options: DatabaseOptions, prepare: (db: Database.Database) => T): T {
  const { readonly } = options;
  if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly, fileMustExist: readonly });
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? READ_BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma(`page_size = ${PAGE_SIZE}`); // only takes effect while the file is still empty
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    return prepare(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
