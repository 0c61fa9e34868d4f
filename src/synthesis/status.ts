/**
 * The status vocabulary a reader sees (docs/SCHEMA.md, claim statuses). A sentence keeps how its
 * article words it (src/analysis/epistemic) unless a later report overtook it (`superseded`: the
 * earlier side of an update conflict). A claim's status describes the wording it is shown with, so
 * the key facts and the summary always agree, in this order: superseded (every statement of it was
 * overtaken) > disputed (a value the shown wording gives is contradicted or denied by another source) > denied >
 * hedged > confirmed (some sentence is an official confirmation) > attributed > asserted.
 */
import type { Citation, ClaimSentence, ClaimStatus, Conflict, SentenceStatus } from './types.ts';
import type { EpistemicStatus } from './input.ts';

const spanKey = (c: Citation): string => `${c.article}:${c.start}`;

export interface ConflictMarks {
  /** Sentences whose value a later report overtook. */
  readonly superseded: ReadonlySet<string>;
  /** Sentences whose value another source contradicts or denies. */
  readonly disputed: ReadonlySet<string>;
}

/** `overtaken`: sentences a later report overtook with no conflict drawn (src/synthesis/pending.ts). */
export function conflictMarks(conflicts: readonly Conflict[], overtaken: ReadonlySet<string> = new Set()): ConflictMarks {
  const superseded = new Set<string>(overtaken);
  const disputed = new Set<string>();
  for (const c of conflicts) {
    if (c.kind === 'refinement') continue;
    for (const v of c.values) {
      for (const cit of v.citations) {
        if (c.kind === 'update') {
          if (v.state === 'superseded') superseded.add(spanKey(cit));
        } else disputed.add(spanKey(cit));
      }
    }
  }
  // A sentence overtaken by a later report is no longer "disputed": the update says which is current.
  for (const k of superseded) disputed.delete(k);
  return { superseded, disputed };
}

export function sentenceStatus(citation: Citation, epistemic: EpistemicStatus, marks: ConflictMarks): SentenceStatus {
  return marks.superseded.has(spanKey(citation)) ? 'superseded' : epistemic;
}

/**
 * The claim's status for the wording it is shown with (`shown`).
 * @example claimStatus([{ status: 'hedged', … }], { status: 'hedged', … }, marks) // → 'hedged'
 */
export function claimStatus(sentences: readonly ClaimSentence[], shown: ClaimSentence, marks: ConflictMarks): ClaimStatus {
  if (shown.status === 'superseded' && sentences.every((s) => s.status === 'superseded' || s.status === 'hedged')) return 'superseded';
  // Disputed is what the shown wording says: a value of it another source contradicts or denies.
  // Another wording of a loosely grouped claim may give a disputed value the shown one does not
  // ("Czaputowicz podkreślił, że stanowisko Polski różni się…" names no meeting place).
  if (marks.disputed.has(spanKey(shown))) return 'disputed';
  if (shown.status === 'denied') return 'denied';
  if (shown.status === 'hedged' || sentences.every((s) => s.status === 'hedged')) return 'hedged';
  if (sentences.some((s) => s.status === 'confirmed')) return 'confirmed';
  if (shown.status === 'attributed' || sentences.every((s) => s.status === 'attributed')) return 'attributed';
  return 'asserted';
}
