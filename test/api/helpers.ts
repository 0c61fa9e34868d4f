/** An app over an in-memory store and search index holding the five seeds. */
import Database from 'better-sqlite3';
import { createApp, type AppOptions } from '../../src/api/app.ts';
import type { ArticleAnalyzer } from '../../src/api/analysis.ts';
import { findMentions } from '../../src/analysis/entities/index.ts';
import { createSqliteSearchIndex, type SearchIndex } from '../../src/search/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/legacy.ts';
import { analyzeText } from '../../src/text/index.ts';
import { seedArticles } from '../search/helpers.ts';

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly search: SearchIndex;
  close(): void;
}

/**
 * Sentences and entity mentions from the real text and entity layers; quotes, times and statuses
 * left empty, so route tests do not depend on every analysis stage.
 */
export const mentionsOnly: ArticleAnalyzer = (article) => {
  const sentences = analyzeText(article.text, article.language);
  return {
    article, sentences, mentions: findMentions(article.text, article.language, sentences),
    quotes: [], times: [], events: [], statuses: [],
  };
};

export function seededApp(options: Partial<AppOptions> = {}): TestApp {
  const store = openSqliteStore(':memory:');
  const search = createSqliteSearchIndex(new Database(':memory:'));
  const seeds = seedArticles();
  store.saveArticles(seeds);
  search.indexArticles(seeds);
  const app = createApp({
    store, search, analyze: mentionsOnly, log: () => {}, now: () => new Date('2026-01-02T00:00:00Z'), ...options,
  });
  return { app, store, search, close: () => { search.close(); store.close(); } };
}

export async function getJson(app: TestApp['app'], path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path}: response is not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
