/**
 * The one loader for language resources: word lists and cue tables kept as data in
 * `resources/<lang>/<name>.txt`, one entry per line, `#` starts a comment (STYLE §6).
 * Files are read once per process and cached. A missing file is an error, not an empty list,
 * so a typo in a list name cannot silently switch a rule off.
 */
import { readFileSync } from 'node:fs';

export type ResourceLanguage = 'pl' | 'en';

export const RESOURCE_LANGUAGES: readonly ResourceLanguage[] = Object.freeze(['pl', 'en']);

const RESOURCE_ROOT = new URL('../resources/', import.meta.url);
const listCache = new Map<string, readonly string[]>();
const mapCache = new Map<string, ReadonlyMap<string, string>>();

/** Splits resource text into entries: comments and blank lines dropped, entries trimmed. */
export function parseResourceLines(text: string): string[] {
  const entries: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // A `#` starts a comment only at the line start or after whitespace, so entries may hold `#`.
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line) entries.push(line);
  }
  return entries;
}

/**
 * Entries of `resources/<language>/<name>.txt`, cached and frozen (no copy: cheap in hot paths).
 * @example loadResource('pl', 'boilerplate') // → ['advert ^reklama$', …]
 */
export function loadResource(language: ResourceLanguage, name: string): readonly string[] {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) throw new Error(`Invalid resource name: ${JSON.stringify(name)}`);
  const key = `${language}/${name}`;
  let entries = listCache.get(key);
  if (!entries) {
    const url = new URL(`${language}/${name}.txt`, RESOURCE_ROOT);
    entries = Object.freeze(parseResourceLines(readFileSync(url, 'utf8')));
    listCache.set(key, entries);
  }
  return entries;
}

/**
 * Entries of `resources/<language>/<name>.txt` as a fresh array (callers may mutate it).
 * @example loadList('pl', 'abbreviations') // → ['r. final', 'itd. final', …]
 */
export function loadList(language: ResourceLanguage, name: string): string[] {
  return [...loadResource(language, name)];
}

/**
 * `key<TAB>value` lines of `resources/<language>/<name>.txt`; later duplicates win. A line
 * without a tab is an error, so a mistyped separator is caught at load time.
 * @example loadMap('pl', 'name-endings').get('owi') // → ''
 */
export function loadMap(language: ResourceLanguage, name: string): Map<string, string> {
  const key = `${language}/${name}`;
  let map = mapCache.get(key);
  if (!map) {
    const built = new Map<string, string>();
    for (const entry of loadResource(language, name)) {
      const tab = entry.indexOf('\t');
      if (tab < 0) throw new Error(`resources/${key}.txt: expected key<TAB>value, got ${JSON.stringify(entry)}`);
      built.set(entry.slice(0, tab).trim(), entry.slice(tab + 1).trim());
    }
    map = built;
    mapCache.set(key, map);
  }
  return new Map(map);
}
