/**
 * The layout of PostgreSQL's search index since migration 013: an inverted index of Kronika's
 * own, contentless as SQLite's FTS5 table is (src/store/sqlite/search.ts). Per term and segment
 * its postings — which documents, which sentences, at which positions — as varints, packed with
 * the segment's neighbouring terms in blocks of ~2 KB (one row each, keyed by the block's first
 * term, as FTS5 packs its leaves); a search reads the blocks of its query's terms only, never a
 * copy of every matching sentence (005's one tsvector per sentence took 12.4 KB an article, of which 8.8 KB were the
 * vectors the GIN index pointed at; docs/BENCHMARKS.md, "PostgreSQL search as postings").
 *
 * Positions are the ones 005's sentence tsvector gave each lexeme (src/store/postgres/search.ts
 * `sentenceTerms`): words at 1…n with weight A, lemmas at n+2… with weight B, at most 256 a
 * lexeme, none past 16,383 — so phrases, weights and ts_rank come out as they did.
 *
 * Segments: each indexed batch writes one, at level 0; when a level holds MERGE_FANIN segments
 * they are merged into one a level up (the postings of removed documents dropped on the way), as
 * FTS5 merges its b-tree segments. A term is in one block of each segment that holds it.
 */
import { pushVarint, VarintReader } from '../varint.ts';
import { byteaArray } from './binary.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, type Queryable } from './scope.ts';

/** One lexeme in one sentence: its positions with weight A (surface words) and B (lemmas), each ascending. */
export interface Occurrences {
  readonly a: readonly number[];
  readonly b: readonly number[];
}

export interface SentencePostings extends Occurrences {
  readonly idx: number;
}

/** One document's postings of one term. */
export interface DocumentPostings {
  readonly doc: number;
  readonly sentences: readonly SentencePostings[];
}

/**
 * A term's postings as one row stores them, documents ascending: per document the distance from
 * the previous one and its sentence count; per sentence a header (distance from the previous
 * sentence × 4 + the counts' code: 0 = one A and one B position, 1 = one A, 2 = one B, 3 = the
 * counts follow as varints), then every position as its distance from the one before.
 */
export function encodePostings(docs: readonly DocumentPostings[]): Buffer {
  const out = scratch;
  out.length = 0;
  let previousDoc = 0;
  for (const { doc, sentences } of docs) {
    out.varint(doc - previousDoc);
    out.varint(sentences.length);
    previousDoc = doc;
    let previousIdx = 0;
    for (const { idx, a, b } of sentences) {
      const code = a.length === 1 && b.length === 1 ? 0 : a.length === 1 && b.length === 0 ? 1 : a.length === 0 && b.length === 1 ? 2 : 3;
      out.varint((idx - previousIdx) * 4 + code);
      previousIdx = idx;
      if (code === 3) {
        out.varint(a.length);
        out.varint(b.length);
      }
      let previous = 0;
      for (const p of a) {
        out.varint(p - previous);
        previous = p;
      }
      for (const p of b) {
        out.varint(p - previous);
        previous = p;
      }
    }
  }
  return Buffer.from(out.bytes.subarray(0, out.length));
}

/** Varints written into one growing buffer (writing through a number[] cost an array element per byte). */
class ByteWriter {
  bytes = new Uint8Array(4096);
  length = 0;

