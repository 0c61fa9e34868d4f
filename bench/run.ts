/**
 * `npm run bench [-- suite…]`: runs the named benchmark suites (all when none is named).
 * Each suite is a module `bench/<name>.ts` exporting `run(): Promise<BenchReport>`.
 */
import { readdirSync } from 'node:fs';
import { publish, type BenchReport } from './report.ts';

const here = new URL('.', import.meta.url);
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`unknown bench suite: ${unknown.join(', ')} (available: ${available.join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : available) {
  const mod = (await import(new URL(`${name}.ts`, here).href)) as { run: () => Promise<BenchReport> };
  publish(await mod.run());
}
