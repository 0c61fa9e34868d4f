/**
 * The cluster lease: among all workers, the one holding a session-level advisory lock (one per
 * partition; today the whole store is partition 0) is the single writer of the order-dependent
 * stages. The lock is the server's: it ends with its holder's connection, so a crashed or
 * stopped holder hands over to the next worker that asks, which picks up from the cursors.
 *
 * What the holder does, in passes (woken by notifications, and at least every POLL_MS):
 * 1. dispatch: queues one `article` job per article stored since its `dispatch` cursor (by any
 *    process: `kronika ingest`, the API, `kronika migrate`), so producers need no queue;
 * 2. moves the `analyse` and `index` cursors over the longest run of articles, in seq order,
 *    that workers have analysed and indexed (workers finish out of order; a gap waits);
 * 3. runs the cluster and alert stages up to those cursors (src/app/stages.ts), so articles
 *    join stories in seq order exactly as one SQLite process would cluster them;
 * 4. once clustering has caught up with every stored article, consolidates the stories — the
 *    point where one process consolidates after an ingest — and records that in the
 *    `consolidate` cursor, so any process can tell the stories are settled.
 */
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import { runStages, type PipelineReport } from '../app/stages.ts';
import { queueArticles } from '../queue/index.ts';
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.ts';
import type { DeliveryOptions } from '../watch/run.ts';

/** Articles (ids and seqs: `refsAfter`) read per page while dispatching. */
const PAGE = 500;
/** Articles read per page while looking for the index frontier: it usually moves by a few articles per pass. */
const FRONTIER_PAGE = 50;

/**
 * While workers are still analysing a burst, clustering waits until this many analysed articles
 * are waiting: every clustering commit is a transaction with its own reads and writes of the
 * story tables (src/store/postgres/stories.ts), so clustering a few articles at a time would take
 * the holder's time (and the server's) from analysis. Once analysis has caught up with every stored article,
 * clustering runs at once, so a trickle of articles joins its stories without delay; so does it
 * when fewer articles are left to analyse than are waiting (leasePass). Batching
 * changes nothing in the stories: articles join in seq order either way.
 */
export const CLUSTER_BATCH = 200;

/** Cursors the lease keeps besides the stages' own (src/store/store.ts, CursorStore). */
export const LEASE_CURSORS = Object.freeze({ dispatch: 'dispatch', consolidate: 'consolidate' });

export interface LeasePass {
  /** Jobs queued for newly stored articles. */
  readonly dispatched: number;
  /** What the cluster and alert stages did. */
  readonly stages: PipelineReport;
  /** True when the stories were consolidated in this pass. */
  readonly consolidated: boolean;
  /** Every stored article is clustered and the stories are consolidated. */
  readonly settled: boolean;
}

/**
 * Queues jobs for articles stored after the dispatch cursor; returns how many. `queued` is told
 * after each page, so workers start on a burst's first jobs while the rest is queued and the
 * pass goes on (src/worker/index.ts).
 */
async function dispatch(store: Store, boss: PgBoss, queued?: (jobs: number) => void): Promise<number> {
  const cursors = await store.cursors.all();
  // Articles analysed and indexed already (e.g. moved over by `kronika migrate`) need no job.
  let from = Math.max(cursors[LEASE_CURSORS.dispatch] ?? 0, Math.min(cursors.analyse ?? 0, cursors.index ?? 0));
  let total = 0;
  for (;;) {
    const page = await store.articles.refsAfter(from, PAGE);
    if (page.length === 0) break;
    await queueArticles(boss, page);
    queued?.(page.length);
    from = page[page.length - 1]!.seq;
    // Queued before the cursor moves: a crash in between queues some jobs twice, and a job
    // for work done already costs one read (src/worker/article.ts).
    await store.cursors.advance(LEASE_CURSORS.dispatch, from);
    total += page.length;
  }
  return total;
}

