/**
 * Loads the articles of one labelled synthesis story (eval/data/synthesis/<story>.json) through the
 * real ingest and analysis layers: a folder of seed-format files inside the repository, or a list
 * of BSNLP dev files read from the data path (never copied here). Used by the synthesis eval and
 * the labelling helper (eval/lib/synthesis-show.ts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle, type ArticleAnalysis } from '../../src/analysis/index.ts';
import { DEFAULT_BSNLP_PATH } from '../types.ts';
import { loadSeedAnalyses } from './synthesis-seeds.ts';
import { hasBsnlp, loadBsnlp } from './bsnlp.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A fixed ingest time keeps article records reproducible. */
const INGESTED_AT = '2026-01-01T00:00:00.000Z';

/** Where a story's articles come from: a seed folder in the repository, or BSNLP dev files. */
export type StorySource =
  | { readonly seedDir: string }
  | { readonly bsnlp: { readonly topic: string; readonly files: readonly string[] } };

export interface LoadedStory {
  readonly analyses: ArticleAnalysis[];
  /** File name (as the labels write it) → article id. */
  readonly idByFile: ReadonlyMap<string, string>;
}

/** Undefined when the story's files are not on this machine (the eval then skips the story). */
export function loadStory(source: StorySource, bsnlpPath: string = DEFAULT_BSNLP_PATH): LoadedStory | undefined {
  if ('seedDir' in source) {
    const dir = resolve(REPO_ROOT, source.seedDir);
    if (!existsSync(dir)) return undefined;
    const { analyses, byFile } = loadSeedAnalyses(dir);
    return { analyses, idByFile: new Map([...byFile].map(([file, a]) => [file, a.id])) };
  }
  const { topic, files } = source.bsnlp;
  if (!hasBsnlp(bsnlpPath)) return undefined;
  const docs = new Map(loadBsnlp(bsnlpPath, { topics: [topic] }).map((d) => [d.file, d]));
  const analyses: ArticleAnalysis[] = [];
  const idByFile = new Map<string, string>();
  for (const file of files) {
    const doc = docs.get(file);
    if (!doc) throw new Error(`${join(bsnlpPath, 'raw', topic, 'pl', file)}: labelled file missing from the BSNLP data`);
    const newline = doc.text.indexOf('\n');
    // A few files hold only a headline: that line is then the article's whole text.
    const body = newline < 0 || !doc.text.slice(newline + 1).trim() ? doc.title : doc.text.slice(newline + 1);
    // As a URL ingest would record it: the page address names the outlet.
    const raw = { origin: join(bsnlpPath, 'raw', topic, 'pl', file), format: 'text' as const, text: body, title: doc.title, ...(doc.url && { url: doc.url }), ...(doc.published && { published: doc.published }) };
    const article = toArticle(raw, INGESTED_AT);
    analyses.push(analyzeArticle(article));
    idByFile.set(file, article.id);
  }
  return { analyses, idByFile };
}
