/**
 * bin/sources.js: the module list scripts/build.mjs compiles and bin/run.js hashes at every start
 * (walked by hand rather than with readdirSync's recursive option): the same paths either way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

/** Plain JavaScript with no declarations: imported by a path typed here. */
const SOURCES: string = '../../bin/sources.js';
const { SRC, sourceFiles } = (await import(SOURCES)) as { SRC: string; sourceFiles: () => string[] };

test('sourceFiles lists every module under src/ once, sorted, without tests and declarations', () => {
  const files: string[] = sourceFiles();
  const recursive = (readdirSync(SRC, { recursive: true }) as string[])
    .map((f) => String(f).split('\\').join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
  assert.deepEqual(files, recursive);
  assert.ok(files.includes('cli/main.ts') && files.includes('store/sqlite/migrations/versions.ts'), 'nested folders are walked');
  assert.ok(files.every((f) => !f.startsWith('/') && !f.includes('\\') && !f.endsWith('.test.ts')));
  assert.deepEqual(files, [...files].sort());
  assert.equal(new Set(files).size, files.length);
});
