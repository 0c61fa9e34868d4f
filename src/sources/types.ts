/**
 * The records of source monitoring: a Source (a feed Kronika follows), its polling state, and
 * what one poll found. The scheduler (schedule.ts) turns a state and a poll outcome into the
 * next state; the store (store.ts) keeps them; the poller (poll.ts) does the I/O in between.
 * Times are ISO 8601 strings in UTC, as everywhere in Kronika's records.
 */

/**
 * Why a poll failed, named by what it says about the source's future (see FAILURE_WEIGHTS in
 * failures.ts): a timeout or a 500 usually passes, a name that no longer resolves or a 410 does not.
 */
export type FailureKind =
  | 'dns'           // the host name does not resolve
  | 'connect'       // refused, reset, unreachable
  | 'timeout'       // no complete answer in time (also a server trickling bytes)
  | 'server'        // 5xx
  | 'rate-limited'  // 429, or 503 with Retry-After: the server asks us to wait
  | 'not-found'     // 404
  | 'gone'          // 410: the publisher removed the feed for good (RFC 9110 §15.5.11)
  | 'forbidden'     // 401, 403
  | 'client'        // other 4xx
  | 'parse'         // the answer is not a readable feed (malformed XML, an HTML page…)
  | 'too-large'     // over the size cap
  | 'redirects'     // too many redirects, or a loop
  | 'blocked'       // resolves to an address Kronika may not reach (internal network)
  | 'bad-url'       // not an http(s) URL
  | 'protocol';     // broken HTTP

/** Polling state of one source: what the scheduler reads and writes. */
export interface SourceState {
  /** The source is due when this time has come. */
  readonly nextCheckAt: string;
  readonly lastCheckAt?: string;
  /** Last poll that got an answer (200 or 304): the start of the next publishing-rate interval. */
  readonly lastSuccessAt?: string;
  readonly lastStatus?: number;
  /** Validators from the last answer, sent back as If-None-Match / If-Modified-Since. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** Hash of the last feed body, so a server ignoring conditional requests costs no parse. */
  readonly bodyHash?: string;
  /** The regular interval chosen at the last success, before jitter and back-off. */
  readonly intervalMs: number;
  /**
   * Publishing rate as exponentially decayed sums: new items seen and hours observed. Their
   * ratio is the recent rate; both fade with the same half-life (schedule.ts).
   */
  readonly rateItems: number;
  readonly rateHours: number;
  /** Failures since the last success, each weighted by its kind (failures.ts). */
  readonly failureScore: number;
  readonly consecutiveErrors: number;
  /** When the current run of failures began. */
  readonly failingSince?: string;
  readonly lastError?: string;
  readonly lastErrorKind?: FailureKind;
  readonly lastErrorAt?: string;
  /** A server's Retry-After: nothing is sent before this time, not even by `poll --all`. */
  readonly retryAfterUntil?: string;
  /** Set when the scheduler gave up on the source; `sources resume` clears it. */
  readonly disabledReason?: string;
}

/** What a user chooses about a source. */
export interface SourceSettings {
  /** The user's name for the outlet; wins over the feed's title. */
  readonly name?: string;
  /** Fetch the page of an item that carries only a summary (on by default). */
  readonly fetchLinked: boolean;
  /** May reach loopback and private addresses (an intranet feed; tests). Off by default. */
  readonly allowPrivate: boolean;
  readonly paused: boolean;
}

/** A feed Kronika follows. */
export interface Source extends SourceSettings {
  readonly id: string;
  readonly feedUrl: string;
  /** The outlet's home page: the feed's own link, else the site URL it was found on. */
  readonly homePage?: string;
  /** The feed's title as published. */
  readonly title?: string;
  /** The site's name (og:site_name) when the feed was found from its home page. */
  readonly siteName?: string;
  /** Language code the feed declares, else the one most of its articles are in. */
  readonly language?: string;
  readonly addedAt: string;
  /** Distinct items seen in the feed so far. */
  readonly itemsSeen: number;
  readonly state: SourceState;
}

/** A source to add; the store fills in the id and the initial state (due now). */
export interface NewSource {
  readonly feedUrl: string;
  readonly homePage?: string;
  readonly title?: string;
  readonly siteName?: string;
  readonly language?: string;
  readonly name?: string;
  readonly fetchLinked?: boolean;
  readonly allowPrivate?: boolean;
  readonly addedAt: string;
}

/** What a poll learned about the feed itself. */
export interface FeedMetadata {
  readonly title?: string;
  readonly homePage?: string;
  readonly language?: string;
}

/** The answer to one poll, as the scheduler needs it (no bodies, no I/O). */
export type PollOutcome =
  | {
      readonly kind: 'fetched';
      readonly status: number;
      /** Items not seen before. */
      readonly newItems: number;
      /** Publication times (ms) of the items in the feed: the first poll seeds the rate with them. */
      readonly itemTimes: readonly number[];
      readonly etag?: string;
      readonly lastModified?: string;
      readonly bodyHash?: string;
      /** How long the server says the answer stays fresh (Cache-Control max-age, Expires). */
      readonly freshForMs?: number;
      /** The feed's own `<ttl>`. */
      readonly ttlMs?: number;
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'not-modified';
      readonly status: number;
      readonly etag?: string;
      readonly lastModified?: string;
      readonly freshForMs?: number;
      readonly retryAfterMs?: number;
    }
  | {
      readonly kind: 'failed';
      readonly failure: FailureKind;
      readonly message: string;
      readonly status?: number;
      readonly retryAfterMs?: number;
    };

/** An item of a feed as remembered: the identity that makes "already seen" a lookup. */
export interface SeenItem {
  readonly id: number;
  readonly sourceId: string;
  readonly guid?: string;
  /** The item's link in canonical form (items.ts), the identity when a feed has no guids. */
  readonly urlKey?: string;
  readonly url?: string;
  /** The article the item became, if it held any text. */
  readonly articleId?: string;
  /** Hash of the item's title and text in the feed: a change means a revised article. */
  readonly contentHash: string;
  readonly firstSeenAt: string;
  readonly lastChangedAt: string;
}

/** A seen-item row to write: `id` updates that row, without it a new row is added. */
export type SeenItemWrite = Omit<SeenItem, 'id' | 'sourceId' | 'firstSeenAt'> & { readonly id?: number };

/** One line of a source's poll history, for health pages. */
export interface PollLogEntry {
  readonly at: string;
  readonly status?: number;
  readonly outcome: PollOutcome['kind'];
  readonly newArticles: number;
  readonly error?: string;
  readonly durationMs: number;
}

/** Everything one poll changes, written together (one transaction in SQL engines). */
export interface PollRecord {
  readonly sourceId: string;
  readonly state: SourceState;
  readonly metadata?: FeedMetadata;
  readonly items: readonly SeenItemWrite[];
  readonly log: PollLogEntry;
}

/** A cached robots.txt (robots.ts): the body when fetched, else the status that decided. */
export interface RobotsRecord {
  /** `https://example.pl` — scheme, host and port, as RFC 9309 scopes the file. */
  readonly origin: string;
  readonly status: number;
  readonly body?: string;
  /** Why no answer came, when status is 0. */
  readonly error?: string;
  readonly fetchedAt: string;
}
