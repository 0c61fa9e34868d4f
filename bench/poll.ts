/**
 * `npm run bench -- poll`: how many polls per second one process sustains against a loopback
 * feed server (bench/_poll-server.ts, another process), and the CPU each poll costs when every
 * answer is 304 (process.cpuUsage of this process only) — the target is 5,000 sources
 * every 15 minutes (≈ 5.6 polls/s) under 20 % of one core when nothing changed.
 *
 * Each poll is the product's whole path: schedule read from SQLite, conditional GET through the
 * HTTP client (a fresh connection per request, as src/net/http.ts makes them), classification,
 * next state computed and written with its log line. Baseline in the same run: undici's `fetch`
 * of the same URLs with the same If-None-Match, same concurrency, nothing stored.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { articleSink, Poller, type SourceStore } from '../src/sources/index.ts';
import { openSqliteStore } from '../src/store/sqlite/index.ts';
import type { BenchReport, BenchRow } from './report.ts';

const SOURCES = 1000;
const ROUNDS = 5;
const TARGET_POLLS_PER_S = 5000 / (15 * 60);

interface Measured {
  readonly polls: number;
  readonly wallMs: number;
  readonly cpuUs: number;
}

async function measure(polls: number, run: () => Promise<void>): Promise<Measured> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  return { polls, wallMs, cpuUs: user + system };
}

function row(name: string, m: Measured): BenchRow {
  const cpuPerPoll = m.cpuUs / m.polls;
  return {
    name,
    figures: {
      polls: m.polls.toLocaleString('en-US'),
      'polls/s': Math.round((m.polls * 1000) / m.wallMs).toLocaleString('en-US'),
      'CPU µs/poll': Math.round(cpuPerPoll).toLocaleString('en-US'),
      'core % at 5.6 polls/s': ((cpuPerPoll * TARGET_POLLS_PER_S) / 1e4).toFixed(2),
    },
  };
}

/** Starts the server process; resolves with its port and a function that moves its clock. */
async function startServer(count: number): Promise<{ port: number; advance(ms: number): Promise<void>; stop(): void }> {
  const script = fileURLToPath(new URL('_poll-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  const { port } = JSON.parse(first.value as string) as { port: number };
  return {
    port,
    async advance(ms) {
      child.stdin!.write(`advance ${ms}\n`);
      await lines.next();
    },
    stop: () => child.stdin!.end(),
  };
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-poll-'));
  const path = join(dir, 'poll.db');
  const server = await startServer(SOURCES);
  const store = await openSqliteStore(path);
  const sources: SourceStore = store.sources;
  const lookup = async (host: string) => {
    if (host.endsWith('.test')) return ['127.0.0.1'];
    throw new Error(`not in the benchmark network: ${host}`);
  };
  try {
    for (let i = 0; i < SOURCES; i++) {
      await sources.add({ feedUrl: `http://feed${i}.test:${server.port}/feed.xml`, allowPrivate: true, addedAt: new Date().toISOString() });
    }
    const rows: BenchRow[] = [];
    const poller = (concurrency: number) => new Poller({ sources, articles: articleSink(store), lookup, concurrency, perHost: 2 });
    // Untimed: the first cycle reads every feed in full (200) and stores its items.
    const first = await poller(8).pollAll();
    if (first.failed > 0) throw new Error(`warm-up: ${first.failed} polls failed (${first.sources.find((s) => s.error)?.error})`);

    for (const concurrency of [8, 32]) {
      const m = await measure(SOURCES * ROUNDS, async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const cycle = await poller(concurrency).pollAll();
          if (cycle.notModified !== SOURCES) throw new Error(`expected ${SOURCES} × 304, got ${cycle.notModified}`);
        }
      });
      rows.push(row(`poll, every answer 304, concurrency ${concurrency}`, m));
    }

    // Baseline: the same conditional requests with undici's fetch (keep-alive), nothing parsed or
    // stored. fetch() cannot set Host, so it asks for the same feeds by path on 127.0.0.1.
    const literal = Array.from({ length: SOURCES }, (_, i) => `http://127.0.0.1:${server.port}/feed${i}/feed.xml`);
    const etags = new Map<string, string>();
    await pool(literal, 8, async (url) => {
      const response = await fetch(url);
      etags.set(url, response.headers.get('etag') ?? '');
      await response.arrayBuffer();
    });
    const baseline = await measure(SOURCES * ROUNDS, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await pool(literal, 8, async (url) => {
          const response = await fetch(url, { headers: { 'if-none-match': etags.get(url)! } });
          if (response.status !== 304) throw new Error(`baseline: expected 304, got ${response.status}`);
          await response.arrayBuffer();
        });
      }
    });
    rows.push(row('baseline: fetch() with If-None-Match, concurrency 8, nothing stored', baseline));

    // Every poll finds one new item: parse, article, store.
    await server.advance(3600_000);
    const changed = await measure(SOURCES, async () => {
      const cycle = await poller(8).pollAll();
      if (cycle.articleIds.length !== SOURCES) throw new Error(`expected ${SOURCES} new articles, got ${cycle.articleIds.length}`);
    });
    rows.push(row('poll, every feed has one new item (parse, article, store), concurrency 8', changed));

    const cpu304 = Number(rows[0]!.figures['core % at 5.6 polls/s']);
    const ratio = (Number(rows[0]!.figures['CPU µs/poll']!.replace(/,/g, '')) / Number(rows[2]!.figures['CPU µs/poll']!.replace(/,/g, ''))).toFixed(1);
    return {
      suite: 'poll',
      method: `${SOURCES.toLocaleString('en-US')} sources on a loopback feed server in another process (bench/_poll-server.ts); ` +
        `${ROUNDS} rounds of \`Poller.pollAll\` (SQLite store, per-host cap 2) after an untimed first read of every feed. ` +
        'CPU is this process\'s (process.cpuUsage), server excluded. "core % at 5.6 polls/s" is CPU per poll × 5,000 sources / 15 min.',
      rows,
      notes: [
        `At the target rate (5,000 sources every 15 minutes) a quiet poll cycle costs ${cpu304} % of one core (target: under 20 %).`,
        `A 304 poll costs ${ratio}× the CPU of the baseline fetch(): a fresh connection per request (no pooled sockets across address policies), the SQLite state write and poll log.`,
        'polls/s depends on what else the machine runs; CPU per poll is the stable figure.',
      ],
    };
  } finally {
    server.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
