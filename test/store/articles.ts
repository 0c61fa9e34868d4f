/**
 * Article records for store tests, built from the real seed texts in samples/kim-putin-2023.
 * Parsing here is deliberately minimal (date line, trimmed text): the store must not depend on
 * the ingest readers, which are tested on their own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Published } from '../../src/types.ts';

export const SEED_DIR = fileURLToPath(new URL('../../samples/kim-putin-2023/', import.meta.url));

/** 16 hex digits of SHA-256, the same shape as ingest's ids (docs/SCHEMA.md). */
export function articleId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface Seed {
  readonly file: string;
  readonly text: string;
  readonly published?: Published;
}

const DATE_LINE = /^ date (\d{4}-\d{2}(?:-\d{2})?) /;

export function readSeeds(): Seed[] {
  return readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const raw = readFileSync(join(SEED_DIR, file), 'utf8');
    const date = DATE_LINE.exec(raw);
    const text = (date ? raw.slice(date[0].length) : raw).trim();
    if (!date) return { file, text };
    return { file, text, published: { value: date[1], precision: date[1].length === 7 ? 'month' : 'day' } };
  });
}

/** A minimal valid article for `text`; fields can be overridden. */
export function makeArticle(text: string, fields: Partial<Article> = {}): Article {
  return {
    id: articleId(text),
    origin: `test/${articleId(text)}.txt`,
    format: 'text',
    language: 'pl',
    text,
    removed: [],
    ingestedAt: '2026-11-23T12:00:00.000Z',
    ...fields,
  };
}

export function seedArticle(seed: Seed, fields: Partial<Article> = {}): Article {
  // No `published` key at all for the undated seed: a round trip must not invent one.
  const dated = seed.published ? { published: seed.published } : {};
  return makeArticle(seed.text, { origin: `samples/kim-putin-2023/${seed.file}`, ...dated, ...fields });
}

/** `text` with its `n`-th sentence (0-based, split on ". ") replaced: a lightly edited copy. */
export function replaceSentence(text: string, n: number, replacement: string): string {
  const sentences = text.split(/(?<=\.) /);
  if (n >= sentences.length) throw new RangeError(`text has only ${sentences.length} sentences`);
  sentences[n] = replacement;
  return sentences.join(' ');
}
