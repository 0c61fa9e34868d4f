/**
 * `npm run bench -- pgstories`: the story state on PostgreSQL — one new article clustered and
 * visible in its story, at 1k and 10k stored articles, through the story tables
 * (src/store/postgres/stories.ts) and, as the baseline in the same run, through the one JSON value
 * PostgreSQL kept before them (src/store/json-stories.ts over a stage_state row, as the engine
 * stored it); and the bytes of story state per article, by table.
 *
 * Each step: `store.stories.assign([article], { consolidate: true })`, then `stories.ofArticle`
 * must list the article — what the lease holder does for a trickle of articles, and what a reader
 * then sees. "warm": the process that wrote the previous batch (the lease holder, keeping what it
 * loaded); "cold": a process that never wrote (a fresh store handle; connecting excluded).
 * Stream: bench/stories.ts `synthesise` (real BSNLP paragraphs recombined into synthetic events,
 * features precomputed), built up in batches of BUILD_CHUNK with a consolidation each. PostgreSQL
 * runs with its durable defaults in a throw-away cluster (test/helpers/postgres.ts), or on
 * KRONIKA_TEST_POSTGRES. KRONIKA_BENCH_PG_SIZES=1000,10000 sets the sizes.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createStoryEngine } from '../src/stories/engine.ts';
import type { ArticleFeatures } from '../src/stories/features.ts';
import { JsonStoryStore, STORY_STATE_VERSION, StoryStateCache, type StoryStateCell } from '../src/store/json-stories.ts';
import { openPostgresStore } from '../src/store/postgres/index.ts';
import { STORY_TABLES } from '../src/store/postgres/story-tables.ts';
import type { Store } from '../src/store/store.ts';
import { admin, createTestDatabase, startCluster } from '../test/helpers/postgres.ts';
import { loadParagraphs, synthesise } from './stories.ts';
import type { BenchReport, BenchRow } from './report.ts';

const SIZES: readonly number[] = process.env.KRONIKA_BENCH_PG_SIZES?.split(',').map(Number) ?? [1_000, 10_000];
const BUILD_CHUNK = 1_000;
const WARM = 10;
const COLD = 3;
/** The JSON baseline rewrites the whole state per article: fewer probes. */
const JSON_WARM = 3;
const JSON_COLD = 2;
const PROBES = WARM + COLD + JSON_WARM + JSON_COLD;

