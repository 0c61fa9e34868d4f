/**
 * A story read back from its rows (rows.ts). Consolidation and the storyline merges score hundreds
 * of stored stories against one (story-index.ts `neighbours`) and change none of them; scoring reads
 * a story's cached weights, dates and size only. So those are decoded at once, and the centroid sums
 * and the record's JSON (languages, outlets, representatives) when first read. The centroid is one
 * byte array: counts, ids, weights, then sums, so the weights are read without the sums.
 */
import type { StoryLevel } from './options.ts';
import type { CentroidRow, EngineStoryRow } from './rows.ts';
import type { WeightedCentroid } from './similarity.ts';
import type { LiveStory, Representative } from './story.ts';
import { norm, type Vec } from './vectors.ts';
import type { DatePrecision, Language } from '../types.ts';

/** The clusterer's record fields kept as JSON in the story row. */
export interface StoryDetails {
  languages: Partial<Record<Language, number>>;
  outlets: Record<string, number>;
  representatives: Representative[];
}

/** Packs a story's centroid and its cached weights (same ids, same order) as one byte array. */
export function packCentroid(terms: Vec, entities: Vec, weighted: WeightedCentroid): Uint8Array {
  const n = terms.ids.length;
  const m = entities.ids.length;
  const bytes = new Uint8Array(8 + 4 * (n + m) + 16 * (n + m));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, n, true);
  view.setUint32(4, m, true);
  let at = 8;
  for (const ids of [terms.ids, entities.ids]) for (const id of ids) { view.setInt32(at, id, true); at += 4; }
  for (const vals of [weighted.terms.vals, weighted.entities.vals, terms.vals, entities.vals]) {
    for (const v of vals) { view.setFloat64(at, v, true); at += 8; }
  }
  return bytes;
}

export class StoredStory implements LiveStory {
  id: string;
  level: StoryLevel;
  size: number;
  independent: number;
  first?: number;
  last?: number;
  firstPrecision?: DatePrecision;
  lastPrecision?: DatePrecision;
  slackDays: number;
  touched: number;
  mergedFrom?: string[];
  readonly slot: number;
  weighted?: WeightedCentroid;
  /** The packed centroid until its sums are decoded. */
  #packed: Uint8Array | undefined;
  #terms: Vec | undefined;
  #entities: Vec | undefined;
  /** The record's JSON until it is parsed. */
  #json: string | undefined;
  #details: StoryDetails | undefined;

  constructor(row: EngineStoryRow, centroid: CentroidRow) {
    this.id = row.id;
    this.level = row.level;
    this.size = row.size;
    this.independent = row.independent;
    if (row.firstMs !== null) this.first = row.firstMs;
    if (row.lastMs !== null) this.last = row.lastMs;
    if (row.firstPrecision !== null) this.firstPrecision = row.firstPrecision;
    if (row.lastPrecision !== null) this.lastPrecision = row.lastPrecision;
    this.slackDays = row.slackDays;
    this.touched = row.touched;
    this.slot = row.slot;
    this.#json = row.state;
    const bytes = (this.#packed = centroid.centroid);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = view.getUint32(0, true);
    const m = view.getUint32(4, true);
    const termIds = readInts(view, 8, n);
    const entityIds = readInts(view, 8 + 4 * n, m);
    const weights = 8 + 4 * (n + m);
    const terms: Vec = { ids: termIds, vals: readDoubles(view, weights, n) };
    const entities: Vec = { ids: entityIds, vals: readDoubles(view, weights + 8 * n, m) };
    this.weighted = { terms, termNorm: norm(terms), entities, entityNorm: norm(entities), touched: row.touched, documents: centroid.weightedAt };
  }

  get terms(): Vec {
    if (!this.#terms) this.#unpackSums();
    return this.#terms!;
  }

  set terms(v: Vec) {
    this.#unpackSums();
    this.#terms = v;
  }

  get entities(): Vec {
    if (!this.#entities) this.#unpackSums();
    return this.#entities!;
  }

  set entities(v: Vec) {
    this.#unpackSums();
    this.#entities = v;
  }

  get languages(): StoryDetails['languages'] {
    return this.#parsed().languages;
  }

  set languages(v: StoryDetails['languages']) {
    this.#parsed().languages = v;
  }

  get outlets(): StoryDetails['outlets'] {
    return this.#parsed().outlets;
  }

  set outlets(v: StoryDetails['outlets']) {
    this.#parsed().outlets = v;
  }

  get representatives(): Representative[] {
    return this.#parsed().representatives;
  }

  set representatives(v: Representative[]) {
    this.#parsed().representatives = v;
  }

  #parsed(): StoryDetails {
    if (!this.#details) {
      this.#details = JSON.parse(this.#json!) as StoryDetails;
      this.#json = undefined;
    }
    return this.#details;
  }

  /** The sums, with ids of their own (the centroid's grow; the cached weights' must not). */
  #unpackSums(): void {
    const bytes = this.#packed;
    if (!bytes) return;
    this.#packed = undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = view.getUint32(0, true);
    const m = view.getUint32(4, true);
    const sums = 8 + 4 * (n + m) + 8 * (n + m);
    this.#terms = { ids: readInts(view, 8, n), vals: readDoubles(view, sums, n) };
    this.#entities = { ids: readInts(view, 8 + 4 * n, m), vals: readDoubles(view, sums + 8 * n, m) };
  }
}

// Filled first: a packed array, and no growth while decoding (push was several times slower).
function readInts(view: DataView, at: number, count: number): number[] {
  const out: number[] = new Array(count).fill(0);
  for (let i = 0; i < count; i++) out[i] = view.getInt32(at + 4 * i, true);
  return out;
}

function readDoubles(view: DataView, at: number, count: number): number[] {
  const out: number[] = new Array(count).fill(0);
  for (let i = 0; i < count; i++) out[i] = view.getFloat64(at + 8 * i, true);
  return out;
}
