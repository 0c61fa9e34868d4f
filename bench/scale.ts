/**
 * `npm run bench -- scale`: what a user waits for when ONE new article arrives in a store of 1k,
 * 10k and 100k articles, and what each stored article costs on disk.
 *
 * - Whole command: `kronika ingest one.txt` as a child process (process start, store, analyse,
 *   index, cluster, alert), into a copy of the store; `kronika --version` in the same run is the
 *   process-start floor. Baseline: the same command of main's code path (/work/main, or
 *   $KRONIKA_BASELINE_REPO) on a store main built from the same articles, where one exists.
 * - In process: from the article's transaction until it is visible in its story, stage by stage.
 * - Readers: `kronika stories` and `kronika report` of a 100-article story, as child processes.
 * - Bytes per stored article: the file after a checkpoint, and per table (SQLite's dbstat).
 *
 * Stores are built once from real paragraphs (BSNLP pl dev when present, else the seeds and the
 * off-topic set) recombined into synthetic events — as bench/stories.ts does — through the real
 * pipeline, and kept under tmp/bench-scale/ for the next run (delete it to rebuild). Sizes:
 * $KRONIKA_SCALE_SIZES (default 1000,10000,100000).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AnalysisPayload } from '../src/analysis/stored.ts';
import { ANALYSIS_VERSION } from '../src/analysis/version.ts';
import { analysePayload } from '../src/app/analyse.ts';
import { runStages, STAGE_BATCH } from '../src/app/stages.ts';
import { storyReport } from '../src/app/stories.ts';
import { toArticle } from '../src/ingest/article.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/store.ts';
import type { Article } from '../src/types.ts';
import { warmUp } from '../src/worker/article.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { loadBsnlpArticles, loadOffTopic, loadSeeds } from '../eval/lib/stories-data.ts';
import { random } from '../test/store/corpus.ts';
import { peakRssMb, type BenchReport, type BenchRow } from './report.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(REPO, 'src/cli/main.ts');
const DIR = join(REPO, 'tmp/bench-scale');
const BASELINE_REPO = process.env.KRONIKA_BASELINE_REPO ?? '/work/main';
const SIZES = (process.env.KRONIKA_SCALE_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
/** Stores main's code path is timed on: it restores its whole story state per command, so 100k takes a long while to build. */
const BASELINE_SIZES = SIZES.filter((n) => n <= 10_000);
/** Bump when the synthetic stream or the store format changes: built stores of another version are rebuilt. */
const BUILD_VERSION = 3;
/** What a built store was made with: another stream or analyser version rebuilds it (smaller stores it grows from too). */
const BUILD_STAMP = `${BUILD_VERSION}/${ANALYSIS_VERSION}`;
/** Articles per save while building (the CLI's chunk). */
const BUILD_CHUNK = 200;
/** New articles timed per store size: as a command, and followed in process. */
const PROBES = 3;
const FOLLOWED = 5;
/** Stream articles analysed (and thrown away) before the followed ones, so the JIT is warm for every size alike. */
const WARM_UP = 30;
/** The one big event, so a report of a ~100-article story can be timed. */
const BIG_EVENT = 100;

export interface Paragraph {
  readonly text: string;
  readonly title: string;
}

export function paragraphs(): Paragraph[] {
  const sources = loadBsnlpArticles(DEFAULT_BSNLP_PATH);
  const articles = (sources.length ? sources : [...loadSeeds(), ...loadOffTopic()]).map((l) => l.article);
  const out: Paragraph[] = [];
  for (const a of articles) {
    const title = a.text.split('\n')[0]!.slice(0, 120);
    for (const p of a.text.split('\n\n').slice(1)) if (p.length >= 120) out.push({ text: p, title });
  }
  return out;
}

/**
 * The synthetic stream: events of 1–9 articles (one of BIG_EVENT), each article its event's two
 * core paragraphs plus one other — about 2.7 KB of text, near the 2.6 KB average of a BSNLP pl
 * article — ~300 events a day from 2023-01-01, 40 outlets.
 */
