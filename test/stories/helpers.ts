/** Shared fixtures for the story tests: seeds, off-topic texts and the English Kim–Putin article. */
import { readFileSync } from 'node:fs';
import { extractFeatures, type ArticleFeatures } from '../../src/stories/features.ts';
import type { Article } from '../../src/types.ts';
import { loadOffTopic, loadSeeds, parseSeedFile } from '../../eval/lib/stories-data.ts';

/** Surface features keep these tests independent of the text/entity layers' progress. */
export function features(articles: readonly { article: Parameters<typeof extractFeatures>[0] }[]): ArticleFeatures[] {
  return articles.map((a) => extractFeatures(a.article));
}

export const seeds = (): ArticleFeatures[] => features(loadSeeds());
export const offTopic = (): ArticleFeatures[] => features(loadOffTopic());

export function englishKimPutinArticle(): Article {
  return parseSeedFile('en-kim-putin', readFileSync(new URL('fixtures/kim-putin-en.txt', import.meta.url), 'utf8'));
}

export function englishKimPutin(): ArticleFeatures {
  return extractFeatures(englishKimPutinArticle());
}
