/** Seed articles for search and API tests, read through the real ingest path. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toArticle } from '../../src/ingest/article.ts';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import type { Article } from '../../src/types.ts';

export const SEED_DIR = new URL('../../samples/kim-putin-2023/', import.meta.url).pathname;

/** The five seeds as articles, with a fixed ingest time so runs are reproducible. */
export function seedArticles(): Article[] {
  return readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const path = join(SEED_DIR, file);
    return toArticle(readPlainText(readFileSync(path, 'utf8'), path), '2026-01-01T00:00:00.000Z');
  });
}

/** A hand-made article for filters the seeds do not cover (other outlet, language, date). */
export function makeArticle(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, origin: `test/${id}.txt`, format: 'text', language: 'pl', text, removed: [], ingestedAt: '2026-01-01T00:00:00.000Z', ...extra };
}
