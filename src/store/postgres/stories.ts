/**
 * The stories concern on PostgreSQL, over the story tables (migrations/006-story-tables.ts) as
 * SQLite's is (src/store/sqlite/story-store.ts): readers query the committed rows
 * (story-readers.ts) and never load the engine; the cluster stage's `assign` writes what each
 * batch changed, as one net delta, in the caller's transaction.
 *
 * The story engine reads rows in the middle of clustering an article and is synchronous;
 * node-postgres is not. So the writer clusters over a memory backend (src/stories/memory-backend.ts)
 * holding the rows the engine reads (every story row without its display fields, centroids, key
 * statistics, postings, members, names), loaded once by the process that writes and kept between
 * batches: in a worker, the cluster-lease holder (src/worker/lease.ts), which is the one writer for
 * as long as it lives. Each batch then reads nothing but the meta row and writes only its delta.
 * Measured against prefetching per batch in docs/BENCHMARKS.md.
 *
 * Writers take the stories advisory lock (one writer at a time, any number of processes) and
 * compare the stored meta token with the one of the rows they hold: another writer's commit, or a
 * rolled-back transaction of their own, makes them load the rows again.
 */
import { STORY_STATE_VERSION } from '../json-stories.ts';
import { MemoryBackend } from '../../stories/memory-backend.ts';
import { openStoryEngine, type PersistentStoryEngine } from '../../stories/engine.ts';
import type { StoryLevel } from '../../stories/options.ts';
import type { StoryDelta, StoryRow } from '../../stories/rows.ts';
import type { Story } from '../../stories/story.ts';
import type { StoryAssignment, StoryCounts, StoryInput, StoryPage, StoryQuery, StoryStore } from '../store.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, type Queryable, type Scope } from './scope.ts';
import { getStory, getStoryOfArticle, listStories, storyCounts, storyMembers, type Reader, type StoryWithMembers } from './story-readers.ts';
import { clearStoryTables, loadStoryRows, netDelta, readMeta, writeStoryDelta, type StoredMeta } from './story-tables.ts';

/**
 * A memory backend that also keeps what the engine wrote since the last `take`: the delta the
 * store writes to the tables. Display fields are not kept in memory (the engine never reads them).
 */
class WritingBackend extends MemoryBackend {
  #pending: StoryDelta[] = [];

  override write(delta: StoryDelta): void {
    this.#pending.push(delta);
    super.write({ ...delta, stories: delta.stories.map(engineOnly) });
  }

  /** Loads stored rows (not a change: nothing to write back). */
  load(rows: StoryDelta): void {
    super.write(rows);
  }

  take(): StoryDelta {
    const delta = netDelta(this.#pending);
    this.#pending = [];
    return delta;
  }
}

/** A connection inside a write as a reader. */
function reader(db: Queryable): Reader {
  return { rows: (text, values) => rowsOf(db, text, values) };
}

function engineOnly(row: StoryRow): StoryRow {
  return row.record === null ? row : { ...row, title: null, firstSeen: null, lastSeen: null, record: null };
}

interface Loaded {
  /** The token of the stored state these rows are (undefined: an empty store). */
  readonly token: string | undefined;
  readonly backend: WritingBackend;
  readonly engine: PersistentStoryEngine;
}

/** The rows and engine of the last batch this process wrote; one per store, shared by its transaction handles. */
export class StoryRowsCache {
  loaded: Loaded | undefined;
}

/** Contract field order (id, level, title, articleIds, …, a storyline's eventIds last), as SQLite's (`kronika migrate` compares checksums). */
function contractStory(story: StoryWithMembers | undefined): Story | undefined {
  if (!story) return undefined;
  const { id, level, title, articleIds, eventIds, ...rest } = story;
  return { id, level, ...(title !== undefined && { title }), articleIds, ...rest, ...(eventIds && { eventIds }) };
}

/** Why stored rows cannot be extended (another features version), or undefined. */
function staleState(meta: StoredMeta | undefined): string | undefined {
  if (!meta || meta.version === STORY_STATE_VERSION) return undefined;
  return meta.version < STORY_STATE_VERSION ? 'the saved stories were made by an older version' : 'the saved stories were made by a newer version';
}

export class PostgresStoryStore implements StoryStore {
  constructor(private readonly scope: Scope, private readonly cache: StoryRowsCache) {}

