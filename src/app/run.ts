/**
 * The polling side of `kronika run` (src/cli/commands/run.ts): every source is refreshed when
 * its next check comes, as stored (`next_check_at`), so a restarted process resumes every
 * schedule where the last one left it and polls nothing early.
 *
 * SQLite: this process polls (src/sources/poll.ts) and hands what it stored to the stages.
 * PostgreSQL: this process only schedules: each due source becomes a `kronika-source` job that
 * some `kronika worker` polls (src/worker/sources.ts). Either way a poll runs under the source's
 * lease (store.sources.lease), so no source is refreshed twice at once, by this process, a
 * worker, or a cron `kronika sources poll`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedPollSettings } from '../sources/config.ts';
import { articleSink } from '../sources/articles.ts';
import { DEFAULT_LEASE_MS, Poller, type CycleReport, type SourcePollReport } from '../sources/poll.ts';
import type { Store } from '../store/store.ts';

/**
 * Longest sleep between two looks at the schedule: a source added meanwhile (by `kronika sources
 * add` in another process) is polled within this time. The look is one indexed MIN query.
 */
export const RECHECK_MS = 5000;
/** After the store failed (busy, restarting), the next try waits this long, doubling up to a minute. */
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 60_000;

export interface SourcePollingOptions {
  readonly settings: ResolvedPollSettings;
  /** After a cycle that polled something. */
  readonly onCycle?: (cycle: CycleReport) => void;
  readonly onSource?: (report: SourcePollReport) => void;
  /** A cycle stored new articles: run the stages now (SQLite). */
  readonly onArticles?: (ids: readonly string[]) => void;
  /** Hands due sources to the workers instead of polling them here (PostgreSQL). */
  readonly dispatch?: (sourceIds: readonly string[]) => Promise<number>;
  readonly log: (error: unknown) => void;
  readonly recheckMs?: number;
  /** Request hooks for tests (DNS, the HTTP client). */
  readonly client?: Pick<ConstructorParameters<typeof Poller>[0], 'lookup' | 'request'>;
}

export interface SourcePolling {
  /** Takes no further source; resolves once the polls in flight are recorded. */
  stop(): Promise<void>;
}

/**
 * Starts polling (or, with `dispatch`, scheduling) the store's sources on their schedules.
 * @example const polling = startSourcePolling(store, { settings, log }); … await polling.stop()
 */
export function startSourcePolling(store: Store, options: SourcePollingOptions): SourcePolling {
  const stopping = new AbortController();
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const poller = new Poller({
    sources: store.sources,
    articles: articleSink(store),
    policy: options.settings.policy,
    concurrency: options.settings.concurrency,
    perHost: options.settings.perHost,
    ...(options.settings.timeoutMs !== undefined && { timeoutMs: options.settings.timeoutMs }),
    ...options.client,
    ...(options.onSource && { onSource: options.onSource }),
    signal: stopping.signal,
  });
  // Sources handed to the workers, and when: not handed again while a worker may hold its lease.
  // (The queue keeps one waiting job per source anyway, src/queue; this only spares the inserts.)
  const dispatched = new Map<string, number>();

  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => {});

  /** One pass: what is due now is polled (or dispatched); resolves with how long to wait next. */
  const pass = async (): Promise<number> => {
    const next = await store.sources.nextCheckAt();
    const wait = next === undefined ? recheckMs : Math.min(Date.parse(next) - Date.now(), recheckMs);
    if (wait > 0) return wait;
    if (options.dispatch) {
      const now = Date.now();
      for (const [id, at] of dispatched) if (now - at > DEFAULT_LEASE_MS) dispatched.delete(id);
      const due = (await store.sources.due(new Date(now).toISOString())).filter((s) => !dispatched.has(s.id));
      if (due.length > 0) {
        await options.dispatch(due.map((s) => s.id));
        for (const source of due) dispatched.set(source.id, now);
      }
      return recheckMs;
    }
    const cycle = await poller.pollDue();
    if (cycle.polled > 0) options.onCycle?.(cycle);
    if (cycle.articleIds.length > 0) options.onArticles?.(cycle.articleIds);
    // Nothing polled although something was due (asked to wait, or leased elsewhere): look again later.
    return cycle.polled === 0 ? recheckMs : 0;
  };

  const loop = (async () => {
    let retry = FIRST_RETRY_MS;
    while (!stopping.signal.aborted) {
      let wait: number;
      try {
        wait = await pass();
        retry = FIRST_RETRY_MS;
      } catch (error) {
        options.log(error);
        wait = retry;
        retry = Math.min(retry * 2, LONGEST_RETRY_MS);
      }
      if (wait > 0 && !stopping.signal.aborted) await pause(wait);
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