function stream(count: number, pool: readonly Paragraph[]): Article[] {
  const next = random(2026);
  const pick = () => pool[Math.floor(next() * pool.length)]!;
  const out: Article[] = [];
  let event = 0;
  while (out.length < count) {
    const core = [pick(), pick()];
    const size = event === 7 ? BIG_EVENT : 1 + Math.floor(next() * 9);
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(event / 300) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < size && out.length < count; i++) {
      const extra = [pick()];
      const text = [...core, ...extra].map((p) => p.text).join('\n\n');
      out.push(toArticle({
        origin: `bench/${event}-${i}.txt`, format: 'text', text, title: `${core[0]!.title} (${i + 1})`,
        outlet: `Portal ${Math.floor(next() * 40)}`, published: { value: day, precision: 'day' },
      }, `${day}T12:00:00.000Z`));
    }
    event++;
  }
  return out;
}

/** The stream, made once and kept beside the stores (making 100k articles takes minutes). */
export function cachedStream(count: number, pool: readonly Paragraph[]): Article[] {
  const file = join(DIR, `stream-${BUILD_VERSION}-${count}.jsonl`);
  if (existsSync(file)) return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Article);
  const articles = stream(count, pool);
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return articles;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** Articles handed to a worker thread at a time while building. */
const WORKER_BATCH = 50;
/** Batches each worker thread holds at once, so it never waits for the main thread between two. */
const WORKER_DEPTH = 3;

type Analysed = { articleId: string; payload: AnalysisPayload }[];

/**
 * Analyses articles on every core: worker threads run the analyse stage's pure part
 * (src/app/analyse.ts `analysePayload`, bench/_scale-worker.ts), each holding a few batches so
 * it keeps working while the main thread writes and clusters. `analyse` resolves with a
 * batch's payloads, in any order across batches.
 */
class AnalysisThreads {
  readonly #workers: { worker: Worker; pending: number }[];
  readonly #waiting = new Map<number, { resolve: (r: Analysed) => void; reject: (e: Error) => void }>();
  #next = 0;

  constructor(count: number) {
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./_scale-worker.mjs', import.meta.url));
      const slot = { worker, pending: 0 };
      worker.on('message', ({ id, results }: { id: number; results: Analysed }) => {
        slot.pending--;
        this.#waiting.get(id)?.resolve(results);
        this.#waiting.delete(id);
      });
      worker.on('error', (error) => {
        for (const w of this.#waiting.values()) w.reject(error);
        this.#waiting.clear();
      });
      return slot;
    });
  }

  get size(): number {
    return this.#workers.length;
  }

  analyse(articles: readonly Article[]): Promise<Analysed> {
    const slot = this.#workers.reduce((a, b) => (b.pending < a.pending ? b : a));
    const id = this.#next++;
    slot.pending++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, articles });
    });
  }

  close(): Promise<number[]> {
    return Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Builds a store through the stages' own code, pipelined: worker threads analyse ahead (as the
 * analyse stage would, and stored as it stores them: `analyses.put`, then its cursor), while the
 * main thread runs index, cluster and alert (src/app/stages.ts `runStages`) over what is
 * analysed, one cluster page (STAGE_BATCH.cluster articles) at a time, consolidating once after
 * the last page — the same batches and the same single consolidation as one `runStages` over
 * the whole store, so the stories are the same; only the analysis moved to other threads.
 */
