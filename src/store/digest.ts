/**
 * The stored form of an analysis digest (src/analysis/digest.ts), the same in both engines:
 * an article's entity forms are one deflated JSON blob (`analysis_entities.forms`), read whole by
 * store-wide entity listings; its time entries are rows (`analysis_times`), since the timeline is
 * a query over them ordered by value. docs/SCHEMA.md describes both tables.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { analysisDigest, type EntityForm, type TimeEntry } from '../analysis/digest.ts';
import type { AnalysisPayload } from '../analysis/stored.ts';
import type { EntityType } from '../types.ts';

/** A form as stored: [key, type, base, text or 0, guessed 1/0, count]. */
type StoredForm = readonly [string, EntityType, string, string | 0, 0 | 1, number];

export interface DigestRows {
  readonly forms: Buffer;
  readonly times: readonly TimeEntry[];
}

/** The digest rows of a stored analysis of the article with this text. */
export function digestRows(text: string, payload: AnalysisPayload): DigestRows {
  const { entities, times } = analysisDigest(text, payload);
  const stored: StoredForm[] = entities.map((f) => [f.key, f.type, f.base, f.text ?? 0, f.guessed ? 1 : 0, f.count]);
  return { forms: deflateRawSync(JSON.stringify(stored)), times };
}

export function decodeForms(blob: Buffer): EntityForm[] {
  return (JSON.parse(inflateRawSync(blob).toString('utf8')) as StoredForm[]).map(([key, type, base, text, guessed, count]) =>
    ({ key, type, base, ...(text !== 0 && { text }), guessed: guessed === 1, count }));
}

/**
 * SQL: whether article `a`'s event has a member dated to the month or finer, which is when
 * src/app/anchor.ts (storyMonth) gives an undated article an anchor. The same in both engines.
 */
export const ANCHORED = `EXISTS (SELECT 1 FROM story_members m JOIN story_members o ON o.level = 'event' AND o.story_id = m.story_id
  JOIN articles b ON b.id = o.article_id WHERE m.level = 'event' AND m.article_id = a.id AND b.published_precision IN ('month', 'day', 'minute'))`;

/** Rows per statement when a migration fills the digests from stored analyses. */
export const DIGEST_PAGE = 200;
