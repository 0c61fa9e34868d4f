/**
 * `npm run bench -- stories`: per-article cost of incremental event clustering at 1k, 10k and
 * 100k stored articles, against a brute-force baseline (score every story) in the same process;
 * then the story state through the SQLite tables (`storyTablesSection`, which bench/scale.ts calls
 * too): one article clustered into a store of 1k, 10k and 100k articles by a service that keeps
 * its cache (warm) and by a fresh writer (cold), the bytes of story state per article, and today's
 * one-JSON-row state (restore, add, save) as the baseline at 1k and 10k.
 * KRONIKA_BENCH_STORIES=tables (or memory) runs one part; KRONIKA_BENCH_STORIES_SIZES=1000,10000
 * other sizes.
 *
 * Synthetic stream: real paragraphs of BSNLP pl dev (or the seeds and off-topic texts when BSNLP is
 * absent) get surface features once; each synthetic event picks two "core" paragraphs and a day,
 * and each of its 1–9 articles = the core plus one or two random paragraphs. Events arrive ~300 a
 * day in time order, so the 100k stream spans about two months. Features are precomputed before
 * timing, so the figures measure clustering only.
 */
import { execSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { formatRate, peakRssMb, type BenchReport, type BenchRow } from './report.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { loadBsnlpArticles, loadOffTopic, loadSeeds } from '../eval/lib/stories-data.ts';
import { createClusterer } from '../src/stories/cluster.ts';
import { createStoryEngine } from '../src/stories/engine.ts';
import { extractFeatures, type ArticleFeatures } from '../src/stories/features.ts';
import { openDatabase } from '../src/store/sqlite/connection.ts';
import { JsonStoryStore, STORY_STATE_VERSION, StoryStateCache, type StoryStateCell } from '../src/store/json-stories.ts';
import { migrate } from '../src/store/sqlite/migrate.ts';
import { MIGRATIONS } from '../src/store/sqlite/migrations/index.ts';
import { getStory, listStories, storyOfArticle } from '../src/store/sqlite/story-readers.ts';
import { openStoryWriter, type StoryWriter } from '../src/store/sqlite/story-writer.ts';

const SIZES: readonly number[] = process.env.KRONIKA_BENCH_STORIES_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000];
const PARTS = process.env.KRONIKA_BENCH_STORIES ?? 'memory,tables,store';
/** Brute force grows with stories × articles; beyond 10k it takes minutes on a shared 2-core machine. */
const BASELINE_SIZES = [1_000, 3_000, 10_000] as const;

interface Paragraph {
  readonly terms: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
}

export async function run(): Promise<BenchReport> {
  const paragraphs = loadParagraphs();
  const largest = SIZES[SIZES.length - 1];
  const stream = synthesise(paragraphs, largest + TABLE_PROBES);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  if (PARTS.includes('memory')) measureInMemory(stream.slice(0, largest), rows, notes);
  if (PARTS.includes('tables')) {
    const tables = await storyTablesSection(stream, SIZES);
    rows.push(...tables.rows);
    notes.push(...tables.notes);
  }
  if (PARTS.includes('store')) {
    const store = storeSection(SIZES.filter((n) => n <= 10_000));
    rows.push(...store.rows);
    notes.push(...store.notes);
  }
  notes.push(`Peak RSS of the whole run: ${peakRssMb().toFixed(0)} MB. Paragraph pool: ${paragraphs.length} real paragraphs.`);
  return {
    suite: 'stories',
    method: [
      PARTS.includes('memory') && 'Memory: incremental event clustering (createClusterer, event preset; "both levels": the engine with both levels and the consolidation pass) over a synthetic stream built from real BSNLP/seed paragraphs (see bench/stories.ts); features precomputed; one untimed warm-up pass over the first 1,000 (both paths) before timing; "last 10%" = per-article cost while the store is at 90–100% of the size.',
      PARTS.includes('tables') && `Tables: the same stream through the SQLite story tables (src/store/sqlite/story-writer.ts) in chunks of ${TABLE_CHUNK} (add, consolidate, commit), then at each size ${WARM_PROBES} single articles by the same writer (warm: a service keeping its cache) and ${COLD_PROBES} by a fresh connection and writer each (cold: \`kronika ingest one.txt\`; module loading excluded), each add + consolidate + commit, then read back through the readers; bytes = SQLite pages of the story tables (dbstat) per article; baseline: the JSON state (restore, add, consolidate, serialise, save) in the same run.`,
      PARTS.includes('store') && `Store: whole SQLite stores of real BSNLP paragraphs recombined into synthetic events (bench/_stories-store.ts: articles saved in chunks of 200, surface features clustered through store.stories.assign in batches of 1,000), built by this checkout (story tables) and by commit ${JSON_REV} (the JSON state, baseline); then, each step a fresh process, interleaved, median of ${STORE_PROBES}: one new article saved, assigned with consolidation and read back with stories.ofArticle (time and peak RSS; Δ = growth during the step, module loading excluded), every event listed through store.stories.list, and \`kronika stories\` of each code base as a whole command.`,
    ].filter(Boolean).join(' '),
    rows,
    notes,
  };
}

