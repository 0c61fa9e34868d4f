/**
 * The story engine's state backend on PostgreSQL (tables: migrations/006-story-tables.ts; row
 * shapes and what each method answers: src/stories/rows.ts `StoryBackend`), each method a query
 * on the connection of the caller's transaction — so the engine reads what this transaction wrote
 * before, and its writes commit or roll back with the caller's. The methods are async; the engine
 * calls them synchronously from its thread (story-thread.ts).
 */
import type { StoryLevel } from '../../stories/options.ts';
import type {
  CentroidRow, EngineStoryRow, KeyKind, KeyRow, MetaRow, NameRow, PostingRow, SlotRow, StoryBackend, StoryDelta, StoryJoinRow,
} from '../../stories/rows.ts';
import { storedStoryFrom, type StoredJoinRow } from '../sqlite/story-backend.ts';
import { rowsOf, type Queryable } from './scope.ts';
import { readPostings } from './story-postings.ts';
import { mergedFromOf } from './story-readers.ts';
import { netDelta, writeStoryDelta } from './story-tables.ts';

/** StoryBackend with every answer a promise. */
export type AsyncStoryBackend = {
  [K in keyof StoryBackend]: (...args: Parameters<StoryBackend[K]>) => Promise<ReturnType<StoryBackend[K]>>;
};

/** The methods of StoryBackend, for whoever forwards them by name. */
export const STORY_BACKEND_METHODS = [
  'readMeta', 'readKeys', 'readKeyIds', 'readStories', 'readSlots', 'readPostings', 'readArticleStories', 'readMembers',
  'readMergedFrom', 'touchedSince', 'largest', 'liveStories', 'readNames', 'write',
] as const satisfies readonly (keyof StoryBackend)[];


const KEY_TABLES: Record<KeyKind, string> = { term: 'story_terms', entity: 'story_entities' };

export class PostgresStoryBackend implements AsyncStoryBackend {
  /** The token of the last meta row written (story-tables.ts `writeStoryDelta`). */
  written: string | undefined;

  constructor(private readonly db: Queryable) {}

  #rows<R extends object>(sql: string, values: readonly unknown[] = []): Promise<R[]> {
    return rowsOf<R & Record<string, unknown>>(this.db, sql, values);
  }

  async #ids(sql: string, values: readonly unknown[]): Promise<string[]> {
    return (await this.#rows<{ id: string }>(sql, values)).map((r) => r.id);
  }

  async readMeta(): Promise<MetaRow | undefined> {
    const [row] = await this.#rows<MetaRow>(`SELECT generation, version, documents, term_ids AS "termIds", entity_ids AS "entityIds", levels
      FROM story_meta WHERE id = 1`);
    return row;
  }

  readKeys(kind: KeyKind, keys: readonly string[]): Promise<KeyRow[]> {
    return this.#rows<KeyRow>(`SELECT id, key, df FROM ${KEY_TABLES[kind]} WHERE key = ANY($1::text[])`, [keys]);
  }

  readKeyIds(kind: KeyKind, ids: readonly number[]): Promise<KeyRow[]> {
    return this.#rows<KeyRow>(`SELECT id, key, df FROM ${KEY_TABLES[kind]} WHERE id = ANY($1::int[])`, [ids]);
  }

  async readStories(ids: readonly string[]): Promise<{ story: EngineStoryRow; centroid?: CentroidRow }[]> {
    // Only what the engine reads: the display columns are the readers' (story-readers.ts).
    const rows = await this.#rows<StoredJoinRow>(`SELECT s.id, s.level, s.slot, s.merged_into, s.merged_seq, s.size, s.independent,
        s.first_ms, s.last_ms, s.first_precision, s.last_precision, s.slack_days, s.touched, s.state, c.weighted_at, c.centroid
      FROM stories s LEFT JOIN story_centroids c ON c.story_id = s.id WHERE s.id = ANY($1::text[])`, [ids]);
    return rows.map(storedStoryFrom);
  }

  readSlots(level: StoryLevel, slots: readonly number[]): Promise<SlotRow[]> {
    return this.#rows<SlotRow>(`SELECT slot, id, merged_into IS NULL AS live, first_ms AS "firstMs", last_ms AS "lastMs", slack_days AS "slackDays"
      FROM stories WHERE level = $1 AND slot = ANY($2::int[])`, [level, slots]);
  }

  readPostings(level: StoryLevel, kind: KeyKind, keyIds: readonly number[]): Promise<PostingRow[]> {
    return readPostings(this.db, level, kind, keyIds);
  }

  readArticleStories(level: StoryLevel, articleIds: readonly string[]): Promise<{ articleId: string; storyId: string }[]> {
    return this.#rows(`SELECT article_id AS "articleId", story_id AS "storyId" FROM story_members
      WHERE level = $1 AND article_id = ANY($2::text[])`, [level, articleIds]);
  }

  async readMembers(storyId: string): Promise<string[]> {
    return (await this.#rows<{ id: string }>('SELECT article_id AS id FROM story_members WHERE story_id = $1 ORDER BY ord', [storyId])).map((r) => r.id);
  }

  async readMergedFrom(storyId: string): Promise<string[]> {
    return (await mergedFromOf({ rows: (sql, values) => rowsOf(this.db, sql, values) }, [storyId])).get(storyId) ?? [];
  }

  touchedSince(level: StoryLevel, documents: number): Promise<string[]> {
    return this.#ids('SELECT id FROM stories WHERE level = $1 AND merged_into IS NULL AND touched > $2', [level, documents]);
  }

  largest(level: StoryLevel, minSize: number, limit: number): Promise<string[]> {
    return this.#ids(`SELECT id FROM stories WHERE level = $1 AND merged_into IS NULL AND size > $2
      ORDER BY size DESC, id LIMIT $3`, [level, minSize, limit]);
  }

  liveStories(level: StoryLevel): Promise<string[]> {
    return this.#ids('SELECT id FROM stories WHERE level = $1 AND merged_into IS NULL ORDER BY slot', [level]);
  }

  readNames(keys: readonly string[]): Promise<NameRow[]> {
    return this.#rows<NameRow>('SELECT key, counts, name FROM entity_names WHERE key = ANY($1::text[])', [keys]);
  }

  async write(delta: StoryDelta): Promise<void> {
    const token = await writeStoryDelta(this.db, netDelta([delta]));
    if (delta.meta) this.written = token;
  }
}
