/**
 * `kronika worker`: one process of PostgreSQL mode's stream (docs/DEPLOY.md). It takes `article`
 * jobs from the queue (src/queue) and analyses and indexes them (article.ts) — run one per core,
 * on any number of machines — polls the sources `kronika run` queues as `source` jobs
 * (sources.ts), and competes for the cluster lease (lease.ts): the holder also queues the
 * article jobs and clusters, in seq order.
 *
 * Jobs are fetched a few at a time, the next few (and their articles) while the current ones are
 * analysed, and written while the next ones are; a failed job goes back to
 * the queue with back-off (pg-boss retries it) and, after its last try, stays failed and visible
 * to `kronika jobs`. `stop()` (SIGTERM) ends gracefully: no new job is fetched, the ones in hand
 * finish and are marked done, the lease is released, and a job of a worker killed outright is
 * retried once it expires (src/queue/index.ts, EXPIRE_IN_S).
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { JOBS_CHANNEL, openQueue, QUEUES, type ArticleJob } from '../queue/index.ts';
import { ARTICLES_CHANNEL } from '../store/postgres/articles.ts';
import { LOCK_CLASS, LOCKS } from '../store/postgres/locks.ts';
import { displayLocation } from '../store/index.ts';
import { openPostgresStore } from '../store/postgres/index.ts';
import type { Store } from '../store/store.ts';
import {
  MissingArticleError, prepareArticles, readArticles, warmUp, writeArticles,
  type ArticleResults, type ArticlesRead, type PreparedArticles,
} from './article.ts';
import { leasePass, type LeasePass } from './lease.ts';
import { pollSourceJobs, workerPoller } from './sources.ts';

/** Channel a worker notifies after finishing jobs, so the lease holder clusters them at once. */
export const ANALYSED_CHANNEL = 'kronika_analysed';

/**
 * Jobs per fetch: enough that their reads and writes share round trips (src/worker/article.ts),
 * few enough that the work spreads evenly over the workers near the end of a burst. With one
 * analysis per article a job got cheap enough for the fetch to matter: on the 1,000-article
 * workers bench (quiet, 2 cores) 6 → 12 took 2 workers from 75 to 96 articles/s and the server's
 * CPU from 3.0 to 2.5 s; 24 gave no more (91).
 */
export const FETCH_BATCH = 12;
/** Longest wait for new jobs or articles without a notification (one may be missed on a reconnect). */
const POLL_MS = 1000;
/** How often a worker without the lease asks for it. */
const LEASE_RETRY_MS = 2000;
/**
 * Shortest time between the starts of two lease passes: notifications arriving meanwhile share
 * the next pass. A long pass (clustering a batch) is not followed by a pause of its own: its
 * engine runs on a thread of its own (src/store/postgres/stories.ts), while a burst is analysed
 * clustering waits for CLUSTER_BATCH articles (src/worker/lease.ts), and once analysis has caught
 * up the last batch and the consolidation are what the stream waits for. Pausing as long as the
 * pass took, as before, left one worker idle for up to 2.5 s at the end of the 1,000-article
 * workers bench. The spacing ends early once this worker's own job loop finds no job: then a
 * pass takes no time from analysis, and the pass the last articles wait for (clustering and
 * consolidating them) starts at their notification instead of up to PASS_SPACING_MS later.
 */
const PASS_SPACING_MS = 500;

export interface WorkerOptions {
  /** The PostgreSQL URL of the store. */
  readonly url: string;
  /** Compete for the cluster lease (default true); false: only analyse and index. */
  readonly lease?: boolean;
  /** Poll the sources `kronika run` queues (default true). */
  readonly sources?: boolean;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
  /** Where alerts of watches without a webhook go (the lease holder delivers alerts). */
  readonly print?: (line: string) => void;
  /** Called after every lease pass, with how long it took. */
  readonly onPass?: (pass: LeasePass & { readonly ms: number }) => void;
}

