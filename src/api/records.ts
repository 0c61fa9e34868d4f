/** JSON shapes of the API that are not shared with the CLI (the full article record is). */
import type { Article } from '../types.ts';

/** A listing row: metadata and the opening words, not the whole text. */
export interface ArticleSummary {
  readonly id: string;
  readonly origin: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly published: Article['published'] | null;
  readonly language: Article['language'];
  readonly outlet: string | null;
  readonly duplicateOf: string | null;
  readonly ingestedAt: string;
  readonly excerpt: string;
}

/** Characters of text in a listing row: about two lines of a list view. */
const EXCERPT_CHARS = 200;

export function articleSummary(article: Article): ArticleSummary {
  const flat = article.text.slice(0, EXCERPT_CHARS * 2).replace(/\s+/g, ' ').trim();
  return {
    id: article.id,
    origin: article.origin,
    url: article.url ?? null,
    title: article.title ?? null,
    published: article.published ?? null,
    language: article.language,
    outlet: article.outlet ?? null,
    duplicateOf: article.duplicateOf ?? null,
    ingestedAt: article.ingestedAt,
    excerpt: flat.length > EXCERPT_CHARS ? flat.slice(0, EXCERPT_CHARS - 1) + '…' : flat,
  };
}
