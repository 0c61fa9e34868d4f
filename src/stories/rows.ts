/**
 * The story engine's state as rows: what a state backend stores and reads back. Row shapes are
 * engine-neutral (strings, numbers, JSON text, byte arrays), so SQLite (src/store/sqlite/story-*.ts)
 * and PostgreSQL bind them as they are; encoding and decoding live here, once.
 *
 * Tables, by what they answer:
 * - meta (one row): generation, document count, ids handed out, per level its options, the next
 *   slot and serial, and the document count at the last consolidation;
 * - terms / entities: key ↔ id and document frequency (shared by both levels);
 * - stories: one row per story ever made (merged-away ones keep their row and point at the story
 *   they went into); the clusterer's record plus the display record readers list;
 * - centroids: per live story the centroid (ids and sums in insertion order) and its weights at
 *   the IDF it was last weighed with, so a fresh process scores exactly as the one that wrote it
 *   (one packed byte array: stored-story.ts);
 * - members: article → story per level, in member order, with when it joined;
 * - postings: the story index, per level and key, the story slots in recency order;
 * - entity names: the base forms seen per entity key, and the name shown.
 */
import type { ClusterOptions, StoryLevel } from './options.ts';
import type { WeightedCentroid } from './similarity.ts';
import { packCentroid, StoredStory, type StoryDetails } from './stored-story.ts';
import type { LiveStory, StoryRecord } from './story.ts';
import type { KeyRow } from './vectors.ts';
import type { DatePrecision } from '../types.ts';

export type { KeyRow } from './vectors.ts';
export type KeyKind = 'term' | 'entity';

/** What a level keeps besides its stories. */
export interface LevelMeta {
  readonly options: ClusterOptions;
  /** Suffix for the next colliding story id. */
  readonly nextSerial: number;
  /** Merges made so far (numbers the merged-away rows, so readers list merges in order). */
  readonly merges: number;
  readonly nextSlot: number;
  /** Documents seen at the last consolidation: stories touched since are the ones it re-examines. */
  readonly consolidatedAt: number;
}

export interface MetaRow {
  /** Raised by every committed delta: a process whose cached generation differs drops its cache. */
  readonly generation: number;
  /** The caller's features version (src/app raises it when feature keys change meaning). */
  readonly version: number;
  readonly documents: number;
  /** Ids handed out per vocabulary (the next new key gets this id). */
  readonly termIds: number;
  readonly entityIds: number;
  /** JSON: { event: LevelMeta, storyline: LevelMeta }. */
  readonly levels: string;
}

export interface StoryRow {
  readonly id: string;
  readonly level: StoryLevel;
  readonly slot: number;
  /** The story this one was merged into (null while live), and the level's merge count then. */
  readonly mergedInto: string | null;
  readonly mergedSeq: number | null;
  readonly size: number;
  readonly independent: number;
  /** Date span in ms since the epoch (null: undated), the precision of its ends, and its uncertainty. */
  readonly firstMs: number | null;
  readonly lastMs: number | null;
  readonly firstPrecision: DatePrecision | null;
  readonly lastPrecision: DatePrecision | null;
  readonly slackDays: number;
  /** Document count when last changed. */
  readonly touched: number;
  /** JSON: languages, outlets, representatives (the rest of the clusterer's record; stored-story.ts). */
  readonly state: string;
  /** Display fields readers sort and show; null once merged away. */
  readonly title: string | null;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /**
   * JSON: the StoryRecord as of the last change (IDF of that moment) without `mergedFrom`, which
   * readers rebuild from the merge edges (`readMergedFrom`).
   */
  readonly record: string | null;
}

export interface CentroidRow {
  readonly storyId: string;
  /** Corpus documents when the weights were computed. */
  readonly weightedAt: number;
  /**
   * Little-endian: term and entity counts (uint32), term then entity ids (int32), their weights,
   * then their sums (float64); stored-story.ts `packCentroid`.
   */
  readonly centroid: Uint8Array;
}

/** A story row as the engine reads it back: without the display fields, which only readers use. */
export type EngineStoryRow = Omit<StoryRow, 'title' | 'firstSeen' | 'lastSeen' | 'record'>;

