import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import type { Alert } from '../../src/watch/index.ts';
import { SEEDS, startReceiver, tempDb } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/cli/main.ts');

/** Runs the CLI in a child process without blocking this one (the test's webhook must answer). */
function kronika(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
  });
}

const jsonLines = (s: string) => s.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

test('watch add; ingest keeps stdout alerts out of its own output; watch run prints each once with the story URL; list and remove', async () => {
  const db = tempDb();
  try {
    const added = await kronika(['watch', 'add', 'Wostocznyj', '--stdout', '--lang', 'pl', '--json', '--db', db.path]);
    assert.equal(added.code, 0, added.stderr);
    const watch = JSON.parse(added.stdout);
    assert.equal(watch.query, 'Wostocznyj');
    assert.equal(watch.language, 'pl');

    const ingest = await kronika(['ingest', SEEDS, '--db', db.path]);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.equal(jsonLines(ingest.stdout).length, 0, 'no alert in the ingest output');
    assert.match(ingest.stdout, /^ingest: 5 stored/m);
    assert.match(ingest.stderr, /^alerts: 1 waiting for `kronika watch run`/m);

    const run = await kronika(['watch', 'run', '--db', db.path], { KRONIKA_BASE_URL: 'https://kronika.example' });
    assert.equal(run.code, 0, run.stderr);
    const alerts = jsonLines(run.stdout) as Alert[];
    assert.equal(alerts.length, 1, 'one seed matches: one alert line');
    assert.equal(alerts[0]!.watch, watch.id);
    assert.match(alerts[0]!.story?.url ?? '', /^https:\/\/kronika\.example\/stories\/\w+/);

    const rerun = await kronika(['watch', 'run', '--db', db.path]);
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.equal(jsonLines(rerun.stdout).length, 0, 'no repeat in a new process');

    const store = await openStore(db.path);
    try {
      const [saved] = await store.watches.list();
      assert.equal(saved?.pending, 0);
      assert.ok(saved?.lastFired, 'lastFired recorded');
    } finally {
      await store.close();
    }

    assert.equal((await kronika(['watch', 'remove', watch.id, '--db', db.path])).code, 0);
    assert.equal((await kronika(['watch', 'remove', watch.id, '--db', db.path])).code, 3, 'an unknown id is "not found"');
  } finally {
    db.dispose();
  }
});

test('watch add rejects a bad webhook; list shows a failing webhook', async () => {
  const db = tempDb();
  const receiver = await startReceiver([500]);
  try {
    const bad = await kronika(['watch', 'add', 'Putin', '--webhook', 'ftp://x', '--db', db.path]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /webhook/);

    assert.equal((await kronika(['watch', 'add', 'Wostocznyj', '--webhook', receiver.url, '--db', db.path])).code, 0);
    // The production back-off (0.5 s + 1 s) runs here once: this is the CLI as shipped.
    await kronika(['ingest', SEEDS, '--db', db.path], { KRONIKA_ALLOW_PRIVATE: '1' }); // the receiver is on loopback
    assert.equal(receiver.requests.length, 3, 'three tries of the one alert');
    const list = await kronika(['watch', 'list', '--db', db.path]);
    assert.match(list.stdout, /FAILING \(3 tries\): HTTP 500/, 'failure visible in watch list');
  } finally {
    await receiver.close();
    db.dispose();
  }
});
