/** Search records shared by the CLI, the API and every store engine's search concern (src/store/store.ts). */
import type { Language, Span } from '../types.ts';

export interface SearchFilters {
  readonly language?: Language;
  /** Outlet name, case-insensitive. */
  readonly source?: string;
  /** ISO date prefix: articles published on or after it (undated articles are excluded). */
  readonly since?: string;
  /** ISO date prefix: articles published on or before it (a month includes all its days). */
  readonly until?: string;
  /** Only these articles. */
  readonly articleIds?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

/** One sentence as indexed: its offsets in the article and its two searchable columns. */
export interface IndexedSentence extends Span {
  readonly index: number;
  /** Folded words, space-separated. */
  readonly surface: string;
  /** Folded lemmas, space-separated, in word order (so lemma phrases match). */
  readonly lemmas: string;
}

/** What the index stage hands the search concern for one stored article (src/search/terms.ts makes it). */
export interface SearchDocument {
  readonly articleId: string;
  readonly sentences: readonly IndexedSentence[];
}

/** One matching article, represented by its best-matching sentence. */
export interface SearchHit {
  readonly articleId: string;
  readonly origin: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly language: Language;
  readonly published?: string;
  /** bm25 of the best sentence; higher is better (FTS5's sign flipped). */
  readonly score: number;
  /** How many sentences of the article match. */
  readonly matches: number;
  /** The best sentence, with offsets into the article's clean text. */
  readonly sentence: { readonly index: number; readonly start: number; readonly end: number; readonly text: string };
  /** Matched words, as offsets into `sentence.text` (not HTML: the caller decides how to mark them). */
  readonly highlights: readonly Span[];
}

/** Default and largest page size of `search`. */
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