  varint(n: number): void {
    if (this.length + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    for (; n >= 0x80; n = Math.floor(n / 0x80)) this.bytes[this.length++] = (n % 0x80) | 0x80;
    this.bytes[this.length++] = n;
  }
}

/** Reused by every (synchronous) encoding. */
const scratch = new ByteWriter();

/** Sentences an article may have in a key (an article of a million sentences would not be indexed whole). */
export const SENTENCE_KEYS = 2 ** 20;

/**
 * One row's postings decoded flat for a search, entry by entry in the row's order (documents,
 * then sentences, ascending): entry i is sentence `keys[i]` (doc × SENTENCE_KEYS + sentence
 * index) holding the term at `na[i]` A positions then `nb[i]` B positions, ascending, from
 * `positions[start[i]]` on. Typed arrays rather than an object per sentence: a broad query's
 * terms hold a posting for most sentences of the store, and a search reads them all.
 */
export interface PostingList {
  readonly size: number;
  readonly keys: Float64Array;
  /** At most 256 positions a lexeme (MAX_LEXEME_POSITIONS in src/store/postgres/search.ts), none past 16,383: 16 bits hold both. */
  readonly na: Uint16Array;
  readonly nb: Uint16Array;
  readonly start: Int32Array;
  readonly positions: Uint16Array;
}

/** `encodePostings`' row as a PostingList. */
export function decodePostingList(bytes: Uint8Array): PostingList {
  // A first pass counts sentences and positions, so the arrays (a broad term's are megabytes) are allocated to size.
  const counter = new VarintReader(bytes);
  let entries = 0;
  let count = 0;
  while (counter.at < bytes.length) {
    counter.next();
    const sentences = counter.next();
    entries += sentences;
    count += skipSentences(counter, sentences);
  }
  const varints = new VarintReader(bytes);
  const next = (): number => varints.next();
  const keys = new Float64Array(entries);
  const na = new Uint16Array(entries);
  const nb = new Uint16Array(entries);
  const start = new Int32Array(entries);
  const positions = new Uint16Array(count);
  let size = 0;
  let used = 0;
  for (let doc = 0; varints.at < bytes.length;) {
    doc += next();
    const sentences = next();
    for (let i = 0, idx = 0; i < sentences; i++) {
      const header = next();
      idx += Math.floor(header / 4);
      const code = header % 4;
      const a = code === 3 ? next() : code === 2 ? 0 : 1;
      const b = code === 3 ? next() : code === 1 ? 0 : 1;
      keys[size] = doc * SENTENCE_KEYS + idx;
      na[size] = a;
      nb[size] = b;
      start[size] = used;
      for (let j = 0, p = 0; j < a + b; j++) positions[used++] = p += next();
      size++;
    }
  }
  return { size, keys, na, nb, start, positions };
}

/** Sentence lengths as ts_rank counts them (positions in the sentence), one varint a sentence. */
export function encodeLengths(lengths: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (const n of lengths) pushVarint(bytes, n);
  return Buffer.from(bytes);
}

/**
 * Bytes of term entries a block row holds at most (unless one term's postings alone are more):
 * a row stays under the ~2 KB past which PostgreSQL hands it to TOAST, four to a heap page.
 * One row per term cost ~46 B of row header, key and item pointer besides the term's postings —
 * most terms occur in one or two documents — plus an index entry (docs/BENCHMARKS.md).
 */
const BLOCK_BYTES = 1900;

/** A term and its postings (an `encodePostings` row) as a block holds them. */
export interface TermPostings {
  readonly term: string;
  readonly postings: Uint8Array;
}

/**
 * Terms of one segment in byte order packed in one row, as FTS5 packs its leaves: per term three
 * varints — how many UTF-16 code units it shares with the previous term (never half a surrogate
 * pair), the UTF-8 length of the rest, the length of its postings — then the rest and the postings.
 */
export function encodeBlock(entries: readonly TermPostings[]): Buffer {
  const parts: Uint8Array[] = [];
  let previous = '';
  for (const { term, postings } of entries) {
    let shared = 0;
    while (shared < term.length && shared < previous.length && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never half of a surrogate pair: the rest must be text of its own.
    if (shared > 0 && shared < term.length && term.charCodeAt(shared - 1) >= 0xd800 && term.charCodeAt(shared - 1) <= 0xdbff) shared--;
    const rest = Buffer.from(term.slice(shared));
    const head: number[] = [];
    pushVarint(head, shared);
    pushVarint(head, rest.length);
    pushVarint(head, postings.length);
    parts.push(Buffer.from(head), rest, postings);
    previous = term;
  }
  return Buffer.concat(parts);
}

/** A block's terms in order, each with its postings (a view into `block`). */
export function* decodeBlock(block: Uint8Array): Generator<TermPostings> {
  const bytes = Buffer.isBuffer(block) ? block : Buffer.from(block.buffer, block.byteOffset, block.length);
  const varints = new VarintReader(bytes);
  let previous = '';
  while (varints.at < bytes.length) {
    const shared = varints.next();
    const rest = varints.next();
    const length = varints.next();
    const term = previous.slice(0, shared) + bytes.toString('utf8', varints.at, varints.at + rest);
    varints.at += rest;
    yield { term, postings: bytes.subarray(varints.at, varints.at + length) };
    varints.at += length;
    previous = term;
  }
}

/** Byte order of UTF-8, the order of the C collation, of a tsvector's lexemes and of ts_rank's query items. */
export function byteOrder(x: string, y: string): number {
  // UTF-8's byte order is code point order. UTF-16 units agree with it except that a surrogate
  // (half of a code point past U+FFFF) sorts before U+E000…U+FFFF; decided here without encoding.
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a === b) continue;
    const surrogateA = a >= 0xd800 && a <= 0xdfff;
    const surrogateB = b >= 0xd800 && b <= 0xdfff;
    return surrogateA === surrogateB ? a - b : surrogateA ? 1 : -1;
  }
  return x.length - y.length;
}

