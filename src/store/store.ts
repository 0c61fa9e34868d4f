/**
 * The storage contract: one asynchronous interface, split by concern, that every engine
 * implements and every caller codes against. Stages never touch a database: the use cases in
 * src/app read records through this interface, hand them to the pure stages, and write back what
 * the stages return. docs/ARCHITECTURE.md shows where each concern sits in the stream.
 *
 * Engines: `sqlite/` (the zero-setup default, one file) now; a PostgreSQL engine implements the
 * same interface. Nothing here may depend on one engine's semantics (no rowid, no SQLite-only
 * date functions, no "writes are serialised anyway"): the contract suite in test/store/contract/
 * runs unchanged against every engine.
 *
 * Conventions for every method:
 * - Reads never write and never wait for a writer.
 * - A write method called on the store runs in a transaction of its own; called on the `tx`
 *   handle of `store.transaction`, it joins that transaction.
 * - Optional record fields are absent when unknown (never `undefined`-valued, never null).
 */
import type { EntityForm, TimeEntry } from '../analysis/digest.ts';
import type { AnalysisPayload } from '../analysis/stored.ts';
import type { SourceStore } from '../sources/store.ts';
import type { SearchDocument, SearchFilters, SearchHit } from '../search/types.ts';
import type { ArticleFeatures } from '../stories/features.ts';
import type { StoryLevel } from '../stories/options.ts';
import type { Story } from '../stories/story.ts';
import type { Article, Language } from '../types.ts';

export type { StoryLevel } from '../stories/options.ts';

// ─── Articles ────────────────────────────────────────────────────────────────────────────────

/** An article as read back from the store: always carries its sequence number. */
export type StoredArticle = Article & { readonly seq: number };

