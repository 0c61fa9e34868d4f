/**
 * What `kronika jobs` shows and does: Kronika's queued, active and failed jobs with their errors
 * (read from pg-boss's job table, which keeps failed jobs until they are archived), and putting a
 * failed job back in the queue.
 */
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { BOSS_SCHEMA, QUEUES } from './index.ts';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobRecord {
  readonly id: string;
  readonly queue: string;
  readonly state: JobState;
  readonly data: unknown;
  /** Tries so far after the first. */
  readonly retries: number;
  readonly retryLimit: number;
  readonly createdOn: string;
  readonly startedOn?: string;
  /** When a retry may start. */
  readonly startAfter: string;
  /** The last error of a failed or retried job. */
  readonly error?: string;
}

export interface JobCounts {
  readonly queued: number;
  readonly active: number;
  readonly failed: number;
  /** Completed jobs still in the job table (they move to the archive after a minute). */
  readonly completed: number;
}

interface JobRow {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly data: unknown;
  readonly retry_count: number;
  readonly retry_limit: number;
  readonly created_on: Date;
  readonly started_on: Date | null;
  readonly start_after: Date;
  readonly output: unknown;
}

/** The error message pg-boss stored for a failed try (a serialised Error, or whatever the handler threw). */
function errorOf(output: unknown): string | undefined {
  if (output === null || output === undefined) return undefined;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const message = o.message ?? o.value?.message;
  return typeof message === 'string' ? message : JSON.stringify(output);
}

function fromRow(row: JobRow): JobRecord {
  const error = row.state === 'failed' || row.state === 'retry' ? errorOf(row.output) : undefined;
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    data: row.data,
    retries: row.retry_count,
    retryLimit: row.retry_limit,
    createdOn: row.created_on.toISOString(),
    ...(row.started_on && { startedOn: row.started_on.toISOString() }),
    startAfter: row.start_after.toISOString(),
    ...(error !== undefined && { error }),
  };
}

const KRONIKA_QUEUES = Object.values(QUEUES);

/**
 * Kronika's jobs in these states, failed first, then oldest first.
 * @example await listJobs(pool, ['failed']) // → [{ id, queue: 'kronika-article', state: 'failed', error: '…' }]
 */
export async function listJobs(db: pg.Pool | pg.ClientBase, states: readonly JobState[], limit = 100): Promise<JobRecord[]> {
  const { rows } = await db.query<JobRow>(`SELECT id, name, state, data, retry_count, retry_limit, created_on, started_on, start_after, output
    FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1::text[]) AND state::text = ANY($2::text[])
    ORDER BY state = 'failed' DESC, created_on, id LIMIT $3`, [KRONIKA_QUEUES, states, limit]);
  return rows.map(fromRow);
}

/** How many of Kronika's jobs are in each state. */
export async function countJobs(db: pg.Pool | pg.ClientBase): Promise<JobCounts> {
  const { rows } = await db.query<{ state: JobState; n: string }>(`SELECT state::text AS state, COUNT(*) AS n
    FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1::text[]) GROUP BY state`, [KRONIKA_QUEUES]);
  const n = (states: readonly JobState[]) => rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + Number(r.n), 0);
  return { queued: n(['created', 'retry']), active: n(['active']), failed: n(['failed']), completed: n(['completed']) };
}

/** A job id that names no failed Kronika job. */
export class UnknownJobError extends Error {
  override readonly name = 'UnknownJobError';
}

/**
 * Puts a failed job back in the queue (its tries start over); `retryFailed` does it for every failed job.
 * @example await retryJob(boss, pool, '4b0c…')
 */
export async function retryJob(boss: PgBoss, db: pg.Pool | pg.ClientBase, id: string): Promise<JobRecord> {
  const { rows } = await db.query<JobRow>(`SELECT id, name, state, data, retry_count, retry_limit, created_on, started_on, start_after, output
    FROM ${BOSS_SCHEMA}.job WHERE name = ANY($1::text[]) AND id::text = $2`, [KRONIKA_QUEUES, id]);
  const row = rows[0];
  if (!row) throw new UnknownJobError(`no job ${id} in Kronika's queues (\`kronika jobs --failed\` lists the failed ones)`);
  if (row.state !== 'failed') throw new UnknownJobError(`job ${id} is ${row.state}, not failed: only a failed job can be retried`);
  await boss.retry(row.name, row.id);
  return fromRow({ ...row, state: 'retry' });
}

export async function retryFailed(boss: PgBoss, db: pg.Pool | pg.ClientBase): Promise<number> {
  const failed = await listJobs(db, ['failed'], 10_000);
  for (const queue of KRONIKA_QUEUES) {
    const ids = failed.filter((j) => j.queue === queue).map((j) => j.id);
    if (ids.length) await boss.retry(queue, ids);
  }
  return failed.length;
}
