/** What routes are given: the app's dependencies with defaults filled in. */
import type { ServingStages } from '../app/runner.ts';
import type { FetchedResource } from '../ingest/fetch.ts';
import type { Store } from '../store/store.ts';

export interface RouteDeps {
  readonly store: Store;
  /** The stages a POST that stored an article runs (src/app/runner.ts). */
  readonly stages: ServingStages;
  readonly fetchUrl: (url: string) => Promise<FetchedResource>;
  readonly now: () => Date;
}
