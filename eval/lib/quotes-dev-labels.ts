/**
 * Scores quote speakers on the hand-labelled development sample (eval/data/quotes-dev/labels.json,
 * guideline in README.md there): BSNLP articles outside every labelled synthesis story, each quote
 * named by a snippet inside it and the speaker a reader should see, in the base form. A speaker is
 * right only when the name shown (src/synthesis/quotes.ts over the article alone) equals one of the
 * labelled alternatives, case aside: the story report's key quotes are scored the same way
 * (eval/lib/synthesis-metrics.ts keyQuoteShown), so "Sullivana" or "Sullivan" for "Jake Sullivan" is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadBsnlp } from './bsnlp.ts';
import { analyse, shownQuotes } from './quotes-dev.ts';

const LABELS_DIR = new URL('../data/quotes-dev/', import.meta.url).pathname;

interface RawArticle {
  readonly topic: string;
  readonly file: string;
  readonly quotes: readonly { readonly text: string; readonly kind: string; readonly speaker: readonly string[] | null }[];
}

export interface DevQuoteScore {
  readonly labelled: number;
  readonly found: number;
  readonly withSpeaker: number;
  readonly rightSpeaker: number;
  readonly errors: readonly string[];
}

const norm = (s: string): string => s.toLocaleLowerCase('pl').replace(/[’‘`]/gu, "'").replace(/\s+/gu, ' ').trim();

/**
 * One label file of eval/data/quotes-dev (`labels.json`: the sample the rules were read on;
 * `heldout.json`: labelled after them, never tuned on). Undefined when it or the BSNLP data is absent.
 */
export function scoreDevQuotes(bsnlpPath: string, file = 'labels.json'): DevQuoteScore | undefined {
  const path = `${LABELS_DIR}${file}`;
  if (!existsSync(path) || !existsSync(bsnlpPath)) return undefined;
  const labelled = JSON.parse(readFileSync(path, 'utf8')) as RawArticle[];
  const topics = [...new Set(labelled.map((a) => a.topic))];
  const docs = new Map(loadBsnlp(bsnlpPath, { topics }).map((d) => [`${d.topic}/${d.file}`, d]));
  let count = 0, found = 0, withSpeaker = 0, rightSpeaker = 0;
  const errors: string[] = [];
  for (const raw of labelled) {
    const doc = docs.get(`${raw.topic}/${raw.file}`);
    if (!doc) throw new Error(`${raw.topic}/${raw.file}: labelled file missing from the BSNLP data`);
    const a = analyse(doc);
    const text = a.article.text;
    const quotes = shownQuotes(a);
    for (const label of raw.quotes) {
      count++;
      const start = text.indexOf(label.text);
      if (start < 0) throw new Error(`${raw.file}: label snippet not found: ${JSON.stringify(label.text)}`);
      const end = start + label.text.length;
      const overlap = (q: { start: number; end: number }): number => Math.min(q.end, end) - Math.max(q.start, start);
      const match = quotes.filter((q) => overlap(q) > 0).sort((x, y) => overlap(y) - overlap(x))[0];
      if (!match) {
        errors.push(`missed ${raw.file}: ${label.text}`);
        continue;
      }
      found++;
      if (!label.speaker) continue;
      withSpeaker++;
      if (match.speaker !== undefined && label.speaker.some((s) => norm(s) === norm(match.speaker!))) rightSpeaker++;
      else errors.push(`speaker ${raw.file}: got ${JSON.stringify(match.speaker ?? null)} want ${JSON.stringify(label.speaker)} · ${label.text}`);
    }
  }
  return { labelled: count, found, withSpeaker, rightSpeaker, errors };
}