export async function run(): Promise<BenchReport> {
  const own = process.env.KRONIKA_TEST_POSTGRES ? undefined : await startCluster({ durable: true });
  if (own) process.env.KRONIKA_TEST_POSTGRES = own.url;
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  try {
    const stream = synthesise(loadParagraphs(), SIZES[SIZES.length - 1]! + SIZES.length * PROBES);
    const tablesDb = await createTestDatabase();
    const jsonDb = await createTestDatabase();
    const tables = await openPostgresStore(tablesDb.url);
    const cellStore = await jsonCell(jsonDb.url);
    const engine = createStoryEngine();
    let jsonCache = new StoryStateCache();
    try {
      let at = 0;
      for (const n of SIZES) {
        const label = n.toLocaleString('en-US');
        // Build both states to n articles (untimed beyond the build rate).
        const t0 = performance.now();
        let tablesAt = at;
        for (; tablesAt < n; tablesAt = Math.min(n, tablesAt + BUILD_CHUNK)) {
          await tables.stories.assign(inputs(stream.slice(tablesAt, Math.min(n, tablesAt + BUILD_CHUNK))), { consolidate: true });
        }
        const buildMs = performance.now() - t0;
        for (let k = at; k < n; k += BUILD_CHUNK) {
          for (const f of stream.slice(k, Math.min(n, k + BUILD_CHUNK))) engine.add(f);
          engine.consolidate();
        }
        await cellStore.put({ version: STORY_STATE_VERSION, known: n, engine: engine.serialise(), names: {} });
        jsonCache = new StoryStateCache();
        at = n;

        const probes = stream.slice(at, at + PROBES);
        let p = 0;
        const next = (k: number) => probes.slice(p, (p += k));
        // Tables: both the warm writer and fresh ones take articles in turn from one stream.
        const warm = await timedEach(next(WARM), (f) => oneArticle(tables, f));
        const cold: number[] = [];
        for (const f of next(COLD)) {
          const fresh = await openPostgresStore(tablesDb.url);
          try {
            cold.push(...await timedEach([f], (g) => oneArticle(fresh, g)));
          } finally {
            await fresh.close();
          }
        }
        // JSON: the same articles on their own state (its writer kept the engine it last saved).
        const jsonStories = () => new JsonStoryStore(cellStore.cell, jsonCache);
        await oneArticle({ stories: jsonStories() }, probes[0]!); // loads the cache, as the lease holder would have
        const jsonWarm = await timedEach(next(JSON_WARM), (f) => oneArticle({ stories: jsonStories() }, f));
        const jsonCold = await timedEach(next(JSON_COLD), (f) => {
          jsonCache = new StoryStateCache();
          return oneArticle({ stories: jsonStories() }, f);
        });
        at += p;

        const bytes = await tableBytes(tablesDb.url);
        const perArticle = (b: number) => (b / n / 1024).toFixed(2);
        const jsonBytes = await cellStore.bytes();
        rows.push({ name: `tables, ${label} stored: one article, warm (lease holder)`, figures: { ...figures(warm), 'state KB/article': perArticle(bytes.total) } });
        rows.push({ name: `tables, ${label} stored: one article, cold (new process)`, figures: figures(cold) });
        rows.push({ name: `baseline: JSON, ${label} stored: one article, warm`, figures: { ...figures(jsonWarm), 'state KB/article': perArticle(jsonBytes.relation) } });
        rows.push({ name: `baseline: JSON, ${label} stored: one article, cold`, figures: figures(jsonCold) });
        rows.push({ name: `tables, build to ${label} in batches of ${BUILD_CHUNK.toLocaleString('en-US')}`, figures: { 'articles/s': (n / (buildMs / 1000)).toFixed(0) } });
        const listed = await timedEach([0, 1, 2], () => tables.stories.list({ limit: 20 }));
        rows.push({ name: `tables, ${label} stored: stories list (first 20 events)`, figures: figures(listed) });
        notes.push(`Story tables at ${label} stored, bytes per article by table: ${Object.entries(bytes.byTable).filter(([, b]) => b > 0)
          .sort((a, b) => b[1] - a[1]).map(([table, b]) => `${table} ${(b / n).toFixed(0)}`).join(', ')}.`);
        notes.push(`At ${label} stored: one article through the tables costs ${ratio(jsonWarm, warm)}× less than through the JSON value with a warm writer `
          + `(${median(warm).toFixed(0)} vs ${median(jsonWarm).toFixed(0)} ms), ${ratio(jsonCold, cold)}× less cold (${median(cold).toFixed(0)} vs ${median(jsonCold).toFixed(0)} ms); `
          + `state on disk after VACUUM FULL ${perArticle(bytes.total)} KB/article in tables vs ${perArticle(jsonBytes.relation)} KB/article for the JSON row `
          + `(TOAST-compressed; ${(jsonBytes.text / n / 1024).toFixed(2)} KB/article as text, rewritten whole at every commit); as written, before vacuuming: `
          + `${perArticle(bytes.written)} vs ${perArticle(jsonBytes.written)} KB/article.`);
      }
    } finally {
      await Promise.all([tables.close(), cellStore.close()]);
      await tablesDb.drop();
      await jsonDb.drop();
    }
  } finally {
    if (own) {
      delete process.env.KRONIKA_TEST_POSTGRES;
      own.stop();
    }
  }
  return {
    suite: 'pgstories',
    method: `Story state on PostgreSQL 15 (durable defaults): bench/pgstories.ts. A synthetic stream of real BSNLP paragraphs (bench/stories.ts \`synthesise\`) is clustered into the story tables through \`store.stories.assign\` in batches of ${BUILD_CHUNK} (each consolidated), and into the JSON value the PostgreSQL engine kept before (src/store/json-stories.ts over a stage_state row) in the same run; then at each size one article at a time is assigned with consolidation and read back with \`stories.ofArticle\`: ${WARM} by the writer that built the state (warm: the lease holder) and ${COLD} by fresh store handles (cold: a process that never wrote; connecting excluded); the JSON baseline ${JSON_WARM} warm and ${JSON_COLD} cold. Bytes: pg_total_relation_size of each story table (heap, TOAST and indexes) over the articles stored, after VACUUM FULL (live rows) and as written; for the JSON value, of stage_state likewise.`,
    rows,
    notes,
  };
}

