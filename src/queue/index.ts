/**
 * The job queue of PostgreSQL mode: pg-boss in the same database as the store (schema `pgboss`),
 * taking jobs with FOR UPDATE SKIP LOCKED so any number of workers on any number of machines
 * share them without handing one job out twice. docs/ARCHITECTURE.md shows where it sits: the
 * cluster lease (src/worker/lease.ts) queues one `article` job per stored article; workers analyse
 * and index it (src/worker/article.ts).
 *
 * pg-boss rather than graphile-worker: graphile-worker's current releases need Node 22, pg-boss 10
 * runs on Node 20 and on node-postgres, which the store uses already.
 *
 * Keeping the job table small: a completed job moves to the archive after a minute and is deleted
 * from there after a day; a failed (dead) job stays in the job table, visible to `kronika jobs`,
 * for 14 days. Retries back off exponentially from RETRY_DELAY_S.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { LOCK_CLASS, LOCKS } from '../store/postgres/locks.ts';

export const QUEUES = Object.freeze({
  /** Analyse and index one stored article: `{ id, seq }`. */
  article: 'kronika-article',
  /**
   * Poll one due source: `{ sourceId }` (src/worker/sources.ts). Policy 'short': at most one
   * waiting job per source (the singleton key), so a scheduler that looks again before a worker
   * took the job adds nothing; the source's lease in the store keeps two polls apart.
   */
  source: 'kronika-source',
});

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Channel a producer notifies after queueing jobs, so idle workers start at once rather than at their next poll. */
export const JOBS_CHANNEL = 'kronika_jobs';

export interface ArticleJob {
  readonly id: string;
  readonly seq: number;
}

export interface SourceJob {
  readonly sourceId: string;
}

/** Source jobs are not retried: the source stays due, and the scheduler hands it out again. */
const SOURCE_RETRY_LIMIT = 0;
/** A poll takes at most its lease (src/sources/poll.ts, DEFAULT_LEASE_MS); a job older than that is lost with its worker. */
const SOURCE_EXPIRE_IN_S = 10 * 60;

/** Tries per job: the first and four retries (5, 10, 20, 40 s later). */
export const RETRY_LIMIT = 4;
export const RETRY_DELAY_S = 5;
/** A job active longer than this is taken to be lost with its worker, and retried. */
export const EXPIRE_IN_S = 15 * 60;

const ARCHIVE_COMPLETED_AFTER_S = 60;
const ARCHIVE_FAILED_AFTER_S = 14 * 24 * 3600;
const DELETE_ARCHIVED_AFTER_DAYS = 1;

export const BOSS_SCHEMA = 'pgboss';

/**
 * Starts pg-boss on the store's database (installing or migrating its schema the first time) and
 * makes sure Kronika's queues exist. `supervise`: run pg-boss's maintenance (expiry, archiving,
 * deletion) in this process; workers do, short-lived commands need not.
 * @example const boss = await openQueue(url, { supervise: true }); … await boss.stop()
 */
export async function openQueue(url: string, options: { readonly supervise?: boolean; readonly asyncCommit?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    // Passed on to node-postgres as is (pg-boss hands its options to pg.Pool): job states are
    // redone by a retry if a crash loses them (src/store/postgres/connection.ts, asyncCommit).
    ...(options.asyncCommit && { options: '-c synchronous_commit=off' }),
    schema: BOSS_SCHEMA,
    application_name: 'kronika-queue',
    max: 4,
    supervise: options.supervise ?? false,
    schedule: false,
    archiveCompletedAfterSeconds: ARCHIVE_COMPLETED_AFTER_S,
    archiveFailedAfterSeconds: ARCHIVE_FAILED_AFTER_S,
    deleteAfterDays: DELETE_ARCHIVED_AFTER_DAYS,
  });
  // Connection trouble in the background (maintenance) is reported by the next call that needs
  // the database; an unhandled 'error' event would end the process instead.
  boss.on('error', () => {});
  // Processes starting at once on a fresh database take turns installing pg-boss's schema and
  // creating the queues: concurrent installs and queue creations collide.
  const setup = new pg.Client({ connectionString: url, application_name: 'kronika-queue-setup' });
  await setup.connect();
  try {
    await setup.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS, LOCKS.queueSetup]);
    await boss.start();
    if (!(await boss.getQueue(QUEUES.article))) {
      await boss.createQueue(QUEUES.article, {
        name: QUEUES.article, retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_S, retryBackoff: true, expireInSeconds: EXPIRE_IN_S,
      });
    }
    if (!(await boss.getQueue(QUEUES.source))) {
      await boss.createQueue(QUEUES.source, { name: QUEUES.source, policy: 'short', retryLimit: SOURCE_RETRY_LIMIT, expireInSeconds: SOURCE_EXPIRE_IN_S });
    }
  } catch (error) {
    // pg-boss's stop waits for a start that never finished; end its connections without it.
    void boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw error;
  } finally {
    await setup.end().catch(() => {});
  }
  return boss;
}

/**
 * Lowest job priority: pg-boss keeps it in an int column. Articles beyond seq 2^31 − 1 all get it,
 * and are taken in the order they were queued, by random job id within one insert.
 */
const LOWEST_PRIORITY = -(2 ** 31 - 1);

/**
 * Queues one article job per article (what the cluster lease does for every newly stored one).
 * Workers take them in seq order: pg-boss fetches by priority, then by the time of the insert,
 * then by job id — a random UUID, so without a priority the jobs of one insert (a page of up to
 * 500 articles, src/worker/lease.ts) went in random order, and the lease's frontier of articles
 * analysed in seq order stood still until the whole page was done: clustering followed in steps
 * of a page, and the last page was clustered only after all analysis had ended.
 * @example await queueArticles(boss, [{ id: 'a31a041b0d5d493a', seq: 7 }])
 */
export async function queueArticles(boss: PgBoss, articles: readonly ArticleJob[]): Promise<void> {
  if (articles.length === 0) return;
  await boss.insert(articles.map((a) => ({
    name: QUEUES.article, data: { id: a.id, seq: a.seq }, priority: Math.max(LOWEST_PRIORITY, -a.seq),
    retryLimit: RETRY_LIMIT, retryDelay: RETRY_DELAY_S, retryBackoff: true, expireInSeconds: EXPIRE_IN_S,
  })));
}

/**
 * Queues a poll of each source, unless one is already waiting for it.
 * @example await queueSources(boss, ['3f9a1c2e'])
 */
export async function queueSources(boss: PgBoss, sourceIds: readonly string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await boss.insert(sourceIds.map((sourceId) => ({
    name: QUEUES.source, data: { sourceId }, singletonKey: sourceId,
    retryLimit: SOURCE_RETRY_LIMIT, expireInSeconds: SOURCE_EXPIRE_IN_S,
  })));
}