/** Packs terms (byte order) into blocks and inserts them as rows of `segment`, a page of rows at a time. */
class BlockWriter {
  private entries: TermPostings[] = [];
  private bytes = 0;
  private rows: { first: string; block: Buffer }[] = [];

  constructor(private readonly db: Queryable, private readonly segment: number) {}

  async add(entry: TermPostings): Promise<void> {
    const size = Buffer.byteLength(entry.term) + entry.postings.length + 6;
    if (this.entries.length > 0 && this.bytes + size > BLOCK_BYTES) this.cut();
    this.entries.push(entry);
    this.bytes += size;
    if (this.rows.length >= WRITE_PAGE) await this.flush();
  }

  async end(): Promise<void> {
    if (this.entries.length > 0) this.cut();
    await this.flush();
  }

  private cut(): void {
    this.rows.push({ first: this.entries[0]!.term, block: encodeBlock(this.entries) });
    this.entries = [];
    this.bytes = 0;
  }

  private async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    await this.db.query('INSERT INTO search_postings (segment, first_term, block) SELECT $1, t, b FROM unnest($2::text[], $3::bytea[]) AS u (t, b)',
      [this.segment, this.rows.map((r) => r.first), byteaArray(this.rows.map((r) => r.block))]);
    this.rows = [];
  }
}

/** Block rows inserted per statement. */
const WRITE_PAGE = 500;

/** Segments of one level merged into one of the next (FTS5 merges 4 or more). */
export const MERGE_FANIN = 4;

/** Writes a new segment of `level` holding `postings` (term → documents ascending). */
export async function writeSegment(db: Queryable, level: number, postings: ReadonlyMap<string, readonly DocumentPostings[]>): Promise<void> {
  if (postings.size === 0) return;
  const [{ id }] = await rowsOf<{ id: string }>(db, 'INSERT INTO search_segments (level) VALUES ($1) RETURNING id', [level]) as [{ id: string }];
  const writer = new BlockWriter(db, Number(id));
  for (const term of [...postings.keys()].sort(byteOrder)) await writer.add({ term, postings: encodePostings(postings.get(term)!) });
  await writer.end();
}