/**
 * Where a worker's job loop spent its time, in seconds of wall time since it started (the lease
 * passes run beside it on the same thread, between its articles, and are counted apart).
 */
export interface WorkerTimings {
  /** Analysing and making search documents (the CPU-bound part; prepareArticles). */
  analysing: number;
  /** Waiting for a batch's articles to be read (mostly read while the batch before was analysed). */
  reading: number;
  /** Waiting for a batch's writes of analyses and search rows and the marking of its jobs (writeArticles; done while the next batch is analysed). */
  writing: number;
  /** Fetching jobs that were not fetched ahead. */
  queue: number;
  /** Waiting for jobs: none in the queue. */
  idle: number;
  /** Lease passes: how many, how long in all, and how many of them clustered. */
  passes: number;
  passing: number;
  clusterPasses: number;
}

/** One line of a worker's timings, as `kronika worker` prints it when it stops. */
export function describeTimings(t: WorkerTimings): string {
  const s = (x: number) => `${x.toFixed(1)} s`;
  return `analysing ${s(t.analysing)}, reading ${s(t.reading)}, writing ${s(t.writing)}, queue ${s(t.queue)}, idle ${s(t.idle)}; `
    + `${t.passes} lease pass(es) in ${s(t.passing)}, ${t.clusterPasses} clustering`;
}

export interface WorkerHandle {
  /** Articles this worker analysed or indexed. */
  readonly processed: () => number;
  /** Where its time went so far. */
  readonly timings: () => WorkerTimings;
  /** Whether this worker holds the cluster lease now. */
  readonly leader: () => boolean;
  /** Ends gracefully: finishes the jobs in hand, releases the lease, closes connections. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped (after `stop`, or after a fatal error, which it rejects with). */
  readonly done: Promise<void>;
}

/** A promise that resolves at the next `wake()` or after `ms`, whichever comes first. */
class Alarm {
  #wake: (() => void) | undefined;
  #pending = false;

  wake(): void {
    this.#pending = true;
    this.#wake?.();
  }

  async wait(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
    this.#pending = false;
  }
}


