/**
 * Centroid arithmetic: a story's centroid is the sum of its members' unit-length log-TF vectors,
 * bounded to its heaviest keys by current TF-IDF. The functions update `Vec`s in place in the
 * order a string-keyed record would (new keys appended), so sums keep the same bits; each uses a
 * scratch indexed by vocabulary id, all zero before and after. Weighting is the corpus's.
 */
import { topOf, type Vec, type Vocabulary } from './vectors.ts';

/** Adds an article's counts (keys with ids `ids`) as a unit-length log-TF vector, so long articles do not dominate. */
export function addArticle(centroid: Vec, counts: ReadonlyMap<string, number>, ids: readonly number[], scratch: Float64Array): void {
  let norm = 0;
  for (const c of counts.values()) norm += (1 + Math.log(c)) ** 2;
  norm = Math.sqrt(norm) || 1;
  const unit: number[] = [];
  for (const c of counts.values()) unit.push((1 + Math.log(c)) / norm);
  addCentroid(centroid, ids, unit, scratch);
}

/**
 * centroid[k] += add[k] for every key (another story's centroid on a merge), new keys appended in
 * `ids` order: what `+=` on a record does. The scratch holds 1 + each present key's position.
 */
export function addCentroid(centroid: Vec, ids: readonly number[], add: readonly number[], scratch: Float64Array): void {
  const at = scratch;
  for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = i + 1;
  for (let i = 0; i < ids.length; i++) {
    const pos = at[ids[i]];
    if (pos !== 0) centroid.vals[pos - 1] = centroid.vals[pos - 1] + add[i];
    else {
      centroid.ids.push(ids[i]);
      centroid.vals.push(0 + add[i]);
      at[ids[i]] = centroid.ids.length;
    }
  }
  for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = 0;
}

/**
 * The `cap` keys of `centroid` heaviest in `weighted` (the same keys in the same order, at the
 * current IDF): the kept raw centroid, and its weighted vector, heaviest first.
 */
export function keepHeaviest(centroid: Vec, weighted: Vec, cap: number, vocab: Vocabulary, scratch: Float64Array): { centroid: Vec; weighted: Vec } {
  const at = scratch;
  for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = centroid.vals[i];
  const kept = topOf(weighted, cap, vocab);
  const next: Vec = { ids: kept.ids.slice(), vals: kept.ids.map((id) => at[id]) };
  for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = 0;
  return { centroid: next, weighted: kept };
}
