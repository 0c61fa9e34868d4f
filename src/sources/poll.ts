/**
 * Polling sources: one cycle over the due (or all, or named) sources, then done — what
 * `kronika sources poll` runs from cron, and what a long-running process repeats. Per source:
 *   1. a conditional GET of the feed, under the per-host cap (feed-request.ts);
 *   2. its items split into new, corrected and known by GUID / canonical URL (items.ts);
 *      known items cost nothing more;
 *   3. summary-only items get their page fetched, if robots.txt allows (pages.ts);
 *   4. the articles are stored in one batch (articles.ts), each with its source's id and outlet
 *      name, a corrected one with `revisionOf` (the article it corrects); then the source's next
 *      state (schedule.ts), its seen items and a log line in one write (store.ts).
 * Articles go first: a crash in between only means the items are read again next time, and
 * articles are content-addressed, so nothing is stored twice.
 */
import { EmptyArticleError, toArticle } from '../ingest/article.ts';
import type { Article, Published, RawDocument } from '../types.ts';
import type { ArticleSink } from './articles.ts';
import { get, type ClientOptions } from './client.ts';
import { requestFeed, type FeedAnswer } from './feed-request.ts';
import { HostLimiter, hostOf } from './host-limit.ts';
import { canonicalUrl, keyItems, triageItems, type KeyedItem } from './items.ts';
import { NetError } from '../net/http.ts';
import { mostCommon, outletOf, primaryLanguage } from './outlet.ts';
import { fetchLinkedPage, PageError } from './pages.ts';
import { RobotsCache, ROBOTS_MAX_BYTES } from './robots.ts';
import { advance, DEFAULT_POLICY, type SchedulePolicy } from './schedule.ts';
import type { SourceStore } from './store.ts';
import type { FailureKind, FeedMetadata, PollOutcome, SeenItemWrite, Source } from './types.ts';

/** Sources polled at once. Loopback bench: 8 keeps one core busy with 304s (bench/poll.ts). */
export const DEFAULT_CONCURRENCY = 8;
/** Requests in flight per host: polite to a server hosting many feeds, still not serial. */
export const DEFAULT_PER_HOST = 2;

export interface PollerOptions extends ClientOptions {
  readonly sources: SourceStore;
  readonly articles: ArticleSink;
  /** The clock (ms); tests pass a fake one. */
  readonly now?: () => number;
  /** For jitter; tests pass a fixed one. */
  readonly random?: () => number;
  readonly policy?: SchedulePolicy;
  readonly concurrency?: number;
  readonly perHost?: number;
  /** Called as each source's poll ends. */
  readonly onSource?: (report: SourcePollReport) => void;
  /**
   * How long a poll may hold its source's lease (store.sources.lease): longer than any poll
   * takes (a feed and its linked pages, each request bounded by its timeout). Default 10 min.
   */
  readonly leaseMs?: number;
  /** Once aborted, a cycle takes no further source; the polls in flight finish. */
  readonly signal?: AbortSignal;
}

/** Default for PollerOptions.leaseMs. */
export const DEFAULT_LEASE_MS = 10 * 60_000;

export interface ItemError {
  readonly url: string;
  readonly message: string;
}

export interface SourcePollReport {
  readonly sourceId: string;
  readonly outlet: string;
  readonly feedUrl: string;
  readonly outcome: PollOutcome['kind'];
  readonly status?: number;
  readonly failure?: FailureKind;
  readonly error?: string;
  /** Articles this poll stored (new items and revisions). */
  readonly articleIds: readonly string[];
  readonly revisions: number;
  /** Items whose page could not be had; their feed summary was kept. */
  readonly itemErrors: readonly ItemError[];
  readonly nextCheckAt: string;
  /** Set when this poll's failure disabled the source. */
  readonly disabledReason?: string;
}

export interface CycleReport {
  readonly polled: number;
  readonly fetched: number;
  readonly notModified: number;
  readonly failed: number;
  /** Sources this cycle disabled. */
  readonly disabled: number;
  /** Sources left alone because their server asked to wait (Retry-After) until the time given. */
  readonly waiting: readonly { readonly sourceId: string; readonly until: string }[];
  /** Sources another poller was refreshing (or had just refreshed): left to it. */
  readonly busy: readonly string[];
  readonly articleIds: readonly string[];
  readonly revisions: number;
  readonly sources: readonly SourcePollReport[];
  /** The earliest next check of any active source after the cycle. */
  readonly nextCheckAt?: string;
}

