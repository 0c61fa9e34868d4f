/**
 * A current store is opened and read without loading what only writes or migrations run: the
 * migrations (src/store/sqlite/migrations/index.ts), the story writer and the story engine under it.
 * `kronika report` and the other read commands start faster for it (docs/BENCHMARKS.md).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../../src/store/sqlite/index.ts';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations/index.ts';
import { MIGRATION_VERSIONS } from '../../../src/store/sqlite/migrations/versions.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'kronika-lazy-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('versions.ts lists every migration file, in order, and index.ts gives each its up()', () => {
  const files = readdirSync(join(ROOT, 'src/store/sqlite/migrations')).filter((f) => /^\d{3}-/.test(f)).sort();
  assert.deepEqual(MIGRATION_VERSIONS.map((m) => m.version), files.map((f) => Number(f.slice(0, 3))));
  assert.deepEqual(MIGRATIONS.map((m) => [m.version, m.name]), MIGRATION_VERSIONS.map((m) => [m.version, m.name]));
  for (const m of MIGRATIONS) assert.equal(typeof m.up, 'function', `migration ${m.version}`);
});

test('opening a current store and listing its stories loads no migration, story writer or story engine', async () => {
  const path = join(root, 'k.db');
  await (await openSqliteStore(path)).close(); // created and migrated here
  // The child logs every module it resolves (a resolve hook), then opens the file and reads it.
  const hook = `data:text/javascript,export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('resolved ' + r.url + '\\n'); return r; }`;
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(hook)});`;
  const script = `const { openSqliteStore } = await import('./src/store/sqlite/index.ts');
    const store = await openSqliteStore(${JSON.stringify(path)});
    await store.stories.list({ level: 'event' });
    await store.close();`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', register, '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const loaded = child.stderr.split('\n').filter((l) => l.startsWith('resolved file:')).map((l) => l.slice('resolved '.length));
  assert.ok(loaded.some((url) => url.endsWith('/src/store/sqlite/story-store.ts')), 'the hook saw the store modules');
  for (const unwanted of ['/src/store/sqlite/migrations/index.ts', '/src/store/sqlite/migrations/001-articles.ts', '/src/store/sqlite/story-writer.ts', '/src/stories/engine.ts']) {
    assert.ok(!loaded.some((url) => url.endsWith(unwanted)), `${unwanted} was loaded`);
  }
});
