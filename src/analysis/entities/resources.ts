/**
 * Entity word lists and maps from resources/<lang>/entity-*.txt, read once per process.
 * Same file format as the shared loader planned in src/resources.ts (one entry a line, `#`
 * comments, maps as `key = value`); switch to it when it lands.
 */
import { existsSync, readFileSync } from 'node:fs';

const ROOT = new URL('../../../resources/', import.meta.url);
const cache = new Map<string, readonly string[]>();

function lines(lang: string, name: string): readonly string[] {
  const id = `${lang}/${name}`;
  let out = cache.get(id);
  if (!out) {
    const file = new URL(`${lang}/${name}.txt`, ROOT);
    out = existsSync(file)
      ? readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/(^|\s)#.*$/, '').trim()).filter((l) => l.length > 0)
      : [];
    cache.set(id, out);
  }
  return out;
}

/** One entry per line. */
export function loadList(lang: string, name: string): readonly string[] {
  return lines(lang, name);
}

/** `key = value` pairs in file order (order matters for suffix rules); value may be empty. */
export function loadPairs(lang: string, name: string): readonly (readonly [string, string])[] {
  return lines(lang, name).map((l) => {
    const eq = l.indexOf('=');
    return eq < 0 ? ([l, ''] as const) : ([l.slice(0, eq).trim(), l.slice(eq + 1).trim()] as const);
  });
}