interface ItemsResult {
  readonly newItems: number;
  readonly articleIds: readonly string[];
  readonly writes: readonly SeenItemWrite[];
  /** Stored articles that correct an earlier one. */
  readonly revisions: number;
  readonly errors: readonly ItemError[];
  readonly languages: readonly string[];
}

export class Poller {
  readonly #options: PollerOptions;
  readonly #now: () => number;
  readonly #policy: SchedulePolicy;
  readonly #limiter: HostLimiter;
  readonly #robots: RobotsCache;

  constructor(options: PollerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#policy = options.policy ?? DEFAULT_POLICY;
    this.#limiter = new HostLimiter(options.perHost ?? DEFAULT_PER_HOST);
    this.#robots = new RobotsCache({
      read: (origin) => options.sources.readRobots(origin),
      save: (record) => options.sources.saveRobots(record),
      fetch: (url, allowPrivate) => this.#fetchRobots(url, allowPrivate),
      now: this.#now,
    });
  }

  /** One cycle over the sources whose next check has come. */
  async pollDue(): Promise<CycleReport> {
    return this.pollSources(await this.#options.sources.due(new Date(this.#now()).toISOString()), { force: false });
  }

  /** One cycle over every active source, due or not (still not before a server's Retry-After). */
  async pollAll(): Promise<CycleReport> {
    return this.pollSources(await this.#options.sources.active());
  }

  /**
   * One cycle over the given sources, a few at a time, hosts interleaved. Each is polled under
   * its lease (store.sources.lease), so another poller's source is left alone; without `force`
   * (the default is to poll them, due or not) a source is also left alone once it is no longer
   * due, e.g. because another poller has just refreshed it.
   */
  async pollSources(sources: readonly Source[], options: { readonly force?: boolean } = {}): Promise<CycleReport> {
    const force = options.force ?? true;
    const leaseMs = this.#options.leaseMs ?? DEFAULT_LEASE_MS;
    const busy: string[] = [];
    const now = new Date(this.#now()).toISOString();
    const waiting = sources
      .filter((s) => s.state.retryAfterUntil && s.state.retryAfterUntil > now)
      .map((s) => ({ sourceId: s.id, until: s.state.retryAfterUntil! }));
    const asked = new Set(waiting.map((w) => w.sourceId));
    const queue = interleaveByHost(sources.filter((s) => !asked.has(s.id)));
    const reports: SourcePollReport[] = [];
    let failure: unknown;
    const worker = async () => {
      for (let source = queue.shift(); source && failure === undefined && !this.#options.signal?.aborted; source = queue.shift()) {
        try {
          const now = this.#now();
          const leased = await this.#options.sources.lease(source.id, new Date(now).toISOString(), new Date(now + leaseMs).toISOString(), { force });
          if (!leased) {
            busy.push(source.id);
            continue;
          }
          const report = await this.pollSource(leased);
          reports.push(report);
          this.#options.onSource?.(report);
        } catch (error) {
          // Only the store or a bug gets here; the workers stop taking sources and it is rethrown.
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency ?? DEFAULT_CONCURRENCY, queue.length) }, worker));
    if (failure !== undefined) throw failure;
    const nextCheckAt = await this.#options.sources.nextCheckAt();
    return {
      polled: reports.length,
      fetched: reports.filter((r) => r.outcome === 'fetched').length,
      notModified: reports.filter((r) => r.outcome === 'not-modified').length,
      failed: reports.filter((r) => r.outcome === 'failed').length,
      disabled: reports.filter((r) => r.disabledReason).length,
      waiting,
      busy,
      articleIds: reports.flatMap((r) => r.articleIds),
      revisions: reports.reduce((n, r) => n + r.revisions, 0),
      sources: reports,
      ...(nextCheckAt && { nextCheckAt }),
    };
  }

  /** Polls one source and records the result. Throws only when the store fails. */
  async pollSource(source: Source): Promise<SourcePollReport> {
    const started = performance.now();
    const at = new Date(this.#now()).toISOString();
    const answer = await requestFeed(source, { client: this.#options, limiter: this.#limiter, now: this.#now });
    const items = answer.kind === 'fetched' ? await this.#items(source, answer, at) : undefined;
    const outcome = outcomeOf(answer, items);
    const state = advance(source.state, outcome, this.#now(), this.#policy, this.#options.random);
    const metadata = answer.kind === 'fetched' ? metadataOf(answer, items!) : undefined;
    const error = outcome.kind === 'failed' ? outcome.message : undefined;
    await this.#options.sources.recordPoll({
      sourceId: source.id,
      state,
      ...(metadata && { metadata }),
      items: items?.writes ?? [],
      log: {
        at,
        ...(outcome.status !== undefined && { status: outcome.status }),
        outcome: outcome.kind,
        newArticles: items?.articleIds.length ?? 0,
        ...(error && { error }),
        durationMs: performance.now() - started,
      },
    });
    return {
      sourceId: source.id,
      outlet: outletOf({ ...source, ...(metadata?.title && { title: metadata.title }) }),
      feedUrl: source.feedUrl,
      outcome: outcome.kind,
      ...(outcome.status !== undefined && { status: outcome.status }),
      ...(outcome.kind === 'failed' && { failure: outcome.failure, error: outcome.message }),
      articleIds: items?.articleIds ?? [],
      revisions: items?.revisions ?? 0,
      itemErrors: items?.errors ?? [],
      nextCheckAt: state.nextCheckAt,
      ...(state.disabledReason && !source.state.disabledReason && { disabledReason: state.disabledReason }),
    };
  }

  /** New and corrected items → articles, stored; what to remember about every item handled. */
  async #items(source: Source, answer: Extract<FeedAnswer, { kind: 'fetched' }>, at: string): Promise<ItemsResult> {
    const keyed = keyItems(answer.feed.items, answer.url);
    const seen = await this.#options.sources.findItems(
      source.id,
      keyed.flatMap((k) => (k.guid ? [k.guid] : [])),
      keyed.flatMap((k) => (k.urlKey ? [k.urlKey] : [])),
    );
    const triage = triageItems(keyed, seen, source.id);
    const outlet = outletOf({ ...source, ...(answer.feed.title && { title: answer.feed.title }) });
    const errors: ItemError[] = [];
    const articles: Article[] = [];
    const writes: SeenItemWrite[] = [];

    for (const item of triage.fresh) {
      const article = await this.#article(item, source, outlet, at, errors);
      if (article) articles.push(article);
      writes.push(itemWrite(item, article?.id, at));
    }
    for (const { keyed: item, seen: row } of triage.changed) {
      const article = await this.#article(item, source, outlet, at, errors);
      // The item's earlier article is the one corrected, whatever URL the page now reports.
      const revised = article && article.id !== row.articleId ? { ...article, ...(row.articleId && { revisionOf: row.articleId }) } : undefined;
      if (revised) articles.push(revised);
      writes.push({ ...itemWrite(item, revised?.id ?? row.articleId, at), id: row.id });
    }

    const revisedIds = new Set(articles.filter((a) => a.revisionOf !== undefined).map((a) => a.id));
    const outcomes = await this.#options.articles.save(articles);
    const stored = outcomes.filter((o) => o.status === 'stored');
    return {
      newItems: triage.fresh.length,
      articleIds: stored.map((o) => o.id),
      writes,
      revisions: stored.filter((o) => revisedIds.has(o.id)).length,
      errors,
      languages: articles.map((a) => a.language).filter((l) => l !== 'und'),
    };
  }

  /** The article an item holds: its page's when it is only a summary (and that is allowed), else the feed's. */
  async #article(item: KeyedItem, source: Source, outlet: string, at: string, errors: ItemError[]): Promise<Article | undefined> {
    let document: RawDocument = item.item.document;
    if (item.item.summaryOnly && source.fetchLinked && item.url) {
      try {
        document = await fetchLinkedPage(document, item.url, { client: this.#options, limiter: this.#limiter, robots: this.#robots }, source.allowPrivate);
      } catch (error) {
        if (!(error instanceof PageError)) throw error;
        errors.push({ url: error.url, message: `${error.message}; kept the feed's summary` });
      }
    }
    try {
      // One spelling of each URL (no tracking parameters), so a corrected article is found at it again.
      const url = canonicalUrl(document.url) ?? item.url;
      return { ...toArticle({ ...document, ...(url && { url }), outlet }, at), sourceId: source.id };
    } catch (error) {
      // An item with no text (a title-only teaser whose page failed) is remembered, not stored.
      if (error instanceof EmptyArticleError) return undefined;
      throw error;
    }
  }

  async #fetchRobots(url: string, allowPrivate: boolean): Promise<{ status: number; body?: string; error?: string }> {
    try {
      const response = await this.#limiter.run(url, () => get(this.#options, url, { allowPrivate, maxBytes: 2 * ROBOTS_MAX_BYTES }));
      return { status: response.status, body: Buffer.from(response.bytes).toString('utf8') };
    } catch (error) {
      if (error instanceof NetError) return { status: 0, error: error.message };
      throw error;
    }
  }
}

function itemWrite(item: KeyedItem, articleId: string | undefined, at: string): SeenItemWrite {
  return {
    ...(item.guid && { guid: item.guid }),
    ...(item.urlKey && { urlKey: item.urlKey }),
    ...(item.url && { url: item.url }),
    ...(articleId && { articleId }),
    contentHash: item.contentHash,
    lastChangedAt: at,
  };
}

function outcomeOf(answer: FeedAnswer, items: ItemsResult | undefined): PollOutcome {
  if (answer.kind !== 'fetched') return answer.kind === 'failed' ? answer : stripped(answer);
  const { feed } = answer;
  return {
    ...stripped(answer),
    kind: 'fetched',
    newItems: items?.newItems ?? 0,
    itemTimes: feed.items.map((i) => publishedMs(i.document.published)).filter((t): t is number => t !== undefined),
    bodyHash: answer.bodyHash,
    ...(feed.ttlMinutes && { ttlMs: feed.ttlMinutes * 60_000 }),
  };
}

/** The answer's HTTP hints without the feed itself. */
function stripped(answer: Exclude<FeedAnswer, { kind: 'failed' }>): Extract<PollOutcome, { kind: 'not-modified' }> {
  return {
    kind: 'not-modified',
    status: answer.status,
    ...(answer.etag && { etag: answer.etag }),
    ...(answer.lastModified && { lastModified: answer.lastModified }),
    ...(answer.freshForMs !== undefined && { freshForMs: answer.freshForMs }),
    ...(answer.retryAfterMs !== undefined && { retryAfterMs: answer.retryAfterMs }),
  };
}

function metadataOf(answer: Extract<FeedAnswer, { kind: 'fetched' }>, items: ItemsResult): FeedMetadata {
  const { feed } = answer;
  let homePage: string | undefined;
  try {
    homePage = feed.link ? new URL(feed.link, answer.url).href : undefined;
  } catch {
    homePage = undefined;
  }
  const language = primaryLanguage(feed.language) ?? mostCommon(items.languages);
  return {
    ...(feed.title && { title: feed.title }),
    ...(homePage && /^https?:/.test(homePage) && { homePage }),
    ...(language && { language }),
  };
}

/** A publication time precise to the day or better, in ms; coarser dates say nothing of a rate. */
function publishedMs(published: Published | undefined): number | undefined {
  if (!published || (published.precision !== 'minute' && published.precision !== 'day')) return undefined;
  const ms = Date.parse(published.value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Sources ordered so consecutive ones sit on different hosts: workers rarely wait on one host's cap. */
function interleaveByHost(sources: readonly Source[]): Source[] {
  const byHost = new Map<string, Source[]>();
  for (const source of sources) {
    const host = hostOf(source.feedUrl);
    const lane = byHost.get(host);
    if (lane) lane.push(source);
    else byHost.set(host, [source]);
  }
  const lanes = [...byHost.values()];
  const out: Source[] = [];
  for (let i = 0; out.length < sources.length; i++) for (const lane of lanes) if (lane[i]) out.push(lane[i]!);
  return out;
}
