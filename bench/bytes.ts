/**
 * `npm run bench -- bytes`: bytes per stored article on disk, table by table, on the 1,000-article
 * store bench/scale.ts builds through the real pipeline (ingest, analyse, index, cluster).
 *
 * Baseline in the same run: $KRONIKA_BYTES_BASELINE, a store written by an earlier version of the
 * code (main's, built the same way), measured as it is and again after this code's migrations
 * converted a copy of it — the migrated copy must hold what the fresh store holds.
 *
 * With $KRONIKA_BYTES_POSTGRES (a server URL whose user may create databases) the same store is
 * also imported into a fresh PostgreSQL database (`importSqlite`, as `kronika migrate --to`) and
 * measured there after VACUUM ANALYZE: pg_total_relation_size of every table (heap, TOAST,
 * indexes, free-space and visibility maps) over the articles stored; then once more with its
 * search and story tables grown batch by batch as workers grow them, where replaced and updated
 * rows leave free space that an import (which rewrites its search table) does not.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runStages } from '../src/app/stages.ts';
import { importSqlite } from '../src/store/postgres/import-sqlite.ts';
import { openStore } from '../src/store/index.ts';
import { processArticles } from '../src/worker/article.ts';
import { FETCH_BATCH } from '../src/worker/index.ts';
import { CLUSTER_BATCH } from '../src/worker/lease.ts';
import { built, cachedStream, paragraphs } from './scale.ts';
import type { BenchReport, BenchRow } from './report.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const DIR = join(REPO, 'tmp/bench-scale');
/** Articles in the store measured: $KRONIKA_BYTES_SIZE (default 1,000; small tables' fixed pages weigh less on a larger store). */
const SIZE = Number(process.env.KRONIKA_BYTES_SIZE ?? 1000);
const BASELINE = process.env.KRONIKA_BYTES_BASELINE;
/** What wrote the baseline store, for the report (e.g. "main at 2b15152"). */
const BASELINE_LABEL = process.env.KRONIKA_BYTES_BASELINE_LABEL ?? 'baseline';

/** What each table is for, as docs/BENCHMARKS.md reports it. */
function kind(name: string): string {
  const table = name.replace(/^sqlite_autoindex_(.*)_\d+$/, '$1');
  if (table.startsWith('search')) return 'search';
  if (table.startsWith('analyses')) return 'analyses';
  if (table.startsWith('analysis_')) return 'analysis digests';
  if (table.startsWith('stor') || table === 'stage_state' || table === 'entity_names') return 'stories';
  if (table.startsWith('article_bands')) return 'near-duplicate bands';
  if (table.startsWith('articles')) return 'articles';
  return 'other';
}

interface Footprint {
  readonly file: number;
  readonly kinds: Record<string, number>;
  readonly tables: Record<string, number>;
}

