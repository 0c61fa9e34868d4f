/**
 * The story tables on PostgreSQL (migrations/006-story-tables.ts; row shapes: src/stories/rows.ts):
 * the meta row, clearing, and writing a delta as a few multi-row statements (unnest over arrays)
 * whatever its size. A story's engine state and a centroid are stored deflated, as SQLite stores
 * them (src/store/sqlite/story-backend.ts; migration 012).
 */
import { randomUUID } from 'node:crypto';
import type {
  CentroidRow, KeyRow, MemberMove, MemberRow, MetaRow, NameRow, PostingRow, StoryDelta, StoryRow,
} from '../../stories/rows.ts';
import { packStoryBlob } from '../sqlite/story-backend.ts';
import { byteaArray } from './binary.ts';
import { rowsOf, type Queryable } from './scope.ts';
import { writePostings } from './story-postings.ts';

/** Every table of the story state, in the order a copy fills them. */
export const STORY_TABLES = ['story_meta', 'story_terms', 'story_entities', 'stories', 'story_centroids', 'story_members', 'story_postings', 'entity_names'] as const;

/** The stored meta row with the token of the commit that wrote it. */
export interface StoredMeta extends MetaRow {
  readonly token: string;
}

export async function readMeta(db: Queryable): Promise<StoredMeta | undefined> {
  const [row] = await rowsOf<StoredMeta>(db, `SELECT generation, version, documents, term_ids AS "termIds",
    entity_ids AS "entityIds", levels, token FROM story_meta WHERE id = 1`);
  return row;
}

/** Deletes every story row (`kronika stories --rebuild` re-clusters from scratch). */
export async function clearStoryTables(db: Queryable): Promise<void> {
  await db.query(`TRUNCATE ${STORY_TABLES.join(', ')}`);
}

/**
 * Deltas in write order as one that can be applied with one statement per table: the last row of
 * each key wins, a centroid dropped later is not written, member inserts come before the moves.
 */
export function netDelta(parts: readonly StoryDelta[]): StoryDelta {
  const last = <T>(rows: Iterable<T>, key: (row: T) => string) => [...new Map([...rows].map((r) => [key(r), r])).values()];
  const centroids = new Map<string, CentroidRow>();
  const dropped = new Set<string>();
  for (const part of parts) {
    for (const id of part.dropCentroids) {
      centroids.delete(id);
      dropped.add(id);
    }
    for (const row of part.centroids) {
      centroids.set(row.storyId, row);
      dropped.delete(row.storyId);
    }
  }
  const meta = parts.map((p) => p.meta).filter((m) => m !== undefined).at(-1);
  const all = <K extends keyof StoryDelta>(k: K) => parts.flatMap((p) => (p[k] ?? []) as never[]);
  return {
    ...(meta ? { meta } : {}),
    terms: last<KeyRow>(all('terms'), (r) => String(r.id)),
    entities: last<KeyRow>(all('entities'), (r) => String(r.id)),
    stories: last<StoryRow>(all('stories'), (r) => r.id),
    centroids: [...centroids.values()],
    dropCentroids: [...dropped],
    members: all('members'),
    moves: all('moves'),
    postings: last<PostingRow>(all('postings'), (r) => `${r.level}:${r.kind}:${r.keyId}`),
    names: last<NameRow>(all('names'), (r) => r.key),
  };
}

/** Column arrays of `rows`, one per field, for an `unnest` insert. */
/** Parameter arrays by column; a column of byte strings goes as one binary bytea[] (binary.ts). */
function columns<T>(rows: readonly T[], fields: readonly ((row: T) => unknown)[]): unknown[] {
  return fields.map((field) => {
    const values = rows.map(field);
    return values.some((v) => v instanceof Uint8Array) && values.every((v) => v === null || v instanceof Uint8Array) ? byteaArray(values as (Uint8Array | null)[]) : values;
  });
}

async function upsert<T>(db: Queryable, rows: readonly T[], sql: string, fields: readonly ((row: T) => unknown)[]): Promise<void> {
  if (rows.length > 0) await db.query(sql, columns(rows, fields));
}

/**
 * Applies a net delta (`netDelta`) in the caller's transaction and stamps the meta row with a
 * fresh token; returns the token.
 */
