/**
 * The labelled English wire-copy set (fixtures/english-wire.json) and its typed score: distinct
 * [surface, type] pairs per case, predicted against gold. Shared by english-wire.test.ts and
 * `node --import tsx test/analysis/entities/english-wire.ts [english-wire-heldout]`, which prints
 * the figures.
 */
import { readFileSync } from 'node:fs';
import { findMentions, type Mention } from '../../../src/analysis/entities/index.ts';
import { analyzeText } from '../../../src/text/index.ts';

export interface WireCase {
  readonly name: string;
  readonly text: string;
  readonly gold: readonly (readonly [string, string])[];
  readonly same: readonly (readonly [string, string])[];
  readonly keys: Readonly<Record<string, string>>;
  /** Gold surfaces still typed or cut wrongly, with the reason. */
  readonly open: readonly (readonly [string, string])[];
}

export interface WireScore {
  readonly precision: number;
  readonly recall: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  /** Gold pairs not predicted, and predicted pairs not in gold, as "surface/TYPE". */
  readonly missed: readonly string[];
  readonly spurious: readonly string[];
}

/** `english-wire` (the rules' labelled set) or `english-wire-heldout` (written after the rules). */
export function loadWireCases(set = 'english-wire'): WireCase[] {
  const url = new URL(`./fixtures/${set}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: WireCase[] }).cases;
}

export function wireMentions(c: WireCase): Mention[] {
  return findMentions(c.text, 'en', analyzeText(c.text, 'en'));
}

export function scoreWire(cases: readonly WireCase[]): WireScore {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  const missed: string[] = [];
  const spurious: string[] = [];
  for (const c of cases) {
    const g = new Set(c.gold.map(([s, t]) => `${s}/${t}`));
    // A possessive is the name's own mention ("Google's parent" names Google).
    const p = new Set(wireMentions(c).map((m) => `${m.text.replace(/['’]s$/u, '')}/${m.type}`));
    gold += g.size;
    predicted += p.size;
    for (const x of p) if (g.has(x)) correct++;
    for (const x of g) if (!p.has(x)) missed.push(`${c.name}: ${x}`);
    for (const x of p) if (!g.has(x)) spurious.push(`${c.name}: ${x}`);
  }
  return { precision: correct / predicted, recall: correct / gold, gold, predicted, correct, missed, spurious };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = process.argv[2] ?? 'english-wire';
  const s = scoreWire(loadWireCases(set));
  process.stdout.write(
    `${set} typed P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (${s.correct}/${s.predicted} predicted, ${s.correct}/${s.gold} gold)\n`
      + `missed: ${s.missed.join(' | ')}\nspurious: ${s.spurious.join(' | ')}\n`,
  );
}
