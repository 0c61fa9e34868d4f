#!/usr/bin/env node
/**
 * Starts a Kronika entry point (a module path under src/ without extension, e.g. `cli/main`):
 * the compiled dist/<entry>.js when dist/ was built from exactly the sources in src/ (see
 * scripts/build.mjs), else the TypeScript itself through tsx, with a note on stderr, so an old
 * build is never run in place of newer sources.
 *   node bin/run.js cli/demo
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, SOURCE_HASH_FILE, SRC, sourceHash } from './sources.js';

function builtHash() {
  const file = join(DIST, SOURCE_HASH_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

export async function run(entry) {
  const built = builtHash();
  if (built && built === sourceHash()) return import(pathToFileURL(join(DIST, `${entry}.js`)).href);
  process.stderr.write(`kronika: ${built ? 'dist/ does not match src/' : 'no dist/ build'}: running the TypeScript sources (slower start; npm run build compiles them)\n`);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(SRC, `${entry}.ts`)).href);
}

if (import.meta.filename === process.argv[1]) {
  const entry = process.argv[2];
  if (!entry || !/^[\w/-]+$/.test(entry)) {
    process.stderr.write('usage: node bin/run.js <module under src/, e.g. cli/demo>\n');
    process.exit(2);
  }
  await run(entry);
}