/**
 * Merges segments while a level holds MERGE_FANIN of them, oldest first, under an advisory lock
 * so two writers never merge the same segments. Runs inside the caller's transaction; returns how
 * many block rows the merges replaced (deleted).
 *
 * A merge whose output would fill the level above (it holds MERGE_FANIN - 1) takes that level's
 * segments in at once, and so on up: the same segment results as merging level by level, but the
 * intermediate segments — each read once and deleted in the same transaction — are never written.
 * They cost the table their size on top of the largest merge's inputs and output, pages a later
 * VACUUM frees but never returns (docs/BENCHMARKS.md, "search_postings grown as workers grow it").
 */
export async function mergeSegments(db: Queryable): Promise<number> {
  await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.searchMerge]);
  let replaced = 0;
  for (;;) {
    const levels = await rowsOf<{ level: number; ids: string[] }>(db, `SELECT level, array_agg(id ORDER BY id) AS ids
      FROM search_segments GROUP BY level ORDER BY level`);
    const plan = cascade(levels.map((l) => ({ level: l.level, ids: l.ids.map(Number) })));
    if (!plan) return replaced;
    replaced += await mergeInto(db, plan.ids, plan.level);
  }
}

/**
 * The next merge of `levels` (ascending, each segment's ids ascending): the oldest MERGE_FANIN of
 * the lowest full level, with every level above that its output would fill in turn; the level
 * the result goes to. Undefined when no level is full.
 */
export function cascade(levels: readonly { level: number; ids: readonly number[] }[]): { ids: number[]; level: number } | undefined {
  const full = levels.findIndex((l) => l.ids.length >= MERGE_FANIN);
  if (full < 0) return undefined;
  const ids = levels[full]!.ids.slice(0, MERGE_FANIN);
  let level = levels[full]!.level + 1;
  for (let i = full + 1; i < levels.length && levels[i]!.level === level && levels[i]!.ids.length === MERGE_FANIN - 1; i++) {
    ids.push(...levels[i]!.ids);
    level++;
  }
  return { ids, level };
}

/**
 * Merges every segment into one, a level above the highest (a bulk load's last step: a search
 * then reads one block per term; import-sqlite.ts). Runs inside the caller's transaction; returns
 * whether there was more than one segment.
 */
export async function mergeAllSegments(db: Queryable): Promise<boolean> {
  await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.searchMerge]);
  const segments = await rowsOf<{ id: string; level: number }>(db, 'SELECT id, level FROM search_segments ORDER BY id');
  if (segments.length < 2) return false;
  await mergeInto(db, segments.map((s) => Number(s.id)), Math.max(...segments.map((s) => s.level)) + 1);
  return true;
}

/** Block rows a merge reads per round trip and segment; bounds memory on a large store. */
const READ_PAGE = 200;

/** One segment's terms in byte order, read a page of blocks at a time. */
async function* segmentTerms(db: Queryable, segment: number): AsyncGenerator<TermPostings> {
  for (let after = ''; ;) {
    const rows = await rowsOf<{ first_term: string; block: Buffer }>(db, `SELECT first_term, block FROM search_postings
      WHERE segment = $1 AND first_term > $2 ORDER BY first_term LIMIT ${READ_PAGE}`, [segment, after]);
    for (const row of rows) yield* decodeBlock(row.block);
    if (rows.length < READ_PAGE) return;
    after = rows[rows.length - 1]!.first_term;
  }
}

/**
 * One document of an `encodePostings` row: its id and where its body (sentence count and
 * sentences) lies in the row, so a merge copies it without decoding its sentences.
 */
interface DocumentSpan {
  readonly doc: number;
  readonly bytes: Uint8Array;
  readonly start: number;
  readonly end: number;
}

/** The documents of a postings row, read by skipping over their positions. */
function documentSpans(bytes: Uint8Array, into: DocumentSpan[]): void {
  const varints = new VarintReader(bytes);
  for (let doc = 0; varints.at < bytes.length;) {
    doc += varints.next();
    const start = varints.at;
    skipSentences(varints, varints.next());
    into.push({ doc, bytes, start, end: varints.at });
  }
}

