/**
 * PostgreSQL mode, for the commands that store articles (`kronika ingest`, `kronika serve`'s
 * POST /api/ingest): they only store, and say so, because `kronika worker` processes run the
 * stages — any number, on any machine, the cluster lease keeping stories in seq order
 * (src/worker/lease.ts). An SQLite store is one process and runs the stages itself.
 */
import type { ServingStages, StageRunner } from '../app/runner.ts';
import type { PipelineReport } from '../app/stages.ts';
import type { Store } from '../store/store.ts';

/** What a storing command tells the user in PostgreSQL mode. */
export const LEFT_TO_WORKERS = 'analysis, search, stories and alerts are left to `kronika worker` processes (`kronika jobs` shows the queue)';

/** Whether the stages of this store run in worker processes rather than in the storing process. */
export function stagesRunInWorkers(store: Store): boolean {
  return store.engine === 'postgres';
}

const NOTHING: PipelineReport = { stages: [] };

const idleRunner: StageRunner = {
  run: async () => NOTHING,
  idle: async () => {},
  poll: () => ({ stop: async () => {} }),
};

/**
 * A server's stages in PostgreSQL mode: none run here; the article a POST stored is picked up by
 * the lease holder, which the store's commit notifies.
 */
export function leftToWorkers(): ServingStages {
  return {
    stored: idleRunner,
    alerts: idleRunner,
    elsewhere: LEFT_TO_WORKERS,
    afterIngest: async () => NOTHING,
    poll: () => ({ stop: async () => {} }),
    idle: async () => {},
  };
}
