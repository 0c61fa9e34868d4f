/**
 * `npm run eval [-- [suite…] [data-folder]]`: quality scorers on labelled data.
 * Each suite is a module `eval/<name>.ts` exporting `run(dataPath?: string): Promise<EvalResult>`.
 *
 * - No data folder given: suites read ../shared/data beside the repository; a suite whose data is
 *   absent returns `{ skipped: reason }` and the run still succeeds (machines without the data).
 * - A data folder given (`npm run eval -- ../shared/data`, as .ci/run does): every suite reads it,
 *   and a suite that finds no data there FAILS the run — CI must never pass by skipping.
 * - `npm run eval -- <suite> <path>` keeps the older form: that path goes to the suite itself.
 * A suite below its floor in eval/baseline.json fails the run (exit 1).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EvalResult } from './types.ts';

const here = new URL('.', import.meta.url);
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const args = process.argv.slice(2).filter((a) => a !== '' && !a.startsWith('-'));
const suites = args.filter((a) => available.includes(a));
const paths = args.filter((a) => !available.includes(a));
const unknown = paths.filter((p) => !existsSync(p) || !statSync(p).isDirectory());
if (unknown.length > 0 || paths.length > 1) {
  console.error(`eval: ${unknown.length ? `not a suite or a folder: ${unknown.join(', ')}` : `one data folder at most: ${paths.join(', ')}`}`
    + ` (suites: ${available.join(', ')})`);
  process.exit(2);
}
// With one suite, a path is that suite's own argument (the older form); otherwise it is the data root.
const suitePath = suites.length === 1 && paths.length === 1 ? resolve(paths[0]) : undefined;
const dataRoot = suitePath === undefined && paths.length === 1 ? resolve(paths[0]) : undefined;
if (dataRoot) process.env.KRONIKA_DEV_DATA = dataRoot;

const baselineFile = new URL('baseline.json', here);
const floors: Record<string, Record<string, number>> = existsSync(baselineFile)
  ? JSON.parse(readFileSync(baselineFile, 'utf8'))
  : {};

let failed = false;
for (const name of suites.length ? suites : available) {
  const mod = (await import(new URL(`${name}.ts`, here).href)) as {
    run: (dataPath?: string) => Promise<EvalResult>;
  };
  const result = await mod.run(suitePath);
  if (result.skipped) {
    const required = dataRoot !== undefined || suitePath !== undefined;
    if (required) failed = true;
    console.log(`${name}: ${required ? 'FAILED: no data' : 'skipped'} (${result.skipped})`);
    continue;
  }
  for (const [metric, value] of Object.entries(result.metrics)) {
    const floor = floors[name]?.[metric];
    const below = floor !== undefined && value < floor - 1e-9;
    if (below) failed = true;
    const shown = Number.isInteger(value) ? String(value) : value.toFixed(3);
    console.log(`${name}.${metric} = ${shown}${floor !== undefined ? `  (floor ${floor})` : ''}${below ? '  BELOW FLOOR' : ''}`);
  }
}
process.exit(failed ? 1 : 0);
