/**
 * `npm run bench -- api`: HTTP throughput and tail latency of the API (issue 8 #4).
 *
 * The five seeds plus synthetic articles (seed sentences recombined, test/store/corpus.ts) to
 * 1,000, stored in a temporary SQLite file and indexed for search; the server listens on
 * 127.0.0.1 (port 0) and a client in the same process keeps 32 requests in flight until a fixed
 * number has been answered. Baseline: GET /health (no store access) in the same run, so the
 * ratio shows what each endpoint's own work costs over bare HTTP handling. Client and server
 * share one process and event loop, so absolute figures understate a dedicated server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app.ts';
import { startServer } from '../src/api/server.ts';
import { runStages } from '../src/app/stages.ts';
import { openStore } from '../src/store/index.ts';
import type { Published } from '../src/types.ts';
import { syntheticTexts } from '../test/store/corpus.ts';
import { makeArticle } from '../test/store/articles.ts';
import { seedArticles } from '../test/search/helpers.ts';
import { peakRssMb, type BenchReport } from './report.ts';

const ARTICLES = 1000;
const IN_FLIGHT = 32;
const REQUESTS = 3000;
/** Requests before measuring, so JIT, SQLite page cache and analysis memo are warm. */
const WARMUP = 300;
const QUERIES = ['Putin', 'wladywostok', 'pociąg', '"Korea Północna"', 'woj*', 'Kim Rosja', 'amunicji', 'Szojgu'];

interface Result {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Runs `count` requests with IN_FLIGHT concurrent workers; `path(i)` names the i-th request. */
async function load(base: string, path: (i: number) => string, count: number): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      const res = await fetch(base + path(i));
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const ms = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: (count * 1000) / ms, p50: at(0.5), p99: at(0.99), errors };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-api-'));
  const path = join(dir, 'api.db');
  const store = await openStore(path);
  try {
    const seeds = seedArticles();
    const synthetic = syntheticTexts(ARTICLES - seeds.length).map((text, i) => {
      const published: Published = { value: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, precision: 'day' };
      return makeArticle(text, { outlet: `Portal ${i % 20}`, published });
    });
    await store.articles.save([...seeds, ...synthetic]);
    const t0 = performance.now();
    await runStages(store);
    const indexed = await store.search.count();
    const indexMs = performance.now() - t0;
    const ids = (await store.articles.list({ limit: ARTICLES })).map((a) => a.id);

    const server = await startServer(createApp({ store }), { port: 0 });
    try {
      const endpoints: [string, (i: number) => string][] = [
        ['GET /health (baseline)', () => '/health'],
        ['GET /api/stats', () => '/api/stats'],
        ['GET /api/articles?limit=50', (i) => `/api/articles?limit=50&offset=${(i * 50) % ARTICLES}`],
        ['GET /api/articles/:id?analysis=0', (i) => `/api/articles/${ids[i % ids.length]}?analysis=0`],
        // The stored analysis, read and hydrated per request.
        ['GET /api/articles/:id (stored analysis)', (i) => `/api/articles/${ids[i % ids.length]}`],
        ['GET /api/search?q=…', (i) => `/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`],
        // Stories are clustered by the stages before the server starts; requests only read them.
        ['GET /api/stories?limit=20', () => '/api/stories?limit=20'],
        ['GET / (web page)', () => '/'],
        // The baseline again: the first run also warms the whole HTTP stack, so the better of
        // the two is the fair reference.
        ['GET /health (baseline, again)', () => '/health'],
      ];
      const results: [string, Result][] = [];
      for (const [name, path] of endpoints) {
        await load(server.url, path, WARMUP);
        results.push([name, await load(server.url, path, REQUESTS)]);
      }
      const baseline = Math.max(results[0]![1].rps, results.at(-1)![1].rps);
      return {
        suite: 'api',
        method: `${ARTICLES} articles (5 seeds + synthetic recombinations) in a SQLite file, analysed, indexed and clustered by the stages `
          + `(${indexed} articles in ${(indexMs / 1000).toFixed(1)} s, ${Math.round((indexed * 1000) / indexMs)} articles/s). `
          + `Server on 127.0.0.1, client in the same process with ${IN_FLIGHT} requests in flight, ${REQUESTS} requests `
          + `per endpoint after ${WARMUP} warm-up requests. Ratio = requests/s relative to GET /health measured in the same run.`,
        rows: results.map(([name, r]) => ({
          name,
          figures: {
            'req/s': Math.round(r.rps).toLocaleString('en-US'),
            'p50 ms': r.p50.toFixed(1),
            'p99 ms': r.p99.toFixed(1),
            'vs /health': (r.rps / baseline).toFixed(2),
            errors: String(r.errors),
          },
        })),
        notes: [
          `peak RSS ${peakRssMb().toFixed(0)} MB (client, server, store and analysis caches together)`,
        ],
      };
    } finally {
      await server.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
