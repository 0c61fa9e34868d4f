/**
 * Article ⇄ SQLite row. Optional fields are stored as NULL and come back absent (not
 * `undefined`-valued), so a round trip yields an object equal to the one saved.
 *
 * The clean text is stored deflated (a BLOB in the `text` column; SQLite keeps a BLOB as it is
 * whatever the column's declared type): Polish news text shrinks to about 40 %, and the text is
 * the largest part of a stored article (docs/BENCHMARKS.md, scale). Rows written before that hold
 * plain text and read back the same way.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article, DatePrecision, Language, RemovedBlock, SourceFormat } from '../../types.ts';
import type { StoredArticle } from '../store.ts';

export interface ArticleRow {
  readonly id: string;
  readonly seq: number;
  readonly origin: string;
  readonly format: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly published_value: string | null;
  readonly published_precision: string | null;
  readonly language: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly text: string | Buffer;
  readonly removed: string;
  readonly duplicate_of: string | null;
  readonly revision_of: string | null;
  readonly source_id: string | null;
  readonly fingerprint: Buffer | null;
  readonly ingested_at: string;
}

/** The stored form of an article's text. */
export function encodeText(text: string): Buffer {
  return deflateRawSync(text);
}

/** An article's text back from its column: deflated (current rows) or plain (older rows). */
export function decodeText(stored: string | Buffer): string {
  return typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
}

/** Named parameters of the insert statement (`seq` is assigned by SQL). */
export type ArticleParams = Omit<ArticleRow, 'seq'> & { readonly outlet_key: string | null };

/** The columns every read selects, in one place so the statements cannot disagree. */
export const ARTICLE_COLUMNS =
  'id, seq, origin, format, url, title, published_value, published_precision, language, outlet, author, ' +
  'text, removed, duplicate_of, revision_of, source_id, fingerprint, ingested_at';

// 32-bit unsigned values, little-endian whatever the host: a database file must read back the
// same on any machine it is copied to.
export function encodeFingerprint(signature: readonly number[]): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => buffer.writeUInt32LE(value, i * 4));
  return buffer;
}

export function decodeFingerprint(blob: Buffer): number[] {
  const values = new Array<number>(blob.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = blob.readUInt32LE(i * 4);
  return values;
}

/** Case-folded outlet for case-insensitive filters; JavaScript folds all of Unicode, SQLite only ASCII. */
export function outletKey(outlet: string | undefined): string | null {
  return outlet === undefined ? null : outlet.toLowerCase();
}

export function toParams(
  article: Article, signature: readonly number[], duplicateOf: string | undefined, revisionOf: string | undefined,
): ArticleParams {
  return {
    id: article.id,
    origin: article.origin,
    format: article.format,
    url: article.url ?? null,
    title: article.title ?? null,
    published_value: article.published?.value ?? null,
    published_precision: article.published?.precision ?? null,
    language: article.language,
    outlet: article.outlet ?? null,
    outlet_key: outletKey(article.outlet),
    author: article.author ?? null,
    text: encodeText(article.text),
    removed: JSON.stringify(article.removed ?? []),
    duplicate_of: duplicateOf ?? null,
    revision_of: revisionOf ?? null,
    source_id: article.sourceId ?? null,
    fingerprint: encodeFingerprint(signature),
    ingested_at: article.ingestedAt,
  };
}

export function fromRow(row: ArticleRow): StoredArticle {
  const article: { -readonly [K in keyof StoredArticle]: StoredArticle[K] } = {
    id: row.id,
    seq: row.seq,
    origin: row.origin,
    format: row.format as SourceFormat,
    language: row.language as Language,
    text: decodeText(row.text),
    removed: JSON.parse(row.removed) as RemovedBlock[],
    ingestedAt: row.ingested_at,
  };
  if (row.url !== null) article.url = row.url;
  if (row.title !== null) article.title = row.title;
  if (row.published_value !== null && row.published_precision !== null) {
    article.published = { value: row.published_value, precision: row.published_precision as DatePrecision };
  }
  if (row.outlet !== null) article.outlet = row.outlet;
  if (row.author !== null) article.author = row.author;
  if (row.duplicate_of !== null) article.duplicateOf = row.duplicate_of;
  if (row.revision_of !== null) article.revisionOf = row.revision_of;
  if (row.source_id !== null) article.sourceId = row.source_id;
  if (row.fingerprint !== null) article.fingerprint = decodeFingerprint(row.fingerprint);
  return article;
}

/** Rows of a lookup by id, as articles in the order the ids were asked for; ids not stored are left out. */
export function inIdOrder(ids: readonly string[], rows: readonly ArticleRow[]): StoredArticle[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [fromRow(row)] : [];
  });
}
