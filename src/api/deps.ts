/** What routes are given: the app's dependencies with defaults filled in. */
import type { FetchedResource } from '../ingest/fetch.ts';
import type { SearchIndex } from '../search/index.ts';
import type { Store } from '../store/legacy.ts';
import type { Article } from '../types.ts';
import type { ArticleAnalysis } from '../analysis/index.ts';

export interface RouteDeps {
  readonly store: Store;
  readonly search: SearchIndex;
  readonly analyze: (article: Article) => Promise<ArticleAnalysis>;
  readonly fetchUrl: (url: string) => Promise<FetchedResource>;
  readonly now: () => Date;
}
