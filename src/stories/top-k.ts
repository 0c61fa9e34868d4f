/**
 * The `k` first of `n` positions under an order, without sorting all `n` and without an object per
 * entry: the clusterer picks a few distinctive terms of long vectors and a few candidates of many
 * index hits on every article, where a full `Array.prototype.sort` dominated the profile.
 */

/** Comparator over positions: negative when `a` comes first; 0 only for a position with itself. */
export type PositionOrder = (a: number, b: number) => number;

/**
 * Positions 0…n-1 of the `k` first under `before` (a total order), in that order. A quickselect
 * brings them to the front and only those are sorted: the same result as a full sort, in
 * O(n + k log k).
 * @example firstK(5, 2, (a, b) => values[b] - values[a]) // the two heaviest positions
 */
export function firstK(n: number, k: number, before: PositionOrder): number[] {
  if (k <= 0) return [];
  const all: number[] = new Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (n > k) {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      partition(all, lo, hi, before);
      const i = split[0];
      const j = split[1];
      if (k - 1 <= j) hi = j;
      else if (k - 1 >= i) lo = i;
      else break;
    }
    all.length = k;
  }
  sortPositions(all, 0, all.length - 1, before);
  return all;
}

/** Where the last partition ended ([i, j], j < i): a scratch pair, so partitioning allocates nothing. */
const split = new Int32Array(2);

/** Hoare partition of all[lo..hi] around its middle element; everything ≤ j comes before everything ≥ i. */
function partition(all: number[], lo: number, hi: number, before: PositionOrder): void {
  const pivot = all[(lo + hi) >>> 1];
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (before(all[i], pivot) < 0) i++;
    while (before(all[j], pivot) > 0) j--;
    if (i <= j) {
      const t = all[i];
      all[i++] = all[j];
      all[j--] = t;
    }
  }
  split[0] = i;
  split[1] = j;
}

/** In-place quicksort of all[lo..hi]: `Array.prototype.sort` copies into work arrays on every call. */
function sortPositions(all: number[], lo: number, hi: number, before: PositionOrder): void {
  while (hi - lo > 8) {
    partition(all, lo, hi, before);
    const i = split[0];
    const j = split[1];
    // Recurse into the smaller side, loop on the larger.
    if (j - lo < hi - i) {
      sortPositions(all, lo, j, before);
      lo = i;
    } else {
      sortPositions(all, i, hi, before);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = all[i];
    let j = i - 1;
    while (j >= lo && before(all[j], x) > 0) {
      all[j + 1] = all[j];
      j--;
    }
    all[j + 1] = x;
  }
}
