/**
 * The JSON shapes the CLI prints (documented in docs/SCHEMA.md). Other tools read them: add
 * fields, never rename or remove one.
 */
import type { Article } from '../types.ts';

export interface ArticleRecord {
  readonly id: string;
  readonly origin: string;
  readonly format: Article['format'];
  readonly url: string | null;
  readonly title: string | null;
  readonly published: Article['published'] | null;
  readonly language: Article['language'];
  readonly outlet: string | null;
  readonly author: string | null;
  readonly duplicateOf: string | null;
  readonly ingestedAt: string;
  readonly text: string;
  readonly removed: Article['removed'];
}

export function articleRecord(article: Article): ArticleRecord {
  return {
    id: article.id,
    origin: article.origin,
    format: article.format,
    url: article.url ?? null,
    title: article.title ?? null,
    published: article.published ?? null,
    language: article.language,
    outlet: article.outlet ?? null,
    author: article.author ?? null,
    duplicateOf: article.duplicateOf ?? null,
    ingestedAt: article.ingestedAt,
    text: article.text,
    removed: article.removed,
  };
}

/** A line for listings: the title, or the opening words when the source had none. */
export function headline(article: Article): string {
  return article.title ?? article.text.slice(0, 160);
}
