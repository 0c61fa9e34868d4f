/**
 * The story engine's state backend on SQLite (tables: migrations/006-story-tables.ts; row shapes:
 * src/stories/rows.ts). better-sqlite3 is synchronous, so the engine reads rows in the middle of
 * clustering an article; lookups of many keys or stories are one statement each (json_each over
 * the ids), not one per row. Writes go through `write`, inside the caller's transaction when there
 * is one (story-writer.ts holds it), else in their own.
 *
 * Two columns are kept deflated (migration 009): a story's engine state (JSON) and a centroid
 * (the packed ids and sums of src/stories/rows.ts); they are the bulk of the story tables, and
 * the engine reads them only for the stories it touches. The rows the engine sees are unchanged.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { StoryLevel } from '../../stories/options.ts';
import { walkMerges } from '../../stories/stored-records.ts';
import type {
  CentroidRow, EngineStoryRow, KeyKind, KeyRow, MetaRow, NameRow, PostingRow, SlotRow, StoryBackend, StoryDelta, StoryJoinRow,
} from '../../stories/rows.ts';
import { engineStoryFrom } from '../../stories/rows.ts';

/** The joined row as SQLite (and PostgreSQL, from its migration 012) stores it: state and centroid deflated. */
export type StoredJoinRow = Omit<StoryJoinRow, 'state' | 'centroid'> & { readonly state: Buffer; readonly centroid: Buffer | null };

const KEY_TABLES: Record<KeyKind, string> = { term: 'story_terms', entity: 'story_entities' };

/** How `stories.state` and `story_centroids.centroid` are stored; migration 009 converted older rows. */
export const packStoryBlob = (bytes: string | Uint8Array): Buffer => deflateRawSync(bytes);
export const unpackStoryBlob = (stored: Buffer): Buffer => inflateRawSync(stored);

/** The engine's story and centroid rows from a stored joined row. */
export function storedStoryFrom(r: StoredJoinRow): { story: EngineStoryRow; centroid?: CentroidRow } {
  return engineStoryFrom({ ...r, state: unpackStoryBlob(r.state).toString('utf8'), centroid: r.centroid === null ? null : unpackStoryBlob(r.centroid) });
}

