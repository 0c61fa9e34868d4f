/**
 * Scoring of predicted entity mentions against BSNLP gold mentions (eval/entities.ts and its
 * leave-one-topic-out rotations, eval/lib/entities-loto.ts): mention span P/R/F1 (exact and
 * overlap, type-blind, plus overlap with the right type), base-form accuracy over exactly
 * matched mentions (all, and multi-word names alone), and B-cubed F1 of grouping over
 * overlap-matched mentions (gold entity ids vs our keys, across the documents scored).
 */
import type { Mention } from '../../src/analysis/entities/index.ts';
import type { BsnlpMention } from './bsnlp.ts';

interface Pair {
  readonly gold: BsnlpMention;
  readonly pred: Mention;
}

export interface EntityScores {
  readonly mentionExactP: number;
  readonly mentionExactR: number;
  readonly mentionExactF1: number;
  readonly mentionOverlapP: number;
  readonly mentionOverlapR: number;
  readonly mentionOverlapF1: number;
  readonly mentionTypedOverlapF1: number;
  readonly baseAccuracy: number;
  readonly baseAccuracyCaseless: number;
  /** Caseless base-form accuracy over exactly matched gold mentions of two or more words. */
  readonly baseAccuracyMultiWord: number;
  readonly groupingBcubedF1: number;
  readonly goldMentions: number;
}

/** The most frequent errors, for reading rules off patterns rather than single files. */
export interface EntityErrors {
  readonly split: Map<string, number>;
  readonly merged: Map<string, number>;
  readonly confusion: readonly Pair[];
  readonly types: Map<string, number>;
  readonly bases: Map<string, number>;
  readonly missed: Map<string, number>;
  readonly spurious: Map<string, number>;
}

