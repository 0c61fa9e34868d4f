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
  const files = [];
  // Walked by hand: Node 20's readdirSync({ recursive: true }) takes ~25 ms of every command's
  // start here (a path.relative per entry); this takes ~1 ms.
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.push(`${prefix}${entry.name}`);
    }
  };
  walk(SRC, '');
  return files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts')).sort();
}

export function sourceHash(files = sourceFiles()) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(SRC, file))).update('\0');
  return hash.digest('hex');
}
