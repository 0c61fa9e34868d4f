/**
 * Pure scorers for the synthesis eval: conflicts against labelled pairs, summary verbatim-ness,
 * citation, redundancy and key-fact coverage. Kept apart from eval/synthesis.ts so tests can
 * call them on hand-made reports.
 */
import type { Conflict, StoryReport } from '../../src/synthesis/index.ts';
import { placeKey } from '../../src/synthesis/conflicts.ts';
import type { Language } from '../../src/types.ts';

export interface LabelledConflict {
  readonly slot: Conflict['slot'];
  readonly kind: Conflict['kind'];
  readonly values: readonly [string, string];
}

export interface LabelledFact {
  readonly id: string;
  readonly anyOf: readonly string[];
}

function valueKey(slot: Conflict['slot'], value: string, language: Language): string {
  return slot === 'place' ? placeKey(value, language) : value.toLocaleLowerCase('pl');
}

/** Values match when one key is a word-prefix of the other ("dale wsch" ↔ "dale wsch rosj"). */
function sameValue(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

function samePair(found: Conflict, gold: LabelledConflict, language: Language): boolean {
  if (found.slot !== gold.slot || found.values.length !== 2) return false;
  const [f1, f2] = found.values.map((v) => valueKey(found.slot, v.value, language));
  const [g1, g2] = gold.values.map((v) => valueKey(gold.slot, v, language));
  return (sameValue(f1!, g1!) && sameValue(f2!, g2!)) || (sameValue(f1!, g2!) && sameValue(f2!, g1!));
}

export interface ConflictScore {
  readonly truePositives: number;
  readonly found: number;
  readonly labelled: number;
  /** Of the matched pairs, the share whose kind (contradiction/refinement) agrees. */
  readonly kindAgreement: number;
}

export function scoreConflicts(found: readonly Conflict[], gold: readonly LabelledConflict[], language: Language): ConflictScore {
  let tp = 0;
  let kinds = 0;
  const used = new Set<number>();
  for (const f of found) {
    const i = gold.findIndex((g, j) => !used.has(j) && samePair(f, g, language));
    if (i < 0) continue;
    used.add(i);
    tp++;
    if (gold[i]!.kind === f.kind) kinds++;
  }
  return { truePositives: tp, found: found.length, labelled: gold.length, kindAgreement: tp > 0 ? kinds / tp : 0 };
}

/** Share of summary sentences equal to their first citation's span in the cited article. */
export function verbatimShare(report: StoryReport, texts: ReadonlyMap<string, string>): number {
  if (report.summary.length === 0) return 0;
  const ok = report.summary.filter((s) => {
    const first = s.citations[0];
    const text = first && texts.get(first.article);
    return text !== undefined && text.slice(first.start, first.end) === s.text && s.citations.every((c) => texts.has(c.article) && c.end > c.start);
  });
  return ok.length / report.summary.length;
}

export function citedShare(report: StoryReport): number {
  if (report.summary.length === 0) return 0;
  return report.summary.filter((s) => s.citations.length > 0).length / report.summary.length;
}

function stems(text: string): Set<string> {
  return new Set([...text.toLocaleLowerCase('pl').matchAll(/\p{L}{4,}/gu)].map((m) => m[0].slice(0, 6)));
}

/** Largest Jaccard overlap of 6-letter word stems between two summary sentences (0 = none shared). */
export function redundancy(report: StoryReport): number {
  const sets = report.summary.map((s) => stems(s.text));
  let max = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const inter = [...a].filter((x) => b.has(x)).length;
      const union = a.size + b.size - inter;
      if (union > 0) max = Math.max(max, inter / union);
    }
  }
  return max;
}

/** Labelled facts stated by at least one summary sentence. */
export function coveredFacts(report: StoryReport, facts: readonly LabelledFact[]): string[] {
  return facts.filter((f) => report.summary.some((s) => f.anyOf.some((p) => s.text.includes(p)))).map((f) => f.id);
}
