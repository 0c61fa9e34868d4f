/**
 * `npm run eval [-- suite [data-path]]`: quality scorers on labelled data.
 * Each suite is a module `eval/<name>.ts` exporting
 * `run(dataPath?: string): Promise<EvalResult>`; a suite whose data is absent returns
 * `{ skipped: reason }` and the run still succeeds. A suite below its floor in
 * eval/baseline.json fails the run (exit 1).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { EvalResult } from './types.ts';

const here = new URL('.', import.meta.url);
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [suite, dataPath] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (suite && !available.includes(suite)) {
  console.error(`unknown eval suite: ${suite} (available: ${available.join(', ')})`);
  process.exit(2);
}
const baselineFile = new URL('baseline.json', here);
const floors: Record<string, Record<string, number>> = existsSync(baselineFile)
  ? JSON.parse(readFileSync(baselineFile, 'utf8'))
  : {};

let failed = false;
for (const name of suite ? [suite] : available) {
  const mod = (await import(new URL(`${name}.ts`, here).href)) as {
    run: (dataPath?: string) => Promise<EvalResult>;
  };
  const result = await mod.run(dataPath);
  if (result.skipped) {
    console.log(`${name}: skipped (${result.skipped})`);
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