/**
 * Starts a worker on the store at `options.url`.
 * @example const worker = await startWorker({ url }); process.once('SIGTERM', () => void worker.stop()); await worker.done
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const log = options.log ?? (() => {});
  warmUp();
  const store: Store = await openPostgresStore(options.url, {}, displayLocation(options.url), { asyncCommit: true });
  let boss: PgBoss | undefined;
  let session: pg.Client | undefined;
  try {
    boss = await openQueue(options.url, { supervise: true, asyncCommit: true });
    // One session of its own: it listens for notifications and holds the lease lock.
    session = new pg.Client({ connectionString: options.url, application_name: 'kronika-worker' });
    await session.connect();
  } catch (error) {
    if (boss) await boss.stop({ graceful: false }).catch(() => {});
    await session?.end().catch(() => {});
    await store.close();
    throw error;
  }
  const queue = boss;
  const db = session;
  const jobsAlarm = new Alarm();
  const sourcesAlarm = new Alarm();
  const leaseAlarm = new Alarm();
  /** Woken when the job loop has no job in hand (and its last writes are done): the lease's passes need no spacing then. */
  const idleAlarm = new Alarm();
  const stopPolling = new AbortController();
  let stopping = false;
  let leader = false;
  let processed = 0;
  let fatal: unknown;
  const timings: WorkerTimings = { analysing: 0, reading: 0, writing: 0, queue: 0, idle: 0, passes: 0, passing: 0, clusterPasses: 0 };
  /** Awaits `work`, adding the seconds it took to `timings[part]`. */
  const timed = async <T>(part: 'analysing' | 'reading' | 'writing' | 'queue' | 'idle', work: Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work;
    } finally {
      timings[part] += (performance.now() - started) / 1000;
    }
  };

  db.on('notification', (note) => {
    if (note.channel === JOBS_CHANNEL) {
      jobsAlarm.wake();
      sourcesAlarm.wake();
    } else leaseAlarm.wake();
  });
  // A lost session ends the lease with it (the server drops the lock): stop rather than cluster on without it.
  db.on('error', (error) => {
    fatal ??= error;
    stopping = true;
    jobsAlarm.wake();
    sourcesAlarm.wake();
    leaseAlarm.wake();
  });
  await db.query(`LISTEN ${JOBS_CHANNEL}`);
  await db.query(`LISTEN ${ARTICLES_CHANNEL}`);
  await db.query(`LISTEN ${ANALYSED_CHANNEL}`);

  const notify = (channel: string) => db.query('SELECT pg_notify($1, $2)', [channel, '']).catch(() => {});

  /** A fetch of jobs with their reads under way. */
  interface Taken {
    readonly jobs: PgBoss.Job<ArticleJob>[];
    readonly read: Promise<ArticlesRead>;
  }
  const take = async (): Promise<Taken | undefined> => {
    const jobs = await queue.fetch<ArticleJob>(QUEUES.article, { batchSize: FETCH_BATCH });
    if (!jobs || jobs.length === 0) return undefined;
    const read = readArticles(store, jobs.map((j) => j.data.id));
    // Awaited when the batch's turn comes; a failure is handled there.
    read.catch(() => {});
    return { jobs, read };
  };

  /**
   * Writes a prepared batch (or takes the error that stopped it) and marks its jobs done or
   * failed, then tells the lease holder. Rejects only when the queue cannot be told.
   */
  const finish = async (jobs: readonly PgBoss.Job<ArticleJob>[], prepared: PreparedArticles | Error): Promise<void> => {
    let results: ArticleResults;
    try {
      if (prepared instanceof Error) throw prepared;
      results = await writeArticles(store, prepared);
    } catch (error) {
      // A read or write failed for the whole batch: every job goes back with the error (and is retried).
      results = new Map(jobs.map((j) => [String(j.data.id), error instanceof Error ? error : new Error(String(error))]));
    }
    const finished: string[] = [];
    for (const job of jobs) {
      const result = results.get(String(job.data.id));
      if (result instanceof Error && !(result instanceof MissingArticleError)) {
        log(`job ${job.id} (article ${job.data.id}) failed: ${result.message}`);
        await queue.fail(QUEUES.article, job.id, { message: result.message });
      } else {
        finished.push(job.id);
        if (!(result instanceof Error)) processed++;
      }
    }
    if (finished.length) await queue.complete(QUEUES.article, finished);
    await notify(ANALYSED_CHANNEL);
  };

  const jobLoop = async () => {
    // The next batch is fetched and read while this one is analysed (one batch ahead), and the
    // batch before is written meanwhile (one batch behind): the round trips to the server, and
    // the server's work on the search rows, overlap the CPU-bound part instead of following it.
    // One batch's writes at a time, in order; stopping waits for the last of them.
    let next: Promise<Taken | undefined> | undefined;
    let writing: Promise<void> | undefined;
    while (!stopping || next) {
      const fetchStarted = performance.now();
      const taken = await (next ?? take());
      next = undefined;
      // A fetch that found no job is waiting for work, not queue overhead.
      timings[taken ? 'queue' : 'idle'] += (performance.now() - fetchStarted) / 1000;
      if (!taken) {
        // Nothing else to do: the last batch's writes are finished first, so a failure to mark
        // its jobs stops the worker now rather than at the next batch.
        if (writing) await timed('writing', writing);
        writing = undefined;
        idleAlarm.wake();
        if (!stopping) await timed('idle', jobsAlarm.wait(POLL_MS));
        continue;
      }
      const { jobs } = taken;
      // The lease holder too: its cluster passes run on the story engine's thread
      // (src/store/postgres/stories.ts) and yield between articles on this one, so jobs fetched
      // ahead wait for the batch in hand, not for a pass.
      if (!stopping) {
        next = take();
        next.catch(() => {});
      }
      let prepared: PreparedArticles | Error;
      try {
        prepared = await timed('analysing', prepareArticles(await timed('reading', taken.read)));
      } catch (error) {
        prepared = error instanceof Error ? error : new Error(String(error));
      }
      if (writing) await timed('writing', writing);
      writing = finish(jobs, prepared);
      // Awaited before the next batch's writes or at the end; a failure is thrown there.
      writing.catch(() => {});
    }
    if (writing) await timed('writing', writing);
  };

  const sourceLoop = async () => {
    const poller = workerPoller(store, stopPolling.signal);
    while (!stopping) {
      const cycle = await pollSourceJobs(store, queue, poller);
      if (!cycle) {
        await sourcesAlarm.wait(POLL_MS);
        continue;
      }
      if (cycle.polled > 0) log(`polled ${cycle.polled} source(s): ${cycle.articleIds.length} new article(s)${cycle.failed ? `, ${cycle.failed} failed` : ''}`);
    }
  };

  const leaseLoop = async () => {
    const partition = 0;
    while (!stopping) {
      if (!leader) {
        const { rows } = await db.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS held',
          [LOCK_CLASS, LOCKS.clusterLease + partition]);
        leader = rows[0]?.held === true;
        if (!leader) {
          await leaseAlarm.wait(LEASE_RETRY_MS);
          continue;
        }
        log(`holding the cluster lease (partition ${partition})`);
      }
      const started = Date.now();
      const before = processed;
      // Each page of jobs is taken up as soon as it is queued — this worker's job loop is woken
      // at once, the others by a notification — rather than once the whole pass (the rest of
      // the dispatch, the frontier, the stages) is over: at the start of a burst that pass is
      // what an idle worker waited for.
      const pass = await leasePass(store, queue, { print: options.print ?? (() => {}) }, () => {
        jobsAlarm.wake();
        void notify(JOBS_CHANNEL);
      });
      if (pass.dispatched > 0) log(`queued ${pass.dispatched} article job(s)`);
      const took = Date.now() - started;
      timings.passes++;
      timings.passing += took / 1000;
      if (pass.stages.stories && pass.stages.stories.added > 0) {
        timings.clusterPasses++;
        log(`clustered ${pass.stages.stories.added} article(s)${pass.consolidated ? ' and consolidated the stories' : ''} in ${took} ms, analysing ${processed - before} of its own meanwhile`);
      }
      options.onPass?.({ ...pass, ms: took });
      if (took < PASS_SPACING_MS) await idleAlarm.wait(PASS_SPACING_MS - took);
      await leaseAlarm.wait(POLL_MS);
    }
  };

  const guard = (loop: () => Promise<void>) => loop().catch((error: unknown) => {
    fatal ??= error;
    stopping = true;
    jobsAlarm.wake();
    sourcesAlarm.wake();
    leaseAlarm.wake();
  });
  const loops = Promise.all([
    guard(jobLoop),
    ...(options.sources === false ? [] : [guard(sourceLoop)]),
    ...(options.lease === false ? [] : [guard(leaseLoop)]),
  ]);

  let shutdown: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    shutdown ??= (async () => {
      stopping = true;
      // The polls in flight finish and are recorded; no further source is taken.
      stopPolling.abort();
      jobsAlarm.wake();
      sourcesAlarm.wake();
      leaseAlarm.wake();
      await loops;
      // Ending the session releases the lease lock and the LISTENs.
      await db.end().catch(() => {});
      await queue.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => {});
      await store.close();
      if (fatal) throw fatal;
    })();
    return shutdown;
  };
  // A fatal error stops the worker by itself.
  const done = loops.then(() => stop());
  return { processed: () => processed, timings: () => ({ ...timings }), leader: () => leader, stop, done };
}
