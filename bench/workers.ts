/**
 * `npm run bench -- workers`: articles/s through the whole stream (store → analyse → index →
 * cluster → consolidate) for one SQLite process (the baseline, as `kronika ingest` runs it) and
 * for PostgreSQL with 1 and 2 `kronika worker` processes on the same input; and bytes per stored
 * article on disk in both engines.
 *
 * Input: the news batch of test/worker/batch.ts (BSNLP Polish news from the shared data folder,
 * topped up with synthetic texts) — BENCH_WORKERS_ARTICLES articles (default 1,000). Each run
 * starts from an empty store in fresh processes, warmed up alike: before the clock, the store
 * takes BENCH_WORKERS_WARM other articles (default 200, synthetic: test/store/corpus.ts) through
 * the whole stream — the SQLite process runs its stages over them, the workers analyse, index and
 * cluster them — so what is timed is processes whose code V8 has compiled and whose story engine
 * is loaded, as a long-running worker is, not their start (a second worker paid its compilation
 * again inside the clock). The clock runs from saving the batch until every article is clustered
 * and the stories consolidated; the SQLite process times its save and its stages.
 * PostgreSQL runs with its durable defaults (fsync on) in a cluster of its own, unless
 * KRONIKA_TEST_POSTGRES names a server. Each configuration runs BENCH_WORKERS_REPEAT times
 * (default 2), interleaved, and the table gives the best and the spread: the 2-core machine is
 * shared, so the load average at the start of every run is recorded too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import type { Article } from '../src/types.ts';
import { streamSettled } from '../src/worker/lease.ts';
import { makeArticle } from '../test/store/articles.ts';
import { syntheticTexts } from '../test/store/corpus.ts';
import { createTestDatabase, startCluster } from '../test/helpers/postgres.ts';
import { dataFolder, newsBatch } from '../test/worker/batch.ts';
import { processUse, sampleProcess, treeCpu, type ProcessSample, type ProcessUse } from './_cpu.ts';
import type { BenchReport } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const ARTICLES = Number(process.env.BENCH_WORKERS_ARTICLES ?? 1000);
const WARM = Number(process.env.BENCH_WORKERS_WARM ?? 200);
const REPEAT = Number(process.env.BENCH_WORKERS_REPEAT ?? 2);
const CHUNK = 200;
/** BENCH_WORKERS_LOG=1: the workers' progress lines on stderr, timed (when passes ran, what they clustered). */
const LOG = process.env.BENCH_WORKERS_LOG === '1';
/** BENCH_WORKERS_NODE_ARGS: node flags for the worker processes and the SQLite process, e.g. `--cpu-prof --cpu-prof-dir=tmp/prof` to see where their CPU goes. */
const NODE_ARGS = process.env.BENCH_WORKERS_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
/**
 * Both sides run as a deployment runs them, compiled (the default): the workers as the `kronika
 * worker` command starts (bin/kronika.js → dist/), and the SQLite process's script compiled too,
 * importing dist/ and started with the V8 flags bin/run.js gives the long-running commands
 * (compiledSqliteStream) — the baseline being the stream `kronika serve` runs. dist/ must be built from these
 * sources (`npm run build`), or the bench stops: bin/kronika.js would run the sources instead.
 * BENCH_WORKERS_COMPILED=0: both run the sources through tsx, as tests do. Never one of each: tsx
 * compiles for the running Node, and esbuild then rewrites every regex literal with \p{…} as a
 * `new RegExp` made at each evaluation, which the build does not (scripts/build.mjs), and bin/run.js's
 * flags differ by command — a mixed pair measures those, not the engines.
 */
const COMPILED = process.env.BENCH_WORKERS_COMPILED !== '0';

interface Run {
  readonly ms: number;
  readonly load: number;
}

export function articles(): { articles: Article[]; real: number; warm: Article[] } {
  const { texts, real } = newsBatch(ARTICLES, dataFolder(ROOT));
  // Another seed than the batch's own synthetic texts (test/worker/batch.ts), and other outlets.
  const warm = syntheticTexts(WARM, 7).map((text, i) => makeArticle(`Rozgrzewka. ${text}`, { outlet: `Rozgrzewka ${i % 5}` }));
  return { articles: texts.map((text, i) => makeArticle(text, { outlet: `Portal ${i % 25}` })), real, warm };
}