export interface ArticleFilter {
  /** Outlet name (exact, case-insensitive in all of Unicode: "ŁÓDŹ" = "łódź"). */
  readonly source?: string;
  /** The subscribed source the article came from (src/sources). */
  readonly sourceId?: string;
  readonly language?: Language;
  /**
   * ISO date prefix; articles published on or after it, and coarser dates whose period contains
   * it (a `2023-09` article passes since `2023-09-15`). Unknown dates are excluded. Engines compare
   * the stored ISO prefixes as text, which every SQL engine can do with an index.
   */
  readonly since?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** What happened to one article handed to `articles.save`. */
export type SaveOutcome =
  | {
    readonly status: 'stored';
    readonly id: string;
    readonly seq: number;
    readonly duplicateOf?: string;
    readonly revisionOf?: string;
  }
  | { readonly status: 'unchanged'; readonly id: string };

export interface StoreStats {
  readonly articles: number;
  readonly duplicates: number;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly firstPublished?: string;
  readonly lastPublished?: string;
}

/**
 * Shortest id prefix `articles.find` accepts. With 10k stored articles a given 6-hex-digit prefix
 * also matches another id with probability 10^4 / 16^6 ≈ 0.06 %; shorter prefixes clash too often.
 */
export const MIN_ID_PREFIX = 6;

/** An id prefix matched more than one article; carries the prefix so callers can say which. */
export class AmbiguousIdError extends Error {
  override readonly name = 'AmbiguousIdError';
  constructor(readonly prefix: string, readonly matches: readonly string[]) {
    super(`article id prefix "${prefix}" is ambiguous: ${matches.join(', ')}`);
  }
}

/** An article's id and its place in ingest order (ArticleStore.refsAfter). */
export interface ArticleRef {
  readonly id: string;
  readonly seq: number;
}

export interface ArticleStore {
  /**
   * Stores a batch atomically. An article whose id is already stored is left untouched
   * ('unchanged'). Every stored article gets the next sequence number (`seq`, see `after`).
   * A new article whose fingerprint is a near-duplicate (estimated Jaccard ≥ 0.9, confirmed
   * exactly, src/store/duplicates.ts) of a stored one gets `duplicateOf` = the earliest such
   * original (a copy of a copy points at the original). A new article at a URL already stored
   * under another id is a changed version: `revisionOf` = the latest article at that URL. Earlier
   * articles of the same batch count as stored. A missing fingerprint is computed from the text;
   * a `duplicateOf` or `revisionOf` given by the caller (re-importing an export) is kept and must
   * name a stored article. If anything in the batch fails, nothing of it is stored and the error
   * is rethrown.
   */
  save(articles: readonly Article[]): Promise<SaveOutcome[]>;
  get(id: string): Promise<StoredArticle | undefined>;
  /** The stored ones of these ids, in the order given (unknown ids are skipped). */
  getMany(ids: readonly string[]): Promise<StoredArticle[]>;
  /**
   * The article with this exact id, else the one article whose id starts with `idOrPrefix`
   * (at least MIN_ID_PREFIX characters). Throws AmbiguousIdError when several ids share the prefix.
   */
  find(idOrPrefix: string): Promise<StoredArticle | undefined>;
  /** The latest revision stored at this URL (exact match), or undefined. */
  byUrl(url: string): Promise<StoredArticle | undefined>;
  /** Articles in ingest order (oldest first), filtered and paged. */
  list(filter?: ArticleFilter): Promise<StoredArticle[]>;
  /**
   * Up to `limit` articles with `seq > afterSeq`, in `seq` order: how every stage asks "what is
   * new after N". Sequence numbers only grow; gaps are allowed. Engines guarantee that an
   * article becomes visible to `after` only once every article with a lower `seq` is visible
   * too (SQLite: one writer at a time; PostgreSQL: seq taken under a lock held until commit), so
   * a consumer that advances its cursor to the last `seq` it read never skips one committed later.
   */
  after(afterSeq: number, limit: number): Promise<StoredArticle[]>;
  /**
   * `after` without the articles: their ids and seqs only, for a reader that needs no text (the
   * lease holder queueing jobs and looking for the indexed frontier, src/worker/lease.ts), which
   * would otherwise fetch and decompress every article's text several times over.
   */
  refsAfter(afterSeq: number, limit: number): Promise<ArticleRef[]>;
  /** The highest committed `seq` (0 for an empty store). */
  lastSeq(): Promise<number>;
  count(): Promise<number>;
  stats(): Promise<StoreStats>;
}

// ─── Analyses ────────────────────────────────────────────────────────────────────────────────

/**
 * One article's stored analysis (src/analysis/stored.ts says what the payload holds and how it
 * becomes an ArticleAnalysis again). `version` is ANALYSIS_VERSION of the analyser that made it.
 */
export interface StoredAnalysis {
  readonly articleId: string;
  readonly version: number;
  readonly payload: AnalysisPayload;
}

/** An article whose stored analysis is missing or made by another analyser version. */
export interface OutdatedAnalysis {
  readonly articleId: string;
  readonly seq: number;
  /** The version stored now; absent when the article was never analysed. */
  readonly version?: number;
}

/** An article's entity forms as stored beside its analysis (src/analysis/digest.ts). */
export interface ArticleEntityForms {
  readonly articleId: string;
  readonly seq: number;
  readonly forms: readonly EntityForm[];
}

/** One time expression of an article as stored beside its analysis (src/analysis/digest.ts). */
export interface TimelineEntry extends TimeEntry {
  readonly articleId: string;
}

export interface UndatedArticle {
  readonly articleId: string;
  readonly anchored: boolean;
}

export interface TimelineQuery {
  /** At most this many entries (default: all). */
  readonly limit?: number;
  /** Articles left out (by id): the undated ones a reader resolves itself against their anchor. */
  readonly skip?: readonly string[];
}

export interface AnalysisStore {
  /**
   * Stores (or replaces) the analyses of stored articles; engines keep the payload compressed.
   * In the same write each article's digest (src/analysis/digest.ts: entity forms and time
   * entries) replaces the one stored before, derived from the payload and the article's text.
   */
  put(analyses: readonly StoredAnalysis[]): Promise<void>;
  get(articleId: string): Promise<StoredAnalysis | undefined>;
  /** Stored analyses of these ids (whatever their version), keyed by article id. */
  getMany(articleIds: readonly string[]): Promise<Map<string, StoredAnalysis>>;
  /**
   * Up to `limit` articles with `seq > afterSeq` whose analysis is missing or not `version`, in
   * `seq` order: what `kronika reanalyse` walks through after the analyser changed.
   */
  outdated(version: number, afterSeq: number, limit: number): Promise<OutdatedAnalysis[]>;
  /** How many stored analyses each analyser version made. */
  versions(): Promise<Record<number, number>>;
  /**
   * The entity forms of every original (no near-duplicate copies) whose stored analysis has this
   * version, in `seq` order: what store-wide entity listings group (src/app/articles.ts).
   */
  entityForms(version: number): Promise<ArticleEntityForms[]>;
  /**
   * Time entries of originals (no near-duplicate copies) whose stored analysis has this version,
   * in timeline order: resolved values first, by value, then the unresolved ones (''); ties by
   * article id, start offset, index. Values and ids compare as bytes (ISO prefixes, hex ids).
   * An undated article's entries hold its values as analysed, without an anchor: readers resolve
   * the ones whose event gives an anchor themselves (src/app/anchor.ts) and skip them here.
   */
  timeline(version: number, query?: TimelineQuery): Promise<TimelineEntry[]>;
  /**
   * Undated originals with a stored analysis of this version, in `seq` order, each with whether
   * its event has a member dated to the month or finer: then the one anchoring rule
   * (src/app/anchor.ts, storyMonth) gives it an anchor; else it reads with none.
   */
  undated(version: number): Promise<UndatedArticle[]>;
}

// ─── Stories ─────────────────────────────────────────────────────────────────────────────────

export type StorySort = 'recent' | 'articles';

export interface StoryQuery {
  /** Default 'event'. */
  readonly level?: StoryLevel;
  /**
   * 'recent' (default): newest activity first (undated stories last), then more articles first;
   * 'articles': most articles first, then newest activity. Ties end on the id.
   */
  readonly sort?: StorySort;
  /** Stories active on or after this ISO date prefix (compared at the prefix's precision). */
  readonly since?: string;
  /** Stories that began on or before this ISO date prefix. */
  readonly until?: string;
  readonly language?: Language;
  /** Stories whose top entities hold any of these entity keys. */
  readonly entityKeys?: readonly string[];
  /** Stories holding any of these articles (e.g. the hits of a full-text query). */
  readonly articleIds?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface StoryPage {
  /** Stories matching the query before paging. */
  readonly total: number;
  readonly stories: readonly Story[];
}

/** What the cluster stage hands the story writer for one article: its clustering features. */
export interface StoryInput {
  readonly features: ArticleFeatures;
  /** Base form of each entity mention behind `features.entities`, for display names. */
  readonly names: readonly { readonly key: string; readonly base: string }[];
}

export interface StoryCounts {
  readonly events: number;
  readonly storylines: number;
}

export interface StoryAssignment extends StoryCounts {
  /** Articles newly assigned by this call (an article already assigned is skipped). */
  readonly added: number;
  /** Set when the saved stories could not be read and were started afresh: why. */
  readonly recovered?: string;
}

export interface StoryStore {
  /** Stories of one level, filtered, sorted and paged, with the total before paging. */
  list(query?: StoryQuery): Promise<StoryPage>;
  /**
   * A story of either level by id: also an id merged away into another story (answered with the
   * survivor), or a unique prefix of at least 4 characters. Entities carry display names.
   */
  get(idOrPrefix: string): Promise<Story | undefined>;
  /** The story (default: the event) an article belongs to. */
  ofArticle(articleId: string, level?: StoryLevel): Promise<Story | undefined>;
  /** Article ids of a story, in the order they joined it; undefined for an unknown story. */
  members(storyId: string): Promise<readonly string[] | undefined>;
  counts(): Promise<StoryCounts>;
  /**
   * The cluster stage's writer: assigns each article (in the order given, the stream's) to an
   * event and a storyline. Articles already assigned are skipped. With `consolidate`, the
   * consolidation pass (see `consolidate`) runs after them in the same write, for the last batch
   * of a run. Call it in short transactions of its own, never inside the transaction that stores
   * articles.
   */
  assign(inputs: readonly StoryInput[], options?: { readonly consolidate?: boolean }): Promise<StoryAssignment>;
  /**
   * Merges stories that turned out to be one once a run of assignments is in (old ids keep
   * resolving to the survivor): the cluster stage calls it once after its last batch, as the
   * stories eval does after the stream (eval/stories.ts).
   */
  consolidate(): Promise<StoryCounts>;
  /** Forgets every story and assignment (before re-clustering everything). */
  clear(): Promise<void>;
}

// ─── Watches (saved searches) ────────────────────────────────────────────────────────────────

/** A saved search: what to look for in new articles and where to send alerts. */
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

export interface WatchStore {
  /** Saves a new watch with a fresh id; `createdAt` is an ISO time (only later articles alert). */
  add(spec: WatchSpec, createdAt: string): Promise<Watch>;
  get(id: string): Promise<Watch | undefined>;
  /** Every watch, oldest first. */
  list(): Promise<Watch[]>;
  /** Deletes a watch and its recorded matches; false when there was none. */
  remove(id: string): Promise<boolean>;
  /**
   * Records matches of a watch; an article already recorded for it (delivered or not) is
   * ignored, so an alert fires once per article. Returns the article ids newly recorded.
   */
  recordMatches(watchId: string, matches: readonly { articleId: string; sentence: string }[], at: string): Promise<string[]>;
  /** Matches of a watch not delivered yet, oldest first (in the order they were recorded). */
  pending(watchId: string): Promise<WatchMatch[]>;
  /**
   * Atomically claims the oldest pending match of a watch that no other run holds (or whose
   * claim expired before `at`) until `until`; undefined when none is left. Deliver only claimed
   * matches: that is what keeps two concurrent runs from sending one alert twice.
   */
  claim(watchId: string, at: string, until: string): Promise<WatchMatch | undefined>;
  /**
   * Marks one match delivered, or counts the failed attempts and keeps it pending; either way
   * its claim is released.
   */
  recordDelivery(watchId: string, articleId: string, outcome: DeliveryOutcome, at: string): Promise<void>;
}

// ─── Search ──────────────────────────────────────────────────────────────────────────────────

/**
 * Full-text search over stored articles, in the same database. What is indexed (folded words and
 * folded lemmas per sentence) is computed once by src/search/terms.ts and handed over as
 * SearchDocuments, so every engine indexes the same terms; the query syntax (src/search/query.ts)
 * is the same for all: every clause must occur in the article, a clause matches a sentence by
 * surface form or by lemma, phrases keep word order, `word*` is a prefix.
 */
export interface SearchStore {
  /** Indexes documents of stored articles not indexed yet; returns how many were added. */
  index(documents: readonly SearchDocument[]): Promise<number>;
  /** Drops an article's rows (before re-indexing it); false when it was not indexed. */
  remove(articleId: string): Promise<boolean>;
  /** Best articles first; an empty list for a query without searchable words. */
  search(query: string, filters?: SearchFilters): Promise<SearchHit[]>;
  /** Which of these ids are indexed. */
  indexed(articleIds: readonly string[]): Promise<Set<string>>;
  count(): Promise<number>;
}

// ─── Cursors ─────────────────────────────────────────────────────────────────────────────────

/** The stages that follow "store article", each with its own cursor (docs/ARCHITECTURE.md). */
export type StageName = 'analyse' | 'index' | 'cluster' | 'alert';

/**
 * Per-stage cursors: the highest article `seq` a stage has finished. A stage asks
 * `articles.after(cursor)` for new work and advances its cursor in the same transaction that
 * writes its results, so a crash repeats work rather than skipping it.
 */
export interface CursorStore {
  /** The stage's cursor; 0 when it never ran. */
  get(stage: string): Promise<number>;
  /** Every cursor, by stage name. */
  all(): Promise<Record<string, number>>;
  /** Moves the cursor to `seq` unless it is already there or beyond (two runners never move it back). */
  advance(stage: string, seq: number): Promise<void>;
  /** Sets the cursor to exactly `seq` (0: the stage starts over, e.g. after `stories --rebuild`). */
  reset(stage: string, seq: number): Promise<void>;
}

// ─── The store ───────────────────────────────────────────────────────────────────────────────

/** Every concern; what both the store and a transaction handle offer. */
export interface StoreConcerns {
  readonly articles: ArticleStore;
  readonly analyses: AnalysisStore;
  readonly stories: StoryStore;
  readonly watches: WatchStore;
  readonly search: SearchStore;
  readonly cursors: CursorStore;
  /** The feeds Kronika follows and their polling state (src/sources/store.ts says what it offers). */
  readonly sources: SourceStore;
}

/** The handle `store.transaction` hands its work: the same concerns, inside one transaction. */
export type StoreTransaction = StoreConcerns;

export interface Store extends StoreConcerns {
  /** Which engine this is; for messages and engine-specific advice, never for behaviour. */
  readonly engine: 'sqlite' | 'postgres';
  /** Where the data lives (a file path, or a URL with the password hidden). */
  readonly location: string;
  /**
   * Runs `work` in one write transaction: everything it does through `tx` commits together, or
   * nothing does when it throws (the error is rethrown). Reads through `tx` see its own writes.
   * Writers queue: a transaction waits for other writers (in this process or another) rather
   * than failing, up to the engine's busy limit (StoreBusyError). Keep the work short: no
   * network waits inside. Inside `work`, use `tx`, never the store itself.
   * @example await store.transaction(async (tx) => { await tx.stories.assign(inputs); await tx.cursors.advance('cluster', last) })
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Waits for running writes, then releases the connection(s); closing twice is harmless. */
  close(): Promise<void>;
}

/** A writer waited longer than the engine's busy limit for another writer to finish. */
export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError';
  constructor(readonly location: string, readonly waitedMs: number) {
    super(`${location}: another writer held the database for over ${Math.round(waitedMs / 1000)} s; try again later`);
  }
}

/** `openStore` was given a location it cannot open (an unknown URL scheme, an engine not built). */
export class StoreLocationError extends Error {
  override readonly name = 'StoreLocationError';
  constructor(readonly location: string, reason: string) {
    super(`${location}: ${reason}`);
  }
}

// ─── Opening ─────────────────────────────────────────────────────────────────────────────────

export interface OpenStoreOptions {
  /** Open an existing, fully migrated store without writing to it; write methods then throw. */
  readonly readonly?: boolean;
  /** How long a writer waits for other writers before StoreBusyError (default: the engine's). */
  readonly busyTimeoutMs?: number;
}

/**
 * `openStore(location)` (src/store/index.ts) picks the engine from the location: a file path (or
 * `:memory:`) opens SQLite, creating and migrating the file; `postgres://…` or `postgresql://…`
 * opens PostgreSQL; any other `scheme://` is a StoreLocationError, never a file named after it.
 * @example const store = await openStore(resolveStoreLocation(flags.db))
 */
export type OpenStore = (location: string, options?: OpenStoreOptions) => Promise<Store>;
