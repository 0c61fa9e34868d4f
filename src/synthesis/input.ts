/**
 * The slice of the analysis layer that synthesis reads (src/analysis → src/synthesis).
 * Declared structurally here, as kysely declares only the driver slice it calls (STYLE §5), so
 * `ArticleAnalysis` from src/analysis/index.ts fits without synthesis depending on its internals.
 */
import type { Article, EntityType } from '../types.ts';

/** The statuses src/analysis/epistemic gives a sentence, as a list for schemas (src/app/records.ts). */
export const EPISTEMIC_STATUSES = ['denied', 'hedged', 'confirmed', 'attributed', 'asserted'] as const;
export type EpistemicStatus = (typeof EPISTEMIC_STATUSES)[number];

export interface InputToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly lemma?: string;
}

export interface InputSentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokens: readonly InputToken[];
}

export interface InputMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly base: string;
  readonly type: EntityType;
  readonly key: string;
  readonly sentence: number;
}

export interface InputQuote {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: string;
  readonly cue?: unknown;
  readonly speaker?: { readonly name: string; readonly key?: string; readonly type?: EntityType; readonly description?: string };
  readonly sentence: number;
}

export interface InputTime {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: string;
  readonly granularity: string;
  readonly note?: string;
  readonly sentence: number;
}

export interface InputStatus {
  readonly sentence: number;
  readonly status: EpistemicStatus;
  readonly cues: readonly { readonly text: string; readonly start: number; readonly end: number; readonly kind: string }[];
}

/** One analysed article of a story; `ArticleAnalysis` (src/analysis/index.ts) satisfies it. */
export interface SynthesisArticle {
  readonly article: Article;
  readonly sentences: readonly InputSentence[];
  readonly mentions: readonly InputMention[];
  readonly quotes: readonly InputQuote[];
  readonly times: readonly InputTime[];
  readonly statuses: readonly InputStatus[];
}