async function saveAll(store: Awaited<ReturnType<typeof openStore>>, batch: readonly Article[]): Promise<void> {
  for (let i = 0; i < batch.length; i += CHUNK) await store.articles.save(batch.slice(i, i + CHUNK));
}

/** Stops the bench when dist/ was not built from these sources: bin/kronika.js would run the sources through tsx instead. */
export async function assertBuilt(): Promise<void> {
  const { DIST, SOURCE_HASH_FILE, sourceHash } = await import(pathToFileURL(join(ROOT, 'bin/sources.js')).href) as
    { DIST: string; SOURCE_HASH_FILE: string; sourceHash: () => string };
  const built = statSync(join(DIST, SOURCE_HASH_FILE), { throwIfNoEntry: false }) && readFileSync(join(DIST, SOURCE_HASH_FILE), 'utf8').trim();
  if (built !== sourceHash()) throw new Error('bench workers: dist/ is not built from src/ (npm run build, or BENCH_WORKERS_COMPILED=0 for the sources through tsx)');
}

/**
 * bench/_sqlite-stream.ts compiled into `dir`, its imports of src/ pointed at dist/: the SQLite
 * process runs the code `kronika serve` runs, with V8's default tiering as bin/run.js leaves it for the
 * long-running commands (`serve`, `worker`; a one-shot command tiers up later). Returns the script's path.
 */
export async function compiledSqliteStream(dir: string): Promise<string> {
  const script = join(dir, 'sqlite-stream.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench/_sqlite-stream.ts')],
    outfile: script,
    bundle: true, // bench/_cpu.ts goes in; src/ stays dist/'s modules
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins: [{
      name: 'dist',
      setup(esbuild) {
        esbuild.onResolve({ filter: /\/src\/.*\.ts$/ }, (args) => {
          const path = resolve(args.resolveDir, args.path).replace(join(ROOT, 'src'), join(ROOT, 'dist')).replace(/\.ts$/, '.js');
          return { path: pathToFileURL(path).href, external: true };
        });
      },
    }],
  });
  return script;
}

/**
 * One SQLite process: save, then the stages, as `kronika ingest` does — in a fresh process
 * warmed up like a worker (bench/_sqlite-stream.ts; `script`, its command line before the
 * arguments), so neither side profits from the other's warm caches.
 */
export async function sqliteRun(dir: string, script: readonly string[], batchFile: string, warmFile: string, n: number): Promise<Run & { bytes: number; use: ProcessUse }> {
  const path = join(dir, `sqlite-${n}.db`);
  const load = loadavg()[0]!;
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...script, batchFile, path, warmFile],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_CHUNK: String(CHUNK) } });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`SQLite run exited with ${code}`))));
  });
  const { ms, use, bytesBefore } = JSON.parse(out) as { ms: number; use: ProcessUse; bytesBefore: number };
  const bytes = ['', '-wal'].reduce((sum, ext) => sum + (statSync(path + ext, { throwIfNoEntry: false })?.size ?? 0), 0) - bytesBefore;
  return { ms, load, bytes, use };
}

