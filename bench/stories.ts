/**
 * `npm run bench -- stories`: per-article cost of incremental event clustering at 1k, 10k and
 * 100k stored articles, against a brute-force baseline (score every story) in the same process.
 *
 * Synthetic stream: real paragraphs of BSNLP pl dev (or the seeds and off-topic texts when BSNLP is
 * absent) get surface features once; each synthetic event picks two "core" paragraphs and a day,
 * and each of its 1–9 articles = the core plus one or two random paragraphs. Events arrive ~300 a
 * day in time order, so the 100k stream spans about two months. Features are precomputed before
 * timing, so the figures measure clustering only.
 */
import { performance } from 'node:perf_hooks';
import { formatRate, peakRssMb, type BenchReport, type BenchRow } from './report.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { loadBsnlpArticles, loadOffTopic, loadSeeds } from '../eval/lib/stories-data.ts';
import { createClusterer } from '../src/stories/cluster.ts';
import { createStoryEngine } from '../src/stories/engine.ts';
import { extractFeatures, type ArticleFeatures } from '../src/stories/features.ts';

const SIZES = [1_000, 10_000, 100_000] as const;
/** Brute force grows with stories × articles; beyond 10k it takes minutes on a shared 2-core machine. */
const BASELINE_SIZES = [1_000, 3_000, 10_000] as const;

interface Paragraph {
  readonly terms: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
}

export async function run(): Promise<BenchReport> {
  const paragraphs = loadParagraphs();
  const stream = synthesise(paragraphs, SIZES[SIZES.length - 1]);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const indexed = new Map<number, Measured>();
  // Untimed warm-up of both paths: otherwise the first (1k) row also pays for JIT compilation,
  // which made it look slower per article than 10k and 100k.
  for (const exhaustive of [false, true]) measure(stream.slice(0, SIZES[0]), exhaustive);
  for (const n of [...new Set([...BASELINE_SIZES, ...SIZES])].sort((a, b) => a - b)) {
    const r = measure(stream.slice(0, n), false);
    indexed.set(n, r);
    rows.push({ name: `indexed, ${n.toLocaleString('en-US')} articles`, figures: figures(n, r) });
  }
  for (const n of BASELINE_SIZES) {
    const r = measure(stream.slice(0, n), true);
    rows.push({ name: `brute force, ${n.toLocaleString('en-US')} articles`, figures: figures(n, r) });
    notes.push(`At ${n.toLocaleString('en-US')} stored: brute force ${(r.lastMs / indexed.get(n)!.lastMs).toFixed(1)}× the per-article cost of the index (last 10%).`);
  }
  // What `kronika ingest` runs per article: both levels (events and storylines), then one consolidation.
  const largest = SIZES[SIZES.length - 1];
  const both = measureEngine(stream.slice(0, largest));
  rows.push({ name: `both levels + consolidation (the product's step), ${largest.toLocaleString('en-US')} articles`, figures: figures(largest, both) });
  notes.push(`Peak RSS of the whole run: ${peakRssMb().toFixed(0)} MB. Brute force is not run at 100k (cost grows with stories × articles).`);
  notes.push(`Paragraph pool: ${paragraphs.length} real paragraphs. Target: ≥ 1,000 articles/s at 100k stored.`);
  return {
    suite: 'stories',
    method: 'Incremental event clustering (createClusterer, event preset; the last row: both levels and the consolidation pass, as ingest runs them) over a synthetic stream built from real BSNLP/seed paragraphs (see bench/stories.ts); features precomputed; one untimed warm-up pass over the first 1,000 (both paths) before timing; "last 10%" = per-article cost while the store is at 90–100% of the size.',
    rows,
    notes,
  };
}

interface Measured {
  readonly totalMs: number;
  /** Per-article milliseconds over the last 10% of the stream. */
  readonly lastMs: number;
  readonly stories: number;
  readonly heapMb: number;
  readonly stateKb: number;
}

/** What is timed: a clusterer, or the whole engine (both levels, then consolidation). */
interface Subject {
  add(f: ArticleFeatures): unknown;
  finish?(): unknown;
  stories(): number;
  serialise(): unknown;
}

function measure(stream: readonly ArticleFeatures[], exhaustive: boolean): Measured {
  return timed(stream, () => {
    const c = createClusterer({ exhaustive });
    return { add: (f) => c.add(f), stories: () => c.stories().length, serialise: () => c.serialise() };
  });
}

/** The story engine as the CLI drives it: every article through both levels, then `consolidate()`. */
function measureEngine(stream: readonly ArticleFeatures[]): Measured {
  return timed(stream, () => {
    const engine = createStoryEngine();
    return { add: (f) => engine.add(f), finish: () => engine.consolidate(), stories: () => engine.events().length, serialise: () => engine.serialise() };
  });
}

function timed(stream: readonly ArticleFeatures[], make: () => Subject): Measured {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const subject = make();
  const tail = Math.floor(stream.length * 0.9);
  const t0 = performance.now();
  let tTail = t0;
  for (let i = 0; i < stream.length; i++) {
    if (i === tail) tTail = performance.now();
    subject.add(stream[i]);
  }
  subject.finish?.();
  const t1 = performance.now();
  collectGarbage();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const stateKb = JSON.stringify(subject.serialise()).length / 1024;
  return { totalMs: t1 - t0, lastMs: (t1 - tTail) / (stream.length - tail), stories: subject.stories(), heapMb, stateKb };
}

/** With `node --expose-gc` (npm run bench) the heap figure is what the clusterer holds, not garbage. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function figures(n: number, r: Measured): Record<string, string> {
  return {
    'articles/s': formatRate(n, r.totalMs),
    'µs/article (last 10%)': (r.lastMs * 1000).toFixed(0),
    stories: r.stories.toLocaleString('en-US'),
    'heap Δ MB': r.heapMb.toFixed(0),
    'state KB/article': (r.stateKb / n).toFixed(2),
  };
}

export function loadParagraphs(): Paragraph[] {
  const sources = loadBsnlpArticles(DEFAULT_BSNLP_PATH);
  const articles = (sources.length ? sources : [...loadSeeds(), ...loadOffTopic()]).map((l) => l.article);
  const out: Paragraph[] = [];
  for (const a of articles) {
    a.text.split('\n\n').forEach((p, i) => {
      if (p.length < 120) return;
      const f = extractFeatures({ ...a, id: `${a.id}#${i}`, text: p });
      out.push({ terms: f.terms, entities: f.entities });
    });
  }
  return out;
}

/** Deterministic xorshift, so every run sees the same stream. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 2 ** 32;
  };
}

export function synthesise(pool: readonly Paragraph[], n: number): ArticleFeatures[] {
  const rnd = random(20261123);
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const out: ArticleFeatures[] = [];
  const start = Date.UTC(2024, 0, 1);
  let event = 0;
  while (out.length < n) {
    const core = [pick(), pick()];
    const day = start + Math.floor(event / 300) * 86_400_000;
    const size = 1 + Math.floor(rnd() * 9);
    for (let k = 0; k < size && out.length < n; k++) {
      const parts = [...core, pick(), ...(rnd() < 0.5 ? [pick()] : [])];
      out.push({
        articleId: `syn-${event}-${k}`,
        language: 'pl',
        time: day + Math.floor(rnd() * 2 * 86_400_000),
        timePrecision: 'minute',
        terms: sum(parts.map((p) => p.terms)),
        entities: sum(parts.map((p) => p.entities)),
        title: `event ${event} article ${k}`,
      });
    }
    event++;
  }
  return out.sort((a, b) => a.time! - b.time!);
}

function sum(maps: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}
