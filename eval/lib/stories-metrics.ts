/**
 * Clustering scores over items: B-cubed precision/recall/F1 (Bagga & Baldwin 1998, per item,
 * averaged) and pairwise F1, plus the false merges and splits worth printing.
 */

export interface ClusterScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pairwiseF1: number;
}

/** Scores of `predicted` (item → cluster) against `gold` (item → label), over the gold items. */
export function scoreClustering(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): ClusterScores {
  const items = [...gold.keys()].filter((i) => predicted.has(i));
  const byPred = group(items, (i) => predicted.get(i)!);
  const byGold = group(items, (i) => gold.get(i)!);
  const cell = new Map<string, number>();
  for (const i of items) {
    const k = `${predicted.get(i)}\u0000${gold.get(i)}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const i of items) {
    const both = cell.get(`${predicted.get(i)}\u0000${gold.get(i)}`)!;
    p += both / byPred.get(predicted.get(i)!)!.length;
    r += both / byGold.get(gold.get(i)!)!.length;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  let predPairs = 0;
  for (const g of byPred.values()) predPairs += pairs(g.length);
  let goldPairs = 0;
  for (const g of byGold.values()) goldPairs += pairs(g.length);
  const pp = predPairs ? tp / predPairs : 1;
  const pr = goldPairs ? tp / goldPairs : 1;
  return { precision, recall, f1: f1(precision, recall), pairwiseF1: f1(pp, pr) };
}

export interface Confusion {
  /** Predicted clusters holding several gold labels: label → count. */
  readonly merges: { cluster: string; labels: Record<string, number> }[];
  /** Gold labels spread over several predicted clusters: cluster → count. */
  readonly splits: { label: string; clusters: Record<string, number> }[];
}

export function confusion(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Confusion {
  const items = [...gold.keys()].filter((i) => predicted.has(i));
  const merges = [...group(items, (i) => predicted.get(i)!)]
    .map(([cluster, members]) => ({ cluster, labels: countBy(members, (i) => gold.get(i)!) }))
    .filter((m) => Object.keys(m.labels).length > 1);
  const splits = [...group(items, (i) => gold.get(i)!)]
    .map(([label, members]) => ({ label, clusters: countBy(members, (i) => predicted.get(i)!) }))
    .filter((s) => Object.keys(s.clusters).length > 1);
  return { merges, splits };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}
