/**
 * The cluster stage's writer over the SQLite story tables: articles' features in, assignments out,
 * each chunk written as a delta of the rows it changed (src/stories/engine.ts `commit`).
 *
 * Protocol for several processes (one writer at a time, any number of readers):
 * - Clustering is a single writer. Here the SQLite write lock is it: the first `add` or
 *   `consolidate` of a chunk begins an IMMEDIATE transaction (unless the caller already holds one,
 *   e.g. to advance its cursor in the same commit), and `commit` ends it. PostgreSQL does the same
 *   under an advisory lock held for the lease.
 * - `story_meta.generation` is raised by every committed delta. Inside the transaction, before the
 *   chunk is clustered, the writer compares it with the generation its cache was built at; when
 *   another process committed since, the cache is dropped and rows are read afresh.
 * - A failed chunk rolls back (when the writer began the transaction) and drops the cache, whose
 *   objects may hold half of the chunk. A caller that rolls back its own transaction leaves the
 *   stored generation behind the cache's, so the next chunk drops the cache too.
 * - Readers (story-readers.ts) read the committed rows and never take the write lock.
 * - The stored state records the caller's features version (`readStoryMeta(db).version`); when the
 *   features change meaning, the caller clears the tables (`clearStoryTables`) and feeds every
 *   article again: stories are derived data.
 */
import type Database from 'better-sqlite3';
import { openStoryEngine, type EngineAssignment, type EngineOptions, type PersistentStoryEngine, type StoryInput } from '../../stories/engine.ts';
import { SqliteStoryBackend } from './story-backend.ts';

export interface StoryWriterOptions extends EngineOptions {
  /** The features version recorded with a new state (story-readers.ts `readStoryMeta` reads it back). */
  readonly version?: number;
  /** Clock for members' join times (ms since the epoch); tests pin it. */
  readonly now?: () => number;
}

export interface StoryWriter {
  /**
   * Clusters a chunk of articles at both levels, in order (an article added before is left as it
   * is: its assignment says `repeat`); each new article's mentions add to the entities' display
   * names. Begins the write transaction if none is open.
   */
  add(inputs: readonly StoryInput[]): EngineAssignment[];
  /** The end-of-batch pass: merges stories that turned out to be one (src/stories/cluster.ts `consolidate`). */
  consolidate(): void;
  /** Writes the chunk's delta, raises the generation and commits (when the writer began the transaction). */
  commit(): void;
  /** Abandons the chunk: rolls back (when the writer began the transaction) and drops the cache. */
  rollback(): void;
}

/**
 * @example const writer = openStoryWriter(db); writer.add(features); writer.consolidate(); writer.commit();
 */
export function openStoryWriter(db: Database.Database, options: StoryWriterOptions = {}): StoryWriter {
  const backend = new SqliteStoryBackend(db);
  let engine: PersistentStoryEngine | undefined;
  /** True while the writer holds a transaction it began. */
  let own = false;
  /** True between the first call of a chunk and its commit or rollback. */
  let open = false;

  const begin = (): PersistentStoryEngine => {
    if (!open) {
      if (!db.inTransaction) {
        db.exec('BEGIN IMMEDIATE');
        own = true;
      }
      open = true;
      const stored = backend.readMeta()?.generation ?? 0;
      if (!engine || engine.generation !== stored) engine = openStoryEngine(backend, options);
    }
    return engine!;
  };
  const abandon = () => {
    if (own && db.inTransaction) db.exec('ROLLBACK');
    own = false;
    open = false;
    engine = undefined;
  };
  const guarded = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      abandon();
      throw error;
    }
  };

  return {
    add(inputs) {
      return guarded(() => {
        const e = begin();
        return inputs.map(({ features, names }) => {
          const assigned = e.add(features);
          if (names?.length && !assigned.event.repeat) e.countNames(names);
          return assigned;
        });
      });
    },
    consolidate() {
      guarded(() => begin().consolidate());
    },
    commit() {
      if (!open) return;
      guarded(() => {
        engine!.commit();
        if (own) db.exec('COMMIT');
        own = false;
        open = false;
      });
    },
    rollback: abandon,
  };
}

/** Every table of the story state (migration 006). */
export const STORY_TABLES = ['story_meta', 'story_terms', 'story_entities', 'stories', 'story_centroids', 'story_members', 'story_postings', 'entity_names'] as const;

/**
 * Deletes every story row (`kronika stories --rebuild` re-clusters the articles from scratch), in
 * the caller's transaction when one is open. Writers holding a cache see the generation gone.
 */
export function clearStoryTables(db: Database.Database): void {
  db.transaction(() => {
    for (const table of STORY_TABLES) db.exec(`DELETE FROM ${table}`);
  })();
}
