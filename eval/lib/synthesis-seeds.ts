/**
 * Loads a folder of seed-format articles (samples/kim-putin-2023) through the real ingest and
 * analysis layers, for the synthesis eval, bench and tests. I/O lives here, not in synthesis.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toArticle } from '../../src/ingest/article.ts';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import { analyzeArticle, type ArticleAnalysis } from '../../src/analysis/index.ts';
import type { Article } from '../../src/types.ts';

export const SEED_DIR = fileURLToPath(new URL('../../samples/kim-putin-2023/', import.meta.url));
/** A fixed ingest time keeps article records reproducible. */
const INGESTED_AT = '2026-01-01T00:00:00.000Z';

/** The seed articles, cleaned, in file-name order; keyed by file name in `byFile`. */
export function loadSeedArticles(dir: string = SEED_DIR): { articles: Article[]; byFile: Map<string, Article> } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const byFile = new Map<string, Article>();
  const articles = files.map((f) => {
    const article = toArticle(readPlainText(readFileSync(join(dir, f), 'utf8'), join(dir, f)), INGESTED_AT);
    byFile.set(f, article);
    return article;
  });
  return { articles, byFile };
}

/** The seed articles analysed, ready for `synthesizeStory`. */
export function loadSeedAnalyses(dir: string = SEED_DIR): { analyses: ArticleAnalysis[]; byFile: Map<string, Article> } {
  const { articles, byFile } = loadSeedArticles(dir);
  return { analyses: articles.map((a) => analyzeArticle(a)), byFile };
}
