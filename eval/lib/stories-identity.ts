/**
 * Honesty checks for the stored story state: the eval stream clustered through the SQLite story
 * tables (src/store/sqlite/story-writer.ts, a temporary file) must give the partitions of the
 * in-memory engine, chunk by chunk as a service runs it (add, consolidate, commit); and again with
 * the writer reopened every N articles, which drops every cache as a new process would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/sqlite/connection.ts';
import { migrate } from '../../src/store/sqlite/migrate.ts';
import { MIGRATIONS } from '../../src/store/sqlite/migrations/index.ts';
import { storyAssignments } from '../../src/store/sqlite/story-readers.ts';
import { openStoryWriter, type StoryWriter } from '../../src/store/sqlite/story-writer.ts';
import { createStoryEngine, type EngineOptions } from '../../src/stories/engine.ts';
import type { ArticleFeatures } from '../../src/stories/features.ts';
import type { StoryLevel } from '../../src/stories/options.ts';
import { scoreClustering } from './stories-metrics.ts';

/** Articles per chunk: what one sync of a live service adds before consolidating and committing. */
export const CHUNK = 50;

export interface PersistenceCheck {
  /** Articles whose event or storyline differs from the in-memory engine's. */
  readonly differing: number;
  /** B-cubed F1 of the stored partitions against the in-memory ones, per level (1: identical). */
  readonly agreement: Record<StoryLevel, number>;
}

/** Article → story per level from the in-memory engine, run in the chunks the stored runs use. */
export function inMemoryPartitions(order: readonly ArticleFeatures[], options: EngineOptions = {}): Record<StoryLevel, Map<string, string>> {
  const engine = createStoryEngine(options);
  for (let at = 0; at < order.length; at += CHUNK) {
    for (const f of order.slice(at, at + CHUNK)) engine.add(f);
    engine.consolidate();
  }
  return {
    event: new Map(order.map((f) => [f.articleId, engine.eventOf(f.articleId)!])),
    storyline: new Map(order.map((f) => [f.articleId, engine.storylineOf(f.articleId)!])),
  };
}

/**
 * The same chunks through the SQLite tables; `reopenEvery` (articles, a multiple of CHUNK) opens a
 * fresh writer that often, so clustering continues from the stored rows alone.
 */
export function checkStored(
  order: readonly ArticleFeatures[],
  reference: Record<StoryLevel, Map<string, string>>,
  options: EngineOptions & { reopenEvery?: number } = {},
): PersistenceCheck {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-stories-eval-'));
  const db: Database.Database = openDatabase(join(dir, "stories.db"), { readonly: false }, (d) => {
    migrate(d, MIGRATIONS);
    return d;
  });
  try {
    let writer: StoryWriter = openStoryWriter(db, options);
    for (let at = 0; at < order.length; at += CHUNK) {
      if (options.reopenEvery && at > 0 && at % options.reopenEvery === 0) writer = openStoryWriter(db, options);
      writer.add(order.slice(at, at + CHUNK).map((features) => ({ features })));
      writer.consolidate();
      writer.commit();
    }
    const stored = { event: storyAssignments(db, 'event'), storyline: storyAssignments(db, 'storyline') };
    const differing = order.filter((f) => (['event', 'storyline'] as const)
      .some((level) => stored[level].get(f.articleId) !== reference[level].get(f.articleId))).length;
    return {
      differing,
      agreement: {
        event: scoreClustering(stored.event, reference.event).f1,
        storyline: scoreClustering(stored.storyline, reference.storyline).f1,
      },
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