export class SqliteStoryBackend implements StoryBackend {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Prepared once per SQL text. */
  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }

  readMeta(): MetaRow | undefined {
    const row = this.#sql(`SELECT generation, version, documents, term_ids AS termIds, entity_ids AS entityIds, levels
      FROM story_meta WHERE id = 1`).get() as MetaRow | undefined;
    return row;
  }

  readKeys(kind: KeyKind, keys: readonly string[]): KeyRow[] {
    return this.#sql(`SELECT id, key, df FROM ${KEY_TABLES[kind]} WHERE key IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(keys)) as KeyRow[];
  }

  readKeyIds(kind: KeyKind, ids: readonly number[]): KeyRow[] {
    return this.#sql(`SELECT id, key, df FROM ${KEY_TABLES[kind]} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as KeyRow[];
  }

  readStories(ids: readonly string[]): { story: EngineStoryRow; centroid?: CentroidRow }[] {
    // Only what the engine reads: the display columns are the readers' (story-readers.ts).
    const rows = this.#sql(`SELECT s.id, s.level, s.slot, s.merged_into, s.merged_seq, s.size, s.independent, s.first_ms,
        s.last_ms, s.first_precision, s.last_precision, s.slack_days, s.touched, s.state, c.weighted_at, c.centroid
      FROM stories s LEFT JOIN story_centroids c ON c.story_id = s.id
      WHERE s.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as StoredJoinRow[];
    return rows.map(storedStoryFrom);
  }

  readSlots(level: StoryLevel, slots: readonly number[]): SlotRow[] {
    const rows = this.#sql(`SELECT slot, id, merged_into IS NULL AS live, first_ms AS firstMs, last_ms AS lastMs, slack_days AS slackDays
      FROM stories WHERE level = ? AND slot IN (SELECT value FROM json_each(?))`).all(level, JSON.stringify(slots)) as (Omit<SlotRow, 'live'> & { live: number })[];
    return rows.map((r) => ({ ...r, live: r.live === 1 }));
  }

  readPostings(level: StoryLevel, kind: KeyKind, keyIds: readonly number[]): PostingRow[] {
    const rows = this.#sql(`SELECT key_id AS keyId, slots FROM story_postings
      WHERE level = ? AND kind = ? AND key_id IN (SELECT value FROM json_each(?))`).all(level, kind, JSON.stringify(keyIds)) as { keyId: number; slots: Buffer }[];
    return rows.map((r) => ({ level, kind, keyId: r.keyId, slots: r.slots }));
  }

  readArticleStories(level: StoryLevel, articleIds: readonly string[]): { articleId: string; storyId: string }[] {
    return this.#sql(`SELECT article_id AS articleId, story_id AS storyId FROM story_members
      WHERE level = ? AND article_id IN (SELECT value FROM json_each(?))`).all(level, JSON.stringify(articleIds)) as { articleId: string; storyId: string }[];
  }

  readMembers(storyId: string): string[] {
    return this.#sql('SELECT article_id FROM story_members WHERE story_id = ? ORDER BY ord').pluck().all(storyId) as string[];
  }

  readMergedFrom(storyId: string): string[] {
    return mergedFromOf(this.#db, [storyId]).get(storyId) ?? [];
  }

  touchedSince(level: StoryLevel, documents: number): string[] {
    return this.#sql('SELECT id FROM stories WHERE level = ? AND merged_into IS NULL AND touched > ?').pluck().all(level, documents) as string[];
  }

  largest(level: StoryLevel, minSize: number, limit: number): string[] {
    return this.#sql(`SELECT id FROM stories WHERE level = ? AND merged_into IS NULL AND size > ?
      ORDER BY size DESC, id LIMIT ?`).pluck().all(level, minSize, limit) as string[];
  }

  liveStories(level: StoryLevel): string[] {
    return this.#sql('SELECT id FROM stories WHERE level = ? AND merged_into IS NULL ORDER BY slot').pluck().all(level) as string[];
  }

  readNames(keys: readonly string[]): NameRow[] {
    return this.#sql('SELECT key, counts, name FROM entity_names WHERE key IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(keys)) as NameRow[];
  }

  write(delta: StoryDelta): void {
    // Nested in the caller's transaction as a savepoint when there is one.
    this.#db.transaction(() => this.#apply(delta))();
  }

  #apply(delta: StoryDelta): void {
    if (delta.meta) {
      const m = delta.meta;
      this.#sql(`INSERT INTO story_meta (id, generation, version, documents, term_ids, entity_ids, levels) VALUES (1, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, version = excluded.version, documents = excluded.documents,
          term_ids = excluded.term_ids, entity_ids = excluded.entity_ids, levels = excluded.levels`)
        .run(m.generation, m.version, m.documents, m.termIds, m.entityIds, m.levels);
    }
    for (const [kind, rows] of [['term', delta.terms], ['entity', delta.entities]] as const) {
      const upsert = this.#sql(`INSERT INTO ${KEY_TABLES[kind]} (id, key, df) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET df = excluded.df`);
      for (const row of rows) upsert.run(row.id, row.key, row.df);
    }
    const story = this.#sql(`INSERT INTO stories (id, level, slot, merged_into, merged_seq, size, independent, first_ms, last_ms,
        first_precision, last_precision, slack_days, touched, title, first_seen, last_seen, state, record)
      VALUES (@id, @level, @slot, @mergedInto, @mergedSeq, @size, @independent, @firstMs, @lastMs, @firstPrecision,
        @lastPrecision, @slackDays, @touched, @title, @firstSeen, @lastSeen, @state, @record)
      ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, merged_seq = excluded.merged_seq, size = excluded.size,
        independent = excluded.independent, first_ms = excluded.first_ms, last_ms = excluded.last_ms,
        first_precision = excluded.first_precision, last_precision = excluded.last_precision, slack_days = excluded.slack_days,
        touched = excluded.touched, title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
        state = excluded.state, record = excluded.record`);
    for (const row of delta.stories) story.run({ ...row, state: packStoryBlob(row.state) });
    const drop = this.#sql('DELETE FROM story_centroids WHERE story_id = ?');
    for (const id of delta.dropCentroids) drop.run(id);
    const centroid = this.#sql(`INSERT INTO story_centroids (story_id, weighted_at, centroid) VALUES (@storyId, @weightedAt, @centroid)
      ON CONFLICT (story_id) DO UPDATE SET weighted_at = excluded.weighted_at, centroid = excluded.centroid`);
    for (const row of delta.centroids) centroid.run({ ...row, centroid: packStoryBlob(row.centroid) });
    const member = this.#sql(`INSERT INTO story_members (level, article_id, story_id, ord, added_at)
      VALUES (@level, @articleId, @storyId, @ord, @addedAt)`);
    for (const row of delta.members) member.run(row);
    const move = this.#sql('UPDATE story_members SET story_id = ?, ord = ord + ? WHERE story_id = ?');
    for (const m of delta.moves) move.run(m.to, m.offset, m.from);
    const posting = this.#sql(`INSERT INTO story_postings (level, kind, key_id, slots) VALUES (@level, @kind, @keyId, @slots)
      ON CONFLICT (level, kind, key_id) DO UPDATE SET slots = excluded.slots`);
    for (const row of delta.postings) posting.run(row);
    const name = this.#sql(`INSERT INTO entity_names (key, counts, name) VALUES (@key, @counts, @name)
      ON CONFLICT (key) DO UPDATE SET counts = excluded.counts, name = excluded.name`);
    for (const row of delta.names) name.run(row);
  }
}

/**
 * For each story id, the ids merged into it: a depth-first walk of the merge edges, each story's
 * merges in the order they happened (merged_seq), each followed by the ids merged into it earlier.
 * That is the order the in-memory engine lists them in (src/stories/story.ts `mergeMembers`).
 * The edges below the roots come in one recursive query; the walk is done here.
 */
export function mergedFromOf(db: Database.Database, ids: readonly string[]): Map<string, string[]> {
  const edges = db.prepare(`WITH RECURSIVE tree (parent, id, seq) AS (
      SELECT merged_into, id, merged_seq FROM stories WHERE merged_into IN (SELECT value FROM json_each(?))
      UNION ALL
      SELECT s.merged_into, s.id, s.merged_seq FROM stories s JOIN tree ON s.merged_into = tree.id
    ) SELECT parent, id, seq FROM tree`).raw().all(JSON.stringify(ids)) as [string, string, number][];
  return walkMerges(edges, ids);
}
