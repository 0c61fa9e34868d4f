/**
 * Language-neutral entity keys. A key must be equal for "Władimir Putin" / "Vladimir Putin",
 * "Dmitrij Pieskow" / "Dymitri Pieskow", "Pjongjang" / "Pyongyang": spellings of one name in
 * Polish and English romanisation. Both are mapped to a Polish-like spelling (rules in
 * resources/<lang>/entity-transliteration.txt), then to a consonant skeleton: vowels and j
 * vary most between romanisations (Dmitrij/Dymitri, Jong/Dzong), consonants least.
 */
import type { Language } from '../../types.ts';
import { loadPairs } from './resources.ts';

const rulesByLang = new Map<string, readonly (readonly [string, string])[]>();

function toPolishSpelling(word: string, language: Language): string {
  if (language !== 'en') return word;
  let rules = rulesByLang.get(language);
  if (!rules) {
    rules = loadPairs(language, 'entity-transliteration');
    rulesByLang.set(language, rules);
  }
  let out = word;
  for (const [from, to] of rules) out = out.split(from).join(to);
  return out;
}

/** Consonant skeleton of one word: "Dmitrij" → "dmtr", "Władimir" → "wldmr". */
function skeleton(word: string): string {
  const w = word
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .replace(/dż|dź/g, 'dz')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
  if (w.length <= 2 || /^[0-9]+$/.test(w)) return w;
  const body = w[0]! + w.slice(1).replace(/[aeiouyj]/g, '');
  return body.replace(/(.)\1+/g, '$1');
}

/**
 * The key of a name as written in `language`.
 * @example nameKey('Władimir Putin', 'pl') === nameKey('Vladimir Putin', 'en')
 */
export function nameKey(name: string, language: Language): string {
  const words = name.split(/[\s-]+/).filter((w) => w.length > 0);
  return words.map((w) => skeleton(toPolishSpelling(w.toLowerCase(), language))).join('-');
}