function measureInMemory(stream: readonly ArticleFeatures[], rows: BenchRow[], notes: string[]): void {
  const indexed = new Map<number, Measured>();
  // Untimed warm-up of both paths: otherwise the first (1k) row also pays for JIT compilation,
  // which made it look slower per article than 10k and 100k.
  for (const exhaustive of [false, true]) measure(stream.slice(0, SIZES[0]), exhaustive);
  for (const n of [...new Set([...BASELINE_SIZES, ...SIZES])].filter((n) => n <= stream.length).sort((a, b) => a - b)) {
    const r = measure(stream.slice(0, n), false);
    indexed.set(n, r);
    rows.push({ name: `indexed, ${n.toLocaleString('en-US')} articles`, figures: figures(n, r) });
  }
  for (const n of BASELINE_SIZES.filter((n) => n <= stream.length)) {
    const r = measure(stream.slice(0, n), true);
    rows.push({ name: `brute force, ${n.toLocaleString('en-US')} articles`, figures: figures(n, r) });
    notes.push(`At ${n.toLocaleString('en-US')} stored: brute force ${(r.lastMs / indexed.get(n)!.lastMs).toFixed(1)}× the per-article cost of the index (last 10%).`);
  }
  // What `kronika ingest` runs per article: both levels (events and storylines), then one consolidation.
  const largest = stream.length;
  const both = measureEngine(stream);
  rows.push({ name: `both levels + consolidation (in memory), ${largest.toLocaleString('en-US')} articles`, figures: figures(largest, both) });
  notes.push('Brute force is not run at 100k (cost grows with stories × articles). Target: ≥ 1,000 articles/s at 100k stored (event level).');
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

// --- story state through the SQLite tables ------------------------------------------------------

/** Articles clustered one by one at each size: by the warm writer, then each by a fresh writer. */
const WARM_PROBES = 20;
const COLD_PROBES = 5;
/** Articles per chunk while the store is built (one sync of a busy service). */
const TABLE_CHUNK = 500;
/**
 * Sizes where today's JSON state is measured as the baseline. At 100k one sync restores and
 * rewrites about 50 MB of JSON for each article (minutes per article here), so it is not run there.
 */
const JSON_SIZES = [1_000, 10_000];
const JSON_PROBES = 3;
/** Articles the stream needs beyond the largest size. */
export const TABLE_PROBES = WARM_PROBES + COLD_PROBES + JSON_PROBES;

/** The story state's tables, for the bytes-per-article figure. */
const STORY_TABLES = ['story_meta', 'story_terms', 'story_entities', 'stories', 'story_centroids', 'story_members', 'story_postings', 'entity_names'];

/**
 * Per-article cost of clustering into the SQLite story tables at each size (warm and cold), the
 * build rate, bytes of state per article, the same articles in memory without persistence, and the
 * JSON-state baseline. `stream` must hold max(sizes) + TABLE_PROBES articles; bench/scale.ts calls
 * this with its own sizes.
 * @example storyTablesSection(synthesise(loadParagraphs(), 10_025), [1_000, 10_000]).rows
 */
export async function storyTablesSection(stream: readonly ArticleFeatures[], sizes: readonly number[]): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-stories-'));
  const path = join(dir, 'stories.db');
  const open = () => openDatabase(path, { readonly: false }, (d) => {
    migrate(d, MIGRATIONS);
    return d;
  });
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const medians = new Map<number, { memory: number; warm: number; cold: number }>();
  const db = open();
  try {
    const writer = openStoryWriter(db);
    // The same stream in memory: the clustering cost without any persistence, and the JSON baseline's state.
    const memory = createStoryEngine();
    let stored = 0;
    for (const n of sizes) {
      const from = stored;
      const t0 = performance.now();
      for (; stored < n; stored += TABLE_CHUNK) {
        writer.add(stream.slice(stored, Math.min(n, stored + TABLE_CHUNK)).map((features) => ({ features })));
        writer.consolidate();
        writer.commit();
      }
      const buildMs = performance.now() - t0;
      for (let at = from; at < n; at += TABLE_CHUNK) {
        for (const f of stream.slice(at, Math.min(n, at + TABLE_CHUNK))) memory.add(f);
        memory.consolidate();
      }
      stored = n;
      const probes = stream.slice(stored, stored + WARM_PROBES);
      const inMemory = probes.map((f) => timed1(() => {
        memory.add(f);
        memory.consolidate();
      }));
      const warm = probe(probes, () => ({ db, writer }));
      stored += WARM_PROBES;
      const coldProbes = stream.slice(stored, stored + COLD_PROBES);
      const cold = probe(coldProbes, () => {
        const fresh = open();
        return { db: fresh, writer: openStoryWriter(fresh), close: () => fresh.close() };
      });
      for (const f of coldProbes) memory.add(f);
      memory.consolidate();
      stored += COLD_PROBES;
      const kb = storyBytes(db) / 1024 / stored;
      const label = n.toLocaleString('en-US');
      medians.set(n, { memory: median(inMemory), warm: median(warm), cold: median(cold) });
      rows.push({ name: `in memory (no persistence), ${label} stored: one article`, figures: probeFigures(inMemory) });
      rows.push({ name: `tables, ${label} stored: one article, warm writer`, figures: probeFigures(warm, kb) });
      rows.push({ name: `tables, ${label} stored: one article, fresh writer (cold)`, figures: probeFigures(cold, kb) });
      rows.push({ name: `tables, build ${from.toLocaleString('en-US')} → ${label} in chunks of ${TABLE_CHUNK}`, figures: { 'articles/s': formatRate(n - from, buildMs) } });
      const listed = listStories(db, { level: 'event' });
      const listMs = timed1(() => listStories(db, { level: 'event' }));
      const pageMs = timed1(() => listStories(db, { level: 'event', limit: 20 }));
      rows.push({ name: `readers, ${label} stored: all ${listed.total.toLocaleString('en-US')} events / the first 20`, figures: { 'ms (all)': listMs.toFixed(1), 'ms (20)': pageMs.toFixed(1) } });
      if (JSON_SIZES.includes(n)) {
        const json = await jsonBaseline(memory, stream.slice(stored, stored + JSON_PROBES), stored, join(dir, `json-${n}.db`));
        rows.push({ name: `baseline: JSON state, ${label} stored: one article`, figures: probeFigures(json.ms, json.kb) });
        notes.push(`At ${label} stored: one article costs ${(median(json.ms) / medians.get(n)!.warm).toFixed(0)}× more through today's JSON state than through the tables with a warm writer, ${(median(json.ms) / medians.get(n)!.cold).toFixed(0)}× more than with a fresh one.`);
      }
    }
    const [first, last] = [sizes[0], sizes[sizes.length - 1]];
    if (first !== last) {
      const a = medians.get(first)!;
      const b = medians.get(last)!;
      const ratio = (k: 'memory' | 'warm' | 'cold') => (b[k] / a[k]).toFixed(2);
      notes.push(`Per-article cost at ${last.toLocaleString('en-US')} vs ${first.toLocaleString('en-US')} stored: tables warm ${ratio('warm')}×, cold ${ratio('cold')}×; in memory ${ratio('memory')}× (target: within 1.5×; one new article visible in its story within 100 ms at 100k).`);
    }
    const skipped = sizes.filter((n) => !JSON_SIZES.includes(n));
    if (skipped.length) notes.push(`The JSON baseline is not run at ${skipped.map((n) => n.toLocaleString('en-US')).join(', ')} stored: each article restores and rewrites the whole state (about 0.5 KB per stored article), minutes per article.`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, notes };
}

function timed1(step: () => void): number {
  const t0 = performance.now();
  step();
  return performance.now() - t0;
}

/** Milliseconds per article, each added, consolidated, committed and read back through the readers. */
function probe(articles: readonly ArticleFeatures[], connect: () => { db: Database.Database; writer: StoryWriter; close?: () => void }): number[] {
  return articles.map((f) => {
    const t0 = performance.now();
    const { db, writer, close } = connect();
    writer.add([{ features: f }]);
    writer.consolidate();
    writer.commit();
    const { event } = storyOfArticle(db, f.articleId);
    if (!event || !getStory(db, event)?.articleIds.includes(f.articleId)) throw new Error(`bench: ${f.articleId} is not visible in its story`);
    close?.();
    return performance.now() - t0;
  });
}

/**
 * The JSON-state path (src/store/json-stories.ts, still PostgreSQL's): the whole engine as one JSON
 * value, restored, extended by one article, consolidated and saved, here in a one-row SQLite table.
 */
async function jsonBaseline(engine: ReturnType<typeof createStoryEngine>, probes: readonly ArticleFeatures[], known: number, path: string): Promise<{ ms: number[]; kb: number }> {
  const db = new Database(path);
  try {
    db.exec('CREATE TABLE cell (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL, revision TEXT NOT NULL)');
    const select = db.prepare('SELECT value, revision FROM cell WHERE id = 1');
    const put = db.prepare('INSERT OR REPLACE INTO cell (id, value, revision) VALUES (1, ?, ?)');
    const read = () => {
      const row = select.get() as { value: string; revision: string } | undefined;
      return row && { revision: row.revision, get value() { return JSON.parse(row.value) as unknown; } };
    };
    const cell: StoryStateCell = {
      async revision() { return read()?.revision; },
      async read() { const row = read(); return row && { value: row.value, revision: row.revision }; },
      async update(change, revision) {
        return db.transaction(() => {
          const { next, result } = change(read());
          put.run(JSON.stringify(next), revision);
          return result;
        }).immediate();
      },
    };
    put.run(JSON.stringify({ version: STORY_STATE_VERSION, known, engine: engine.serialise(), names: {} }), 'built');
    const kb = (select.get() as { value: string }).value.length / 1024 / known;
    const ms: number[] = [];
    for (const f of probes) {
      // A fresh cache each time: `kronika ingest` is a new process that restores the state.
      const stories = new JsonStoryStore(cell, new StoryStateCache());
      const t0 = performance.now();
      await stories.assign([{ features: f, names: [] }], { consolidate: true });
      if (!(await stories.ofArticle(f.articleId))) throw new Error(`bench: ${f.articleId} is not visible in its story`);
      ms.push(performance.now() - t0);
    }
    return { ms, kb };
  } finally {
    db.close();
  }
}

function storyBytes(db: Database.Database): number {
  return db.prepare(`SELECT SUM(pgsize) FROM dbstat WHERE name IN (SELECT value FROM json_each(?))
    OR name IN (SELECT name FROM sqlite_master WHERE tbl_name IN (SELECT value FROM json_each(?)))`).pluck()
    .get(JSON.stringify(STORY_TABLES), JSON.stringify(STORY_TABLES)) as number;
}

function probeFigures(ms: readonly number[], kb?: number): Record<string, string> {
  return {
    'ms/article (median)': median(ms).toFixed(1),
    'ms/article (max)': Math.max(...ms).toFixed(1),
    ...(kb === undefined ? {} : { 'state KB/article': kb.toFixed(2) }),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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

// --- the stories concern of a whole store, before and after the tables ----------------------------

const REPO = fileURLToPath(new URL('../', import.meta.url));
const STORE_DIR = join(REPO, 'tmp/bench-stories-store');
/**
 * The baseline code base: the last commit whose SQLite stories concern was the JSON state
 * (src/store/json-stories.ts), exported once under tmp/ and run on this checkout's node_modules.
 */
const JSON_REV = process.env.KRONIKA_STORIES_BASELINE_REV ?? '6fe0833';
const STORE_PROBES = 3;
/** Bump when the child's stream changes: stores of another version are rebuilt. */
const STORE_BUILD_VERSION = 1;

interface Child { readonly ms: number; readonly out: Record<string, number> }

function child(args: readonly string[], cwd = REPO): Child {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 60 * 60_000 });
  if (run.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${run.stderr.slice(0, 500)}`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '{}';
  return { ms: performance.now() - t0, out: last.startsWith('{') ? JSON.parse(last) as Record<string, number> : {} };
}

function baselineRepo(): string {
  const dir = join(STORE_DIR, `baseline-${JSON_REV}`);
  if (!existsSync(join(dir, 'src/store/json-stories.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${JSON_REV} | tar -x -C ${JSON.stringify(dir)}`, { cwd: REPO, shell: '/bin/sh' });
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

function builtStore(repo: string, tag: string, size: number): { path: string; build?: Child } {
  const path = join(STORE_DIR, `${tag}-${size}.db`);
  const stamp = `${path}.built`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(STORE_BUILD_VERSION)) return { path };
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  process.stderr.write(`stories: building the ${tag} store of ${size}\n`);
  const build = child(['bench/_stories-store.ts', 'build', repo, path, String(size)]);
  writeFileSync(stamp, String(STORE_BUILD_VERSION));
  return { path, build };
}

function copyOf(path: string, to: string): string {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(to + suffix, { force: true });
    if (existsSync(path + suffix)) copyFileSync(path + suffix, to + suffix);
  }
  return to;
}

