/**
 * The labels of one synthesis eval story (format in eval/data/synthesis/GUIDELINE.md) and how they
 * are found in the articles: labels name a file and a short key phrase, never copy the text, so every
 * phrase is located here in the article's clean text, and a phrase that is absent fails loudly with
 * the story, file and phrase (a stale label must not quietly score as an engine error).
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../../src/types.ts';
import type { LoadedStory, StorySource } from './synthesis-stories.ts';
import type { LabelledConflict, LabelledFact } from './synthesis-metrics.ts';

/** The reader-facing statuses a sentence can carry in the report (docs/SCHEMA.md, story report). */
export type LabelledStatus = 'asserted' | 'attributed' | 'hedged' | 'confirmed' | 'denied' | 'superseded';

export interface FactLabel {
  readonly id: string;
  readonly claim: string;
  /** File → key phrase(s) of a sentence stating the fact; every supporting file is listed. */
  readonly support: Readonly<Record<string, string | readonly string[]>>;
}

export interface StatusLabel {
  readonly file: string;
  readonly phrase: string;
  readonly status: LabelledStatus;
  readonly note?: string;
}

export interface NotConflictLabel {
  readonly kind: 'different-happening' | 'different-measure' | 'partial-list' | 'same-source' | 'approximation';
  readonly slot: LabelledConflict['slot'];
  readonly values: readonly string[];
  readonly note?: string;
}

export interface QuoteLabel {
  readonly file: string;
  readonly phrase: string;
  readonly speaker: string | readonly string[];
}

/**
 * `tune`: rules may be tuned on it; `heldout`: held out once (its errors since read); `fresh`: labelled
 * later, its errors read in the next round; `blind`: labelled while the rules were tuned on all of the
 * others, never read.
 */
export type Split = 'tune' | 'heldout' | 'fresh' | 'blind';
const SPLITS: readonly Split[] = ['tune', 'heldout', 'fresh', 'blind'];

export interface StoryLabels {
  readonly story: string;
  readonly split: Split;
  readonly source: StorySource;
  readonly labelledBy?: string;
  /** Origin name → files that are one origin beyond the one-outlet rule (declared reprints, copies). */
  readonly origins?: Readonly<Record<string, readonly string[]>>;
  readonly facts?: readonly FactLabel[];
  readonly lead?: readonly string[];
  readonly statuses?: readonly StatusLabel[];
  readonly conflicts: readonly LabelledConflict[];
  readonly notConflicts?: readonly NotConflictLabel[];
  readonly keyQuotes?: readonly QuoteLabel[];
  /** The seed story's first key-fact labels (verbatim phrases); BSNLP stories use `facts`. */
  readonly keyFacts?: readonly LabelledFact[];
}

export function readStoryLabels(path: string): StoryLabels {
  const labels = JSON.parse(readFileSync(path, 'utf8')) as StoryLabels & { seedDir?: string };
  // The first label file named its folder at the top level.
  if (!SPLITS.includes(labels.split)) throw new Error(`${path}: split must be one of ${SPLITS.join(', ')}, not ${JSON.stringify(labels.split)}`);
  if (!labels.source && labels.seedDir) return { ...labels, source: { seedDir: labels.seedDir } };
  return labels;
}

/** A located phrase: the article and the span of the sentence holding it. */
export interface Located {
  readonly article: string;
  readonly at: number;
  readonly sentence: Span;
}

export interface StoryText {
  readonly idByFile: ReadonlyMap<string, string>;
  readonly texts: ReadonlyMap<string, string>;
  readonly sentences: ReadonlyMap<string, readonly Span[]>;
}

/** Where `phrase` sits in `file`; throws naming the story, file and phrase when it is not there. */
export function locate(story: string, text: StoryText, file: string, phrase: string): Located {
  const article = text.idByFile.get(file);
  if (!article) throw new Error(`${story}: ${file} is labelled but not among the story's files`);
  const body = text.texts.get(article)!;
  const at = body.indexOf(phrase);
  if (at < 0) throw new Error(`${story}: phrase not found in ${file}: "${phrase}"`);
  const sentence = text.sentences.get(article)!.find((s) => s.start <= at && at < s.end) ?? { start: at, end: at + phrase.length };
  return { article, at, sentence };
}

/** The story's texts as the labels are located in them. */
export function storyText(story: LoadedStory): StoryText {
  return {
    idByFile: story.idByFile,
    texts: new Map(story.analyses.map((a) => [a.article.id, a.article.text])),
    sentences: new Map(story.analyses.map((a) => [a.article.id, a.sentences])),
  };
}

/** Every file and phrase a story's labels name: facts' support, statuses and key quotes. */
export function labelledPhrases(labels: StoryLabels): { readonly file: string; readonly phrase: string }[] {
  return [
    ...(labels.facts ?? []).flatMap((f) => Object.entries(f.support).flatMap(([file, p]) => phrasesOf(p).map((phrase) => ({ file, phrase })))),
    ...(labels.statuses ?? []).map(({ file, phrase }) => ({ file, phrase })),
    ...(labels.keyQuotes ?? []).map(({ file, phrase }) => ({ file, phrase })),
  ];
}

export function phrasesOf(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * Article id → origin: the listed group (a declared reprint takes its agency's origin, a verbatim copy
 * the copied article's), else the outlet (web host), else the article itself.
 */
export function goldOrigins(labels: StoryLabels, text: StoryText, outletOf: (article: string) => string | undefined): Map<string, string> {
  const origin = new Map<string, string>();
  for (const [file, article] of text.idByFile) origin.set(article, outletOf(article) ?? `article:${file}`);
  for (const [name, files] of Object.entries(labels.origins ?? {})) {
    for (const file of files) {
      const article = text.idByFile.get(file);
      if (!article) throw new Error(`${labels.story}: origin group ${name} names ${file}, not among the story's files`);
      origin.set(article, name);
    }
  }
  return origin;
}
