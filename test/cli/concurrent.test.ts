/**
 * Concurrent writers lose nothing: two `kronika ingest` processes on one store while a server
 * answers readers. Both store everything and say so (exit 0), readers never get a 5xx while the
 * writers hold the file, and every article ends up analysed, indexed and in a story.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.ts';
import { startServer } from '../../src/api/server.ts';
import { stageLag } from '../../src/app/stages.ts';
import { openStore } from '../../src/store/index.ts';
import { syntheticTexts } from '../store/corpus.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
/** Enough for each ingest to commit several chunks and run every stage while the other writes. */
const PER_WRITER = 40;

function ingest(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, 'ingest', ...args], { timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
  });
}

test('two concurrent ingests and a reader: all articles stored and in stories, no 5xx, both report success', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-concurrent-'));
  const db = join(dir, 'kronika.db');
  const texts = syntheticTexts(2 * PER_WRITER, 77);
  const folders = ['a', 'b'].map((name, w) => {
    const folder = join(dir, name);
    mkdirSync(folder);
    texts.slice(w * PER_WRITER, (w + 1) * PER_WRITER).forEach((text, i) => writeFileSync(join(folder, `${name}-${i}.txt`), text));
    return folder;
  });
  const store = await openStore(db);
  const server = await startServer(createApp({ store, log: () => {} }), { port: 0 });
  const statuses: number[] = [];
  let writing = true;
  const reader = (async () => {
    while (writing) {
      for (const path of ['/api/stories', '/api/search?q=Putin', '/api/stats', '/api/articles?limit=5', '/stories']) {
        statuses.push((await fetch(`${server.url}${path}`)).status);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    // The chunk size makes each ingest commit several transactions, interleaving with the other's.
    const runs = await Promise.all(folders.map((folder) => ingest([folder, '--db', db])));
    writing = false;
    await reader;
    for (const run of runs) {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^ingest: ${PER_WRITER} stored`, 'm'), 'each says it stored everything');
      assert.doesNotMatch(run.stderr, /locked|busy|failed/i, run.stderr);
    }
    assert.ok(statuses.length > 0, 'the reader ran meanwhile');
    assert.deepEqual(statuses.filter((s) => s >= 500), [], 'no 5xx while writers held the file');
    assert.equal(await store.articles.count(), 2 * PER_WRITER);
    assert.deepEqual(await stageLag(store), { analyse: 0, index: 0, cluster: 0, alert: 0 }, 'every stage caught up');
    const { stories } = await store.stories.list({ limit: 10_000 });
    assert.equal(stories.reduce((n, s) => n + s.articles, 0), 2 * PER_WRITER, 'every article in exactly one event');
  } finally {
    writing = false;
    await reader;
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
