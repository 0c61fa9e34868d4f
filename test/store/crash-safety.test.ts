/**
 * Crash safety: a writer SIGKILLed in the middle of a batch loses that batch and nothing else, and
 * a re-run completes the job with no duplicates and no truncated text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { decodeText } from '../../src/store/sqlite/rows.ts';
import { stageLag } from '../../src/app/stages.ts';
import { syntheticTexts } from './corpus.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./_ingest-child.ts', import.meta.url));
const CLI = join(REPO, 'src/cli/main.ts');
/** Enough files for 30 chunks of 100, small enough to keep the whole file under ~20 s. */
const FILE_COUNT = 3000;
const CHUNK = 100;
/**
 * The CLI cleans, identifies language and fingerprints each file (~380 files/s in-process,
 * measured here on 2 shared cores), so its case uses a subset: still 4 chunks of its 200
 * (INGEST_CHUNK_SIZE), so a kill after the first commit lands mid-run.
 */
const CLI_FILE_COUNT = 800;

interface ChildRun {
  readonly lines: string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

interface Started {
  readonly kill: () => void;
  readonly finished: Promise<ChildRun>;
}

/** Starts a Node script under tsx; SIGKILLs it as soon as `killWhen` returns true for a stdout line. */
function startNode(args: readonly string[], killWhen?: (line: string) => boolean): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const finished = new Promise<ChildRun>((resolve, reject) => {
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (killWhen?.(line)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ lines, code, signal });
    });
  });
  return { kill: () => child.kill('SIGKILL'), finished };
}

function runNode(args: readonly string[], killWhen?: (line: string) => boolean): Promise<ChildRun> {
  return startNode(args, killWhen).finished;
}

/**
 * Polls the database through a read-only store until some articles are committed, then
 * SIGKILLs the writer. Returns how many articles were committed when the kill was sent.
 */
async function killWhenStored(dbPath: string, started: Started): Promise<number> {
  let exited = false;
  void started.finished.then(() => { exited = true; }, () => { exited = true; });
  while (!exited) {
    await new Promise((r) => setTimeout(r, 20));
    let count = 0;
    try {
      const reader = await openSqliteStore(dbPath, { readonly: true });
      try { count = await reader.articles.count(); } finally { await reader.close(); }
    } catch {
      continue; // not created or not migrated yet
    }
    if (count > 0) {
      started.kill();
      return count;
    }
  }
  throw new Error('the writer finished before anything was seen committed');
}

/** Every check the issue asks for, on the database as a fresh process would find it. */
function assertComplete(dbPath: string, files: ReadonlyMap<string, string>): void {
  const db = new Database(dbPath);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check');
    assert.deepEqual(db.pragma('foreign_key_check'), [], 'foreign_key_check');
    assert.equal(db.prepare('SELECT COUNT(*) FROM articles').pluck().get(), files.size, 'one article per distinct file');
    assert.equal(db.prepare('SELECT COUNT(DISTINCT id) FROM articles').pluck().get(), files.size, 'distinct ids');
    assert.equal(db.prepare('SELECT COUNT(DISTINCT origin) FROM articles').pluck().get(), files.size, 'distinct origins');
    assert.equal(db.prepare('SELECT COUNT(DISTINCT seq) FROM articles').pluck().get(), files.size, 'distinct ingest order');
    const rows = db.prepare('SELECT origin, text FROM articles').all() as { origin: string; text: string | Buffer }[];
    const truncated = rows.filter((r) => files.get(r.origin) !== decodeText(r.text)).map((r) => r.origin);
    assert.deepEqual(truncated, [], 'every text equals its file');
    const orphanBands = db.prepare('SELECT COUNT(*) FROM article_bands WHERE article_id NOT IN (SELECT id FROM articles)').pluck().get();
    assert.equal(orphanBands, 0, 'no band rows of rolled-back articles');
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  let root = '';
  let corpus = '';
  let cliCorpus = '';
  const files = new Map<string, string>();
  const cliFiles = new Map<string, string>();

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kronika-crash-'));
    corpus = join(root, 'corpus');
    cliCorpus = join(root, 'cli-corpus');
    mkdirSync(corpus);
    mkdirSync(cliCorpus);
    syntheticTexts(FILE_COUNT).forEach((text, i) => {
      const name = `${String(i).padStart(5, '0')}.txt`;
      writeFileSync(join(corpus, name), text);
      files.set(join(corpus, name), text);
      if (i >= CLI_FILE_COUNT) return;
      writeFileSync(join(cliCorpus, name), text);
      cliFiles.set(join(cliCorpus, name), text);
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('SIGKILL inside a transaction loses only that chunk; a re-run completes cleanly', async () => {
    const dbPath = join(root, 'child.db');
    // Stall halfway through chunk 13: twelve chunks are committed, the thirteenth is half-inserted.
    const stallAt = 12 * CHUNK + CHUNK / 2;
    const killed = await runNode([CHILD, dbPath, corpus, String(CHUNK), String(stallAt)], (line) => line === 'stalled');
    assert.equal(killed.signal, 'SIGKILL', 'the child was killed, not finished');
    assert.equal(killed.lines.at(-2), `progress ${12 * CHUNK}`, 'last committed chunk reported');

    const store = await openSqliteStore(dbPath);
    try {
      assert.equal(await store.articles.count(), 12 * CHUNK, 'exactly the committed chunks survive');
    } finally {
      await store.close();
    }

    const rerun = await runNode([CHILD, dbPath, corpus, String(CHUNK)]);
    assert.equal(rerun.lines.at(-1), `done ${FILE_COUNT}`);
    assertComplete(dbPath, files);
  });

  test('the real CLI `ingest`, SIGKILLed mid-run and re-run, stores every file once', async (t) => {
    if (!existsSync(CLI)) return t.skip('src/cli/main.ts is missing');
    const dbPath = join(root, 'cli.db');
    // Storing is what this checks; the stages' own restart from their cursors is test/app/stages.test.ts's.
    const args = [CLI, 'ingest', cliCorpus, '--db', dbPath, '--no-stages'];
    // The CLI prints no progress when not on a terminal: kill it once a reader sees rows land.
    const started = startNode(args);
    const committed = await killWhenStored(dbPath, started);
    const killed = await started.finished;
    assert.equal(killed.signal, 'SIGKILL', `killed mid-run after ${committed} of ${CLI_FILE_COUNT} articles`);
    await runNode(args);
    // The corpus is clean prose, so cleaning must keep each file's text verbatim.
    assertComplete(dbPath, cliFiles);
    const store = await openSqliteStore(dbPath, { readonly: true });
    try {
      assert.equal((await stageLag(store)).analyse, CLI_FILE_COUNT, 'the stages were left for later, as asked');
    } finally {
      await store.close();
    }
  });
});
