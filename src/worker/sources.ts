/**
 * Source jobs in PostgreSQL mode: `kronika run` (src/app/run.ts) queues a `kronika-source` job for
 * each due source, and any worker polls it here, as `kronika run` does on SQLite. The poll runs
 * under the source's lease (store.sources.lease), taken only while the source is due: a job for
 * a source another worker is refreshing, or has just refreshed, finds the lease taken or the
 * source no longer due and ends without a request. So at most one refresh per source runs at a
 * time, and none earlier than its schedule, however many workers and schedulers there are.
 */
import type PgBoss from 'pg-boss';
import { QUEUES, type SourceJob } from '../queue/index.ts';
import { resolvePollSettings } from '../sources/config.ts';
import { articleSink } from '../sources/articles.ts';
import { Poller, type CycleReport } from '../sources/poll.ts';
import type { Store } from '../store/store.ts';

/** Source jobs taken per fetch: polled together, a few at a time (the poller's concurrency). */
export const SOURCE_BATCH = 8;

/**
 * A worker's poller: settings from KRONIKA_POLL_* (src/sources/config.ts), stopped by `signal`.
 * Its per-host cap and robots.txt cache are this process's.
 */
export function workerPoller(store: Store, signal: AbortSignal): Poller {
  const settings = resolvePollSettings({});
  return new Poller({
    sources: store.sources,
    articles: articleSink(store),
    policy: settings.policy,
    concurrency: settings.concurrency,
    perHost: settings.perHost,
    ...(settings.timeoutMs !== undefined && { timeoutMs: settings.timeoutMs }),
    signal,
  });
}

/**
 * Fetches up to SOURCE_BATCH source jobs and polls their sources; every job taken is completed
 * (a source removed meanwhile, or left to another worker, too). Resolves with the cycle, or
 * undefined when there was no job.
 */
export async function pollSourceJobs(store: Store, queue: PgBoss, poller: Poller): Promise<CycleReport | undefined> {
  const jobs = await queue.fetch<SourceJob>(QUEUES.source, { batchSize: SOURCE_BATCH });
  if (!jobs || jobs.length === 0) return undefined;
  try {
    const sources = (await Promise.all(jobs.map((job) => store.sources.get(job.data.sourceId)))).filter((s) => s !== undefined);
    const cycle = await poller.pollSources(sources, { force: false });
    await queue.complete(QUEUES.source, jobs.map((job) => job.id));
    return cycle;
  } catch (error) {
    // The store failed: the jobs end failed (visible to `kronika jobs`); the sources stay due and are queued again.
    const message = error instanceof Error ? error.message : String(error);
    for (const job of jobs) await queue.fail(QUEUES.source, job.id, { message }).catch(() => {});
    throw error;
  }
}
