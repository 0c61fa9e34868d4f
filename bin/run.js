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
import { setFlagsFromString } from 'node:v8';
import { DIST, SOURCE_HASH_FILE, SRC, sourceHash } from './sources.js';

// A command mostly runs each function of a report or an analysis over a few thousand sentences,
// once: with V8's default budget (67584) its optimising compiler rebuilds some 200 functions of it
// on background threads, which on `kronika report` of a 131-article story took more CPU than the
// command itself (about 1.6 s of CPU for 0.5 s of synthesis on the main thread). Tiering up later
// leaves the short-lived code in the baseline tiers; what a long batch or the server runs hot still
// gets optimised. Set before any module of src/ is loaded, so it applies to all of them.
// 2.4M: `report` of the 131-article development story 1.6 → 1.0 s CPU, 56 articles 0.9 → 0.6 s,
// `reanalyse` of 884 articles 14.1 → 12.1 s; 0.6M gave 1.0 / 0.63 s (2026-12, the development store).
// The commands that run for hours — the server with its polling stream, a worker — run the same code
// over every article they are given: there the late tier-up only keeps the hot code slow longer
// (bench/workers.ts, 1,000 articles after a 200-article warm-up: one worker 46 → 63 articles/s with
// V8's default budget, the SQLite stream 68 → 74), so they keep the default.
const LONG_RUNNING = new Set(['serve', 'worker']);
if (!LONG_RUNNING.has(process.argv[2])) setFlagsFromString('--interrupt-budget=2400000');

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