/** A story row joined with its centroid row, as the backends select it (column names as stored). */
export interface StoryJoinRow {
  readonly id: string;
  readonly level: StoryLevel;
  readonly slot: number;
  readonly merged_into: string | null;
  readonly merged_seq: number | null;
  readonly size: number;
  readonly independent: number;
  readonly first_ms: number | null;
  readonly last_ms: number | null;
  readonly first_precision: DatePrecision | null;
  readonly last_precision: DatePrecision | null;
  readonly slack_days: number;
  readonly touched: number;
  readonly state: string;
  readonly weighted_at: number | null;
  readonly centroid: Uint8Array | null;
}

/** The engine's story row, and centroid row where there is one, from a joined row. */
export function engineStoryFrom(r: StoryJoinRow): { story: EngineStoryRow; centroid?: CentroidRow } {
  const story: EngineStoryRow = {
    id: r.id, level: r.level, slot: r.slot, mergedInto: r.merged_into, mergedSeq: r.merged_seq, size: r.size,
    independent: r.independent, firstMs: r.first_ms, lastMs: r.last_ms, firstPrecision: r.first_precision,
    lastPrecision: r.last_precision, slackDays: r.slack_days, touched: r.touched, state: r.state,
  };
  if (r.weighted_at === null || r.centroid === null) return { story };
  return { story, centroid: { storyId: r.id, weightedAt: r.weighted_at, centroid: r.centroid } };
}

/** A story's index slot with what the time-window test reads. */
export interface SlotRow {
  readonly slot: number;
  readonly id: string;
  readonly live: boolean;
  readonly firstMs: number | null;
  readonly lastMs: number | null;
  readonly slackDays: number;
}

export interface MemberRow {
  readonly level: StoryLevel;
  readonly articleId: string;
  readonly storyId: string;
  /** Position in the story's member list. */
  readonly ord: number;
  /** When it joined (ms since the epoch), for "recent growth". */
  readonly addedAt: number;
}

/** Every member of `from` moves to the end of `to` (ord + offset): a merge. */
export interface MemberMove {
  readonly level: StoryLevel;
  readonly from: string;
  readonly to: string;
  readonly offset: number;
}

export interface PostingRow {
  readonly level: StoryLevel;
  readonly kind: KeyKind;
  readonly keyId: number;
  /** Little-endian int32 story slots, least recently posted first. */
  readonly slots: Uint8Array;
}

export interface NameRow {
  readonly key: string;
  /** JSON: base form → mentions, in first-seen order. */
  readonly counts: string;
  readonly name: string | null;
}

/**
 * What changed since the last write. A backend applies it in one transaction: upserts of every
 * row given, member inserts before member moves (a moved story never gains members afterwards).
 */
export interface StoryDelta {
  readonly meta?: MetaRow;
  readonly terms: readonly KeyRow[];
  readonly entities: readonly KeyRow[];
  readonly stories: readonly StoryRow[];
  readonly centroids: readonly CentroidRow[];
  /** Centroids of stories merged away. */
  readonly dropCentroids: readonly string[];
  readonly members: readonly MemberRow[];
  readonly moves: readonly MemberMove[];
  readonly postings: readonly PostingRow[];
  readonly names: readonly NameRow[];
}

/**
 * Where the engine's state lives between processes. Synchronous, so lookups can happen in the
 * middle of clustering an article (better-sqlite3; PostgreSQL loads its rows into the memory
 * backend, memory-backend.ts). Reads see every delta written before, in the same transaction too.
 */
export interface StoryBackend {
  readMeta(): MetaRow | undefined;
  readKeys(kind: KeyKind, keys: readonly string[]): KeyRow[];
  readKeyIds(kind: KeyKind, ids: readonly number[]): KeyRow[];
  /** Story rows (live or merged away) with the live ones' centroids. */
  readStories(ids: readonly string[]): { story: EngineStoryRow; centroid?: CentroidRow }[];
  readSlots(level: StoryLevel, slots: readonly number[]): SlotRow[];
  readPostings(level: StoryLevel, kind: KeyKind, keyIds: readonly number[]): PostingRow[];
  /** Current story of each article that has one at this level. */
  readArticleStories(level: StoryLevel, articleIds: readonly string[]): { articleId: string; storyId: string }[];
  /** Members of a story in order. */
  readMembers(storyId: string): string[];
  /**
   * Ids merged into a story, directly or not: each merge in merge order followed by the ids merged
   * into that one (what `Story.mergedFrom` lists).
   */
  readMergedFrom(storyId: string): string[];
  /** Live stories changed after `documents` (consolidation's work list). */
  touchedSince(level: StoryLevel, documents: number): string[];
  /** The `limit` largest live stories above `minSize` articles, largest first, equal sizes by id. */
  largest(level: StoryLevel, minSize: number, limit: number): string[];
  /** Every live story, by slot. */
  liveStories(level: StoryLevel): string[];
  readNames(keys: readonly string[]): NameRow[];
  write(delta: StoryDelta): void;
}

