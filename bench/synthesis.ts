/**
 * Synthesis speed: time to synthesise one story of 5, 50 and 500 articles, analysis
 * precomputed. Stories are synthetic: each article recombines 4–8 paragraphs drawn (seeded PRNG)
 * from the five seed articles, so sentences repeat across articles much as syndicated news does.
 * Baseline, same process: a plain centroid summary (Radev et al. 2004) — every sentence scored by
 * word overlap with the story's word counts, top six taken — with no claims, conflicts, status or
 * redundancy control: what the synthesis adds is the ratio's price.
 */
import { analyzeArticle, type ArticleAnalysis } from '../src/analysis/index.ts';
import { toArticle } from '../src/ingest/article.ts';
import { synthesizeStory } from '../src/synthesis/index.ts';
import { loadSeedArticles } from '../eval/lib/synthesis-seeds.ts';
import { loadStory } from '../eval/lib/synthesis-stories.ts';
import { hasBsnlp, loadBsnlp } from '../eval/lib/bsnlp.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { cpus, loadavg } from 'node:os';
import { peakRssMb, timeBest, type BenchReport, type BenchRow } from './report.ts';

const SIZES = [5, 50, 500] as const;
/** The target: under 200 ms for a 50-article story. */
const TARGET_MS_50 = 200;

/** Deterministic PRNG (mulberry32), so every run builds the same stories. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticStory(size: number, paragraphs: readonly string[]): ArticleAnalysis[] {
  const random = prng(size);
  const out: ArticleAnalysis[] = [];
  for (let i = 0; i < size; i++) {
    const count = 4 + Math.floor(random() * 5);
    const picked = Array.from({ length: count }, () => paragraphs[Math.floor(random() * paragraphs.length)]!);
    const raw = { origin: `synthetic/${size}/${i}.txt`, format: 'text' as const, text: picked.join('\n\n'), published: { value: '2023-09', precision: 'month' as const } };
    out.push(analyzeArticle(toArticle(raw, '2026-01-01T00:00:00.000Z')));
  }
  return out;
}

function centroidSummary(articles: readonly ArticleAnalysis[]): string[] {
  const words = (text: string): string[] => text.toLocaleLowerCase('pl').match(/\p{L}{4,}/gu) ?? [];
  const counts = new Map<string, number>();
  for (const a of articles) for (const s of a.sentences) for (const w of words(s.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return articles
    .flatMap((a) => a.sentences)
    .map((s) => {
      const ws = words(s.text);
      return { text: s.text, score: ws.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0) / Math.max(ws.length, 1) };
    })
    .sort((x, y) => y.score - x.score)
    .slice(0, 6)
    .map((x) => x.text);
}

/**
 * A real 50-article story when the BSNLP dev data is on this machine (KRONIKA_BSNLP or the shared
 * default path): the first 50 Ryanair articles by publication date, several strikes and
 * cancellations of 2018, with far fewer repeated sentences than the synthetic story.
 */
const REAL_TOPIC = 'ryanair';

function realStory(size: number): ArticleAnalysis[] | undefined {
  const path = process.env.KRONIKA_BSNLP ?? DEFAULT_BSNLP_PATH;
  if (!hasBsnlp(path)) return undefined;
  const files = loadBsnlp(path, { topics: [REAL_TOPIC] })
    .sort((a, b) => (a.published?.value ?? '').localeCompare(b.published?.value ?? '') || a.file.localeCompare(b.file))
    .slice(0, size)
    .map((d) => d.file);
  return loadStory({ bsnlp: { topic: REAL_TOPIC, files } }, path)?.analyses;
}

/** Mean CPU milliseconds of the process (all threads: GC and compiler included) per run of `fn`. */
function cpuMs(fn: () => unknown, repeat: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < repeat; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / repeat;
}

export async function run(): Promise<BenchReport> {
  const paragraphs = loadSeedArticles().articles.flatMap((a) => a.text.split('\n\n'));
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const cases: { name: string; size: number; story: ArticleAnalysis[] }[] = SIZES.map((size) => ({ name: `${size} articles`, size, story: syntheticStory(size, paragraphs) }));
  const real = realStory(50);
  if (real) cases.push({ name: `BSNLP ${REAL_TOPIC}, ${real.length} articles`, size: real.length, story: real });
  else notes.push('BSNLP dev data not found: the real-story row is left out.');
  for (const { name, size, story } of cases) {
    const sentences = story.reduce((n, a) => n + a.sentences.length, 0);
    const distinct = new Set(story.flatMap((a) => a.sentences.map((s) => s.text))).size;
    const input = { id: `bench-${name}`, articles: story };
    const repeat = size >= 500 ? 2 : 5;
    const ms = await timeBest(() => synthesizeStory(input), repeat);
    const cpu = cpuMs(() => synthesizeStory(input), repeat);
    const baseMs = await timeBest(() => centroidSummary(story), repeat);
    const report = synthesizeStory(input);
    rows.push({
      name: `${name} (${sentences} sentences, ${distinct} distinct)`,
      figures: {
        'synthesis ms': ms.toFixed(1),
        'CPU ms/run': cpu.toFixed(1),
        'centroid-summary ms': baseMs.toFixed(1),
        'ratio': `${(ms / Math.max(baseMs, 1e-3)).toFixed(1)}×`,
        'claims': String(report.claims.length),
        'conflicts': String(report.conflicts.length),
        'peak RSS MB': peakRssMb().toFixed(0),
      },
    });
    if (size === 50) notes.push(`${name}: ${ms.toFixed(1)} ms against a target of < ${TARGET_MS_50} ms — ${ms < TARGET_MS_50 ? 'met' : 'MISSED'}.`);
  }
  notes.push(`Load average when the run ended: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores; wall times are best of the runs, CPU is the mean over them (GC and compiler threads included).`);
  notes.push('Ratio = synthesis time / plain centroid summary time: the price of claims, conflicts, statuses, MMR selection, timeline and entities over a bare extractive summary.');
  return {
    suite: 'synthesis',
    method: 'One story per size, articles recombined from the five seed articles\' paragraphs (4–8 each, seeded PRNG), and, when the data is here, the first 50 BSNLP Ryanair articles by date; ingested and analysed beforehand; timed: synthesizeStory only, best of 5 runs (2 for 500).',
    rows,
    notes,
  };
}
