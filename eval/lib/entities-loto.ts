/**
 * Leave-one-topic-out for the entity layer (eval/entities.ts). The layer is rule-based, so what
 * is "trained" on the development topics is its lists: every rotation scores one held-out
 * topic twice, with the lists as they are and without the entries specific to that topic,
 * each rotation in a fresh process so no rule has cached the full lists (withoutEntries in
 * src/analysis/entities/resources.ts).
 *
 * Which entries are specific to a topic, read off the development data itself:
 * - name lists (known names, aliases): an entry names something specific to topic T when T
 *   holds at least 90 % of the entry's per-article rate among the gold mentions (the share of
 *   T's articles with a gold mention containing the name, over the sum of that share across
 *   topics). "Ryanair" (also in a few Brexit articles) and "Londyn" (mostly Brexit) are specific;
 *   "Unia Europejska" is not;
 * - vocabulary lists (head nouns, type cues, title words): these name kinds, not things; a word
 *   is specific when it occurs (any inflected form, by lemma) in the articles of that topic
 *   and no other ("gazociąg" only in nord_stream);
 * - the country list is the complete CLDR list of countries, not chosen from the data, and the
 *   morphology lists (suffix rules, endings, abbreviations) name nothing; they stay.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setDictionaryUses, type DictionaryUses } from '../../src/analysis/entities/dictionary-tags.ts';
import { loadResource } from '../../src/resources.ts';
import type { Sentence } from '../../src/text/index.ts';
import type { BsnlpDoc } from './bsnlp.ts';
import type { EntityScores } from './entities-score.ts';

/** Share of a name's per-article rate that makes it specific to one topic. */
export const NAME_SHARE = 0.9;

const NAME_LISTS = ['entity-known-names', 'entity-aliases'] as const;
const WORD_LISTS = [
  'entity-org-words', 'entity-loc-words', 'entity-evt-words', 'entity-pro-words', 'entity-stopwords', 'entity-type-cues',
  'entity-org-seat-words', 'entity-admin-units', 'entity-group-nouns', 'entity-street-words',
] as const;

/** `pl/<list>` → entries to leave out, per held-out topic. */
export type Exclusions = Record<string, string[]>;

const lower = (s: string) => s.toLocaleLowerCase('pl');

/** The names a list line adds: "Ryanair = ORG" → Ryanair; "Wyspy = Wielka Brytania | LOC" → both. */
function namesOf(list: string, line: string): string[] {
  const eq = line.indexOf('=');
  const left = (eq < 0 ? line : line.slice(0, eq)).trim();
  if (list !== 'entity-aliases' || eq < 0) return [left];
  return [left, line.slice(eq + 1).split('|')[0]!.trim()];
}

/**
 * Entries specific to each topic. `sentences` are the text layer's analyses of `docs` (their
 * lemmas find inflected forms of list words).
 */
export function topicSpecificEntries(docs: readonly BsnlpDoc[], sentences: readonly (readonly Sentence[])[]): Map<string, Exclusions> {
  const topics = [...new Set(docs.map((d) => d.topic))].sort();
  const size = new Map(topics.map((t) => [t, docs.filter((d) => d.topic === t).length]));
  const golds = docs.map((d) => d.mentions.flatMap((m) => [` ${lower(m.base)} `, ` ${lower(m.text)} `]));
  const words = sentences.map((ss) => {
    const set = new Set<string>();
    for (const s of ss) for (const t of s.tokens) if (t.kind === 'word') set.add(lower(t.text)).add(lower(t.lemma ?? t.text));
    return set;
  });
  /** Per topic, the share of its articles where `has` holds. */
  const rates = (has: (i: number) => boolean) => {
    const n = new Map(topics.map((t) => [t, 0]));
    docs.forEach((d, i) => { if (has(i)) n.set(d.topic, n.get(d.topic)! + 1); });
    return topics.map((t) => ({ topic: t, rate: n.get(t)! / size.get(t)! }));
  };
  /** The topic holding at least `share` of the summed rates, if any. */
  const owner = (rs: { topic: string; rate: number }[], share: number) => {
    const sum = rs.reduce((a, r) => a + r.rate, 0);
    return sum > 0 ? rs.find((r) => r.rate / sum >= share - 1e-12)?.topic : undefined;
  };
  const out = new Map<string, Exclusions>(topics.map((t) => [t, {}]));
  const exclude = (topic: string | undefined, list: string, line: string) => {
    if (!topic) return;
    const byList = out.get(topic)!;
    (byList[`pl/${list}`] ??= []).push(line);
  };
  for (const list of NAME_LISTS) {
    for (const line of loadResource('pl', list)) {
      for (const name of namesOf(list, line)) {
        const needle = ` ${lower(name)} `;
        const topic = owner(rates((i) => golds[i]!.some((g) => g.includes(needle))), NAME_SHARE);
        if (topic) {
          exclude(topic, list, line);
          break;
        }
      }
    }
  }
  for (const list of WORD_LISTS) {
    for (const line of loadResource('pl', list)) {
      const word = lower(namesOf(list, line)[0]!);
      exclude(owner(rates((i) => words[i]!.has(word)), 1), list, line);
    }
  }
  return out;
}

/** What one rotation's process reports. */
export interface RotationResult {
  readonly topic: string;
  readonly scores: EntityScores;
  /** Error tables as [what, count] rows, when asked for. */
  readonly errors?: Record<string, [string, number][]>;
}

const WORKER = fileURLToPath(new URL('./entities-rotation.ts', import.meta.url));

/** Scores `topic` in a fresh process with `exclusions` left out of the lists. */
export function runRotation(dataPath: string, topic: string, exclusions: Exclusions, showErrors: number): Promise<RotationResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`entities rotation ${topic}: exit code ${code}`));
      resolve(JSON.parse(out) as RotationResult);
    });
    child.stdin.end(JSON.stringify({ dataPath, topic, exclusions, showErrors }));
  });
}

/** Runs `jobs` at most `width` at a time, results in input order. */
export async function inBatches<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
  return results;
}

/**
 * Ablations of the PoliMorf uses (src/analysis/entities/dictionary-tags.ts) for this process:
 * KRONIKA_EVAL_DICTIONARY="-persons,-agreement" turns those off, "none" all of them. The
 * rotations' processes inherit the variable, so the honest figures see the same setting.
 * @example KRONIKA_EVAL_DICTIONARY=none npm run eval -- entities
 */
export function dictionaryUsesFromEnv(value = process.env.KRONIKA_EVAL_DICTIONARY): string {
  if (!value) return 'all';
  const names: (keyof DictionaryUses)[] = ['nominatives', 'agreement', 'forenames', 'persons', 'commonWords'];
  const off = value === 'none' ? names : value.split(',').map((v) => v.trim().replace(/^-/, ''));
  for (const name of off) if (!names.includes(name as keyof DictionaryUses)) throw new Error(`KRONIKA_EVAL_DICTIONARY: unknown use "${name}" (one of ${names.join(', ')}, or none)`);
  setDictionaryUses(Object.fromEntries(off.map((name) => [name, false])));
  return `all but ${off.join(', ')}`;
}
