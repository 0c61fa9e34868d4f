/**
 * Public records of story synthesis (issue 7). The JSON form of `StoryReport` is documented in
 * docs/SCHEMA.md (story report); keep the two in step.
 */
import type { EntityType, Language, Published } from '../types.ts';
import type { EpistemicStatus, SynthesisArticle } from './input.ts';

export type { EpistemicStatus, SynthesisArticle } from './input.ts';

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

export type ClaimStatus = 'corroborated' | 'single-source' | 'hedged' | 'confirmed' | 'conflict';

export interface ClaimSentence extends Citation {
  readonly text: string;
  readonly epistemic: EpistemicStatus;
}

export interface Claim {
  readonly id: string;
  /** The representative sentence, verbatim. */
  readonly text: string;
  readonly status: ClaimStatus;
  readonly sentences: readonly ClaimSentence[];
  readonly articles: readonly string[];
  /** Articles counted once per original: a syndicated copy (`duplicateOf`) adds nothing. */
  readonly independentSources: number;
}

export type ConflictSlot = 'place' | 'date' | 'number' | 'person';

export interface ConflictValue {
  readonly value: string;
  readonly citations: readonly Citation[];
  readonly epistemic: readonly EpistemicStatus[];
}

export interface Conflict {
  readonly slot: ConflictSlot;
  readonly subject: string;
  /** `refinement`: one value lies inside another (a city in its region); otherwise `contradiction`. */
  readonly kind: 'contradiction' | 'refinement';
  readonly values: readonly ConflictValue[];
}

export interface SummarySentence {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** True exactly when `status` is `hedged`, or the claim is disputed in a hedged wording. */
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
  readonly speaker?: string;
  readonly text: string;
  readonly kind: string;
  readonly citation: Citation;
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
  /** Sentences in the summary, 5–8 (issue 7); default 6. */
  readonly summarySentences?: number;
  /** Stamped into the report when given; left out otherwise so reports stay reproducible. */
  readonly generatedAt?: string;
}
