/**
 * `npm run bench -- startup`: how long a user waits for whole `kronika` commands, each a fresh
 * child process, beside `node -e 0` timed in the same run (the floor any Node program pays).
 *
 * Each command runs once untimed, then REPEAT times; the median counts. "compiled" is bin/kronika.js
 * on dist/ (built first by scripts/build.mjs); "sources" is the same entry through tsx, which is
 * what every command cost before dist/ existed. The store is built here: STORE_ARTICLES articles
 * made from the BSNLP development articles when ../shared/data is there (each a real article's
 * headline and URL with paragraphs of its topic, dated over the topic's span), else from the
 * seed paragraphs; ingested as JSON Lines and grouped into stories before timing.
 *
 * KRONIKA_STARTUP_KEEP=1 keeps the built store and prints its path; KRONIKA_STARTUP_DB=<that path> reuses
 * it (building takes minutes). KRONIKA_STARTUP_BEFORE=<another checkout, e.g. `git worktree add /tmp/old <commit>` with
 * node_modules> adds the same commands run there, for a before/after in one run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestInputs } from '../src/app/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import type { BenchReport, BenchRow } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE_ARTICLES = 10_000;
const REPEAT = 7;
/** Commands that take seconds are timed fewer times: a 10k `stories` ran a minute on a loaded machine. */
const REPEAT_SLOW = 3;
const SLOW_MS = 5_000;

interface Source {
  readonly title: string;
  readonly url?: string;
  readonly topic: string;
  readonly paragraphs: readonly string[];
}

/** Real articles to recombine: BSNLP dev (headline, URL, topic) or the five seeds. */
function sourceArticles(): Source[] {
  const raw = join(DEFAULT_BSNLP_PATH, 'raw');
  if (existsSync(raw)) {
    const urls = new Map(readFileSync(join(DEFAULT_BSNLP_PATH, 'metadata.tsv'), 'utf8').split('\n').slice(1)
      .map((line) => line.split('\t')).map((f) => [f[1], f[5]] as const));
    return readdirSync(raw).sort().flatMap((topic) => readdirSync(join(raw, topic, 'pl')).sort().map((file) => {
      const [title = '', ...body] = readFileSync(join(raw, topic, 'pl', file), 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
      return { title, url: urls.get(file) || undefined, topic, paragraphs: body.filter((p) => p.length > 80) };
    })).filter((s) => s.paragraphs.length > 0);
  }
  const dir = join(ROOT, 'samples/kim-putin-2023');
  return readdirSync(dir).sort().map((file) => {
    const paragraphs = readFileSync(join(dir, file), 'utf8').replace(/^ date \S+ /, '').split(/\n\s*\n/).map((p) => p.trim());
    return { title: paragraphs[0]!.split('. ')[0]!, topic: 'kim-putin', paragraphs };
  });
}

function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

/** STORE_ARTICLES JSON Lines: a real headline and URL, 3–6 paragraphs of the same topic, a date in 2018–2019. */
function writeJsonl(path: string): void {
  const sources = sourceArticles();
  const byTopic = new Map<string, Source[]>();
  for (const s of sources) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  const random = seededRandom(7);
  const lines = Array.from({ length: STORE_ARTICLES }, (_, i) => {
    const base = sources[i % sources.length]!;
    const pool = byTopic.get(base.topic)!.flatMap((s) => s.paragraphs);
    const paragraphs = [base.paragraphs[0]!, ...Array.from({ length: 2 + Math.floor(random() * 4) }, () => pool[Math.floor(random() * pool.length)]!)];
    const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 700) * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({
      title: `${base.title} (${i + 1})`, text: paragraphs.join('\n\n'), published: day,
      ...(base.url && { url: `${base.url}${base.url.includes('?') ? '&' : '?'}n=${i}` }),
    });
  });
  writeFileSync(path, lines.join('\n') + '\n');
}

interface Timed {
  readonly medianMs: number;
  readonly minMs: number;
}

function time(args: readonly string[], cwd = ROOT): Timed {
  const once = () => {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const ms = performance.now() - t0;
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    return { ms, stderr: run.stderr };
  };
  const warm = once();
  if (cwd === ROOT && args[0] === 'bin/kronika.js' && /running the TypeScript sources/.test(warm.stderr)) {
    throw new Error('bin/kronika.js ran the sources: dist/ is not current');
  }
  const runs = Array.from({ length: warm.ms > SLOW_MS ? REPEAT_SLOW : REPEAT }, () => once().ms).sort((a, b) => a - b);
  return { medianMs: runs[Math.floor(runs.length / 2)]!, minMs: runs[0]! };
}

/** A built store: its file, article count and event count, and how long building it took. */
interface BenchStore {
  readonly db: string;
  readonly articles: number;
  readonly events: number;
  readonly buildSeconds?: number;
}

/**
 * Builds the STORE_ARTICLES store in `dir` (several minutes: every article is analysed and
 * clustered), or opens the one KRONIKA_STARTUP_DB names (built by an earlier run with
 * KRONIKA_STARTUP_KEEP=1), so that comparing two checkouts does not rebuild it.
 */
