/**
 * The synchronous Store the callers used before the async contract (store.ts). Kept only while
 * this branch migrates them; removed once none imports it.
 */
import type { Article, Language } from '../types.ts';

export interface ArticleFilter {
  /** Outlet name (exact, case-insensitive). */
  readonly source?: string;
  readonly language?: Language;
  /**
   * ISO date prefix; articles published on or after it, and coarser dates whose period contains
   * it (a `2023-09` article passes since `2023-09-15`). Unknown dates are excluded.
   */
  readonly since?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** What happened to one article handed to `saveArticles`. */
export type SaveOutcome =
  | { readonly status: 'stored'; readonly id: string; readonly duplicateOf?: string }
  | { readonly status: 'unchanged'; readonly id: string };

export interface StoreStats {
  readonly articles: number;
  readonly duplicates: number;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly firstPublished?: string;
  readonly lastPublished?: string;
}

/** An id prefix matched more than one article; carries the prefix so callers can say which. */
export class AmbiguousIdError extends Error {
  override readonly name = 'AmbiguousIdError';
  constructor(readonly prefix: string, readonly matches: readonly string[]) {
    super(`article id prefix "${prefix}" is ambiguous: ${matches.join(', ')}`);
  }
}

/**
 * Shortest id prefix `findArticle` accepts. With 10k stored articles a given 6-hex-digit prefix
 * also matches another id with probability 10^4 / 16^6 ≈ 0.06 %; shorter prefixes clash too often.
 */
export const MIN_ID_PREFIX = 6;

/** A saved search (issue 8): what to look for in new articles and where to send alerts. */
export interface WatchSpec {
  /** Search syntax of src/search (words, "phrases", prefix*). */
  readonly query: string;
  readonly language?: Language;
  /** Outlet name, case-insensitive. */
  readonly source?: string;
  /** POST alerts here; without it alerts go to standard output as JSON lines. */
  readonly webhook?: string;
}

export interface Watch extends WatchSpec {
  readonly id: string;
  readonly createdAt: string;
  /** Failed delivery attempts so far (each try of each alert counts). */
  readonly failures: number;
  /** The last delivery error; cleared by the next successful delivery. */
  readonly lastError?: string;
  readonly lastFired?: string;
  /** Matches recorded but not delivered yet (retried by the next run). */
  readonly pending: number;
}

/** An article that matched a watch, waiting for delivery. */
export interface WatchMatch {
  readonly watchId: string;
  readonly articleId: string;
  /** The best-matching sentence, as the search found it. */
  readonly sentence: string;
  readonly attempts: number;
  readonly lastError?: string;
  readonly matchedAt: string;
}

export type DeliveryOutcome =
  | { readonly status: 'delivered' }
  | { readonly status: 'failed'; readonly error: string; readonly attempts: number };

export interface Store {
  /**
   * Store a batch atomically (one transaction). An article whose id is already stored is left
   * untouched ('unchanged'). A new article whose fingerprint is a near-duplicate (estimated
   * Jaccard ≥ 0.9) of a stored one is stored with `duplicateOf` set to the earliest such article
   * that is itself an original (a copy of a copy points at the original). Earlier articles of the
   * same batch count as stored. A missing fingerprint is computed from the text; a `duplicateOf`
   * given by the caller (e.g. re-importing an export) is kept and must name a stored article.
   * If anything in the batch fails, nothing of it is stored and the error is rethrown.
   */
  saveArticles(articles: readonly Article[]): SaveOutcome[];
  getArticle(id: string): Article | undefined;
  /**
   * The article with this exact id, else the one article whose id starts with `idOrPrefix`
   * (at least MIN_ID_PREFIX characters). Throws AmbiguousIdError when several ids share the prefix.
   */
  findArticle(idOrPrefix: string): Article | undefined;
  /** Articles in ingest order (oldest first). */
  listArticles(filter?: ArticleFilter): Article[];
  /**
   * Every article, oldest first, without loading them all at once. Reads are fine inside the
   * loop; finish (or break out of) it before saving through the same store.
   */
  iterateArticles(): Iterable<Article>;
  countArticles(): number;
  stats(): StoreStats;
  /** The JSON state a stage saved under `name` (e.g. "stories"), or undefined. */
  readState(name: string): unknown;
  /**
   * Read-modify-write of a stage's state under the write lock: `update` gets the current value
   * (undefined at first) and returns the next one, which is stored. Returns what was stored.
   */
  updateState<T>(name: string, update: (current: unknown) => T): T;
  /** Saves a new watch with a fresh id; `createdAt` is an ISO time (only later articles alert). */
  addWatch(spec: WatchSpec, createdAt: string): Watch;
  getWatch(id: string): Watch | undefined;
  /** Every watch, oldest first. */
  listWatches(): Watch[];
  /** Deletes a watch and its recorded matches; false when there was none. */
  removeWatch(id: string): boolean;
  /**
   * Records matches of a watch; an article already recorded for it (delivered or not) is
   * ignored, so an alert fires once per article. Returns the article ids newly recorded.
   */
  recordWatchMatches(watchId: string, matches: readonly { articleId: string; sentence: string }[], at: string): string[];
  /** Matches of a watch not delivered yet, oldest first. */
  pendingWatchMatches(watchId: string): WatchMatch[];
  /**
   * Atomically claims the oldest pending match of a watch that no other run holds (or whose
   * claim expired before `at`) until `until`; undefined when none is left. Deliver only claimed
   * matches: that is what keeps two concurrent runs from sending one alert twice.
   */
  claimWatchMatch(watchId: string, at: string, until: string): WatchMatch | undefined;
  /**
   * Marks one match delivered, or counts the failed attempts and keeps it pending; either way
   * its claim is released.
   */
  recordDelivery(watchId: string, articleId: string, outcome: DeliveryOutcome, at: string): void;
  close(): void;
}
