/**
 * `npm run eval -- entities [bsnlp-path]`: named-entity quality on BSNLP Polish news.
 * Metrics: mention span P/R/F1 (exact and overlap, type-blind, plus overlap+type), base-form
 * accuracy over exactly matched mentions (case-sensitive and -insensitive), and B-cubed F1 of
 * grouping over overlap-matched mentions (gold entity ids vs our keys, across the corpus).
 * Prints the most frequent errors so rules can be improved on patterns, not on single files.
 */
import { findMentions, linkAcrossArticles, type Mention } from '../src/analysis/entities/index.ts';
import { analyzeText } from '../src/text/index.ts';
import { hasBsnlp, loadBsnlp, type BsnlpMention } from './lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';

interface Pair {
  readonly gold: BsnlpMention;
  readonly pred: Mention;
}

const SHOW = Number(process.env.KRONIKA_EVAL_SHOW ?? 15);

export async function run(dataPath: string = DEFAULT_BSNLP_PATH): Promise<EvalResult> {
  if (!hasBsnlp(dataPath)) return { suite: 'entities', skipped: `no BSNLP data at ${dataPath}`, metrics: {} };
  const docs = loadBsnlp(dataPath);
  // The production path: sentences from the text layer, as src/analysis/index.ts passes them.
  const sentences = docs.map((d) => analyzeText(d.text, 'pl'));
  const started = performance.now();
  const found = docs.map((d, i) => findMentions(d.text, 'pl', sentences[i]!));
  const seconds = (performance.now() - started) / 1000;
  // Keys as groupEntities sees them: bare surnames linked across the collection.
  const predicted = linkAcrossArticles(found.map((mentions, i) => ({ articleId: String(i), mentions }))).map((d) => d.mentions);

  let gold = 0;
  let pred = 0;
  let exact = 0;
  let typed = 0;
  const overlapPairs: Pair[] = [];
  const exactPairs: Pair[] = [];
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  docs.forEach((doc, i) => {
    const ps = predicted[i]!;
    gold += doc.mentions.length;
    pred += ps.length;
    const used = new Set<Mention>();
    for (const g of doc.mentions) {
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
    const p = pred ? tp / pred : 0;
    const r = gold ? tp / gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const ex = f1(exact);
  const ov = f1(overlapPairs.length);
  const ty = f1(typed);
  const wrongBase = new Map<string, number>();
  let baseCs = 0;
  let baseCi = 0;
  for (const { gold: g, pred: p } of exactPairs) {
    if (p.base === g.base) baseCs++;
    if (p.base.toLocaleLowerCase('pl') === g.base.toLocaleLowerCase('pl')) baseCi++;
    else count(wrongBase, `${g.text} → ${p.base} (gold ${g.base})`);
  }
  const b3 = bcubed(overlapPairs);

  printGroupingErrors(overlapPairs);
  const typeErrors = new Map<string, number>();
  for (const { gold: g, pred: p } of overlapPairs) if (g.type !== p.type) count(typeErrors, `${g.type}→${p.type} ${g.base}`);
  printConfusion(overlapPairs);
  printTop('wrong types (gold→ours)', typeErrors);
  printTop('wrong base forms', wrongBase);
  printTop('missed mentions', missed);
  printTop('spurious mentions', spurious);
  return {
    suite: 'entities',
    metrics: {
      mentionExactP: ex.p,
      mentionExactR: ex.r,
      mentionExactF1: ex.f,
      mentionOverlapP: ov.p,
      mentionOverlapR: ov.r,
      mentionOverlapF1: ov.f,
      mentionTypedOverlapF1: ty.f,
      baseAccuracy: exactPairs.length ? baseCs / exactPairs.length : 0,
      baseAccuracyCaseless: exactPairs.length ? baseCi / exactPairs.length : 0,
      groupingBcubedF1: b3,
      goldMentions: gold,
      articlesPerSecond: Math.round(docs.length / seconds),
    },
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
function printGroupingErrors(pairs: readonly Pair[]): void {
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
  printTop('gold entities split over keys (mentions outside the main key)', worst(split));
  printTop('keys merging gold entities (mentions outside the main entity)', worst(merged));
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

function printTop(title: string, map: Map<string, number>): void {
  if (SHOW <= 0) return;
  const top = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, SHOW);
  console.log(`-- ${title} (top ${top.length} of ${map.size})`);
  for (const [what, n] of top) console.log(`  ${String(n).padStart(4)}  ${what}`);
}