/** Scores of documents' predicted mentions (one array per document, same order as `gold`). */
export function scoreEntities(gold: readonly (readonly BsnlpMention[])[], predicted: readonly (readonly Mention[])[]): { scores: EntityScores; errors: EntityErrors } {
  let goldCount = 0;
  let predCount = 0;
  let exact = 0;
  let typed = 0;
  const overlapPairs: Pair[] = [];
  const exactPairs: Pair[] = [];
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  gold.forEach((gs, i) => {
    const ps = predicted[i]!;
    goldCount += gs.length;
    predCount += ps.length;
    const used = new Set<Mention>();
    for (const g of gs) {
      const same = ps.find((p) => p.start === g.start && p.end === g.end);
      if (same) {
        exact++;
        exactPairs.push({ gold: g, pred: same });
      }
      const over = same && !used.has(same) ? same : ps.find((p) => !used.has(p) && p.start < g.end && g.start < p.end);
      if (over) {
        used.add(over);
        overlapPairs.push({ gold: g, pred: over });
        if (over.type === g.type) typed++;
      } else count(missed, `${g.text} [${g.type}]`);
    }
    for (const p of ps) if (!used.has(p)) count(spurious, `${p.text} [${p.type}]`);
  });

  const f1 = (tp: number) => {
    const p = predCount ? tp / predCount : 0;
    const r = goldCount ? tp / goldCount : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const ex = f1(exact);
  const ov = f1(overlapPairs.length);
  const ty = f1(typed);
  const bases = new Map<string, number>();
  let baseCs = 0;
  let baseCi = 0;
  let multi = 0;
  let multiRight = 0;
  const caseless = (s: string) => s.toLocaleLowerCase('pl');
  for (const { gold: g, pred: p } of exactPairs) {
    const right = caseless(p.base) === caseless(g.base);
    if (p.base === g.base) baseCs++;
    if (right) baseCi++;
    else count(bases, `${g.text} → ${p.base} (gold ${g.base})`);
    if (/\s/.test(g.text)) {
      multi++;
      if (right) multiRight++;
    }
  }
  const types = new Map<string, number>();
  for (const { gold: g, pred: p } of overlapPairs) if (g.type !== p.type) count(types, `${g.type}→${p.type} ${g.base}`);
  const share = (n: number, of: number) => (of ? n / of : 0);
  return {
    scores: {
      mentionExactP: ex.p,
      mentionExactR: ex.r,
      mentionExactF1: ex.f,
      mentionOverlapP: ov.p,
      mentionOverlapR: ov.r,
      mentionOverlapF1: ov.f,
      mentionTypedOverlapF1: ty.f,
      baseAccuracy: share(baseCs, exactPairs.length),
      baseAccuracyCaseless: share(baseCi, exactPairs.length),
      baseAccuracyMultiWord: share(multiRight, multi),
      groupingBcubedF1: bcubed(overlapPairs),
      goldMentions: goldCount,
    },
    errors: { ...groupingErrors(overlapPairs), confusion: overlapPairs, types, bases, missed, spurious },
  };
}

/** B-cubed F1 over matched mentions: gold clusters = entity ids, predicted clusters = keys. */
function bcubed(pairs: readonly Pair[]): number {
  if (pairs.length === 0) return 0;
  const byGold = new Map<string, number>();
  const byPred = new Map<string, number>();
  const both = new Map<string, number>();
  for (const { gold, pred } of pairs) {
    count(byGold, gold.entity);
    count(byPred, pred.key);
    count(both, `${gold.entity}\u0000${pred.key}`);
  }
  let p = 0;
  let r = 0;
  for (const { gold, pred } of pairs) {
    const shared = both.get(`${gold.entity}\u0000${pred.key}`)!;
    p += shared / byPred.get(pred.key)!;
    r += shared / byGold.get(gold.entity)!;
  }
  p /= pairs.length;
  r /= pairs.length;
  return (2 * p * r) / (p + r);
}

/** Gold entities split over several keys, and keys that merge several gold entities. */
function groupingErrors(pairs: readonly Pair[]): { split: Map<string, number>; merged: Map<string, number> } {
  const split = new Map<string, Map<string, number>>();
  const merged = new Map<string, Map<string, number>>();
  for (const { gold, pred } of pairs) {
    const a = split.get(gold.entity) ?? new Map<string, number>();
    count(a, pred.key);
    split.set(gold.entity, a);
    const b = merged.get(pred.key) ?? new Map<string, number>();
    count(b, gold.entity);
    merged.set(pred.key, b);
  }
  const worst = (m: Map<string, Map<string, number>>) => {
    const out = new Map<string, number>();
    for (const [k, parts] of m) {
      if (parts.size < 2) continue;
      const sorted = [...parts.entries()].sort((x, y) => y[1] - x[1]);
      const lost = sorted.slice(1).reduce((n, [, c]) => n + c, 0);
      out.set(`${k}: ${sorted.slice(0, 4).map(([p, c]) => `${p}×${c}`).join(', ')}`, lost);
    }
    return out;
  };
  return { split: worst(split), merged: worst(merged) };
}

/** Prints the error tables, `show` rows each (none when 0). */
export function printErrors(errors: EntityErrors, show: number): void {
  if (show <= 0) return;
  printTop('gold entities split over keys (mentions outside the main key)', errors.split, show);
  printTop('keys merging gold entities (mentions outside the main entity)', errors.merged, show);
  printConfusion(errors.confusion);
  printTop('wrong types (gold→ours)', errors.types, show);
  printTop('wrong base forms', errors.bases, show);
  printTop('missed mentions', errors.missed, show);
  printTop('spurious mentions', errors.spurious, show);
}

/** Type confusion over overlap-matched mentions: rows gold, columns ours. */
function printConfusion(pairs: readonly Pair[]): void {
  const types = [...new Set(pairs.flatMap((x) => [x.gold.type, x.pred.type]))].sort();
  const cells = new Map<string, number>();
  for (const { gold, pred } of pairs) count(cells, `${gold.type}>${pred.type}`);
  console.log('-- type confusion (rows gold, columns ours; overlap-matched mentions)');
  console.log(`  ${'gold'.padEnd(5)}${types.map((t) => t.padStart(7)).join('')}`);
  for (const g of types) console.log(`  ${g.padEnd(5)}${types.map((t) => String(cells.get(`${g}>${t}`) ?? 0).padStart(7)).join('')}`);
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function printTop(title: string, map: Map<string, number>, show: number): void {
  const top = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, show);
  console.log(`-- ${title} (top ${top.length} of ${map.size})`);
  for (const [what, n] of top) console.log(`  ${String(n).padStart(4)}  ${what}`);
}