function startWorkerProcess(url: string): { child: ChildProcess; ready: Promise<void>; leader: () => boolean } {
  const entry = COMPILED ? [join(ROOT, 'bin/kronika.js')] : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, [...NODE_ARGS, ...entry, 'worker', '--db', url], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      if (LOG) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `${(performance.now() / 1000).toFixed(2)} `));
      err += chunk.toString();
      if (err.includes('waiting for jobs')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err}`)));
    setTimeout(() => reject(new Error(`worker not ready after 120 s: ${err}`)), 120_000).unref();
  });
  return { child, ready, leader: () => err.includes('holding the cluster lease') };
}

/** Per-process CPU of a PostgreSQL run: each worker, and the server with all its backends. */
interface CpuUse {
  readonly workers: (ProcessUse & { leader: boolean })[];
  readonly serverCpuS: number;
}

/**
 * PostgreSQL with `workers` worker processes on a fresh database; `onClock` is called as the
 * clock starts (a profiling driver starts its own sampling there).
 */
export async function postgresRun(workers: number, batch: readonly Article[], warm: readonly Article[], onClock?: () => void): Promise<Run & { bytes: number; tables: Record<string, number>; cpu: CpuUse }> {
  const db = await createTestDatabase();
  const store = await openStore(db.url);
  const processes = Array.from({ length: workers }, () => startWorkerProcess(db.url));
  try {
    await Promise.all(processes.map((p) => p.ready));
    progress(`${workers} worker(s) ready`);
    await saveAll(store, warm);
    while (!(await streamSettled(store))) await sleep(50);
    if (warm.length) progress(`${workers} worker(s) warmed up on ${warm.length} articles`);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const sizeOf = async () => Number((await pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n);
    const before = await sizeOf();
    // The server's processes: the postmaster is the parent of any backend.
    const backend = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const postmaster = Number(readFileSync(`/proc/${backend}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    const load = loadavg()[0]!;
    const samples = (): (ProcessSample | undefined)[] => processes.map((p) => sampleProcess(p.child.pid!));
    const serverBefore = treeCpu(postmaster);
    const first = samples();
    onClock?.();
    const t0 = performance.now();
    await saveAll(store, batch);
    while (!(await streamSettled(store))) await sleep(50);
    const ms = performance.now() - t0;
    const last = samples();
    const cpu: CpuUse = {
      workers: processes.map((p, i) => ({ ...processUse(first[i]!, last[i]!), leader: p.leader() })),
      serverCpuS: treeCpu(postmaster) - serverBefore,
    };
    await pool.query('CHECKPOINT').catch(() => {});
    const after = await sizeOf();
    const { rows } = await pool.query<{ name: string; n: string }>(`SELECT c.relname AS name, pg_total_relation_size(c.oid) AS n FROM pg_class c
      JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relkind = 'r'`);
    await pool.end();
    return { ms, load, bytes: after - before, tables: Object.fromEntries(rows.map((r) => [r.name, Number(r.n)])), cpu };
  } finally {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => new Promise((resolve) => (p.child.exitCode !== null ? resolve(null) : p.child.once('exit', resolve)))));
    await store.close();
    await db.drop();
  }
}

const rate = (ms: number) => (ARTICLES * 1000) / ms;
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** One process's CPU and its main thread's running / waiting-for-a-core / idle shares. */
function useLine(name: string, w: ProcessUse): string {
  const s = (share: number) => `${(share * w.wallS).toFixed(1)} s`;
  return `${name} ${w.cpuS.toFixed(1)} CPU s (${pct(w.utilisation)} of the wall; `
    + `main thread running ${s(w.running)}, waiting for a core ${s(w.waitingForCpu)}, idle ${s(w.idle)} of ${w.wallS.toFixed(1)} s)`;
}

/** One line per run: each worker's CPU and its main thread's shares, and the server's CPU. */
function cpuLine(cpu: CpuUse): string {
  const workers = cpu.workers.map((w, i) => useLine(`worker ${i + 1}${w.leader ? ' (lease)' : ''}`, w));
  return `${workers.join(', ')}; PostgreSQL ${cpu.serverCpuS.toFixed(1)} CPU s`;
}

/**
 * The run's length on a dedicated 2-core machine, estimated from where its time went: each
 * worker's main thread needs its running and idle time (the wait for a core is what other load
 * added), and all the CPU of workers and server must fit on the cores. Waiting on the server
 * counts as idle, so this errs long.
 */
function dedicatedSeconds(cpu: CpuUse, cores = 2): number {
  const critical = Math.max(...cpu.workers.map((w) => w.wallS * (w.running + w.idle)));
  const total = cpu.workers.reduce((sum, w) => sum + w.cpuS, 0) + cpu.serverCpuS;
  return Math.max(critical, total / cores);
}

/**
 * The most two workers can gain on `cores` cores, from a 1-worker run. One worker's run lasts at
 * least as long as its main thread runs (plus its idle time, waiting on the server and the lease),
 * while the other CPU it needs — its other threads (garbage collection and compilation helpers,
 * the story engine's thread) and the server's — runs beside it on the other core. Two workers
 * need at least all that CPU spread over every core, so they can be at most
 * cores × critical path / all the CPU times faster, with no extra CPU per article. `cpuOnly`
 * leaves the idle time out (a worker that never waits): the bound for CPU-bound work, and the
 * one the shared machine's load does not inflate.
 */