async function buildStages(store: Store, size: number, lap: (phase: string) => void): Promise<void> {
  const threads = new AnalysisThreads(Math.max(1, availableParallelism()));
  const page = STAGE_BATCH.cluster;
  try {
    // Every article not analysed yet, in seq order; analysed ones are taken as they are.
    const todo: { articleId: string; seq: number }[] = [];
    for (let after = 0; ;) {
      const outdated = await store.analyses.outdated(ANALYSIS_VERSION, after, 5000);
      if (outdated.length === 0) break;
      todo.push(...outdated);
      after = outdated[outdated.length - 1]!.seq;
    }
    const last = await store.articles.lastSeq();
    const analysedSeqs = new Set<number>();
    let analysedCursor = await store.cursors.get('analyse');
    let fed = 0;
    let stored = 0;
    const inFlight = new Set<Promise<void>>();
    const feed = () => {
      while (fed < todo.length && inFlight.size < threads.size * WORKER_DEPTH) {
        const batch = todo.slice(fed, fed + WORKER_BATCH);
        fed += batch.length;
        const job = (async () => {
          const results = await threads.analyse(await store.articles.getMany(batch.map((a) => a.articleId)));
          await store.analyses.put(results.map((r) => ({ ...r, version: ANALYSIS_VERSION })));
          for (const a of batch) analysedSeqs.add(a.seq);
          stored += results.length;
        })();
        inFlight.add(job);
        void job.then(() => inFlight.delete(job), () => {});
      }
    };
    /** The highest seq through which every article is analysed (articles not in `todo` were already). */
    let prefix = 0;
    const frontier = (): number => {
      while (prefix < todo.length && analysedSeqs.has(todo[prefix]!.seq)) prefix++;
      return prefix < todo.length ? todo[prefix]!.seq - 1 : last;
    };
    let clustered = await store.cursors.get('cluster');
    const stageMs = { analyseWait: 0, stages: 0 };
    while (clustered < last) {
      // Wait until the next cluster page (or the rest) is analysed; keep the threads fed meanwhile.
      const t0 = performance.now();
      const want = (await store.articles.after(clustered, page)).at(-1)!.seq;
      for (;;) {
        feed();
        analysedCursor = Math.max(analysedCursor, frontier());
        if (analysedCursor >= want) break;
        if (inFlight.size) await Promise.race(inFlight);
      }
      // What the analyse stage commits after its own writes: its cursor (over this page only, so
      // index and cluster take exactly one page).
      await store.transaction((tx) => tx.cursors.advance('analyse', want));
      feed();
      const t1 = performance.now();
      stageMs.analyseWait += t1 - t0;
      await runStages(store, { stages: ['index', 'cluster', 'alert'], consolidate: want >= last });
      clustered = await store.cursors.get('cluster');
      stageMs.stages += performance.now() - t1;
      process.stderr.write(`\rscale: building ${size}: analysed ${stored}/${todo.length} on ${threads.size} threads, clustered through ${clustered}/${last}   `);
    }
    await Promise.all(inFlight);
    lap('analyse (threads) and stages');
    process.stderr.write(`\nscale: building ${size}: main thread waited ${seconds(stageMs.analyseWait)} s for analyses, ran stages ${seconds(stageMs.stages)} s\n`);
  } finally {
    await threads.close();
  }
}

/** Builds (or reuses) the store of `size` articles; returns its path. */
export async function built(size: number, articles: readonly Article[]): Promise<{ path: string; buildMs?: number; phases?: Record<string, number> }> {
  const path = join(DIR, `store-${size}.db`);
  const stamp = `${path}.built`;
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === BUILD_STAMP) return { path };
  // A build that was stopped resumes where its cursors are: every step commits with its cursor.
  const building = `${path}.building`;
  const resume = existsSync(path) && existsSync(building) && readFileSync(building, 'utf8') === BUILD_STAMP;
  if (!resume) {
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    // Grow from the next smaller store when there is one: the stream's prefix is the same.
    const smaller = SIZES.filter((n) => n < size && existsSync(join(DIR, `store-${n}.db.built`))
      && readFileSync(join(DIR, `store-${n}.db.built`), 'utf8') === BUILD_STAMP).at(-1);
    if (smaller) copyFileSync(join(DIR, `store-${smaller}.db`), path);
    writeFileSync(building, BUILD_STAMP);
  }
  const t0 = performance.now();
  const store = await openStore(path);
  // Where the build's time goes, phase by phase.
  const phases: Record<string, number> = {};
  let mark = t0;
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + now - mark;
    mark = now;
  };
  try {
    const from = await store.articles.count();
    for (let i = from; i < size; i += BUILD_CHUNK) {
      await store.articles.save(articles.slice(i, Math.min(size, i + BUILD_CHUNK)));
      process.stderr.write(`\rscale: building ${size}: ${Math.min(size, i + BUILD_CHUNK)} stored`);
    }
    lap('save');
    await buildStages(store, size, lap);
  } finally {
    await store.close();
  }
  checkpoint(path);
  writeFileSync(stamp, BUILD_STAMP);
  rmSync(building, { force: true });
  return { path, buildMs: performance.now() - t0, phases: { ...phases, ...(resume && { 'resumed a stopped build': 0 }) } };
}

