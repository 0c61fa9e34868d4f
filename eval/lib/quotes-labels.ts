/**
 * Loader and matchers for the hand labels in eval/data/seeds-labels (see GUIDELINE.md there),
 * shared by the quotes, time and hedges suites. Labels name their text by verbatim snippets;
 * a snippet listed n times stands for its first n occurrences.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Language, Published, Span } from '../../src/types.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { findMentions, type Mention } from '../../src/analysis/entities/index.ts';

export const DEFAULT_LABELS_PATH = new URL('../data/seeds-labels/', import.meta.url).pathname;
const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const LABEL_FILES = ['seeds.json', 'written-pl.json', 'written-en.json', 'heldout.json'];

export interface QuoteLabel {
  readonly text: string;
  readonly kind: 'direct' | 'indirect' | 'mixed';
  readonly speaker: readonly string[] | null;
}

export interface TimeLabel {
  readonly text: string;
  readonly value: string;
}

export interface LabelledDoc {
  readonly id: string;
  readonly language: Language;
  readonly text: string;
  readonly published?: Published;
  readonly sentences: readonly Span[];
  readonly mentions: readonly Mention[];
  readonly quotes: readonly (QuoteLabel & Span)[];
  readonly times: readonly (TimeLabel & Span)[];
  /** Spans of the hedged-sentence snippets. */
  readonly hedged: readonly Span[];
}

interface RawDoc {
  id: string;
  language: Language;
  source?: string;
  text?: string;
  published?: Published;
  quotes: QuoteLabel[];
  times: TimeLabel[];
  hedged: string[];
}

/** All labelled documents, analysed up to the input the stages need; undefined when absent. */
export function loadLabelledDocs(dir = DEFAULT_LABELS_PATH): LabelledDoc[] | undefined {
  const files = LABEL_FILES.map((f) => `${dir.replace(/\/?$/, '/')}${f}`);
  if (!files.every(existsSync)) return undefined;
  return files.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as RawDoc[]).map(prepare));
}

function prepare(raw: RawDoc): LabelledDoc {
  let text = raw.text ?? readFileSync(`${REPO_ROOT}${raw.source}`, 'utf8');
  let published = raw.published;
  // Seed files carry their date as " date YYYY-MM[-DD] " before the text (DESIGN §4).
  const date = /^ date (\d{4}-\d{2}(?:-\d{2})?) /.exec(text);
  if (date) {
    text = text.slice(date[0].length);
    published = { value: date[1]!, precision: date[1]!.length > 7 ? 'day' : 'month' };
  }
  const sentences = splitSentences(text, raw.language);
  const mentions = findMentions(text, raw.language, sentences);
  return {
    id: raw.id,
    language: raw.language,
    text,
    ...(published ? { published } : {}),
    sentences,
    mentions,
    quotes: locate(text, raw.quotes, (q) => q.text),
    times: locate(text, raw.times, (t) => t.text),
    hedged: locate(text, raw.hedged.map((h) => ({ h })), (x) => x.h).map(({ start, end }) => ({ start, end })),
  };
}

/** Each label's snippet → its span; repeated snippets take successive occurrences. */
function locate<T>(text: string, labels: readonly T[], snippet: (l: T) => string): (T & Span)[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const s = snippet(l);
    const from = seen.get(s) ?? 0;
    const start = text.indexOf(s, from);
    if (start < 0) throw new Error(`label snippet not found: ${JSON.stringify(s)}`);
    seen.set(s, start + 1);
    return { ...l, start, end: start + s.length };
  });
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Whether a predicted speaker (name plus description) satisfies one of the labelled
 * alternatives: every word of the alternative matches a predicted word, exactly or by stem
 * (all but the last two letters, at least four), so "Sullivana" meets "Sullivan".
 */
export function speakerMatches(predicted: readonly string[], alternatives: readonly string[]): boolean {
  const words = predicted.flatMap(tokens);
  return alternatives.some((alt) => tokens(alt).every((w) => words.some((p) => sameWord(w, p))));
}

function tokens(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= Math.max(4, Math.min(a.length, b.length) - 2);
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
