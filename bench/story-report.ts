/**
 * `npm run bench -- story-report`: how long a user waits for `kronika report <story>` of the biggest
 * story of a store of the 885 BSNLP development articles (../shared/data), as a whole command in a
 * fresh process, beside `node -e 0` and `kronika --version` timed in the same run.
 *
 * The store is built here with `kronika ingest <bsnlp>/raw` (a minute or two), or reused:
 * KRONIKA_REPORT_DB=<path> (KRONIKA_REPORT_KEEP=1 keeps the built one and prints its path).
 * KRONIKA_REPORT_BEFORE=<another checkout with dist/ built and node_modules> adds the same command
 * run there, interleaved with this checkout's runs, for a before/after in one run. CPU seconds
 * (user + system of the child) are given beside wall time: on a shared machine they move less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import type { BenchReport, BenchRow } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPEAT = 7;
/** The target: a report of a 100-article story in under a second, the whole command. */
const TARGET_S = 1;

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Prints the child's own CPU time on exit (Node gives no resource usage of children). */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\nbench-cpu-us '+(u.user+u.system)+'\\n')})`;

function once(args: readonly string[], cwd: string): Run {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', CPU_PROBE, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} (in ${cwd}) exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  if (args[0] === 'bin/kronika.js' && /running the TypeScript sources/.test(child.stderr)) throw new Error(`${cwd}: dist/ is not current (npm run build)`);
  const cpu = /bench-cpu-us (\d+)/.exec(child.stderr);
  return { wallMs, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function storeFor(dir: string): string {
  const reuse = process.env.KRONIKA_REPORT_DB;
  if (reuse) return reuse;
  const db = join(dir, 'dev.db');
  once(['bin/kronika.js', 'ingest', join(DEFAULT_BSNLP_PATH, 'raw'), '--db', db], ROOT);
  return db;
}

function biggestStory(db: string): { id: string; articles: number } {
  const child = spawnSync(process.execPath, ['bin/kronika.js', 'stories', '--db', db, '--limit', '1', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const story = JSON.parse(child.stdout.split('\n')[0]!) as { id: string; articleCount: number };
  return { id: story.id, articles: story.articleCount };
}

export async function run(): Promise<BenchReport> {
  if (!existsSync(join(DEFAULT_BSNLP_PATH, 'raw'))) {
    return { suite: 'story-report', method: 'Skipped: the BSNLP development data is not on this machine.', rows: [] };
  }
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-report-'));
  const keep = Boolean(process.env.KRONIKA_REPORT_KEEP);
  try {
    const db = storeFor(dir);
    if (keep) process.stderr.write(`bench store kept: KRONIKA_REPORT_DB=${db}\n`);
    const story = biggestStory(db);
    const before = process.env.KRONIKA_REPORT_BEFORE;
    const report = (format: string): string[] => ['bin/kronika.js', 'report', story.id, '--db', db, '--format', format];
    const cases: [string, string[], string][] = [
      ['node -e 0 (baseline)', ['-e', '0'], ROOT],
      ['kronika --version', ['bin/kronika.js', '--version'], ROOT],
      ...(before ? [[`kronika report, ${story.articles}-article story, md, before (KRONIKA_REPORT_BEFORE)`, report('md'), before] as [string, string[], string]] : []),
      [`kronika report, ${story.articles}-article story, md`, report('md'), ROOT],
      ...(before ? [[`kronika report, ${story.articles}-article story, json, before`, report('json'), before] as [string, string[], string]] : []),
      [`kronika report, ${story.articles}-article story, json`, report('json'), ROOT],
    ];
    for (const [, args, cwd] of cases) once(args, cwd);
    // Interleaved rounds: a burst of load from elsewhere falls on every case alike.
    const runs = cases.map((): Run[] => []);
    for (let r = 0; r < REPEAT; r++) cases.forEach(([, args, cwd], i) => runs[i]!.push(once(args, cwd)));
    const base = median(runs[0]!.map((x) => x.wallMs));
    const rows: BenchRow[] = cases.map(([name], i) => {
      const wall = median(runs[i]!.map((x) => x.wallMs));
      return {
        name,
        figures: {
          'median s': (wall / 1000).toFixed(2),
          'best s': (Math.min(...runs[i]!.map((x) => x.wallMs)) / 1000).toFixed(2),
          'CPU s': (median(runs[i]!.map((x) => x.cpuMs)) / 1000).toFixed(2),
          '× node -e 0': (wall / base).toFixed(1),
        },
      };
    });
    const ours = median(runs[cases.findIndex(([name]) => name.endsWith('story, md'))]!.map((x) => x.wallMs)) / 1000;
    return {
      suite: 'story-report',
      method: `Whole \`kronika report\` commands (compiled, bin/kronika.js on dist/) of the biggest event story of a store of the BSNLP development articles ` +
        `(${process.env.KRONIKA_REPORT_DB ? 'reused from KRONIKA_REPORT_DB' : 'ingested by this run'}), each a fresh process, ${REPEAT} interleaved rounds after one untimed run; ` +
        'median and best wall time, median CPU (user + system of the child).',
      rows,
      notes: [
        `Target: a report of a 100-article story in under ${TARGET_S} s: ${ours.toFixed(2)} s median here for ${story.articles} articles — ${ours < TARGET_S ? 'met' : 'not met on this run'}.`,
        `Load average when the run ended: ${loadavg().map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores.`,
      ],
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
