/**
 * The one place Kronika connects to PostgreSQL: every pool agrees on type parsing, time zone and
 * how a write transaction begins, ends, waits and fails.
 *
 * Writers queue rather than fail: PostgreSQL makes a writer wait for the row or advisory locks it
 * needs; `lock_timeout` bounds that wait at the store's busy limit, and a writer that waited
 * longer gets StoreBusyError. A transaction the server aborts to break a deadlock or a
 * serialisation conflict is retried from the start when the store itself began it (a single
 * write method), never behind the back of `store.transaction`'s work.
 */
import pg from 'pg';
import { StoreBusyError } from '../store.ts';
import type { Queryable } from './scope.ts';

/** Connections per store: workers run a handful of statements at once; a server answers a few readers in parallel. */
export const POOL_SIZE = 8;

/** How often a single write method is tried when the server aborts it for a deadlock or serialisation failure. */
const WRITE_ATTEMPTS = 4;

/**
 * Type parsers of Kronika's pools: int8 (seq, COUNT(*)) as a JavaScript number. Sequence numbers
 * and counts stay far below 2^53; node-postgres's default (a string) would leak into records.
 * Scoped to Kronika's pools, so other users of `pg` in the process (the job queue) keep theirs.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PoolOptions {
  readonly readonly?: boolean;
  readonly max?: number;
  readonly name?: string;
  /**
   * Commit without waiting for the WAL to reach the disk (`synchronous_commit = off`): a crash of
   * the machine may lose the last fraction of a second of commits, never corrupt anything — what
   * SQLite's `synchronous = NORMAL` trades too. For workers, whose writes (analyses, index, job
   * states) are derived and redone by a retried job; articles are saved by the storing commands,
   * whose commits wait for the disk.
   */
  readonly asyncCommit?: boolean;
}

/**
 * Opens a pool on `url`. Sessions run in UTC so timestamps print the same everywhere.
 * @example const pool = openPool('postgres://kronika@db/kronika')
 */
export function openPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? POOL_SIZE,
    types,
    application_name: options.name ?? 'kronika',
    options: `-c TimeZone=UTC${options.readonly ? ' -c default_transaction_read_only=on' : ''}${options.asyncCommit ? ' -c synchronous_commit=off' : ''}`,
  });
  // An idle pooled connection the server dropped (restart, idle timeout) must not crash the process;
  // the next query gets a fresh connection.
  pool.on('error', () => {});
  return pool;
}

/** SQLSTATE of an error from the server, if it is one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const LOCK_NOT_AVAILABLE = '55P03';
const RETRYABLE = new Set(['40001', '40P01']);

/** Begins a write transaction on `client` whose lock waits end after `busyLimitMs`. */
export async function begin(client: Queryable, busyLimitMs: number): Promise<void> {
  // One round trip: a statement without parameters may carry several commands.
  await client.query(`BEGIN; SET LOCAL lock_timeout = ${Math.max(1, Math.floor(busyLimitMs))}`);
}

/**
 * Runs `work` in one transaction on a connection of `pool`: commits when it resolves, rolls back
 * when it throws (and rethrows). A lock wait past the busy limit becomes StoreBusyError.
 * `retry`: the work may be run again when the server aborts it for a deadlock or serialisation failure.
 */
export async function inTransaction<T>(
  pool: pg.Pool, location: string, busyLimitMs: number, work: (client: pg.PoolClient) => Promise<T>, retry: boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const client = await pool.connect();
    let broken = false;
    try {
      await begin(client, busyLimitMs);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      const state = sqlState(error);
      if (state === LOCK_NOT_AVAILABLE) throw new StoreBusyError(location, Date.now() - started);
      if (!(retry && state && RETRYABLE.has(state) && attempt < WRITE_ATTEMPTS)) throw error;
    } finally {
      client.release(broken);
    }
  }
}
