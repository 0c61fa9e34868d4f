/** Article use cases shared by the CLI and the API: one article with its analysis, and entities across articles. */
import { groupEntities } from '../analysis/entities/index.ts';
import type { ArticleAnalysis } from '../analysis/index.ts';
import type { ArticleFilter, Store, StoredArticle } from '../store/store.ts';
import type { EntityType } from '../types.ts';
import { readAnalyses, readAnalysis } from './analyses.ts';
import { entityRecord, type EntityRecord } from './records.ts';

/** The article with this id or unique prefix, with its analysis as readers show it; undefined when none. */
export async function articleWithAnalysis(store: Store, idOrPrefix: string): Promise<{ article: StoredArticle; analysis: ArticleAnalysis; fresh: boolean } | undefined> {
  const article = await store.articles.find(idOrPrefix);
  if (!article) return undefined;
  return { article, ...await readAnalysis(store, article) };
}

export interface EntityQuery {
  readonly type?: EntityType;
  readonly limit?: number;
}

export interface EntityList {
  /** Articles whose mentions were counted (near-duplicate copies are skipped: they would count names twice). */
  readonly scanned: number;
  readonly entities: EntityRecord[];
  /** Articles analysed afresh (no current stored analysis). */
  readonly fresh: number;
}

/**
 * Entities grouped across these articles, most mentioned first.
 * @example await entitiesOf(store, await store.articles.list({ language: 'pl', limit: 200 }), { type: 'PER' })
 */
export async function entitiesOf(store: Store, articles: readonly StoredArticle[], query: EntityQuery = {}, keepCopies = false): Promise<EntityList> {
  const counted = keepCopies ? articles : articles.filter((a) => !a.duplicateOf);
  const { analyses, fresh } = await readAnalyses(store, counted);
  const entities = groupEntities(analyses.map((a) => ({ articleId: a.article.id, mentions: a.mentions })))
    .filter((e) => !query.type || e.type === query.type)
    .slice(0, query.limit)
    .map(entityRecord);
  return { scanned: counted.length, entities, fresh };
}

/** Stored articles matching a filter, all of them page by page (for the CLI's whole-store commands). */
export async function* allArticles(store: Store, filter: Omit<ArticleFilter, 'limit' | 'offset'> = {}): AsyncGenerator<StoredArticle[]> {
  const PAGE = 500;
  if (Object.keys(filter).length === 0) {
    let last = 0;
    for (;;) {
      const page = await store.articles.after(last, PAGE);
      if (page.length === 0) return;
      yield page;
      last = page[page.length - 1]!.seq;
    }
  }
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.articles.list({ ...filter, limit: PAGE, offset });
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE) return;
  }
}
