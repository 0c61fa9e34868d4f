/**
 * Articles for the stories eval, tests and bench: the Kim–Putin seeds, the hand-written off-topic
 * set (eval/data/stories/off-topic) and BSNLP pl dev documents, all as `Article` records with a
 * gold label, plus the feature extraction the eval uses (real text/entity layers when present).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasBsnlp, loadBsnlp } from './bsnlp.ts';
import { featuresOf } from '../../src/app/analyse.ts';
import { extractFeatures, type ArticleFeatures } from '../../src/stories/features.ts';
import { detectLanguage } from '../../src/text/language.ts';
import type { Article, DatePrecision, Published } from '../../src/types.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../samples/kim-putin-2023/', import.meta.url));
export const OFF_TOPIC_DIR = fileURLToPath(new URL('../data/stories/off-topic/', import.meta.url));
export const EVENT_LABELS_FILE = fileURLToPath(new URL('../data/stories/events.tsv', import.meta.url));
/** A second, independent annotation of the same files: the human agreement the event target is read against. */
export const SECOND_EVENT_LABELS_FILE = fileURLToPath(new URL('../data/stories/events-annotator2.tsv', import.meta.url));

export interface LabelledArticle {
  readonly article: Article;
  /** Storyline label: the BSNLP topic, `kim-putin` for seeds, the file stem for an off-topic text. */
  readonly storyline: string;
}

/**
 * Parse a file in seed format: optional leading ` date YYYY-MM[-DD]` on line 1, the text continuing
 * on that line, paragraphs split by blank lines. The language is identified from the text, as
 * ingest does (the off-topic set and the English fixture mix Polish and English).
 */
export function parseSeedFile(id: string, raw: string): Article {
  let text = raw;
  let published: Published | undefined;
  const date = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*/.exec(text);
  if (date) {
    const precision: DatePrecision = date[1].length === 7 ? 'month' : 'day';
    published = { value: date[1], precision };
    text = text.slice(date[0].length);
  }
  text = text.trim().split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n');
  const language = detectLanguage(text);
  return {
    id,
    origin: id,
    format: 'text',
    ...(published ? { published } : {}),
    language,
    text,
    removed: [],
    ingestedAt: '2026-11-23T00:00:00Z',
  };
}

function readSeedDir(dir: string, label: (stem: string) => string, prefix: string): LabelledArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const stem = f.replace(/\.txt$/, '');
    return { article: parseSeedFile(`${prefix}${stem}`, readFileSync(join(dir, f), 'utf8')), storyline: label(stem) };
  });
}

export function loadSeeds(dir = SEEDS_DIR): LabelledArticle[] {
  return readSeedDir(dir, () => 'kim-putin', 'seed-');
}

/** Every off-topic text is its own storyline: they were written about unrelated events. */
export function loadOffTopic(dir = OFF_TOPIC_DIR): LabelledArticle[] {
  return readSeedDir(dir, (stem) => `off-${stem}`, 'off-');
}

/** BSNLP documents as articles; id = `<topic>/<file>`; text = body without the title line. */
export function loadBsnlpArticles(path: string): LabelledArticle[] {
  if (!hasBsnlp(path)) return [];
  return loadBsnlp(path).map((d) => {
    const newline = d.text.indexOf('\n');
    const body = (newline < 0 ? '' : d.text.slice(newline + 1)).trim();
    return {
      article: {
        id: `${d.topic}/${d.file}`,
        origin: d.url ?? d.file,
        format: 'text' as const,
        title: d.title,
        ...(d.published ? { published: d.published } : {}),
        language: 'pl' as const,
        ...(d.url ? { outlet: new URL(d.url).hostname.replace(/^www\./, '') } : {}),
        text: body,
        removed: [],
        ingestedAt: '2026-11-23T00:00:00Z',
      },
      storyline: d.topic,
    };
  });
}

/** File name → hand-labelled event id (eval/data/stories/events.tsv: `topic/file<TAB>event`). */
export function loadEventLabels(file = EVENT_LABELS_FILE): Map<string, string> {
  const labels = new Map<string, string>();
  if (!existsSync(file)) return labels;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const clean = line.replace(/#.*/, '').trim();
    if (!clean) continue;
    const [id, event] = clean.split('\t');
    if (id && event) labels.set(id, event.trim());
  }
  return labels;
}

export interface Featuriser {
  /** 'layers': real lemmas and entity keys (what the product uses); 'surface': the crude fallback. */
  readonly source: 'layers' | 'surface';
  features(article: Article): ArticleFeatures;
}

/** The product's features (src/app/stories.ts featuresOf), or the surface fallback for comparison. */
export async function createFeaturiser(options: { surface?: boolean } = {}): Promise<Featuriser> {
  if (!options.surface) return { source: 'layers', features: featuresOf };
  return {
    source: 'surface',
    features(article) {
      return extractFeatures(article.title ? { ...article, text: `${article.title}\n\n${article.text}` } : article);
    },
  };
}