function checkpointed(path: string): void {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Bytes per article: the file after a checkpoint, and per table and kind (SQLite's dbstat). */
export function footprint(path: string, articles: number): Footprint {
  checkpointed(path);
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const kinds: Record<string, number> = {};
    const tables: Record<string, number> = {};
    for (const r of rows) {
      kinds[kind(r.name)] = (kinds[kind(r.name)] ?? 0) + r.bytes / articles;
      tables[r.name] = r.bytes / articles;
    }
    return { file: statSync(path).size / articles, kinds, tables };
  } finally {
    db.close();
  }
}

/** A copy of `path` converted by this code's migrations (openStore runs them), then vacuumed as a user would. */
async function migratedCopy(path: string): Promise<string> {
  const copy = join(DIR, `bytes-migrated-${SIZE}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(path, copy);
  const store = await openStore(copy);
  await store.close();
  const db = new Database(copy);
  db.exec('VACUUM');
  db.close();
  return copy;
}

const POSTGRES = process.env.KRONIKA_BYTES_POSTGRES;

async function adminQuery<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Empties the imported store's search and story tables and grows them again as PostgreSQL
 * workers do (src/worker/): for every CLUSTER_BATCH articles in seq order, their search rows in
 * writes of a worker's FETCH_BATCH jobs (src/worker/article.ts, from the stored analyses), then
 * the lease holder's clustering pass over them (src/worker/lease.ts); the stories consolidated at
 * the end. Articles and analyses stay as imported: a worker writes each once.
 */
async function growAsWorkers(url: string): Promise<void> {
  await adminQuery(url, 'TRUNCATE search_documents, search_postings, search_segments');
  const store = await openStore(url);
  try {
    await store.stories.clear();
    for (const stage of ['analyse', 'index', 'cluster', 'alert']) await store.cursors.reset(stage, 0);
    for (let seq = 0; ;) {
      const page = await store.articles.after(seq, CLUSTER_BATCH);
      if (page.length === 0) break;
      for (let i = 0; i < page.length; i += FETCH_BATCH) {
        const results = await processArticles(store, page.slice(i, i + FETCH_BATCH).map((a) => a.id));
        for (const [id, outcome] of results) if (outcome instanceof Error) throw new Error(`bytes: article ${id}: ${outcome.message}`);
      }
      seq = page.at(-1)!.seq;
      await store.cursors.advance('analyse', seq);
      await store.cursors.advance('index', seq);
      const report = await runStages(store, { stages: ['cluster'], consolidate: false });
      if (report.failed) throw new Error(`bytes: ${report.failed.stage}: ${report.failed.error}`);
    }
    await store.stories.consolidate();
  } finally {
    await store.close();
  }
}

/**
 * Bytes per article of the store imported into a fresh PostgreSQL database, per table and kind;
 * `grown`: its search and story tables grown again as workers grow them (growAsWorkers).
 */
async function postgresFootprint(path: string, server: string, grown = false): Promise<Footprint> {
  const name = `kronika_bytes_${process.pid}`;
  const url = new URL(server);
  const admin = url.toString();
  url.pathname = `/${name}`;
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  try {
    const report = await importSqlite(path, url.toString());
    if (!report.identical) throw new Error(`bytes: the PostgreSQL import differs: ${JSON.stringify(report.checks.filter((c) => !c.equal))}`);
    if (grown) await growAsWorkers(url.toString());
    await adminQuery(url.toString(), 'VACUUM ANALYZE');
    const rows = await adminQuery<{ name: string; bytes: string }>(url.toString(), `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    const [{ n }] = await adminQuery<{ n: string }>(url.toString(), 'SELECT COUNT(*) AS n FROM articles') as [{ n: string }];
    const articles = Number(n);
    const kinds: Record<string, number> = {};
    const tables: Record<string, number> = {};
    let total = 0;
    for (const r of rows) {
      const bytes = Number(r.bytes);
      total += bytes;
      kinds[kind(r.name)] = (kinds[kind(r.name)] ?? 0) + bytes / articles;
      tables[r.name] = bytes / articles;
    }
    return { file: total / articles, kinds, tables };
  } finally {
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const round = (n: number | undefined) => (n === undefined ? '-' : Math.round(n).toLocaleString('en-US'));

export async function run(): Promise<BenchReport> {
  mkdirSync(DIR, { recursive: true });
  const articles = cachedStream(SIZE, paragraphs());
  const { path } = await built(SIZE, articles);
  const measured: [string, Footprint][] = [];
  if (BASELINE) {
    measured.push([`${BASELINE_LABEL} (as written)`, footprint(BASELINE, SIZE)]);
    measured.push([`${BASELINE_LABEL}, migrated by this code (then VACUUM)`, footprint(await migratedCopy(BASELINE), SIZE)]);
  }
  measured.push(['this code, fresh', footprint(path, SIZE)]);
  if (POSTGRES) {
    measured.push(['this code, PostgreSQL (imported, VACUUM ANALYZE)', await postgresFootprint(path, POSTGRES)]);
    measured.push(['this code, PostgreSQL (search and stories grown as workers grow them, VACUUM ANALYZE)', await postgresFootprint(path, POSTGRES, true)]);
  }
  const kinds = ['search', 'articles', 'analyses', 'stories', 'near-duplicate bands', 'other'];
  const rows: BenchRow[] = measured.map(([name, f]) => ({
    name,
    figures: {
      ...Object.fromEntries(kinds.map((k) => [`${k} B`, round(f.kinds[k])])),
      'file B / article': round(f.file),
      'KB / article': (f.file / 1024).toFixed(2),
    },
  }));
  const notes = measured.map(([name, f]) => `${name}, per table: ${Object.entries(f.tables).sort((a, b) => b[1] - a[1])
    .filter(([, v]) => v > 16).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}.`);
  return {
    suite: 'bytes',
    method: `Bytes per article of the ${SIZE.toLocaleString('en-US')}-article store bench/scale.ts builds (real BSNLP paragraphs, `
      + 'the real pipeline), after a WAL checkpoint; per table from SQLite\'s dbstat'
      + (POSTGRES ? '; PostgreSQL: the same store imported into a fresh database, after VACUUM ANALYZE, pg_total_relation_size of every table (heap, TOAST, indexes) in "file B"; '
        + `"grown": the import's search and story tables emptied and grown again as workers do (${CLUSTER_BATCH} articles a clustering pass, search rows ${FETCH_BATCH} a write).` : '.'),
    rows,
    notes,
  };
}