/**
 * One new article into a whole SQLite store of each size, each step a fresh process: the store's
 * stories concern through the tables (this checkout) against the JSON state (the code base of
 * JSON_REV) on stores built from the same articles and features; then the story list and
 * `kronika stories` as commands.
 */
function storeSection(sizes: readonly number[]): { rows: BenchRow[]; notes: string[] } {
  mkdirSync(STORE_DIR, { recursive: true });
  const variants = [{ tag: 'json', repo: baselineRepo(), name: 'JSON state (baseline)' }, { tag: 'tables', repo: REPO, name: 'story tables' }];
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const floor = median([0, 1, 2].map(() => child(['src/cli/main.ts', '--version']).ms));
  notes.push(`Process start floor: \`kronika --version\` ${(floor / 1000).toFixed(2)} s (median of 3) in this run.`);
  for (const size of sizes) {
    const label = size.toLocaleString('en-US');
    const figures = new Map<string, { cluster: number; save: number; rss: number; rssDelta: number; list: number; listRss: number; command: number }>();
    const built = variants.map((v) => ({ ...v, ...builtStore(v.repo, v.tag, size) }));
    for (const b of built) if (b.build) notes.push(`${b.name}, ${label}: built in ${(b.build.ms / 1000).toFixed(1)} s (stored ${(b.build.out.saveMs! / 1000).toFixed(1)} s, clustered ${(b.build.out.clusterMs! / 1000).toFixed(1)} s; ${b.build.out.events} events, ${b.build.out.storylines} storylines).`);
    const runs = new Map<string, Child[]>(built.map((b) => [b.tag, []]));
    for (let i = 0; i < STORE_PROBES; i++) {
      for (const b of built) {
        const copy = copyOf(b.path, join(STORE_DIR, `probe-${b.tag}.db`));
        runs.get(b.tag)!.push(child(['bench/_stories-store.ts', 'one', b.repo, copy, String(i)]));
      }
    }
    const lists = new Map<string, Child[]>(built.map((b) => [b.tag, []]));
    const commands = new Map<string, number[]>(built.map((b) => [b.tag, []]));
    for (let i = 0; i < STORE_PROBES; i++) {
      for (const b of built) {
        lists.get(b.tag)!.push(child(['bench/_stories-store.ts', 'list', b.repo, b.path]));
        commands.get(b.tag)!.push(child([join(b.repo, 'src/cli/main.ts'), 'stories', '--db', b.path], b.repo).ms);
      }
    }
    for (const b of built) {
      const one = runs.get(b.tag)!.map((r) => r.out);
      const listed = lists.get(b.tag)!.map((r) => r.out);
      const f = {
        cluster: median(one.map((o) => o.clusterMs!)),
        save: median(one.map((o) => o.saveMs!)),
        rss: median(one.map((o) => o.rssMb!)),
        rssDelta: median(one.map((o) => o.rssMb! - o.rssBeforeMb!)),
        list: median(listed.map((o) => o.listMs!)),
        listRss: median(listed.map((o) => o.rssMb! - o.rssBeforeMb!)),
        command: median(commands.get(b.tag)!),
      };
      figures.set(b.tag, f);
      rows.push({
        name: `${b.name}, ${label} stored`,
        figures: {
          'one article: cluster → in its story ms': f.cluster.toFixed(0),
          'its save ms': f.save.toFixed(0),
          'peak RSS MB (Δ in the step)': `${f.rss.toFixed(0)} (+${f.rssDelta.toFixed(0)})`,
          'list all events ms (Δ RSS MB)': `${f.list.toFixed(0)} (+${f.listRss.toFixed(0)})`,
          '`kronika stories` s': (f.command / 1000).toFixed(2),
        },
      });
    }
    const [json, tables] = [figures.get('json')!, figures.get('tables')!];
    notes.push(`${label} stored: one new article reaches its story ${(json.cluster / tables.cluster).toFixed(1)}× faster through the tables than through the JSON state `
      + `(${json.cluster.toFixed(0)} → ${tables.cluster.toFixed(0)} ms), its process peaks ${(json.rss - tables.rss).toFixed(0)} MB lower; listing every event ${(json.list / tables.list).toFixed(1)}× faster; `
      + `\`kronika stories\` ${(json.command / 1000).toFixed(2)} → ${(tables.command / 1000).toFixed(2)} s (${((tables.command - floor) / 1000).toFixed(2)} s above the process start floor).`);
  }
  return { rows, notes };
}