/** The highest seq up to which every article has a current analysis. */
async function analysedThrough(store: Store, cursor: number, last: number): Promise<number> {
  const [gap] = await store.analyses.outdated(ANALYSIS_VERSION, cursor, 1);
  return gap ? Math.min(gap.seq - 1, last) : last;
}

/** The highest seq up to `limit` through which every article is indexed. */
async function indexedThrough(store: Store, cursor: number, limit: number): Promise<number> {
  let through = cursor;
  while (through < limit) {
    const page = (await store.articles.refsAfter(through, FRONTIER_PAGE)).filter((a) => a.seq <= limit);
    if (page.length === 0) return limit;
    const indexed = await store.search.indexed(page.map((a) => a.id));
    for (const article of page) {
      if (!indexed.has(article.id)) return through;
      through = article.seq;
    }
  }
  return through;
}

/**
 * One pass of the lease holder's work; `queued` is told of each page of jobs as it is queued.
 * @example const pass = await leasePass(store, boss, { print: console.log })
 */
export async function leasePass(store: Store, boss: PgBoss, alerts: DeliveryOptions, queued?: (jobs: number) => void): Promise<LeasePass> {
  const dispatched = await dispatch(store, boss, queued);
  const last = await store.articles.lastSeq();
  const cursors = await store.cursors.all();
  const analysed = await analysedThrough(store, cursors.analyse ?? 0, last);
  if (analysed > (cursors.analyse ?? 0)) await store.cursors.advance('analyse', analysed);
  const indexed = await indexedThrough(store, cursors.index ?? 0, analysed);
  if (indexed > (cursors.index ?? 0)) await store.cursors.advance('index', indexed);
  const waiting = analysed - (cursors.cluster ?? 0);
  // Near the end of a burst, what is waiting goes as soon as it outnumbers what is left to
  // analyse: the passes shrink as the burst ends (one worker on the 1,000-article workers bench:
  // 108, 72, then 4 articles, where the last page of 200 waited before) and the pass left once
  // analysis has caught up, which the stream waits for, is a small one. Articles are analysed
  // about in seq order (src/queue/index.ts queueArticles), so `analysed` moves smoothly.
  const cluster = waiting > 0 && (analysed >= last || waiting >= CLUSTER_BATCH || waiting >= last - analysed);
  const stages = await runStages(store, { stages: cluster ? ['cluster', 'alert'] : ['alert'], consolidate: false, alerts });
  if (stages.failed) throw new Error(`${stages.failed.stage} stage failed: ${stages.failed.error}`);

  const clustered = await store.cursors.get('cluster');
  let consolidatedAt = await store.cursors.get(LEASE_CURSORS.consolidate);
  if (consolidatedAt > clustered) {
    // The stories were cleared and are being clustered again (`kronika stories --rebuild`).
    consolidatedAt = 0;
    await store.cursors.reset(LEASE_CURSORS.consolidate, 0);
  }
  let consolidated = false;
  // Caught up with every article stored when this pass began, and something joined since the
  // last consolidation (cursors never move back, so `clustered > consolidatedAt` says that).
  if (clustered >= last && clustered > consolidatedAt) {
    await store.stories.consolidate();
    await store.cursors.reset(LEASE_CURSORS.consolidate, clustered);
    consolidated = true;
  }
  const settled = clustered >= last && (consolidated || clustered <= consolidatedAt);
  return { dispatched, stages, consolidated, settled };
}

/**
 * Whether the stream is settled: every stored article analysed, indexed, clustered and its
 * stories consolidated by a lease holder (what tests and `kronika jobs` wait for).
 */
export async function streamSettled(store: Store): Promise<boolean> {
  const [last, cursors] = await Promise.all([store.articles.lastSeq(), store.cursors.all()]);
  return ['analyse', 'index', 'cluster', 'alert', LEASE_CURSORS.consolidate].every((c) => (cursors[c] ?? 0) >= last);
}