function checkpoint(path: string): void {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Bytes on disk per article, and the share of each kind of table. */
function footprint(path: string, articles: number): { perArticle: number; parts: Record<string, number> } {
  checkpoint(path);
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const parts: Record<string, number> = {};
    const kind = (name: string) => {
      const table = name.replace(/^sqlite_autoindex_(.*)_\d+$/, '$1');
      if (table.startsWith('search')) return 'search';
      if (table.startsWith('analyses')) return 'analyses';
      if (table === 'stage_state' || table.startsWith('stor') || table === 'entity_names') return 'stories';
      if (table.startsWith('article_bands')) return 'near-duplicate bands';
      if (table.startsWith('articles')) return 'articles';
      return 'other';
    };
    for (const r of rows) parts[kind(r.name)] = (parts[kind(r.name)] ?? 0) + r.bytes / articles;
    return { perArticle: statSync(path).size / articles, parts };
  } finally {
    db.close();
  }
}

function timedChild(args: readonly string[], cwd = REPO): { ms: number; stdout: string; stderr: string; code: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd, encoding: 'utf8', timeout: 30 * 60_000, maxBuffer: 64 * 2 ** 20 });
  return { ms: performance.now() - t0, stdout: run.stdout, stderr: run.stderr, code: run.status ?? -1 };
}

/** New articles for the probes: an unseen recombination each (PROBES for the command, FOLLOWED in process). */
function probes(pool: readonly Paragraph[], dir: string): string[] {
  const next = random(99);
  return Array.from({ length: PROBES + FOLLOWED }, (_, i) => {
    const text = Array.from({ length: 3 }, () => pool[Math.floor(next() * pool.length)]!.text).join('\n\n');
    const file = join(dir, `probe-${i}.txt`);
    writeFileSync(file, ` date 2024-02-${String(i + 1).padStart(2, '0')} ${text}\n`);
    return file;
  });
}

interface InProcess {
  readonly saveMs: number;
  readonly stageMs: Record<string, number>;
  readonly visibleMs: number;
  /** CPU time of this process over the same span: what the shared machine's load does not inflate. */
  readonly stageCpuMs: Record<string, number>;
  readonly visibleCpuMs: number;
}

/** CPU milliseconds this process spent since `from` (process.cpuUsage). */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** One article stored and followed through the stages until its story has it. */
async function followOne(store: Store, file: string): Promise<InProcess> {
  const text = readFileSync(file, 'utf8').replace(/^ date \S+ /, '');
  const article = toArticle({ origin: file, format: 'text', text, published: { value: '2024-02-10', precision: 'day' } }, new Date().toISOString());
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await store.articles.save([article]);
  const saved = performance.now();
  const stageMs: Record<string, number> = {};
  const stageCpuMs: Record<string, number> = {};
  for (const stage of ['analyse', 'index', 'cluster'] as const) {
    const t = performance.now();
    const c = process.cpuUsage();
    await runStages(store, { stages: [stage] });
    stageMs[stage] = performance.now() - t;
    stageCpuMs[stage] = cpuMsSince(c);
  }
  const story = await store.stories.ofArticle(article.id);
  if (!story) throw new Error('the probe article is in no story');
  return { saveMs: saved - t0, stageMs, visibleMs: performance.now() - t0, stageCpuMs, visibleCpuMs: cpuMsSince(c0) };
}

