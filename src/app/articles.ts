/** Article use cases shared by the CLI and the API: one article with its analysis, and entities across articles. */
import { formMentions } from '../analysis/digest.ts';
import { groupEntities, type ArticleMentions } from '../analysis/entities/index.ts';
import type { ArticleAnalysis } from '../analysis/index.ts';
import { ANALYSIS_VERSION } from '../analysis/version.ts';
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

/**
 * Entities grouped across every original in the store (near-duplicate copies skipped), equal to
 * entitiesOf over all of them, from the entity forms stored beside the analyses
 * (src/analysis/digest.ts) instead of the analyses: no payload is decoded. Grouping is still a
 * pass over all forms, since a bare surname takes its key from full names anywhere in the store.
 * Articles without a current stored analysis are analysed afresh, as entitiesOf does.
 * @example (await storeEntities(store, { type: 'PER' })).entities.slice(0, 8)
 */
export async function storeEntities(store: Store, query: EntityQuery = {}): Promise<EntityList> {
  const stored = await store.analyses.entityForms(ANALYSIS_VERSION);
  const missing = await unanalysedOriginals(store);
  const { analyses, fresh } = await readAnalyses(store, missing);
  const docs: (ArticleMentions & { seq: number })[] = [
    ...stored.map((a) => ({ articleId: a.articleId, seq: a.seq, mentions: formMentions(a.forms) })),
    ...analyses.map((a, i) => ({ articleId: a.article.id, seq: missing[i]!.seq, mentions: a.mentions })),
  ].sort((x, y) => x.seq - y.seq);
  const entities = groupEntities(docs)
    .filter((e) => !query.type || e.type === query.type)
    .slice(0, query.limit)
    .map(entityRecord);
  return { scanned: docs.length, entities, fresh };
}

/** Originals (no near-duplicate copies) whose stored analysis is missing or of another analyser version, in `seq` order. */
export async function unanalysedOriginals(store: Store): Promise<StoredArticle[]> {
  // Usually none: two counts say so without walking every article (the walk reads each article's row).
  const versions = await store.analyses.versions();
  if (Object.keys(versions).every((v) => Number(v) === ANALYSIS_VERSION) && (versions[ANALYSIS_VERSION] ?? 0) === await store.articles.count()) return [];
  const PAGE = 500;
  const out: StoredArticle[] = [];
  for (let after = 0; ;) {
    const page = await store.analyses.outdated(ANALYSIS_VERSION, after, PAGE);
    if (page.length === 0) return out;
    out.push(...(await store.articles.getMany(page.map((o) => o.articleId))).filter((a) => !a.duplicateOf));
    after = page[page.length - 1]!.seq;
  }
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
