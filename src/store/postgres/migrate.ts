/**
 * Applies pending PostgreSQL migrations, each in its own transaction together with its row in
 * `schema_migrations`, under an advisory lock so two processes opening a fresh database at once
 * apply each migration once (the second waits, then finds nothing to do).
 */
import type pg from 'pg';
import { SchemaVersionError } from '../sqlite/migrate.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import type { PostgresMigration } from './migrations/index.ts';
import type { Queryable } from './scope.ts';

export { SchemaVersionError } from '../sqlite/migrate.ts';

/** Highest applied version, 0 for a fresh database. Works on read-only connections. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return 0;
  const { rows: [row] } = await db.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return row?.v ?? 0;
}

function latest(migrations: readonly PostgresMigration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Runs every migration newer than the database; returns the versions applied now.
 * @example await migrate(await pool.connect(), MIGRATIONS) // → [1, 2, 3, 4, 5] on a fresh database
 */
export async function migrate(client: pg.ClientBase, migrations: readonly PostgresMigration[]): Promise<number[]> {
  const expected = latest(migrations);
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCKS.migrate]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at text NOT NULL
    )`);
    // By version applied, not by the highest: 006 shipped after 007 and 008, and a database made
    // before it has 007 and 008 but still needs 006.
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      const current = await schemaVersion(client);
      if (current > expected) throw new SchemaVersionError(current, expected, 'upgrade Kronika to open it');
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.up);
        await migration.convert?.(client);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCKS.migrate]);
  }
  return applied;
}

/** For read-only opens, which cannot migrate: the schema must already be exactly current. */
export async function assertCurrent(db: Queryable, migrations: readonly PostgresMigration[]): Promise<void> {
  const found = await schemaVersion(db);
  const expected = latest(migrations);
  const missing = found === 0 ? [] : await missingVersions(db, migrations);
  if (found < expected || missing.length > 0) throw new SchemaVersionError(found, expected, 'open it once without --readonly to migrate');
  if (found > expected) throw new SchemaVersionError(found, expected, 'upgrade Kronika to open it');
}

/** Versions below the highest applied one that were never applied (006 on a database made before it). */
async function missingVersions(db: Queryable, migrations: readonly PostgresMigration[]): Promise<number[]> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => r.version));
  return migrations.map((m) => m.version).filter((v) => !done.has(v));
}