export async function writeStoryDelta(db: Queryable, delta: StoryDelta): Promise<string> {
  const token = randomUUID();
  // The id counts before this write: keys below them are stored already (writeKeys).
  const stored = delta.terms.length + delta.entities.length > 0
    ? (await rowsOf<{ terms: number; entities: number }>(db, 'SELECT term_ids AS terms, entity_ids AS entities FROM story_meta WHERE id = 1'))[0]
    : undefined;
  if (delta.meta) {
    const m = delta.meta;
    await db.query(`INSERT INTO story_meta (id, generation, version, documents, term_ids, entity_ids, levels, token)
      VALUES (1, $1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, version = excluded.version, documents = excluded.documents,
        term_ids = excluded.term_ids, entity_ids = excluded.entity_ids, levels = excluded.levels, token = excluded.token`,
    [m.generation, m.version, m.documents, m.termIds, m.entityIds, m.levels, token]);
  }
  await writeKeys(db, 'story_terms', delta.terms, stored?.terms ?? 0);
  await writeKeys(db, 'story_entities', delta.entities, stored?.entities ?? 0);
  await upsert<StoryRow>(db, delta.stories, `INSERT INTO stories (id, level, slot, merged_into, merged_seq, size, independent,
      first_ms, last_ms, first_precision, last_precision, slack_days, touched, title, first_seen, last_seen, state, record)
    SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::bigint[], $9::bigint[],
      $10::text[], $11::text[], $12::float8[], $13::int[], $14::text[], $15::text[], $16::text[], $17::bytea[], $18::text[])
    ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, merged_seq = excluded.merged_seq, size = excluded.size,
      independent = excluded.independent, first_ms = excluded.first_ms, last_ms = excluded.last_ms,
      first_precision = excluded.first_precision, last_precision = excluded.last_precision, slack_days = excluded.slack_days,
      touched = excluded.touched, title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
      state = excluded.state, record = excluded.record`,
  [(r) => r.id, (r) => r.level, (r) => r.slot, (r) => r.mergedInto, (r) => r.mergedSeq, (r) => r.size, (r) => r.independent,
    (r) => r.firstMs, (r) => r.lastMs, (r) => r.firstPrecision, (r) => r.lastPrecision, (r) => r.slackDays, (r) => r.touched,
    (r) => r.title, (r) => r.firstSeen, (r) => r.lastSeen, (r) => packStoryBlob(r.state), (r) => r.record]);
  if (delta.dropCentroids.length > 0) await db.query('DELETE FROM story_centroids WHERE story_id = ANY($1::text[])', [delta.dropCentroids]);
  await upsert<CentroidRow>(db, delta.centroids, `INSERT INTO story_centroids (story_id, weighted_at, centroid)
      SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[])
    ON CONFLICT (story_id) DO UPDATE SET weighted_at = excluded.weighted_at, centroid = excluded.centroid`,
  [(r) => r.storyId, (r) => r.weightedAt, (r) => packStoryBlob(r.centroid)]);
  await upsert<MemberRow>(db, delta.members, `INSERT INTO story_members (level, article_id, story_id, ord, added_at)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[])`,
  [(r) => r.level, (r) => r.articleId, (r) => r.storyId, (r) => r.ord, (r) => r.addedAt]);
  // In order: a story that received members by a merge may itself be merged away later.
  for (const m of delta.moves) await moveMembers(db, m);
  await writePostings(db, delta.postings);
  await upsert<NameRow>(db, delta.names, `INSERT INTO entity_names (key, counts, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
    ON CONFLICT (key) DO UPDATE SET counts = excluded.counts, name = excluded.name`, [(r) => r.key, (r) => r.counts, (r) => r.name]);
  return token;
}

/**
 * Document frequencies of a vocabulary (`table`), rewritten for every key a pass counted. Most of
 * them are stored already (ids below `storedIds`, the meta row's count before this write): those
 * are one UPDATE of (id, df) — their keys neither sent nor parsed, no insert tried on the unique
 * key — and only the new ones are inserted. An id below the count without a row (handed out but
 * never written) is written by the upsert the UPDATE falls back to. The server's CPU on a
 * 60,000-row table, 40,000 rows a write: 1.7–2.0 s as one upsert of (id, key, df), 1.25–1.37 s
 * split so (2026-12-07; the workers bench's figures: docs/BENCHMARKS.md, thirteenth round).
 */
async function writeKeys(db: Queryable, table: string, rows: readonly KeyRow[], storedIds: number): Promise<void> {
  const old = rows.filter((r) => r.id < storedIds);
  let fresh: readonly KeyRow[] = old.length === rows.length ? [] : rows.filter((r) => r.id >= storedIds);
  if (old.length > 0) {
    const { rowCount } = await db.query(`UPDATE ${table} SET df = u.df FROM unnest($1::int[], $2::int[]) AS u (id, df) WHERE ${table}.id = u.id`,
      [old.map((r) => r.id), old.map((r) => r.df)]);
    if (rowCount !== old.length) fresh = rows;
  }
  await upsert(db, fresh, `INSERT INTO ${table} (id, key, df) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])
    ON CONFLICT (id) DO UPDATE SET df = excluded.df`, [(r) => r.id, (r) => r.key, (r) => r.df]);
}

function moveMembers(db: Queryable, m: MemberMove): Promise<unknown> {
  return db.query('UPDATE story_members SET story_id = $1, ord = ord + $2 WHERE story_id = $3', [m.to, m.offset, m.from]);
}