/** A store main's code path built from the same articles, where main is there to time. */
function baselineStore(size: number, articles: readonly Article[]): string | undefined {
  if (!existsSync(join(BASELINE_REPO, 'src/cli/main.ts'))) return undefined;
  const path = join(DIR, `baseline-${size}.db`);
  if (existsSync(`${path}.built`)) return path;
  const jsonl = join(DIR, `articles-${size}.jsonl`);
  writeFileSync(jsonl, articles.slice(0, size).map((a) => JSON.stringify({
    text: a.text, title: a.title, url: `https://bench.example/${a.id}`, published: a.published?.value, outlet: a.outlet,
  })).join('\n') + '\n');
  process.stderr.write(`scale: building main's ${size}-article store\n`);
  const run = timedChild([join(BASELINE_REPO, 'src/cli/main.ts'), 'ingest', jsonl, '--max-mb', '1000', '--db', path], BASELINE_REPO);
  if (run.code !== 0) throw new Error(`main's ingest failed: ${run.stderr.slice(0, 300)}`);
  writeFileSync(`${path}.built`, '1');
  return path;
}

export async function run(): Promise<BenchReport> {
  mkdirSync(DIR, { recursive: true });
  const pool = paragraphs();
  const articles = cachedStream(Math.max(...SIZES), pool);
  const all = probes(pool, DIR);
  const files = all.slice(0, PROBES);
  const followed = all.slice(PROBES);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const version = timedChild([CLI, '--version']);
  notes.push(`Process start floor: \`kronika --version\` ${seconds(version.ms)} s in this run.`);
  let reference: number | undefined;

  for (const size of SIZES) {
    const { path, buildMs, phases } = await built(size, articles);
    if (buildMs) {
      const parts = Object.entries(phases ?? {}).map(([phase, ms]) => `${phase} ${seconds(ms)}`).join(', ');
      notes.push(`Built the ${size.toLocaleString('en-US')}-article store in ${seconds(buildMs)} s (${parts}; reused by later runs).`);
    }
    const bytes = footprint(path, size);

    // Whole command, into a copy (the built store stays as it is).
    const copy = join(DIR, `probe-${size}.db`);
    copyFileSync(path, copy);
    const commandMs = files.map((file) => {
      const r = timedChild([CLI, 'ingest', file, '--db', copy]);
      if (r.code !== 0) throw new Error(`ingest into the ${size} store failed: ${r.stderr.slice(0, 300)}`);
      return r.ms;
    });
    const stories = timedChild([CLI, 'stories', '--db', copy]);
    // Store-wide pages, which read the digests stored beside the analyses (src/app/articles.ts storeEntities, src/app/timeline.ts).
    const entities = timedChild([CLI, 'entities', '--limit', '8', '--db', copy]);
    const timeline = timedChild([CLI, 'timeline', '--limit', '5', '--db', copy]);
    const store = await openStore(copy);
    let inProcess: InProcess[];
    let report: { ms: number; articles: number; id: string } | undefined;
    try {
      inProcess = [];
      // Analysis loads its dictionaries and compiles on first use: a serving process has done that
      // long before. Analysing some stream articles (nothing stored) warms it as serving would.
      warmUp();
      for (const a of articles.slice(0, WARM_UP)) analysePayload(a);
      for (const file of followed) inProcess.push(await followOne(store, file));
      const { stories: [big] } = await store.stories.list({ sort: 'articles', limit: 1 });
      if (big) {
        const t = performance.now();
        await storyReport(store, big);
        report = { ms: performance.now() - t, articles: big.articles, id: big.id };
      }
    } finally {
      await store.close();
    }
    const reportCommand = report && timedChild([CLI, 'report', report.id, '--db', copy]);
    rmSync(copy, { force: true });
    rmSync(`${copy}-wal`, { force: true });
    rmSync(`${copy}-shm`, { force: true });

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const command = median(commandMs);
    const visible = median(inProcess.map((p) => p.visibleMs));
    const visibleCpu = median(inProcess.map((p) => p.visibleCpuMs));
    reference ??= visibleCpu;
    const stageOf = (s: string) => median(inProcess.map((p) => p.stageMs[s]!));
    const stageCpuOf = (s: string) => median(inProcess.map((p) => p.stageCpuMs[s]!));
    rows.push({
      name: `${size.toLocaleString('en-US')} stored`,
      figures: {
        'ingest one (command) s': seconds(command),
        'in process → in its story ms': visible.toFixed(0),
        'analyse / index / cluster ms': `${stageOf('analyse').toFixed(0)} / ${stageOf('index').toFixed(0)} / ${stageOf('cluster').toFixed(0)}`,
        'in process, CPU ms (analyse / index / cluster)': `${visibleCpu.toFixed(0)} (${stageCpuOf('analyse').toFixed(0)} / ${stageCpuOf('index').toFixed(0)} / ${stageCpuOf('cluster').toFixed(0)})`,
        [`CPU vs ${SIZES[0]!.toLocaleString('en-US')}`]: (visibleCpu / reference).toFixed(2),
        '`stories` s': seconds(stories.ms),
        '`entities --limit 8` / `timeline --limit 5` s': `${seconds(entities.ms)} / ${seconds(timeline.ms)}`,
        [`report of the largest story s (articles)`]: report ? `${seconds(reportCommand!.ms)} (${report.articles}); in process ${seconds(report.ms)}` : '-',
        'KB / article on disk': (bytes.perArticle / 1024).toFixed(2),
      },
    });
    process.stderr.write(`scale: ${JSON.stringify(rows.at(-1))}\n`);
    notes.push(`${size.toLocaleString('en-US')}: bytes per article by table — ${Object.entries(bytes.parts).sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')} (the file: ${Math.round(bytes.perArticle)}).`);

    if (BASELINE_SIZES.includes(size)) {
      const base = baselineStore(size, articles);
      if (base) {
        const baseCopy = join(DIR, `baseline-probe-${size}.db`);
        copyFileSync(base, baseCopy);
        const baseMs = files.map((file) => timedChild([join(BASELINE_REPO, 'src/cli/main.ts'), 'ingest', file, '--db', baseCopy], BASELINE_REPO).ms);
        const baseStories = timedChild([join(BASELINE_REPO, 'src/cli/main.ts'), 'stories', '--db', baseCopy], BASELINE_REPO);
        rmSync(baseCopy, { force: true });
        rmSync(`${baseCopy}-wal`, { force: true });
        rmSync(`${baseCopy}-shm`, { force: true });
        rows.push({
          name: `${size.toLocaleString('en-US')} stored, main's code path (baseline)`,
          figures: {
            'ingest one (command) s': seconds(median(baseMs)),
            'in process → in its story ms': '-',
            'analyse / index / cluster ms': '-',
            'in process, CPU ms (analyse / index / cluster)': '-',
            [`CPU vs ${SIZES[0]!.toLocaleString('en-US')}`]: '-',
            '`stories` s': seconds(baseStories.ms),
            '`entities --limit 8` / `timeline --limit 5` s': '-',
            [`report of the largest story s (articles)`]: '-',
            'KB / article on disk': (statSync(base).size / size / 1024).toFixed(2),
          },
        });
        notes.push(`${size.toLocaleString('en-US')}: ingest of one article ${(median(baseMs) / command).toFixed(2)}× faster than main's code path in this run.`);
      }
    }
  }
  notes.push(`Peak RSS of the bench process: ${peakRssMb().toFixed(0)} MB. Child processes are timed from spawn to exit (median of ${PROBES}).`);
  let machine = '';
  try {
    machine = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    // no uptime: the load note is left out
  }
  if (machine) notes.push(`Load while measuring: ${machine.replace(/^.*load average/, 'load average')} (2 cores shared).`);
  return {
    suite: 'scale',
    method: 'One new article into stores of each size built from real BSNLP paragraphs recombined into synthetic events (bench/scale.ts); '
      + '"ingest one (command)" is `kronika ingest one.txt` as a child process, "in process" is from its transaction until `stories.ofArticle` finds it, '
      + 'running analyse, index and cluster; readers are child processes; bytes from the SQLite file after a checkpoint.',
    rows,
    notes,
  };
}