  /** Reads run on the scope: the pool outside a transaction, its connection inside one (seeing its writes). */
  get #db(): Reader {
    return this.scope;
  }

  async list(query: StoryQuery = {}): Promise<StoryPage> {
    const page = await listStories(this.#db, query);
    return { total: page.total, stories: page.stories.map((s) => contractStory(s)!) };
  }

  async get(idOrPrefix: string): Promise<Story | undefined> {
    return contractStory(await getStory(this.#db, idOrPrefix));
  }

  async ofArticle(articleId: string, level: StoryLevel = 'event'): Promise<Story | undefined> {
    return contractStory(await getStoryOfArticle(this.#db, articleId, level));
  }

  members(storyId: string): Promise<readonly string[] | undefined> {
    return storyMembers(this.#db, storyId);
  }

  counts(): Promise<StoryCounts> {
    return storyCounts(this.#db);
  }

  assign(inputs: readonly StoryInput[], options: { readonly consolidate?: boolean } = {}): Promise<StoryAssignment> {
    return this.#write(async (db, meta) => {
      // Rows made for other features cannot take new articles: clear them and say so; the
      // cluster stage then clusters every article again (src/app/stages.ts).
      const recovered = staleState(meta);
      if (recovered) {
        await clearStoryTables(db);
        this.cache.loaded = undefined;
        return { added: 0, events: 0, storylines: 0, recovered };
      }
      if (inputs.length === 0 && !options.consolidate) return { added: 0, ...await storyCounts(reader(db)) };
      const { engine } = await this.#rows(db, meta);
      let added = 0;
      for (const { features, names } of inputs) {
        const assigned = engine.add(features);
        if (assigned.event.repeat) continue;
        if (names?.length) engine.countNames(names);
        added++;
      }
      if (options.consolidate && added > 0) engine.consolidate();
      await this.#commit(db);
      return { added, ...await storyCounts(reader(db)) };
    });
  }

  consolidate(): Promise<StoryCounts> {
    return this.#write(async (db, meta) => {
      const { engine } = await this.#rows(db, meta);
      engine.consolidate();
      await this.#commit(db);
      return storyCounts(reader(db));
    });
  }

  async clear(): Promise<void> {
    await this.#write(async (db) => {
      await clearStoryTables(db);
      this.cache.loaded = undefined;
    });
  }

  /** The rows of the stored state, reused when they are what this process last wrote. */
  async #rows(db: Queryable, meta: StoredMeta | undefined): Promise<Loaded> {
    const cached = this.cache.loaded;
    if (cached && cached.token === meta?.token) return cached;
    this.cache.loaded = undefined;
    const backend = new WritingBackend();
    if (meta) backend.load(await loadStoryRows(db));
    const loaded = { token: meta?.token, backend, engine: openStoryEngine(backend, { version: STORY_STATE_VERSION }) };
    this.cache.loaded = loaded;
    return loaded;
  }

  /** Writes the engine's changes as one delta and remembers the token they are stored under. */
  async #commit(db: Queryable): Promise<void> {
    const loaded = this.cache.loaded!;
    loaded.engine.commit();
    const token = await writeStoryDelta(db, loaded.backend.take());
    this.cache.loaded = { ...loaded, token };
  }

  /**
   * A write under the stories lock, given the stored meta row. A failure drops the rows held
   * (they may hold half a batch); a transaction rolled back later leaves a token that is not
   * the stored one, so the next write loads the rows again.
   */
  async #write<T>(work: (db: Queryable, meta: StoredMeta | undefined) => Promise<T>): Promise<T> {
    try {
      return await this.scope.write(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.stories]);
        return work(db, await readMeta(db));
      });
    } catch (error) {
      this.cache.loaded = undefined;
      throw error;
    }
  }
}
