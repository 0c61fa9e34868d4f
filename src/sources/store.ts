/**
 * What source monitoring needs persisted: the `sources` concern of the store contract
 * (src/store/store.ts), implemented by every engine (src/store/sqlite/source-store.ts,
 * src/store/postgres/sources.ts) on the store's own connections. Row shapes stay engine-neutral:
 * ids are text, times ISO strings, seen items have a numeric id.
 */
import type {
  NewSource, PollLogEntry, PollRecord, RobotsRecord, SeenItem, Source, SourceSettings,
} from './types.ts';

/** The feed URL is followed already; carries the existing source. */
export class DuplicateSourceError extends Error {
  override readonly name = 'DuplicateSourceError';
  constructor(readonly existing: Source) {
    super(`already following ${existing.feedUrl} (source ${existing.id})`);
  }
}

/** A change of a user's settings; `resume` also clears a disabled source's failures. */
export type SourceChange = Partial<Omit<SourceSettings, 'name'>> & {
  /** A new name; null drops the user's name so the feed title shows again. */
  readonly name?: string | null;
  /** Re-enable after the scheduler gave up: failures forgotten, due at `at`. */
  readonly resumeAt?: string;
};

export interface SourceStore {
  /** Adds a source due at once. Throws DuplicateSourceError when its feed URL is followed already. */
  add(source: NewSource): Promise<Source>;
  /** By id, by a unique id prefix, or by feed URL. */
  get(idOrUrl: string): Promise<Source | undefined>;
  /** Every source, in the order they were added. */
  list(): Promise<Source[]>;
  /** Sources neither paused nor disabled whose next check is at or before `now`, earliest first. */
  due(now: string): Promise<Source[]>;
  /** Sources neither paused nor disabled, whatever their schedule (`sources poll --all`). */
  active(): Promise<Source[]>;
  /** The earliest next check of any active source: when the next cycle has work. */
  nextCheckAt(): Promise<string | undefined>;
  /**
   * Takes the source's poll lease until `until`, atomically: only when no other poller holds it
   * (or its lease ended by `now`) and, unless `force`, the source is active and due at `now`.
   * The source as it is now, or undefined when it was not taken. `recordPoll` releases it; a
   * poller that dies holding it only delays the source until `until`.
   */
  lease(id: string, now: string, until: string, options?: { readonly force?: boolean }): Promise<Source | undefined>;
  update(id: string, change: SourceChange): Promise<Source | undefined>;
  /** Deletes a source with its seen items and poll history; its articles stay. */
  remove(id: string): Promise<boolean>;
  /** Seen items of a source with one of these GUIDs, plus items of any source at one of these URLs. */
  findItems(sourceId: string, guids: readonly string[], urlKeys: readonly string[]): Promise<SeenItem[]>;
  /**
   * Writes one poll's state, metadata, items and log line atomically, and releases the poll lease. (A corrected article's
   * link to the one it corrects is the article's own `revisionOf`, stored with the article.)
   */
  recordPoll(record: PollRecord): Promise<void>;
  /** A source's latest polls, newest first. */
  recentPolls(sourceId: string, limit: number): Promise<PollLogEntry[]>;
  readRobots(origin: string): Promise<RobotsRecord | undefined>;
  saveRobots(record: RobotsRecord): Promise<void>;
}
