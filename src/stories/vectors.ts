/**
 * Sparse vectors over interned keys: what the clusterer's centroids, article weights and index
 * are made of. Ids instead of strings and parallel number arrays instead of records keep the hot
 * loops on small ints and unboxed doubles (bench/stories.ts: about 3× faster than string-keyed maps).
 */
import { firstK } from './top-k.ts';

/**
 * A sparse vector (a centroid field, an article's weights) as vocabulary ids and values in
 * insertion order. Arrays of small ints and doubles keep values unboxed; the order is the one the
 * plain-JSON record had, so sums run in the same order and give the same bits. (A record lists
 * array-index keys such as "123" first; terms never are one, numbers are "#123".)
 */
export interface Vec {
  ids: number[];
  vals: number[];
}

/** A stored vocabulary entry: a key, its id (stable across processes) and its document frequency. */
export interface KeyRow {
  readonly id: number;
  readonly key: string;
  readonly df: number;
}

/** Where a vocabulary finds the entries it has not loaded yet (a state backend); synchronous. */
export interface KeySource {
  /** The stored entries among `keys` (keys not returned are new). */
  byKey(keys: readonly string[]): readonly KeyRow[];
  /** The stored entries with these ids. */
  byId(ids: readonly number[]): readonly KeyRow[];
}

/** Document frequency of an id whose entry is not loaded yet (a stored one is never negative). */
const UNLOADED = -1;

/**
 * Term or entity keys interned to dense ids, with their document frequencies: lookups by small
 * ints instead of strings, and one string lookup per article key. Ids are handed out in first-seen
 * order and never change, so stored centroids and index postings can name keys by id. With a
 * `source`, entries are read on first use (`id`, `ensure`) instead of all at once.
 */
export class Vocabulary {
  private readonly byKey = new Map<string, number>();
  /** Keys a prefetch found not stored, until `id` adds them. */
  private readonly absent = new Set<string>();
  /** Key by id; undefined where the entry is not loaded. */
  readonly keys: (string | undefined)[] = [];
  /** Document frequency by id; 0 for keys only seen in a restored centroid (IDF counts them as 1). */
  df = new Int32Array(1024).fill(UNLOADED);
  /** The next id to hand out: every id below it is taken (loaded or not). */
  size = 0;

  constructor(private readonly source?: KeySource, size = 0) {
    this.size = size;
  }

  /** The id of `key`, added with df 0 when new. */
  id(key: string): number {
    const id = this.byKey.get(key);
    if (id !== undefined) return id;
    if (this.source && !this.absent.delete(key)) {
      const [row] = this.source.byKey([key]);
      if (row) return this.put(row.id, row.key, row.df);
    }
    return this.put(this.size, key, 0);
  }

  /** The id of a loaded key, without adding it. */
  find(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /**
   * Loads the stored entries of these keys in one read (what `id` would otherwise read one by one),
   * and remembers the keys it did not find: they are new, and `id` hands them out without asking
   * again (a round trip each on PostgreSQL). Nothing else adds keys to a source while this
   * vocabulary is in use: its engine is the one writer (src/store/sqlite/story-writer.ts).
   */
  prefetch(keys: Iterable<string>): void {
    if (!this.source) return;
    const missing: string[] = [];
    for (const k of keys) if (!this.byKey.has(k) && !this.absent.has(k)) missing.push(k);
    if (missing.length === 0) return;
    for (const row of this.source.byKey(missing)) this.put(row.id, row.key, row.df);
    for (const k of missing) if (!this.byKey.has(k)) this.absent.add(k);
  }

  /** Loads the entries of these ids where not loaded yet: their keys and document frequencies are read after. */
  ensure(ids: readonly number[]): void {
    if (!this.source) return;
    let missing: number[] | undefined;
    for (let i = 0; i < ids.length; i++) if (this.keys[ids[i]] === undefined) (missing ??= []).push(ids[i]);
    if (missing) for (const row of this.source.byId(missing)) this.put(row.id, row.key, row.df);
  }

  /** Document frequency, as the `Map` the story report reads. */
  get(key: string): number | undefined {
    const id = this.byKey.get(key);
    return id === undefined || this.df[id] <= 0 ? undefined : this.df[id];
  }

  toRecord(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.keys.length; i++) if (this.df[i] > 0) out[this.keys[i]!] = this.df[i];
    return out;
  }