/** Reads past one document's `sentences` entries (header, position counts, positions); returns how many positions they hold. */
function skipSentences(varints: VarintReader, sentences: number): number {
  let count = 0;
  for (let i = 0; i < sentences; i++) {
    const code = varints.next() % 4;
    const n = code === 3 ? varints.next() + varints.next() : code === 0 ? 2 : 1;
    varints.skip(n);
    count += n;
  }
  return count;
}

/** Documents in ascending order as one postings row: each body copied, its distance from the previous document written anew. */
function joinSpans(spans: readonly DocumentSpan[]): Buffer {
  let size = 0;
  for (const s of spans) size += s.end - s.start + 8;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let previous = 0;
  for (const s of spans) {
    for (let n = s.doc - previous; ; n = Math.floor(n / 0x80)) {
      if (n < 0x80) {
        out[at++] = n;
        break;
      }
      out[at++] = (n % 0x80) | 0x80;
    }
    previous = s.doc;
    out.set(s.bytes.subarray(s.start, s.end), at);
    at += s.end - s.start;
  }
  return out.subarray(0, at);
}

/** Terms a merge holds before it writes them. */
const MERGE_TERMS = 2000;

/** One merge: the segments' terms read side by side in byte order, documents no longer indexed left out. Returns the block rows it replaced. */
async function mergeInto(db: Queryable, segments: readonly number[], level: number): Promise<number> {
  const [{ id }] = await rowsOf<{ id: string }>(db, 'INSERT INTO search_segments (level) VALUES ($1) RETURNING id', [level]) as [{ id: string }];
  const writer = new BlockWriter(db, Number(id));
  const cursors = segments.map((segment) => segmentTerms(db, segment));
  // One query at a time: the cursors share the transaction's connection.
  const heads: (TermPostings | undefined)[] = [];
  for (const cursor of cursors) heads.push((await cursor.next()).value as TermPostings | undefined);
  // Whether each document seen is still indexed, asked once per document and merge.
  const live = new Map<number, boolean>();
  let merged: { term: string; spans: DocumentSpan[] }[] = [];
  const write = async () => {
    const unknown = new Set<number>();
    for (const { spans } of merged) for (const s of spans) if (!live.has(s.doc)) unknown.add(s.doc);
    if (unknown.size > 0) {
      const found = new Set((await rowsOf<{ doc: string }>(db, 'SELECT doc FROM search_documents WHERE doc = ANY($1::bigint[])', [[...unknown]])).map((r) => Number(r.doc)));
      for (const doc of unknown) live.set(doc, found.has(doc));
    }
    for (const { term, spans } of merged) {
      const kept = spans.filter((s) => live.get(s.doc));
      for (let i = 1; i < kept.length; i++) {
        // Segments written by concurrent batches may interleave their document ids.
        if (kept[i]!.doc < kept[i - 1]!.doc) {
          kept.sort((x, y) => x.doc - y.doc);
          break;
        }
      }
      if (kept.length > 0) await writer.add({ term, postings: joinSpans(kept) });
    }
    merged = [];
  };
  for (;;) {
    let next: string | undefined;
    for (const head of heads) if (head && (next === undefined || byteOrder(head.term, next) < 0)) next = head.term;
    if (next === undefined) break;
    const spans: DocumentSpan[] = [];
    for (let i = 0; i < heads.length; i++) {
      if (heads[i]?.term !== next) continue;
      documentSpans(heads[i]!.postings, spans);
      heads[i] = (await cursors[i]!.next()).value as TermPostings | undefined;
    }
    merged.push({ term: next, spans });
    if (merged.length >= MERGE_TERMS) await write();
  }
  await write();
  await writer.end();
  const { rowCount } = await db.query('DELETE FROM search_postings WHERE segment = ANY($1::bigint[])', [segments]);
  await db.query('DELETE FROM search_segments WHERE id = ANY($1::bigint[])', [segments]);
  return rowCount ?? 0;
}
