/**
 * What scripts/build.mjs compiles and bin/run.js checks: the TypeScript modules under src/ and a
 * hash of their paths and contents (about 10 ms for the whole tree).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
export const SOURCE_HASH_FILE = 'SOURCE-HASH';

/** Module paths relative to src/, sorted, with / as separator; tests and declarations left out. */
export function sourceFiles() {
  return readdirSync(SRC, { recursive: true })
    .map((file) => String(file).split('\\').join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .sort();
}

export function sourceHash(files = sourceFiles()) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(SRC, file))).update('\0');
  return hash.digest('hex');
}
