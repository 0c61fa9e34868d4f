/**
 * Evaluates saved searches and delivers their alerts: the alert stage of the stream
 * (src/app/stages.ts) and `kronika watch run`. Steps:
 *   1. Search: each watch's query and filters, restricted to the given (new) articles.
 *   2. Only articles ingested after the watch was created alert: a watch is about news to come.
 *   3. Record: matches go into the store first; one already recorded is never recorded again,
 *      which is what makes an alert fire once per article, also across restarts.
 *   4. Deliver every pending match, oldest first, each claimed first so a concurrent run skips
 *      it; a failure is recorded, stays pending for the next run, and stops this watch's
 *      deliveries for this run (its receiver is down).
 */
import { MAX_SEARCH_LIMIT, type SearchHit } from '../search/index.ts';
import type { DeliveryOutcome, Store, StoreConcerns, Watch } from '../store/store.ts';
import { buildAlert, type Alert, type AlertStory } from './alert.ts';
import { DEFAULT_RETRY, postAlert, type RetryOptions, type WebhookNet } from './deliver.ts';

export interface DeliveryOptions {
  /** Public address of the web UI; alerts then carry `story.url`. */
  readonly baseUrl?: string;
  /**
   * Where alerts of watches without a webhook go, one JSON line each. Without it they stay
   * pending for a run that prints them (`kronika watch run`), and only webhooks are delivered:
   * a command whose output is something else (`kronika ingest`) never mixes alerts into it.
   */
  readonly print?: (line: string) => void;
  readonly retry?: RetryOptions;
  /** Webhook address policy, e.g. { allowPrivate: true } (src/watch/deliver.ts). */
  readonly net?: WebhookNet;
  readonly now?: () => Date;
}

export interface WatchRunOptions extends DeliveryOptions {
  /** Only these articles (what an ingest just stored); every indexed article when absent. */
  readonly articleIds?: readonly string[];
}

export interface DeliveryReport {
  readonly delivered: number;
  /** Alerts whose delivery failed in this run; they stay pending. */
  readonly failed: number;
  /** Alerts still pending after this run. */
  readonly pending: number;
}

export interface WatchRunReport extends DeliveryReport {
  readonly watches: number;
  /** Matches recorded in this run (each fires once). */
  readonly matched: number;
}

/**
 * Records, for every watch, the matches among these articles (all indexed articles when
 * undefined) that were ingested after the watch was created; returns how many are new. Works on
 * the store or inside a transaction (the alert stage records and moves its cursor together).
 */
export async function recordWatchMatches(
  store: StoreConcerns, watches: readonly Watch[], articleIds: readonly string[] | undefined, at: string,
): Promise<number> {
  let recorded = 0;
  for (const watch of watches) {
    const hits = await searchWatch(store, watch, articleIds);
    const ingested = new Map((await store.articles.getMany(hits.map((h) => h.articleId))).map((a) => [a.id, a.ingestedAt]));
    const fresh = hits.filter((hit) => (ingested.get(hit.articleId) ?? '') >= watch.createdAt);
    recorded += (await store.watches.recordMatches(watch.id, fresh.map((hit) => ({ articleId: hit.articleId, sentence: hit.sentence.text })), at)).length;
  }
  return recorded;
}

/**
 * Delivers every pending alert of every watch, each claimed first (never inside a transaction:
 * webhooks take network time).
 * @example await deliverAlerts(store, { print: (line) => process.stdout.write(line + '\n') })
 */
export async function deliverAlerts(store: Store, options: DeliveryOptions): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const leaseMs = leaseFor(options.retry ?? DEFAULT_RETRY);
  const totals = { delivered: 0, failed: 0, pending: 0 };
  const storyOf = async (articleId: string): Promise<AlertStory | undefined> => {
    const story = await store.stories.ofArticle(articleId, 'event').catch(() => undefined);
    return story && { id: story.id, ...(story.title && { title: story.title }) };
  };
  for (const watch of await store.watches.list()) {
    if (watch.pending === 0) continue;
    if (!watch.webhook && !options.print) {
      totals.pending += watch.pending;
      continue;
    }
    for (;;) {
      const at = clock();
      const match = await store.watches.claim(watch.id, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString());
      if (!match) break;
      const article = await store.articles.get(match.articleId);
      const outcome: DeliveryOutcome = article
        ? await deliver(watch, buildAlert(watch, article, await storyOf(article.id), match.sentence, options.baseUrl), options)
        : { status: 'failed', error: `article ${match.articleId} is no longer stored`, attempts: 1 };
      await store.watches.recordDelivery(watch.id, match.articleId, outcome, clock().toISOString());
      if (outcome.status === 'failed') {
        totals.failed++;
        break;
      }
      totals.delivered++;
    }
    totals.pending += (await store.watches.pending(watch.id)).length;
  }
  return totals;
}

/**
 * Runs every watch once against the search index, then delivers. The index must already hold
 * the articles (the index stage puts them there).
 * @example await runWatches(store, { articleIds: result.articleIds, print: console.log })
 */
export async function runWatches(store: Store, options: WatchRunOptions): Promise<WatchRunReport> {
  const watches = await store.watches.list();
  if (watches.length === 0 || (options.articleIds?.length === 0 && watches.every((w) => w.pending === 0))) {
    return { watches: watches.length, matched: 0, delivered: 0, failed: 0, pending: 0 };
  }
  const now = (options.now ?? (() => new Date()))().toISOString();
  const matched = await recordWatchMatches(store, watches, options.articleIds, now);
  return { watches: watches.length, matched, ...await deliverAlerts(store, options) };
}

/**
 * How long a claimed alert is held: every try timing out plus every back-off wait, and a minute
 * of margin for a slow store. A run that dies mid-delivery frees its alert after this.
 */
function leaseFor(retry: RetryOptions): number {
  const waits = retry.backoffMs * (2 ** Math.max(retry.attempts - 1, 0) - 1);
  return retry.attempts * retry.timeoutMs + waits + 60_000;
}

function deliver(watch: Watch, alert: Alert, options: DeliveryOptions): Promise<DeliveryOutcome> {
  if (watch.webhook) return postAlert(watch.webhook, alert, options.retry ?? DEFAULT_RETRY, options.net);
  options.print!(JSON.stringify(alert));
  return Promise.resolve({ status: 'delivered' });
}

/**
 * Every hit of the watch's query, page by page. Restricted to `articleIds` in slices, so a big
 * ingest never builds one huge id list for the index.
 */
async function searchWatch(store: StoreConcerns, watch: Watch, articleIds?: readonly string[]): Promise<SearchHit[]> {
  const filters = { ...(watch.language && { language: watch.language }), ...(watch.source && { source: watch.source }) };
  const slices = articleIds ? chunks(articleIds, MAX_SEARCH_LIMIT) : [undefined];
  const hits: SearchHit[] = [];
  for (const ids of slices) {
    for (let offset = 0; ; offset += MAX_SEARCH_LIMIT) {
      const page = await store.search.search(watch.query, { ...filters, ...(ids && { articleIds: ids }), limit: MAX_SEARCH_LIMIT, offset });
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
