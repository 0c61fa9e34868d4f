/** Hand-built analyses for synthesis tests: sentences split on terminal punctuation, given mentions. */
import type { SynthesisArticle, EpistemicStatus, InputMention, InputTime } from '../../src/synthesis/input.ts';
import type { EntityType } from '../../src/types.ts';
import { analyzeArticle, type ArticleAnalysis } from '../../src/analysis/index.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { synthesizeStory, type StoryReport } from '../../src/synthesis/index.ts';
import { storyFeatures, type SentenceFeatures, type StoryFeatures } from '../../src/synthesis/features.ts';
import { loadSeedAnalyses } from '../../eval/lib/synthesis-seeds.ts';

export interface HandArticle {
  readonly id: string;
  readonly text: string;
  readonly published?: string;
  readonly language?: 'pl' | 'en';
  readonly duplicateOf?: string;
  /** [surface, base, type, key]: every occurrence of `surface` becomes a mention. */
  readonly entities?: readonly (readonly [string, string, EntityType, string])[];
  /** [surface, value]: every occurrence becomes a time expression. */
  readonly times?: readonly (readonly [string, string])[];
  /** Sentences (by index) with a status other than asserted. */
  readonly statuses?: Readonly<Record<number, EpistemicStatus>>;
}

export function handArticle(h: HandArticle): SynthesisArticle {
  const sentences = [...h.text.matchAll(/[^.!?\n]+[.!?]+/g)].map((m, index) => {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    return { index, paragraph: 0, start, end: m.index + m[0].length, text: m[0].trim(), tokens: [] };
  });
  const sentenceAt = (offset: number): number => sentences.findIndex((s) => s.start <= offset && offset < s.end);
  const mentions: InputMention[] = [];
  for (const [surface, base, type, key] of h.entities ?? []) {
    for (const m of h.text.matchAll(new RegExp(surface, 'g'))) {
      mentions.push({ start: m.index, end: m.index + surface.length, text: surface, base, type, key, sentence: sentenceAt(m.index) });
    }
  }
  const times: InputTime[] = [];
  for (const [surface, value] of h.times ?? []) {
    for (const m of h.text.matchAll(new RegExp(surface, 'g'))) {
      times.push({ start: m.index, end: m.index + surface.length, text: surface, value, granularity: 'day', sentence: sentenceAt(m.index) });
    }
  }
  return {
    article: {
      id: h.id,
      origin: `${h.id}.txt`,
      format: 'text',
      language: h.language ?? 'pl',
      text: h.text,
      removed: [],
      ingestedAt: '2026-01-01T00:00:00Z',
      ...(h.published && { published: { value: h.published, precision: 'month' as const } }),
      ...(h.duplicateOf && { duplicateOf: h.duplicateOf }),
    },
    sentences,
    mentions: mentions.sort((a, b) => a.start - b.start),
    quotes: [],
    times,
    statuses: Object.entries(h.statuses ?? {}).map(([sentence, status]) => ({ sentence: Number(sentence), status, cues: [] })),
  };
}

/** A story of one analysed article (the real analysis layers) per [outlet, publication day, text]. */
export function analysedStory(reports: readonly (readonly [string, string, string])[]): StoryReport {
  return synthesizeStory({ id: 's', articles: analysedArticles(reports) });
}

/** The real analysis of one article per [outlet, publication day, text]. */
export function analysedArticles(reports: readonly (readonly [string, string, string])[]): ArticleAnalysis[] {
  return reports.map(([outlet, day, text], i) =>
    analyzeArticle(toArticle({ origin: `https://${outlet}.example/${i}`, format: 'text', text, published: { value: day, precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
}

/** A report's conflicts of one slot as [kind, value (state)…]. */
export const conflictPairs = (report: StoryReport, slot: string): string[][] =>
  report.conflicts.filter((c) => c.slot === slot).map((c) => [c.kind, ...c.values.map((v) => `${v.value}${v.state ? ` (${v.state})` : ''}`)]);

/**
 * One-sentence articles analysed beside the five seed articles, so that word rarity is a story's:
 * the story's features and each named text's sentence.
 */
export function besideSeeds<K extends string>(texts: Record<K, string>, published: string): { features: StoryFeatures; by: ReadonlyMap<K, SentenceFeatures> } {
  const seeds = loadSeedAnalyses().analyses;
  const names = Object.keys(texts) as K[];
  const extra = names.map((name) =>
    analyzeArticle(toArticle({ origin: `https://${name}.example/a`, format: 'text', text: texts[name], published: { value: published, precision: 'day' } }, '2026-01-01T00:00:00.000Z')),
  );
  const features = storyFeatures([...seeds, ...extra]);
  return { features, by: new Map(names.map((name, i) => [name, features.byArticle[seeds.length + i]![0]!])) };
}
