/**
 * Applies pending migrations, each in its own transaction together with its row in
 * `schema_migrations`, so a crash mid-migration leaves the previous version intact.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index.ts';
import type { MigrationVersion } from './migrations/versions.ts';

/** The database was written by a newer Kronika, or is too old to read without migrating. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
  constructor(readonly found: number, readonly expected: number, hint: string) {
    super(`database schema is at version ${found}, this Kronika expects ${expected}: ${hint}`);
  }
}

function ensureTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
}

/** Highest applied version, 0 for a fresh database. Works on read-only connections. */
export function schemaVersion(db: Database.Database): number {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** How many migrations the file has applied (a file can lack a lower one: see migrate). */
function appliedCount(db: Database.Database): number {
  if (schemaVersion(db) === 0) return 0;
  return (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n;
}

function latest(migrations: readonly MigrationVersion[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Whether the file has applied every one of these migrations and no later one. Works on read-only connections. */
export function isCurrent(db: Database.Database, migrations: readonly MigrationVersion[]): boolean {
  return schemaVersion(db) === latest(migrations) && appliedCount(db) === migrations.length;
}

/**
 * Runs every migration the database has not applied, in version order; returns the versions applied now.
 * @example migrate(db, MIGRATIONS) // → [1] on a fresh file, [] on the next open
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const expected = latest(migrations);
  const applied: number[] = [];
  // A current file is only read (WAL: no lock): taking the write lock at every open would make
  // each command, reads too, wait for another process's transaction and fail past the timeout.
  if (isCurrent(db, migrations)) return applied;
  ensureTable(db);
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening a
    // fresh file at once cannot both apply the same migration.
    const step = db.transaction(() => {
      const current = schemaVersion(db);
      if (current > expected) {
        throw new SchemaVersionError(current, expected, 'upgrade Kronika to open it');
      }
      // By presence, not by the highest version: a file made while a lower-numbered migration was
      // still on another branch (007 landed before 004–006) gets the ones it lacks.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return false;
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return applied;
}

/** For read-only opens, which cannot migrate: the schema must already be exactly current. */
export function assertCurrent(db: Database.Database, migrations: readonly MigrationVersion[]): void {
  const found = schemaVersion(db);
  const expected = latest(migrations);
  if (found < expected || appliedCount(db) < migrations.length) {
    throw new SchemaVersionError(found, expected, 'open it once without --readonly to migrate');
  }
  if (found > expected) throw new SchemaVersionError(found, expected, 'upgrade Kronika to open it');
}