  /** The stored form of the entries with these ids (loaded ones). */
  rows(ids: Iterable<number>): KeyRow[] {
    const out: KeyRow[] = [];
    for (const id of ids) out.push({ id, key: this.keys[id]!, df: this.df[id] });
    return out;
  }

  private put(id: number, key: string, df: number): number {
    if (id >= this.df.length) {
      const grown = new Int32Array(Math.max(id + 1, this.df.length * 2)).fill(UNLOADED);
      grown.set(this.df);
      this.df = grown;
    }
    while (this.keys.length <= id) this.keys.push(undefined);
    this.keys[id] = key;
    this.df[id] = df;
    this.byKey.set(key, id);
    if (id >= this.size) this.size = id + 1;
    return id;
  }
}

/** The `k` heaviest entries of `v`, heaviest first (equal weights by key). */
export function topOf(v: Vec, k: number, vocab: Vocabulary): Vec {
  const { ids, vals } = v;
  const keys = vocab.keys as readonly string[];
  const top = firstK(ids.length, k, (a, b) => heavier(vals[a], vals[b]) || compareKeys(keys[ids[a]], keys[ids[b]]));
  return { ids: top.map((i) => ids[i]), vals: top.map((i) => vals[i]) };
}

/** The `k` heaviest entries: an article is compared by its distinctive terms only (cost and noise). */
export function truncate(v: Vec, k: number, vocab: Vocabulary): Vec {
  return v.ids.length <= k ? v : topOf(v, k, vocab);
}

/** Marks each id of `v` with its 1-based position (the clusterer's cosine reads the marks). */
export function mark(v: Vec, marks: Float64Array): void {
  for (let i = 0; i < v.ids.length; i++) marks[v.ids[i]] = i + 1;
}

export function unmark(v: Vec, marks: Float64Array): void {
  for (let i = 0; i < v.ids.length; i++) marks[v.ids[i]] = 0;
}

export function toRecord(v: Vec, vocab: Vocabulary): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < v.ids.length; i++) out[vocab.keys[v.ids[i]]!] = v.vals[i];
  return out;
}

/** The `k` largest counts (equal counts by key) as a record; `ids` are the count map's keys' ids. */
export function topTermsRecord(counts: ReadonlyMap<string, number>, ids: number[], vocab: Vocabulary, k: number): Record<string, number> {
  const vals = [...counts.values()];
  const out: Record<string, number> = {};
  const keys = vocab.keys as readonly string[];
  for (const i of firstK(ids.length, k, (a, b) => heavier(vals[a], vals[b]) || compareKeys(keys[ids[a]], keys[ids[b]]))) {
    out[keys[ids[i]]] = vals[i];
  }
  return out;
}

/**
 * The sign of `b - a` as -1/0/1 (NaN: 0): comparators return small ints, since a double returned
 * from a comparator is boxed on every call (it was most of the allocation per article).
 */
export function heavier(a: number, b: number): number {
  return b > a ? 1 : b < a ? -1 : 0;
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function norm(v: Vec): number {
  const vals = v.vals;
  let n = 0;
  for (let i = 0; i < vals.length; i++) n += vals[i] * vals[i];
  return Math.sqrt(n);
}

/**
 * A Float64Array indexed by vocabulary id, all zero between uses: marks, positions and dot
 * products without a Map. Read `values` afresh after `fit`, which may replace it.
 */
export class IdScratch {
  values = new Float64Array(1024);

  /** Room for ids below `size`; a new array is all zero, as between uses. Call between uses only. */
  fit(size: number): void {
    if (size > this.values.length) this.values = new Float64Array(Math.max(size, this.values.length * 2));
  }
}
