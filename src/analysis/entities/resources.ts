/**
 * Entity word lists and maps from resources/<lang>/entity-*.txt through the shared loader
 * (src/resources.ts). Maps here are ordered `key = value` rules (suffix rules are tried in
 * file order, and a value may be empty), so they are parsed from the loader's entries.
 */
import { loadResource, type ResourceLanguage } from '../../resources.ts';

/** `<lang>/<name>` → entries left out (evaluation without some list entries; see withoutEntries). */
const excluded = new Map<string, ReadonlySet<string>>();
const read = new Set<string>();

function lines(lang: string, name: string): readonly string[] {
  const language: ResourceLanguage = lang === 'en' ? 'en' : 'pl';
  const id = `${language}/${name}`;
  read.add(id);
  const entries = loadResource(language, name);
  const out = excluded.get(id);
  return out ? entries.filter((e) => !out.has(e)) : entries;
}

/**
 * Leave these entries (exact lines, as the loader returns them) out of the entity lists of this
 * process: the leave-one-topic-out evaluation scores a topic without the entries that name its
 * own people and places (eval/lib/entities-loto.ts). The rules cache what they read, so this
 * must come before the first mention is found; afterwards it throws instead of half-applying.
 * @example withoutEntries({ 'pl/entity-known-names': ['Ryanair = ORG'] })
 */
export function withoutEntries(entries: Readonly<Record<string, readonly string[]>>): void {
  for (const [id, list] of Object.entries(entries)) {
    if (read.has(id)) throw new Error(`withoutEntries: resources/${id}.txt was already read in this process`);
    excluded.set(id, new Set(list));
  }
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
