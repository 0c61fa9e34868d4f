/**
 * Entity word lists and maps from resources/<lang>/entity-*.txt through the shared loader
 * (src/resources.ts). Maps here are ordered `key = value` rules (suffix rules are tried in
 * file order, and a value may be empty), so they are parsed from the loader's entries.
 */
import { loadResource, type ResourceLanguage } from '../../resources.ts';

function lines(lang: string, name: string): readonly string[] {
  return loadResource(lang === 'en' ? 'en' : 'pl' satisfies ResourceLanguage, name);
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
