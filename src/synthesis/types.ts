/**
 * Public records of story synthesis. The JSON form of `StoryReport` and the status vocabulary are
 * documented in docs/SCHEMA.md (story report, claim statuses); keep the three in step.
 */
import type { EntityType, Language, Published } from '../types.ts';
import type { EpistemicStatus, SynthesisArticle } from './input.ts';

export type { EpistemicStatus, SynthesisArticle } from './input.ts';
export { EPISTEMIC_STATUSES } from './input.ts';

export interface StoryInput {
  readonly id: string;
  readonly title?: string;
  readonly articles: readonly SynthesisArticle[];
}

/** Evidence: a half-open span [start, end) of one article's clean text. */
export interface Citation {
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a reader is told about one sentence: how its article states it (`asserted` in its own voice,
 * `attributed` to a source, `hedged`, officially `confirmed`, `denied`), or that a later report in the
 * story overtook what it expected or reported (`superseded`).
 */
export type SentenceStatus = EpistemicStatus | 'superseded';

/** Every claim status (ClaimStatus) as a list, for schemas (src/app/records.ts). */
export const CLAIM_STATUSES = ['asserted', 'attributed', 'hedged', 'confirmed', 'denied', 'disputed', 'superseded'] as const satisfies readonly ClaimStatus[];

/**
 * What a reader is told about a claim: the sentence statuses, plus `disputed` when another source
 * contradicts or denies it. How many independent origins state it is `independentSources` and
 * `corroborated` (two or more), apart from the status.
 */
export type ClaimStatus = SentenceStatus | 'disputed';

export interface ClaimSentence extends Citation {
  readonly text: string;
  /** How the article words it (src/analysis/epistemic). */
  readonly epistemic: EpistemicStatus;
  /** What the report tells a reader about this sentence. */
  readonly status: SentenceStatus;
}

export interface Claim {
  readonly id: string;
  /** The representative sentence, verbatim. */
  readonly text: string;
  readonly status: ClaimStatus;
  readonly sentences: readonly ClaimSentence[];
  readonly articles: readonly string[];
  /**
   * Origins counted once: one outlet, a declared reprint of an agency, verbatim copies of one text
   * (src/synthesis/origins.ts) add one together.
   */
  readonly independentSources: number;
  /** Two or more independent origins state it. */
  readonly corroborated: boolean;
  /**
   * The shown wording states something on its own: false for a question, words begun inside a
   * quote of the sentence before, or a sentence that only points back ("Polskie Radio potwierdziło
   * te informacje."), shown only when no other wording of the claim states it. Such a claim stays in
   * `claims` but is no key fact and never a summary sentence.
   */
  readonly standsAlone: boolean;
}

/** `event`: whether an expected happening took place (src/synthesis/updates.ts). */
export type ConflictSlot = 'place' | 'date' | 'number' | 'person' | 'event';

export interface ConflictValue {
  readonly value: string;
  readonly citations: readonly Citation[];
  readonly epistemic: readonly EpistemicStatus[];
  /** In an `update`: `superseded` for what earlier reports expected, `current` for the later report. */
  readonly state?: 'superseded' | 'current';
}

/**
 * `contradiction`: both cannot be true. `refinement`: one value lies inside the other (a city in its
 * region). `update`: earlier reports expected or reported one value, a later one states another as
 * what happened (values: earlier first). `dispute`: a source denies what another one claims.
 */
export const CONFLICT_KINDS = ['contradiction', 'refinement', 'update', 'dispute'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  readonly slot: ConflictSlot;
  readonly subject: string;
  readonly kind: ConflictKind;
  readonly values: readonly ConflictValue[];
}

export interface SummarySentence {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** True exactly when the shown wording is hedged (whatever else the claim's status says). */
  readonly hedged: boolean;
  /** The status of the claim the sentence stands for: the same label as in the key facts. */
  readonly status: ClaimStatus;
}

export interface TimelineEntry {
  readonly value: string;
  readonly granularity: string;
  readonly text: string;
  readonly citations: readonly Citation[];
}

export interface ReportQuote {
  /** The speaker's name for the whole story: an entity's full base name, or a description in the nominative. */
  readonly speaker?: string;
  /** The speaker's entity key, when the speaker is a named entity. */
  readonly speakerKey?: string;
  readonly text: string;
  /** `direct` (their words in marks or dash speech), `mixed`, `indirect` (reported). */
  readonly kind: string;
  readonly citation: Citation;
  /** Other articles that carry the same words. */
  readonly alsoIn?: readonly Citation[];
}

export interface ReportEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: number;
  readonly articles: number;
}

export interface ReportSource {
  readonly article: string;
  readonly origin: string;
  readonly outlet?: string;
  readonly title?: string;
  readonly published?: Published;
  readonly language: Language;
  readonly duplicateOf?: string;
  /** The independent origin it counts toward: its outlet, the agency it reprints, the text it copies. */
  readonly independentOrigin: string;
  /** The first article of its origin; the others add no independent source. */
  readonly independent: boolean;
}

export interface StoryReport {
  readonly id: string;
  readonly title: string;
  readonly generatedAt?: string;
  readonly summary: readonly SummarySentence[];
  readonly claims: readonly Claim[];
  readonly conflicts: readonly Conflict[];
  readonly speculation: readonly Claim[];
  readonly confirmed: readonly Claim[];
  readonly timeline: readonly TimelineEntry[];
  readonly quotes: readonly ReportQuote[];
  readonly entities: readonly ReportEntity[];
  readonly sources: readonly ReportSource[];
  readonly counts: { readonly articles: number; readonly independentSources: number; readonly languages: readonly string[] };
}

export interface SynthesisOptions {
  /** Sentences in the summary, 5–8; by default as many as fit a news brief (summary.ts SUMMARY_WORDS). */
  readonly summarySentences?: number;
  /** Stamped into the report when given; left out otherwise so reports stay reproducible. */
  readonly generatedAt?: string;
}
