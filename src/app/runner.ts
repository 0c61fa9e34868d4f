/**
 * Keeps the stages running in a long-lived process (`kronika serve`): runs them when asked (after
 * its own POST /api/ingest) and when the store has articles the stages have not seen (written by
 * another process, e.g. a `kronika ingest` from cron), one run at a time.
 */
import type { Store } from '../store/store.ts';
import { runStages, stageLag, type PipelineOptions, type PipelineReport } from './stages.ts';

/** How often a serving process looks for articles another process stored: a new article shows within a second or two. */
export const POLL_INTERVAL_MS = 1000;
/** After a run with a failed stage the next poll waits twice as long, up to this: a broken stage is not retried every second. */
const LONGEST_POLL_MS = 60_000;

export interface StageRunner {
  /** Runs the stages; if a run is going on, another starts right after it. Resolves with a run that started after the call. */
  run(): Promise<PipelineReport>;
  /** Resolves once no run is going on or queued. */
  idle(): Promise<void>;
  /** Starts polling the store for new articles; `stop` ends it after the run in progress. */
  poll(intervalMs?: number): { stop(): Promise<void> };
}

/**
 * @example const runner = stageRunner(store, { alerts }, (report) => log(report)); runner.poll(); await runner.run()
 */
export function stageRunner(store: Store, options: PipelineOptions = {}, onReport: (report: PipelineReport) => void = () => {}): StageRunner {
  let current: Promise<PipelineReport> | undefined;
  let next: Promise<PipelineReport> | undefined;

  const start = (): Promise<PipelineReport> => {
    const run = runStages(store, options).then((report) => {
      onReport(report);
      return report;
    });
    current = run;
    void run.finally(() => {
      if (current === run) current = undefined;
    }).catch(() => {});
    return run;
  };

  const runner: StageRunner = {
    run() {
      if (!current) return start();
      // One queued run covers every request made while a run is going on.
      next ??= current.catch(() => undefined).then(() => {
        next = undefined;
        return start();
      });
      return next;
    },
    async idle() {
      while (current || next) await (next ?? current)!.catch(() => undefined);
    },
    poll(intervalMs = POLL_INTERVAL_MS) {
      return pollWith(store, runner, intervalMs);
    },
  };
  return runner;
}

/**
 * Looks for articles the stages have not seen every `intervalMs` and runs `runner` when there are;
 * after a run with a failed stage it waits twice as long each time, up to LONGEST_POLL_MS.
 */
function pollWith(store: Store, runner: Pick<StageRunner, 'run' | 'idle'>, intervalMs = POLL_INTERVAL_MS): { stop(): Promise<void> } {
  let stopped = false;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wait = intervalMs;
  const tick = async () => {
    if (stopped) return;
    let ok = true;
    try {
      const lag = await stageLag(store);
      if (Object.values(lag).some((n) => n > 0) && !running) {
        running = true;
        ok = !(await runner.run()).failed;
      }
    } catch {
      // A failing check (store busy, closing) is retried at the next tick.
      ok = false;
    } finally {
      running = false;
    }
    wait = ok ? intervalMs : Math.min(wait * 2, LONGEST_POLL_MS);
    if (!stopped) timer = setTimeout(tick, wait);
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await runner.idle();
    },
  };
}

/**
 * The stages of a serving process: `stored` (analyse, index, cluster) awaited by a POST that
 * stored an article, so its answer can say where the article went; `alerts` after it, never
 * awaited (webhooks take network time); `poll` catches up with other processes' articles.
 */
export interface ServingStages {
  readonly stored: StageRunner;
  readonly alerts: StageRunner;
  /** Set when the stages run in other processes (PostgreSQL mode, src/worker/serving.ts): what to tell the user. */
  readonly elsewhere?: string;
  /** Runs both now (stored, then alerts); resolves when the stored stages are done. */
  afterIngest(): Promise<PipelineReport>;
  poll(intervalMs?: number): { stop(): Promise<void> };
  idle(): Promise<void>;
}

/**
 * @example const stages = servingStages(store, { alerts: { print } }, log); stages.poll()
 */
export function servingStages(
  store: Store,
  options: Pick<PipelineOptions, 'alerts'> = {},
  onReport: (report: PipelineReport) => void = () => {},
): ServingStages {
  const stored = stageRunner(store, { stages: ['analyse', 'index', 'cluster'] }, onReport);
  const alerts = stageRunner(store, { stages: ['alert'], ...options }, onReport);
  const afterIngest = async () => {
    const report = await stored.run();
    void alerts.run().catch(() => {});
    return report;
  };
  return {
    stored,
    alerts,
    afterIngest,
    poll(intervalMs) {
      return pollWith(store, {
        run: async () => {
          const first = await stored.run();
          const second = await alerts.run();
          return { stages: [...first.stages, ...second.stages], ...(first.failed ?? second.failed ? { failed: first.failed ?? second.failed } : {}) };
        },
        idle: () => this.idle(),
      }, intervalMs);
    },
    async idle() {
      await stored.idle();
      await alerts.idle();
    },
  };
}
