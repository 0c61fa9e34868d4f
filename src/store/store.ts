/**
 * The storage contract. Stages never touch a database: the CLI, API and workers hand them
 * records and persist what they return through this interface. `sqlite/` is the embedded
 * default; a PostgreSQL implementation must pass the same contract suite (test/store/contract.ts).
 */
import type { Article, Language } from '../types.ts';

export interface ArticleFilter {
  /** Outlet name (exact, case-insensitive). */
  readonly source?: string;
  readonly language?: Language;
  /** ISO date prefix; articles published on or after it (unknown dates are excluded). */
  readonly since?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** What happened to one article handed to `saveArticles`. */
export type SaveOutcome =
  | { readonly status: 'stored'; readonly id: string; readonly duplicateOf?: string }
  | { readonly status: 'unchanged'; readonly id: string };

export interface StoreStats {
  readonly articles: number;
  readonly duplicates: number;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly firstPublished?: string;
  readonly lastPublished?: string;
}

export interface Store {
  /**
   * Store a batch atomically (one transaction). An article whose id is already stored is left
   * untouched ('unchanged'). A new article whose fingerprint is a near-duplicate (estimated
   * Jaccard ≥ 0.9) of a stored one is stored with `duplicateOf` set to the earliest such article.
   */
  saveArticles(articles: readonly Article[]): SaveOutcome[];
  getArticle(id: string): Article | undefined;
  /** Articles in ingest order (oldest first). */
  listArticles(filter?: ArticleFilter): Article[];
  /** Every article, oldest first, without loading them all at once. */
  iterateArticles(): Iterable<Article>;
  countArticles(): number;
  stats(): StoreStats;
  close(): void;
}