/** A delta with nothing in it, to spread the parts that changed over. */
export const EMPTY_DELTA: StoryDelta = Object.freeze({
  terms: [], entities: [], stories: [], centroids: [], dropCentroids: [], members: [], moves: [], postings: [], names: [],
});

/** Deltas in write order as one (later rows of the same key win when applied in order). */
export function concatDeltas(parts: readonly StoryDelta[]): StoryDelta {
  const all = <K extends keyof StoryDelta>(k: K) => parts.flatMap((p) => (p[k] ?? []) as never[]);
  const meta = parts.map((p) => p.meta).filter((m) => m !== undefined).at(-1);
  return {
    ...(meta ? { meta } : {}),
    terms: all('terms'), entities: all('entities'), stories: all('stories'), centroids: all('centroids'),
    dropCentroids: all('dropCentroids'), members: all('members'), moves: all('moves'), postings: all('postings'), names: all('names'),
  };
}

// --- stories ------------------------------------------------------------------------------------

/** A live story's row; `display` is its StoryRecord now (toStory without members and merges). */
export function storyRow(s: LiveStory, display: Omit<StoryRecord, 'mergedFrom'>): StoryRow {
  const details: StoryDetails = { languages: s.languages, outlets: s.outlets, representatives: s.representatives };
  return {
    ...header(s, null, null),
    state: JSON.stringify(details),
    title: display.title ?? null,
    firstSeen: display.firstSeen ?? null,
    lastSeen: display.lastSeen ?? null,
    record: JSON.stringify(display),
  };
}

/** The row of a story merged into `into` as the level's `seq`-th merge: what resolving its id and the index's slot test need. */
export function mergedStoryRow(s: LiveStory, into: string, seq: number): StoryRow {
  return { ...header(s, into, seq), state: '{}', title: null, firstSeen: null, lastSeen: null, record: null };
}

function header(s: LiveStory, mergedInto: string | null, mergedSeq: number | null) {
  return {
    id: s.id,
    level: s.level,
    slot: s.slot,
    mergedInto,
    mergedSeq,
    size: s.size,
    independent: s.independent,
    firstMs: s.first ?? null,
    lastMs: s.last ?? null,
    firstPrecision: s.firstPrecision ?? null,
    lastPrecision: s.lastPrecision ?? null,
    slackDays: s.slackDays,
    touched: s.touched,
  };
}

/** A live story from its rows, with its cached weights (the rest decoded on first use). */
export function liveStoryFrom(row: EngineStoryRow, c: CentroidRow): LiveStory {
  return new StoredStory(row, c);
}

/**
 * A live story's centroid row. Its weights are the scorer's cache, which always holds the
 * centroid's ids in the centroid's order (similarity.ts `centroid`); checked here, since a row
 * whose weights belong to other ids would score silently wrong.
 */
export function centroidRow(s: LiveStory): CentroidRow {
  const w: WeightedCentroid | undefined = s.weighted;
  if (!w || !sameIds(w.terms.ids, s.terms.ids) || !sameIds(w.entities.ids, s.entities.ids)) {
    throw new Error(`story ${s.id}: cached weights do not match its centroid`);
  }
  return { storyId: s.id, weightedAt: w.documents, centroid: packCentroid(s.terms, s.entities, w) };
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// --- byte arrays ----------------------------------------------------------------------------------

export function encodeInts(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i], true);
  return bytes;
}

export function decodeInts(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Filled first: a packed array, and no growth while decoding (push was several times slower).
  const out: number[] = new Array(bytes.byteLength >> 2).fill(0);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}
