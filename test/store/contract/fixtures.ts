/**
 * Real records for the contract suite, made by the real pure stages from the bundled seeds: the
 * articles, their stored analyses, search documents and story inputs. Analysed once per process.
 */
import { hydrateAnalysis, type AnalysisPayload } from '../../../src/analysis/stored.ts';
import { ANALYSIS_VERSION } from '../../../src/analysis/version.ts';
import { analysePayload, storyInput } from '../../../src/app/analyse.ts';
import { searchDocument } from '../../../src/search/terms.ts';
import type { SearchDocument } from '../../../src/search/types.ts';
import type { Store, StoredAnalysis, StoryInput } from '../../../src/store/store.ts';
import type { Article } from '../../../src/types.ts';
import { readSeeds, seedArticle, type Seed } from '../articles.ts';

export const seeds: readonly Seed[] = readSeeds();

/** The five seeds as articles, outlets and URLs filled in so filters have something to hold. */
export const seedArticles: readonly Article[] = seeds.map((seed, i) => seedArticle(seed, {
  outlet: ['TVN24', 'Onet', 'tvn24', 'PAP', 'Reuters'][i],
  url: `https://news.example/${i}`,
}));

const payloads = new Map<string, AnalysisPayload>();

export function payloadOf(article: Article): AnalysisPayload {
  let payload = payloads.get(article.id);
  if (!payload) {
    payload = analysePayload(article);
    payloads.set(article.id, payload);
  }
  return payload;
}

export function storedAnalysis(article: Article, version = ANALYSIS_VERSION): StoredAnalysis {
  return { articleId: article.id, version, payload: payloadOf(article) };
}

export function documentOf(article: Article): SearchDocument {
  return searchDocument(article.id, hydrateAnalysis(article, payloadOf(article)).sentences);
}

export function inputOf(article: Article): StoryInput {
  return storyInput(article, payloadOf(article));
}

/** What a store holds of its analyses' digests, for comparing a store before and after a migration. */
export async function digestsOf(store: Store) {
  return {
    forms: await store.analyses.entityForms(ANALYSIS_VERSION),
    timeline: await store.analyses.timeline(ANALYSIS_VERSION),
    undated: await store.analyses.undated(ANALYSIS_VERSION),
  };
}
