/**
 * Test documents for the quotes, time and epistemic stages: a seed article or a written text,
 * split into sentences, with entity mentions built by hand (so these tests do not move when the
 * entity stage changes).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitSentences } from '../../../src/text/index.ts';
import { findQuotes, type MentionLike, type Quote } from '../../../src/analysis/quotes/index.ts';
import type { EntityType, Language, Published, Span } from '../../../src/types.ts';

export interface Doc {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly Span[];
  readonly published?: Published;
  readonly mentions: MentionLike[];
}

const SEEDS = new URL('../../../samples/kim-putin-2023/', import.meta.url);
const SEED_FILES: Record<string, string> = {
  '000': '000_4ef9714851e140eb.txt',
  '001': '001_0c56ce6a609955a6.txt',
  '002': '002_a31a041b0d5d493a.txt',
  '003': '003_5207469bb4f575c4.txt',
  '004': '004_1f69318a9cec8a4d.txt',
};

/** A seed article with its " date …" prefix taken off and used as the publication date. */
export function seed(id: keyof typeof SEED_FILES & string): Doc {
  const raw = readFileSync(new URL(SEED_FILES[id]!, SEEDS), 'utf8');
  const date = /^ date (\S+) /.exec(raw);
  const text = date ? raw.slice(date[0].length) : raw;
  return doc(text, 'pl', date ? { value: date[1]!, precision: 'month' } : undefined);
}

export function doc(text: string, language: Language, published?: Published): Doc {
  return { text, language, sentences: splitSentences(text, language), mentions: [], ...(published ? { published } : {}) };
}

/** Adds a mention for every occurrence of `surface` (whole words) and returns the doc. */
export function withMention(d: Doc, surface: string, base: string, type: EntityType): Doc {
  const re = new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const m of d.text.matchAll(re)) {
    d.mentions.push({ start: m.index!, end: m.index! + surface.length, text: surface, base, type, key: base.toLowerCase() });
  }
  d.mentions.sort((a, b) => a.start - b.start);
  return d;
}

/** Several mentions at once: [surface, base, type] each, as withMention takes them. */
export function withMentions(d: Doc, ...entries: [string, string, EntityType][]): Doc {
  for (const [surface, base, type] of entries) withMention(d, surface, base, type);
  return d;
}

/** The quotes found in a test document. */
export function quotes(d: Doc): Quote[] {
  return findQuotes({ text: d.text, language: d.language, sentences: d.sentences, mentions: d.mentions });
}

/** The quote containing `fragment`; fails the test, listing what was found, when there is none. */
export function quoteWith(all: readonly Quote[], fragment: string): Quote {
  const q = all.find((x) => x.text.includes(fragment));
  assert.ok(q, `no quote containing ${JSON.stringify(fragment)}; got ${JSON.stringify(all.map((x) => x.text.slice(0, 40)))}`);
  return q;
}