function ceiling(one: CpuUse, cpuOnly: boolean, cores = 2): number {
  const w = one.workers[0]!;
  const critical = w.wallS * (w.running + (cpuOnly ? 0 : w.idle));
  return Math.min(cores, (cores * critical) / (w.cpuS + one.serverCpuS));
}

/** Articles per CPU second of the whole system under test (workers and server): what the shared machine's load does not change. */
function perCpuSecond(cpu: CpuUse): number {
  return ARTICLES / (cpu.workers.reduce((sum, w) => sum + w.cpuS, 0) + cpu.serverCpuS);
}
const progress = (line: string) => process.stderr.write(`bench workers: ${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(): Promise<BenchReport> {
  const own = process.env.KRONIKA_TEST_POSTGRES ? undefined : await startCluster({ durable: true });
  if (own) process.env.KRONIKA_TEST_POSTGRES = own.url;
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-workers-'));
  if (COMPILED) await assertBuilt();
  const sqliteScript = COMPILED ? [await compiledSqliteStream(dir)] : ['--import', 'tsx', join(ROOT, 'bench/_sqlite-stream.ts')];
  const { articles: batch, real, warm } = articles();
  const batchFile = join(dir, 'batch.json');
  writeFileSync(batchFile, JSON.stringify(batch));
  const warmFile = join(dir, 'warm.json');
  writeFileSync(warmFile, JSON.stringify(warm));
  const runs: Record<'sqlite' | 'pg1' | 'pg2', (Run & { bytes: number; cpu?: CpuUse })[]> = { sqlite: [], pg1: [], pg2: [] };
  let tables: Record<string, number> = {};
  try {
    for (let i = 0; i < REPEAT; i++) {
      const sqlite = await sqliteRun(dir, sqliteScript, batchFile, warmFile, i);
      // As one "worker" without a server, for dedicatedSeconds.
      runs.sqlite.push({ ...sqlite, cpu: { workers: [{ ...sqlite.use, leader: false }], serverCpuS: 0 } });
      progress(`run ${i + 1}: SQLite ${rate(sqlite.ms).toFixed(1)} articles/s; ${useLine('process', sqlite.use)}`);
      runs.pg1.push(await postgresRun(1, batch, warm));
      progress(`run ${i + 1}: PostgreSQL, 1 worker ${rate(runs.pg1.at(-1)!.ms).toFixed(1)} articles/s; ${cpuLine(runs.pg1.at(-1)!.cpu!)}`);
      const two = await postgresRun(2, batch, warm);
      runs.pg2.push(two);
      progress(`run ${i + 1}: PostgreSQL, 2 workers ${rate(two.ms).toFixed(1)} articles/s; ${cpuLine(two.cpu)}`);
      tables = two.tables;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    own?.stop();
    if (own) delete process.env.KRONIKA_TEST_POSTGRES;
  }
  const best = (xs: readonly Run[]) => Math.min(...xs.map((r) => r.ms));
  const worst = (xs: readonly Run[]) => Math.max(...xs.map((r) => r.ms));
  const row = (name: string, xs: readonly (Run & { bytes: number })[]) => ({
    name,
    figures: {
      'articles/s (best)': fmt(rate(best(xs))),
      'spread (worst)': fmt(rate(worst(xs))),
      'bytes/article on disk': fmt(Math.min(...xs.map((r) => r.bytes)) / ARTICLES),
      'load avg at start': xs.map((r) => r.load.toFixed(1)).join(', '),
    },
  });
  const sqliteRate = rate(best(runs.sqlite));
  const one = rate(best(runs.pg1));
  const two = rate(best(runs.pg2));
  const perTable = Object.entries(tables).sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${fmt(bytes / ARTICLES)}`).join(', ');
  return {
    suite: 'workers',
    method: `${ARTICLES} articles (${real} BSNLP Polish news, the rest synthetic; test/worker/batch.ts), saved in chunks of ${CHUNK}, `
      + 'then analysed, indexed, clustered and consolidated. Each run starts from an empty store in fresh processes, which take '
      + `${WARM} other (synthetic) articles through the whole stream before the clock, so warm processes are timed, not V8 compiling their code (BENCH_WORKERS_WARM=0: cold). `
      + 'SQLite: one process (save + runStages, as `kronika ingest`; bench/_sqlite-stream.ts). '
      + (COMPILED ? 'Both sides compiled, as a deployment runs them (dist/, bin/run.js\'s V8 flags). ' : 'Both sides through tsx (BENCH_WORKERS_COMPILED=0). ')
      + 'PostgreSQL 15 (durable defaults, local cluster): `kronika worker` processes, idle when the clock starts, which stops when '
      + `every article is clustered and consolidated (streamSettled). Best of ${REPEAT} interleaved runs; "spread" is the worst run. `
      + 'Bytes on disk, the batch\'s growth after the warm-up: the SQLite file (+ WAL); PostgreSQL: database size growth including indexes, TOAST and the job queue.',
    rows: [row('SQLite, one process (baseline)', runs.sqlite), row('PostgreSQL, 1 worker', runs.pg1), row('PostgreSQL, 2 workers', runs.pg2)],
    notes: [
      `2 workers / 1 worker: ${(two / one).toFixed(2)}× (target ≥ 1.6×).`,
      `2 workers / 1 worker on a dedicated 2-core machine, estimated from CPU and idle time (bench/workers.ts dedicatedSeconds; best runs): `
        + `${(Math.min(...runs.pg1.map((r) => dedicatedSeconds(r.cpu!))) / Math.min(...runs.pg2.map((r) => dedicatedSeconds(r.cpu!)))).toFixed(2)}×.`,
      `Ceiling of 2 workers / 1 worker on 2 cores from each 1-worker run (bench/workers.ts ceiling): `
        + `${runs.pg1.map((r) => `${ceiling(r.cpu!, true).toFixed(2)}× CPU-bound (${ceiling(r.cpu!, false).toFixed(2)}× with its idle time)`).join(', ')} — `
        + `one worker's main thread ${runs.pg1.map((r) => (r.cpu!.workers[0]!.wallS * r.cpu!.workers[0]!.running).toFixed(1)).join(', ')} CPU s, `
        + `its other threads ${runs.pg1.map((r) => (r.cpu!.workers[0]!.cpuS - r.cpu!.workers[0]!.wallS * r.cpu!.workers[0]!.running).toFixed(1)).join(', ')}, `
        + `the server ${runs.pg1.map((r) => r.cpu!.serverCpuS.toFixed(1)).join(', ')}.`,
      `PostgreSQL 1 worker / SQLite: ${((one / sqliteRate) * 100).toFixed(0)} % (target ≥ 70 %).`,
      `PostgreSQL 1 worker / SQLite on a dedicated 2-core machine, estimated alike (dedicatedSeconds; best runs): `
        + `${((Math.min(...runs.sqlite.map((r) => dedicatedSeconds(r.cpu!))) / Math.min(...runs.pg1.map((r) => dedicatedSeconds(r.cpu!)))) * 100).toFixed(0)} %.`,
      `PostgreSQL bytes per article by table (2-worker run): ${perTable}.`,
      ...runs.sqlite.map((r, i) => `SQLite, run ${i + 1} (${fmt(rate(r.ms))} articles/s, ${(ARTICLES / r.cpu!.workers[0]!.cpuS).toFixed(1)} articles per CPU second, `
        + `${dedicatedSeconds(r.cpu!).toFixed(1)} s estimated on a dedicated machine): ${useLine('process', r.cpu!.workers[0]!)}.`),
      ...(['pg1', 'pg2'] as const).flatMap((key) => runs[key].map((r, i) => `${key === 'pg1' ? '1 worker' : '2 workers'}, run ${i + 1} (${fmt(rate(r.ms))} articles/s, `
        + `${perCpuSecond(r.cpu!).toFixed(1)} articles per CPU second of workers + server, ${dedicatedSeconds(r.cpu!).toFixed(1)} s estimated on a dedicated machine): ${cpuLine(r.cpu!)}.`)),
    ],
  };
}

