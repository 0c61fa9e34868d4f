/**
 * Word lists the story stage reads from `resources/<lang>/story-*.txt` (one entry per line, `#`
 * comments), loaded once per process. Kept here rather than in a shared loader because no shared
 * loader existed when this stage was written; the format is the project-wide one, so it can move.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Language } from '../types.ts';

const ROOT = new URL('../../resources/', import.meta.url);
const cache = new Map<string, ReadonlySet<string>>();

/** Lines of `resources/<language>/<name>.txt`, lower-cased, comments and blanks dropped. */
export function loadWordSet(language: Language, name: string): ReadonlySet<string> {
  const key = `${language}/${name}`;
  let set = cache.get(key);
  if (!set) {
    const file = new URL(`${language}/${name}.txt`, ROOT);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    set = new Set(lines.map((l) => l.replace(/#.*/, '').trim().toLowerCase()).filter(Boolean));
    cache.set(key, set);
  }
  return set;
}

/** Stop words of every language Kronika knows: articles are filtered with their own and English. */
export function storyStopWords(language: Language): ReadonlySet<string> {
  const key = `stop:${language}`;
  let set = cache.get(key);
  if (!set) {
    const own = language === 'und' ? [...loadWordSet('pl', 'story-stopwords')] : [...loadWordSet(language, 'story-stopwords')];
    set = new Set([...own, ...loadWordSet('en', 'story-stopwords')]);
    cache.set(key, set);
  }
  return set;
}
