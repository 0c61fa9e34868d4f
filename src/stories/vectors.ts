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

/**
 * Term or entity keys interned to dense ids, with their document frequencies: lookups by small
 * ints instead of strings, and one string lookup per article key.
 */
export class Vocabulary {
  private readonly byKey = new Map<string, number>();
  readonly keys: string[] = [];
  /** Document frequency by id; 0 for keys only seen in a restored centroid (IDF counts them as 1). */
  readonly df: number[] = [];

  /** The id of `key`, added with df 0 when new. */
  id(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.byKey.set(key, id);
      this.keys.push(key);
      this.df.push(0);
    }
    return id;
  }

  /** Document frequency, as the `Map` the story report reads. */
  get(key: string): number | undefined {
    const id = this.byKey.get(key);
    return id === undefined || this.df[id] === 0 ? undefined : this.df[id];
  }

  toRecord(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.keys.length; i++) if (this.df[i] > 0) out[this.keys[i]] = this.df[i];
    return out;
  }
}

/** The `k` heaviest entries of `v`, heaviest first (equal weights by key). */
export function topOf(v: Vec, k: number, vocab: Vocabulary): Vec {
  const { ids, vals } = v;
  const keys = vocab.keys;
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
  for (let i = 0; i < v.ids.length; i++) out[vocab.keys[v.ids[i]]] = v.vals[i];
  return out;
}

/** The `k` largest counts (equal counts by key) as a record; `ids` are the count map's keys' ids. */
export function topTermsRecord(counts: ReadonlyMap<string, number>, ids: number[], vocab: Vocabulary, k: number): Record<string, number> {
  const vals = [...counts.values()];
  const out: Record<string, number> = {};
  for (const i of firstK(ids.length, k, (a, b) => heavier(vals[a], vals[b]) || compareKeys(vocab.keys[ids[a]], vocab.keys[ids[b]]))) {
    out[vocab.keys[ids[i]]] = vals[i];
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