function inputs(features: readonly ArticleFeatures[]) {
  return features.map((f) => ({ features: f, names: [] }));
}

/** Assigns one article with consolidation and checks its story lists it. */
async function oneArticle(store: Pick<Store, 'stories'>, f: ArticleFeatures): Promise<void> {
  await store.stories.assign([{ features: f, names: [] }], { consolidate: true });
  const story = await store.stories.ofArticle(f.articleId);
  if (!story?.articleIds.includes(f.articleId)) throw new Error(`bench: ${f.articleId} is not visible in its story`);
}

async function timedEach<T>(items: readonly T[], step: (item: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await step(item);
    out.push(performance.now() - t0);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ratio(baseline: readonly number[], measured: readonly number[]): string {
  return (median(baseline) / median(measured)).toFixed(1);
}

function figures(ms: readonly number[]): Record<string, string> {
  return { 'ms (median)': median(ms).toFixed(1), 'ms (max)': Math.max(...ms).toFixed(1) };
}

/**
 * On-disk bytes of each story table with its TOAST and indexes, after VACUUM FULL (the rows that
 * are live: updated rows leave dead versions that autovacuum hands back for reuse), and the total
 * before it (as written).
 */
async function tableBytes(url: string): Promise<{ total: number; written: number; byTable: Record<string, number> }> {
  return admin(url, async (client) => {
    const sizes = async () => {
      const { rows } = await client.query<{ table: string; bytes: string }>(`SELECT t AS table, pg_total_relation_size(t) AS bytes
        FROM unnest($1::text[]) t`, [STORY_TABLES]);
      return Object.fromEntries(rows.map((r) => [r.table, Number(r.bytes)]));
    };
    const sum = (byTable: Record<string, number>) => Object.values(byTable).reduce((a, b) => a + b, 0);
    const written = sum(await sizes());
    await client.query(`VACUUM FULL ${STORY_TABLES.join(', ')}`);
    const byTable = await sizes();
    return { total: sum(byTable), written, byTable };
  });
}

/**
 * The JSON baseline's cell: the engine state in a stage_state row, read and written as the
 * PostgreSQL engine did before the story tables (one transaction under the stories lock).
 */
async function jsonCell(url: string): Promise<{ cell: StoryStateCell; put(value: unknown): Promise<void>; bytes(): Promise<{ relation: number; written: number; text: number }>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const name = 'stories';
  const write = async (value: string, revision: string) => {
    await client.query(`INSERT INTO stage_state (name, value, updated_at, revision) VALUES ($1, $2, $3, $4)
      ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, revision = excluded.revision`,
    [name, value, new Date().toISOString(), revision]);
  };
  const read = async () => (await client.query<{ value: string; revision: string | null }>('SELECT value, revision FROM stage_state WHERE name = $1', [name])).rows[0];
  const cell: StoryStateCell = {
    async revision() {
      const row = await read();
      return row ? row.revision ?? '' : undefined;
    },
    async read() {
      const row = await read();
      return row && { value: JSON.parse(row.value), revision: row.revision ?? '' };
    },
    async update(change, revision) {
      await client.query('BEGIN');
      try {
        const row = await read();
        const { next, result } = change(row && { revision: row.revision ?? '', get value() { return JSON.parse(row.value); } });
        await write(JSON.stringify(next), revision);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
  return {
    cell,
    put: (value) => write(JSON.stringify(value), `built-${Date.now()}`),
    async bytes() {
      const size = async () => Number((await client.query<{ n: string }>(`SELECT pg_total_relation_size('stage_state') AS n`)).rows[0]!.n);
      const written = await size();
      await client.query('VACUUM FULL stage_state');
      const { rows } = await client.query<{ text: string }>('SELECT octet_length(value) AS text FROM stage_state WHERE name = $1', [name]);
      return { relation: await size(), written, text: Number(rows[0]!.text) };
    },
    close: () => client.end(),
  };
}
