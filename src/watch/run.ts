/**
 * Evaluates saved searches and delivers their alerts (issue 8). This is an edge, like
 * src/app/stories.ts: it reads the store and the search index, and delivers through stdout or
 * webhooks. Steps, per watch:
 *   1. Search: the watch's query and filters, restricted to the given (new) articles.
 *   2. Only articles ingested after the watch was created alert: a watch is about news to come.
 *   3. Record: matches go into the store first; one already recorded is never recorded again,
 *      which is what makes an alert fire once per article, also across restarts.
 *   4. Deliver every pending match, oldest first, each claimed first so a concurrent run skips
 *      it; a failure is recorded, stays pending for the next run, and stops this watch's
 *      deliveries for this run (its receiver is down).
 */
import { findStoryIn, loadStoryEngine } from '../app/stories.ts';
import { MAX_SEARCH_LIMIT, type SearchHit, type SearchIndex } from '../search/index.ts';
import type { DeliveryOutcome, Store, Watch } from '../store/legacy.ts';
import type { StoryEngine } from '../stories/engine.ts';
import { buildAlert, type Alert, type AlertStory } from './alert.ts';
import { DEFAULT_RETRY, postAlert, type Fetch, type RetryOptions } from './deliver.ts';

export interface WatchRunOptions {
  /** Only these articles (what an ingest just stored); every indexed article when absent. */
  readonly articleIds?: readonly string[];
  /** Public address of the web UI; alerts then carry `story.url`. */
  readonly baseUrl?: string;
  /** Where alerts of watches without a webhook go, one JSON line each. */
  readonly print: (line: string) => void;
  readonly retry?: RetryOptions;
  readonly fetch?: Fetch;
  readonly now?: () => Date;
}

export interface WatchRunReport {
  readonly watches: number;
  /** Matches recorded in this run (each fires once). */
  readonly matched: number;
  readonly delivered: number;
  /** Alerts whose delivery failed in this run; they stay pending. */
  readonly failed: number;
  /** Alerts still pending after this run. */
  readonly pending: number;
}

/**
 * Runs every watch once against the index. The index must already hold the articles (call
 * syncSearchIndex first).
 * @example await runWatches(store, index, { articleIds: result.articleIds, print: console.log })
 */
export async function runWatches(store: Store, index: SearchIndex, options: WatchRunOptions): Promise<WatchRunReport> {
  const watches = store.listWatches();
  const totals = { watches: watches.length, matched: 0, delivered: 0, failed: 0, pending: 0 };
  if (watches.length === 0 || (options.articleIds?.length === 0 && watches.every((w) => w.pending === 0))) return totals;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const leaseMs = leaseFor(options.retry ?? DEFAULT_RETRY);
  let engine: StoryEngine | undefined;
  const storyOf = (articleId: string): AlertStory | undefined => {
    engine ??= loadStoryEngine(store).engine;
    const id = engine.eventOf(articleId);
    const story = id === undefined ? undefined : findStoryIn(engine, id);
    return story && { id: story.id, ...(story.title && { title: story.title }) };
  };

  for (const watch of watches) {
    const fresh = searchWatch(index, watch, options.articleIds).filter((hit) => {
      const article = store.getArticle(hit.articleId);
      return article !== undefined && article.ingestedAt >= watch.createdAt;
    });
    totals.matched += store.recordWatchMatches(
      watch.id, fresh.map((hit) => ({ articleId: hit.articleId, sentence: hit.sentence.text })), now()).length;

    for (;;) {
      const at = clock();
      const match = store.claimWatchMatch(watch.id, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString());
      if (!match) break;
      const article = store.getArticle(match.articleId);
      const outcome: DeliveryOutcome = article
        ? await deliver(watch, buildAlert(watch, article, storyOf(article.id), match.sentence, options.baseUrl), options)
        : { status: 'failed', error: `article ${match.articleId} is no longer stored`, attempts: 1 };
      store.recordDelivery(watch.id, match.articleId, outcome, now());
      if (outcome.status === 'failed') {
        totals.failed++;
        break;
      }
      totals.delivered++;
    }
    totals.pending += store.pendingWatchMatches(watch.id).length;
  }
  return totals;
}

/**
 * How long a claimed alert is held: every try timing out plus every back-off wait, and a minute
 * of margin for a slow store. A run that dies mid-delivery frees its alert after this.
 */
function leaseFor(retry: RetryOptions): number {
  const waits = retry.backoffMs * (2 ** Math.max(retry.attempts - 1, 0) - 1);
  return retry.attempts * retry.timeoutMs + waits + 60_000;
}

function deliver(watch: Watch, alert: Alert, options: WatchRunOptions): Promise<DeliveryOutcome> {
  if (watch.webhook) return postAlert(watch.webhook, alert, options.retry ?? DEFAULT_RETRY, options.fetch);
  options.print(JSON.stringify(alert));
  return Promise.resolve({ status: 'delivered' });
}

/**
 * Every hit of the watch's query, page by page. Restricted to `articleIds` in slices, so a big
 * ingest never builds one huge id list for the index.
 */
function searchWatch(index: SearchIndex, watch: Watch, articleIds?: readonly string[]): SearchHit[] {
  const filters = { ...(watch.language && { language: watch.language }), ...(watch.source && { source: watch.source }) };
  const slices = articleIds ? chunks(articleIds, MAX_SEARCH_LIMIT) : [undefined];
  const hits: SearchHit[] = [];
  for (const ids of slices) {
    for (let offset = 0; ; offset += MAX_SEARCH_LIMIT) {
      const page = index.search(watch.query, { ...filters, ...(ids && { articleIds: ids }), limit: MAX_SEARCH_LIMIT, offset });
      hits.push(...page);
      if (page.length < MAX_SEARCH_LIMIT) break;
    }
  }
  return hits;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