export async function benchStore(dir: string): Promise<BenchStore> {
  const reuse = process.env.KRONIKA_STARTUP_DB;
  if (reuse) {
    const store = await openSqliteStore(reuse);
    const { articles } = await store.articles.stats();
    const { events } = await store.stories.counts();
    await store.close();
    return { db: reuse, articles, events };
  }
  const db = join(dir, 'kronika.db');
  const input = join(dir, 'articles.jsonl');
  writeJsonl(input);
  const store = await openSqliteStore(db);
  const t0 = performance.now();
  const { result: ingested, pipeline } = await ingestInputs(store, [input], { maxBytes: 512 * 2 ** 20 });
  if (ingested.failed) throw new Error(`store not built: ${ingested.failures[0]?.message}`);
  if (!pipeline?.stories || pipeline.failed) throw new Error(`stories not built: ${pipeline?.failed?.error ?? 'the cluster stage did not run'}`);
  const buildSeconds = (performance.now() - t0) / 1000;
  const { articles } = await store.articles.stats();
  await store.close();
  return { db, articles, events: pipeline.stories.events, buildSeconds };
}

/** The event story whose size is nearest to `size` articles (the report case times its report). */
async function storyOfSize(db: string, size: number): Promise<{ id: string; articles: number }> {
  const store = await openSqliteStore(db);
  try {
    const { stories } = await store.stories.list({ level: 'event', sort: 'articles', limit: 200 });
    const best = [...stories].sort((a, b) => Math.abs(a.articles - size) - Math.abs(b.articles - size))[0];
    if (!best) throw new Error('the bench store has no stories');
    return { id: best.id, articles: best.articles };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<BenchReport> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-startup-'));
  const keep = Boolean(process.env.KRONIKA_STARTUP_KEEP);
  try {
    const { db, articles, events, buildSeconds } = await benchStore(dir);
    if (keep) process.stderr.write(`bench store kept: KRONIKA_STARTUP_DB=${db}\n`);
    const story = await storyOfSize(db, 100);
    const n = articles.toLocaleString('en-US');

    const baseline = time(['-e', '0']);
    const before = process.env.KRONIKA_STARTUP_BEFORE;
    const cases: [string, readonly string[], string?][] = [
      ['node -e 0 (baseline)', ['-e', '0']],
      ...(before ? [
        ['kronika --version, before (KRONIKA_STARTUP_BEFORE)', ['bin/kronika.js', '--version'], before],
        [`kronika stories, ${n} articles, before`, ['bin/kronika.js', 'stories', '--db', db], before],
        [`kronika report (${story.articles}-article story), before`, ['bin/kronika.js', 'report', story.id, '--db', db], before],
      ] as [string, string[], string][] : []),
      ['kronika --version, sources (tsx)', ['--import', 'tsx', 'src/cli/main.ts', '--version']],
      ['kronika --version, compiled', ['bin/kronika.js', '--version']],
      ['kronika --help, compiled', ['bin/kronika.js', '--help']],
      [`kronika stories, ${n} articles, compiled`, ['bin/kronika.js', 'stories', '--db', db]],
      [`kronika stories --limit 20, ${n} articles, compiled`, ['bin/kronika.js', 'stories', '--limit', '20', '--db', db]],
      [`kronika report (${story.articles}-article story), compiled`, ['bin/kronika.js', 'report', story.id, '--db', db]],
      ['kronika articles --limit 20, compiled', ['bin/kronika.js', 'articles', '--limit', '20', '--db', db]],
      ['kronika search brexit --limit 20, compiled', ['bin/kronika.js', 'search', 'brexit', '--limit', '20', '--db', db]],
    ];
    const rows: BenchRow[] = cases.map(([name, args, cwd]) => {
      const t = name.startsWith('node -e 0') ? baseline : time(args, cwd);
      return { name, figures: { 'median s': (t.medianMs / 1000).toFixed(2), 'best s': (t.minMs / 1000).toFixed(2), '× node -e 0': (t.medianMs / baseline.medianMs).toFixed(1) } };
    });
    return {
      suite: 'startup',
      method: `Whole commands as a user runs them, each a fresh \`node\` process (median of ${REPEAT} after one untimed run; of ${REPEAT_SLOW} when that run took over ${SLOW_MS / 1000} s), beside \`node -e 0\` in the same run. ` +
        `"compiled" = bin/kronika.js on dist/ (scripts/build.mjs); "sources (tsx)" = the TypeScript through tsx. ` +
        `Store: ${n} articles in ${events.toLocaleString('en-US')} event stories, ` +
        (buildSeconds === undefined ? 'reused from KRONIKA_STARTUP_DB, ' : `built in ${buildSeconds.toFixed(0)} s `) +
        `from ${existsSync(DEFAULT_BSNLP_PATH) ? 'BSNLP dev articles' : 'the seed paragraphs'} recombined (bench/startup.ts). ` +
        'The report case is the event story nearest 100 articles, as Markdown. The search row includes building the search index on its first run (the untimed one).',
      rows,
      notes: ['Targets: `kronika --version` < 0.3 s; `kronika stories` on a 10k store < 0.5 s; a report of a 100-article story < 1 s.'],
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
