/**
 * The search concern on PostgreSQL, with the terms and query semantics of the SQLite FTS5 index
 * (src/store/sqlite/search.ts, src/search/query.ts).
 *
 * Terms: Kronika's own folded words and lemmas (src/search/terms.ts), never a text search
 * configuration's, so nothing is stemmed, dropped or split PostgreSQL's way. Words are split into
 * parts at every character that is not a letter or digit, as FTS5's unicode61 tokenizer splits
 * them, on both sides. A sentence's words sit at positions 1…n (weight A), its lemmas at n+2…
 * (weight B): a surface phrase is words at consecutive A positions, a lemma phrase the same in B,
 * and the gap keeps a phrase from running from the last word into the first lemma. These are the
 * positions migration 005 stored in one tsvector per sentence.
 *
 * Layout (migration 013, src/store/postgres/search-postings.ts): an inverted index — per term,
 * its documents, sentences and positions as varints — and per document its sentence offsets and
 * lengths. A search reads the blocks holding its own terms, decodes their postings into typed
 * arrays, finds the sentences where each clause matches by walking sorted sentence keys, ranks
 * them, and hands the server one (document, score, sentence, matches) row per matching article
 * (unfiltered, only those that can reach the page): the server filters (language, outlet, dates, ids), orders and pages them
 * next to the article rows, and the shown page's sentence and highlights are cut from the
 * article's text (src/store/sqlite/search.ts `hitOf`), as with SQLite's contentless FTS5.
 *
 * Ranking: PostgreSQL's `ts_rank(weights, vector, query, 1)` of the sentence's 005 vector —
 * surface matches weighing twice the lemma ones (SQLite's bm25 column weights), the sentence
 * length dividing as 1 + log(length) — computed here in float4 arithmetic step for step as
 * tsrank.c does it (`rankAll`), so scores and order are the ones 005 gave. Unlike bm25 it does not
 * weigh a term's rarity; an article's best sentence and the set of hits are the same as in SQLite.
 */
import { clauseTerms, parseQuery, type ClauseTerms } from '../../search/query.ts';
import { highlightTerms, queryLemmas } from '../../search/terms.ts';
import type { SearchDocument, SearchFilters, SearchHit } from '../../search/types.ts';
import type { SearchStore } from '../store.ts';
import { clampLimit, encodeSpans, hitOf, spanAt, type HitRow } from '../sqlite/search.ts';
import { VarintReader } from '../varint.ts';
import { byteaArray } from './binary.ts';
import { rowsOf, value, type Scope } from './scope.ts';
import {
  byteOrder, decodeBlock, decodePostingList, encodeLengths, mergeSegments, SENTENCE_KEYS, writeSegment, type DocumentPostings, type Occurrences, type PostingList,
} from './search-postings.ts';

/** ts_rank's weights of a surface word (A) and a lemma (B): '{0, 0, 0.5, 1}' in 005's queries. */
const WEIGHT_A = 1;
const WEIGHT_B = 0.5;

/** PostgreSQL refuses lexemes of 2 KB and more; longer "words" are not searchable text anyway. */
const MAX_LEXEME_BYTES = 2000;

/** Last tsvector position PostgreSQL keeps; later words would all share it. */
const MAX_POSITION = 16_383;

/** Positions a tsvector keeps per lexeme (PostgreSQL's MAXNUMPOS), the first in order. */
const MAX_LEXEME_POSITIONS = 256;

const PART_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The parts FTS5's unicode61 tokenizer would make of folded words. */
function parts(words: readonly string[]): string[] {
  return words.flatMap((w) => w.split(PART_SEPARATOR)).filter(Boolean);
}

function fits(part: string): boolean {
  // A UTF-16 unit is at most 3 bytes of UTF-8: only a part that long is measured.
  return part.length * 3 <= MAX_LEXEME_BYTES || Buffer.byteLength(part) <= MAX_LEXEME_BYTES;
}

/** A sentence's lexemes with their positions, and its length as ts_rank counts it (positions kept). */
export interface SentenceTerms {
  readonly terms: Map<string, Occurrences>;
  readonly length: number;
}

/**
 * The lexemes of one sentence as 005's tsvector held them: words at 1…n (A), lemmas at n+2… (B).
 * @example sentenceTerms('jechal pociagiem', 'jechac pociag').terms.get('pociag') // → { a: [], b: [5] }
 */
export function sentenceTerms(surface: string, lemmas: string): SentenceTerms {
  // Run for every sentence a worker indexes (src/store/postgres/search.ts `index`): one map, and
  // arrays cut to MAX_LEXEME_POSITIONS only in the rare sentence that repeats a lexeme that often.
  const words = parts([surface]);
  const terms = new Map<string, { a: number[]; b: number[] }>();
  const at = (part: string) => {
    let occurrences = terms.get(part);
    if (!occurrences) terms.set(part, occurrences = { a: [], b: [] });
    return occurrences;
  };
  for (let i = 0; i < words.length && i + 1 <= MAX_POSITION; i++) if (fits(words[i]!)) at(words[i]!).a.push(i + 1);
  const lemmaParts = parts([lemmas]);
  for (let i = 0; i < lemmaParts.length && words.length + 2 + i <= MAX_POSITION; i++) if (fits(lemmaParts[i]!)) at(lemmaParts[i]!).b.push(words.length + 2 + i);
  let length = 0;
  for (const occurrences of terms.values()) {
    // Every A position comes before every B one, so the first MAX_LEXEME_POSITIONS are A's first.
    if (occurrences.a.length + occurrences.b.length > MAX_LEXEME_POSITIONS) {
      occurrences.a = occurrences.a.slice(0, MAX_LEXEME_POSITIONS);
      occurrences.b = occurrences.b.slice(0, MAX_LEXEME_POSITIONS - occurrences.a.length);
    }
    length += occurrences.a.length + occurrences.b.length;
  }
  return { terms, length };
}

/** One way a clause matches: its parts at consecutive positions of one weight, the last a prefix when asked. */
interface Option {
  readonly parts: readonly string[];
  readonly weight: 'a' | 'b';
  readonly prefix: boolean;
}

/** A query lexeme as ts_rank counts it: once, however many options name it. */
interface RankItem {
  readonly lexeme: string;
  readonly prefix: boolean;
}

function option(words: readonly string[], weight: 'a' | 'b', prefix: boolean): Option | undefined {
  const list = parts(words).filter(fits);
  return list.length ? { parts: list, weight, prefix } : undefined;
}

/** A clause's options: its words in the surface positions, or any lemma alternative in the lemma positions. */
export function clauseOptions(terms: ClauseTerms): Option[] {
  const options = [option(terms.surface, 'a', terms.prefix), ...terms.lemmas.map((words) => option(words, 'b', terms.prefix))]
    .filter((o): o is Option => o !== undefined);
  return [...new Map(options.map((o) => [JSON.stringify(o), o])).values()];
}

/** The query's lexemes, each once, in tsrank.c's order (a lexeme both whole and a prefix counts as a prefix). */
function rankItems(clauses: readonly (readonly Option[])[]): RankItem[] {
  const items = new Map<string, boolean>();
  for (const o of clauses.flat()) {
    o.parts.forEach((lexeme, i) => items.set(lexeme, (items.get(lexeme) ?? false) || (o.prefix && i === o.parts.length - 1)));
  }
  return [...items].map(([lexeme, prefix]) => ({ lexeme, prefix })).sort((x, y) => byteOrder(x.lexeme, y.lexeme));
}

/** The posting lists of a query part: its term's, or every fetched term's with the prefix, term by term in byte order, each term's segments in turn. */
type Lookup = (part: string, prefix: boolean) => readonly PostingList[];

const NO_KEYS = new Float64Array(0);

/** `keys` sorted ascending with repeats dropped, in place when it can be. */
function sortedUnique(keys: Float64Array): Float64Array {
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return keys;
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (n === 0 || keys[n - 1] !== keys[i]) keys[n++] = keys[i]!;
  return keys.subarray(0, n);
}

/** The union of two ascending key lists without repeats. */
function union(x: Float64Array, y: Float64Array): Float64Array {
  if (x.length === 0) return y;
  if (y.length === 0) return x;
  const out = new Float64Array(x.length + y.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const a = x[i]!;
    const b = y[j]!;
    if (a <= b) i++;
    if (b <= a) j++;
    out[n++] = a <= b ? a : b;
  }
  while (i < x.length) out[n++] = x[i++]!;
  while (j < y.length) out[n++] = y[j++]!;
  return out.subarray(0, n);
}

/** The A (surface) or B (lemma) positions of entry i. */
function positionsOf(list: PostingList, i: number, weight: 'a' | 'b'): Uint16Array {
  const from = list.start[i]! + (weight === 'a' ? 0 : list.na[i]!);
  return list.positions.subarray(from, from + (weight === 'a' ? list.na[i]! : list.nb[i]!));
}

/** The sentences holding the option: tsquery's `'a':A <-> 'b':A` (a prefix `'b':*A`) matched per sentence, keys ascending. */
function sentencesHolding(o: Option, lookup: Lookup): Float64Array {
  const last = o.parts.length - 1;
  const lists = o.parts.map((part, i) => lookup(part, o.prefix && i === last));
  if (lists.some((l) => l.length === 0)) return NO_KEYS;
  const counts = o.weight === 'a' ? 'na' : 'nb';
  // Later parts of a phrase: their positions by sentence (phrases are few, and their later words rarer than a stop word).
  const later = lists.slice(1).map((partLists) => {
    const at = new Map<number, Uint16Array[]>();
    for (const list of partLists) {
      for (let i = 0; i < list.size; i++) {
        if (list[counts][i] === 0) continue;
        const key = list.keys[i]!;
        const found = at.get(key);
        if (found) found.push(positionsOf(list, i, o.weight));
        else at.set(key, [positionsOf(list, i, o.weight)]);
      }
    }
    return at;
  });
  const has = (found: readonly Uint16Array[] | undefined, p: number) => found !== undefined && found.some((ps) => ps.includes(p));
  let size = 0;
  for (const list of lists[0]!) size += list.size;
  const holding = new Float64Array(size);
  let n = 0;
  for (const list of lists[0]!) {
    for (let i = 0; i < list.size; i++) {
      if (list[counts][i] === 0) continue;
      const key = list.keys[i]!;
      if (later.length > 0) {
        const found = later.map((at) => at.get(key));
        if (found.some((f) => f === undefined)) continue;
        if (!positionsOf(list, i, o.weight).some((p) => found.every((f, k) => has(f, p + k + 1)))) continue;
      }
      holding[n++] = key;
    }
  }
  return sortedUnique(holding.subarray(0, n));
}

/** ts_rank's sum term for one lexeme in one sentence, by its A and B position counts (calc_rank_or's inner loop). */
const termScores = new Map<number, number>();

function termScore(na: number, nb: number): number {
  const memo = termScores.get(na * 65_536 + nb);
  if (memo !== undefined) return memo;
  const f = Math.fround;
  let resj = 0;
  let wjm = -1;
  let jm = 0;
  for (let j = 0; j < na + nb; j++) {
    const w = j < na ? WEIGHT_A : WEIGHT_B;
    resj = f(resj + f(w / ((j + 1) * (j + 1))));
    if (w > wjm) {
      wjm = w;
      jm = j;
    }
  }
  const score = f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685;
  termScores.set(na * 65_536 + nb, score);
  return score;
}

/**
 * ts_rank(weights, vector, query, 1) of every sentence in `keys` (ascending) for a query whose
 * top operator is OR (every query here: each clause offers a surface and a lemma option), as
 * PostgreSQL 15's tsrank.c computes it (calc_rank_or, then the log-length normalisation): float4
 * steps, the double constant and the double logarithms where C promotes. `items` holds, per query
 * item in tsrank.c's order, the posting lists of its lexemes (several for a prefix, in byte
 * order); a sentence holds a lexeme in one list at most, so the sums run in tsrank.c's order.
 * `lengths[k]` is sentence k's length as ts_rank counts it (positions kept).
 */
export function rankAll(keys: Float64Array, items: readonly (readonly PostingList[])[], lengths: Int32Array): Float32Array {
  // A Float32Array rounds every stored sum to float4, as tsrank.c's `float res` does.
  const res = new Float32Array(keys.length);
  for (const lists of items) {
    for (const list of lists) {
      // A short list (a rare word of a prefix) looks its keys up; a long one walks beside the keys.
      const search = list.size * 16 < keys.length;
      for (let i = 0, k = 0; i < list.size && k < keys.length; i++) {
        const key = list.keys[i]!;
        if (search) {
          let hi = keys.length;
          while (k < hi) {
            const mid = (k + hi) >>> 1;
            if (keys[mid]! < key) k = mid + 1;
            else hi = mid;
          }
        } else {
          while (k < keys.length && keys[k]! < key) k++;
        }
        if (keys[k] === key) res[k] += termScore(list.na[i]!, list.nb[i]!);
      }
    }
  }
  const f = Math.fround;
  const scores = new Float32Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    let score = res[k]!;
    if (items.length > 0) score = f(score / items.length);
    scores[k] = score / (Math.log(lengths[k]! + 1) / Math.log(2));
  }
  return scores;
}

/** A matching article before the server joins it: its best sentence's score and index, and how many sentences match. */
interface Ranked {
  readonly doc: number;
  readonly score: number;
  readonly idx: number;
  readonly matches: number;
}

/**
 * The search filters as SQL conditions on the article row `a`; `param` adds a parameter and
 * names it.
 */
export function filterConditions(filters: SearchFilters, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filters.language) where.push(`a.language = ${param(filters.language)}`);
  if (filters.source) where.push(`a.outlet_key = ${param(filters.source.toLowerCase())}`);
  // Date prefixes compare at the filter's own precision: until '2023-09' keeps '2023-09-30'.
  if (filters.since) {
    const since = param(filters.since);
    where.push(`left(a.published_value, length(${since}::text)) >= ${since}`);
  }
  if (filters.until) {
    const until = param(filters.until);
    where.push(`left(a.published_value, length(${until}::text)) <= ${until}`);
  }
  if (filters.articleIds) where.push(`a.id = ANY(${param(filters.articleIds)}::text[])`);
  return where;
}

/**
 * Block rows (of ≤ 1,900 B) an indexing write's merges must have replaced for search_postings to
 * be vacuumed after it, so the next segments reuse their space instead of growing the file while
 * autovacuum waits for its next round. The 10,000-article bench store indexed 50 articles a write:
 * search_postings took 3,766 B an article with autovacuum alone, 3,222 vacuuming after 500 rows,
 * 3,019 after 100, 3,016 after every write (docs/BENCHMARKS.md, bytes, ninth round).
 */
export const VACUUM_AFTER_ROWS = 100;

export class PostgresSearch implements SearchStore {
  constructor(protected readonly scope: Scope) {}

  async index(documents: readonly SearchDocument[]): Promise<number> {
    // The first document of an article counts, as if the batch were indexed one by one.
    const first = new Map<string, SearchDocument>();
    for (const doc of documents) if (!first.has(doc.articleId)) first.set(doc.articleId, doc);
    const batch = [...first.values()];
    if (batch.length === 0) return 0;
    const sentences = batch.map((doc) => doc.sentences.map((s) => sentenceTerms(s.surface, s.lemmas)));
    const { added, replaced } = await this.scope.write(async (db) => {
      const found = await rowsOf<{ id: string; seq: string | null }>(db,
        'SELECT u.id, a.seq FROM unnest($1::text[]) AS u (id) LEFT JOIN articles a ON a.id = u.id', [batch.map((d) => d.articleId)]);
      const missing = found.filter((r) => r.seq === null).map((r) => r.id).sort();
      if (missing.length > 0) throw new Error(`search: article ${missing[0]} is not stored`);
      const seqOf = new Map(found.map((r) => [r.id, r.seq!]));
      // Documents not indexed yet get the next document ids; the rest are left as they are.
      const added = await rowsOf<{ seq: string; doc: string }>(db, `
        INSERT INTO search_documents (seq, doc, offsets, lengths)
        SELECT d.seq, nextval('search_document_ids'), d.offsets, d.lengths FROM unnest($1::bigint[], $2::bytea[], $3::bytea[]) AS d (seq, offsets, lengths)
        ON CONFLICT DO NOTHING RETURNING seq, doc`,
      [batch.map((d) => seqOf.get(d.articleId)), byteaArray(batch.map(encodeSpans)), byteaArray(sentences.map((list) => encodeLengths(list.map((s) => s.length))))]);
      const position = new Map(batch.map((d, i) => [String(seqOf.get(d.articleId)), i]));
      const postings = new Map<string, DocumentPostings[]>();
      for (const { seq, doc } of [...added].sort((x, y) => Number(x.doc) - Number(y.doc))) {
        const perTerm = new Map<string, { idx: number; a: readonly number[]; b: readonly number[] }[]>();
        sentences[position.get(String(seq))!]!.forEach(({ terms }, idx) => {
          for (const [term, { a, b }] of terms) {
            let list = perTerm.get(term);
            if (!list) perTerm.set(term, list = []);
            list.push({ idx, a, b });
          }
        });
        for (const [term, list] of perTerm) {
          let docs = postings.get(term);
          if (!docs) postings.set(term, docs = []);
          docs.push({ doc: Number(doc), sentences: list });
        }
      }
      await writeSegment(db, 0, postings);
      return { added: added.length, replaced: added.length > 0 ? await mergeSegments(db) : 0 };
    });
    if (replaced >= VACUUM_AFTER_ROWS) this.scope.vacuum(['search_postings']);
    return added;
  }

  remove(articleId: string): Promise<boolean> {
    // Postings of a removed document stay in their segment, unread (no document row), until a merge drops them.
    return this.scope.write(async (db) => ((await db.query(
      'DELETE FROM search_documents WHERE seq = (SELECT seq FROM articles WHERE id = $1)', [articleId])).rowCount ?? 0) > 0);
  }

  async indexed(articleIds: readonly string[]): Promise<Set<string>> {
    if (articleIds.length === 0) return new Set();
    const rows = await this.scope.rows<{ id: string }>(`SELECT a.id FROM articles a JOIN search_documents d ON d.seq = a.seq
      WHERE a.id = ANY($1::text[])`, [articleIds]);
    return new Set(rows.map((r) => r.id));
  }

  async count(): Promise<number> {
    return (await value<number>(this.scope, 'SELECT COUNT(*) FROM search_documents'))!;
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const clauses = parseQuery(query).filter((c) => c.words.length > 0);
    const options = clauses.map((c) => clauseOptions(clauseTerms(c, queryLemmas))).filter((list) => list.length > 0);
    if (options.length === 0) return [];
    const ranked = await this.ranked(options);
    if (ranked.length === 0) return [];
    const params: unknown[] = [[], [], [], []];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = filterConditions(filters, param);
    const limit = clampLimit(filters.limit);
    const offset = Math.max(0, Math.floor(filters.offset ?? 0));
    // Unfiltered, an article scoring below the page's last score cannot reach the page, whatever
    // the ties' order: only the rest go to the server (a broad query matches most of the store).
    let candidates = ranked;
    if (where.length === 0 && ranked.length > offset + limit) {
      const scores = Float64Array.from(ranked, (r) => r.score).sort();
      const last = scores[scores.length - offset - limit]!;
      candidates = ranked.filter((r) => r.score >= last);
    }
    // Arrays as literals: the driver would quote every element of a few thousand.
    const literal = (values: readonly number[]) => `{${values.join(',')}}`;
    params.splice(0, 4, ...[(r: Ranked) => r.doc, (r: Ranked) => r.score, (r: Ranked) => r.idx, (r: Ranked) => r.matches].map((f) => literal(candidates.map(f))));
    const rows = await this.scope.rows<HitRow>(`
      SELECT a.id AS article_id, h.idx, h.score, h.matches,
             a.origin, a.title, a.outlet, a.language, a.published_value AS published, a.text, d.offsets
      FROM unnest($1::bigint[], $2::real[], $3::int[], $4::int[]) AS h (doc, score, idx, matches)
      JOIN search_documents d ON d.doc = h.doc
      JOIN articles a ON a.seq = d.seq
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY h.score DESC, a.id
      LIMIT ${param(limit)} OFFSET ${param(offset)}
    `, params);
    const terms = highlightTerms(clauses, queryLemmas);
    return rows.map((row) => hitOf(row, terms, spanAt));
  }

  /**
   * The articles holding every clause somewhere (each clause within one sentence), with their
   * best sentence by ts_rank (ties: the earlier) and how many sentences match any clause.
   */
  private async ranked(clauses: readonly (readonly Option[])[]): Promise<Ranked[]> {
    const items = rankItems(clauses);
    // Per segment and query item, the block that may hold the item's lexeme (the last starting at
    // or before it) and, for a prefix, the later blocks starting with it: in byte order a term
    // with the prefix sorts before the prefix followed by the last code point.
    const rows = await this.scope.rows<{ block: Buffer }>(`
      SELECT DISTINCT ON (p.segment, p.first_term) p.block
      FROM search_segments s CROSS JOIN unnest($1::text[], $2::text[]) AS q (lo, hi)
      CROSS JOIN LATERAL (
        (SELECT segment, first_term, block FROM search_postings WHERE segment = s.id AND first_term <= q.lo COLLATE "C" ORDER BY first_term DESC LIMIT 1)
        UNION ALL
        SELECT segment, first_term, block FROM search_postings WHERE segment = s.id AND first_term > q.lo COLLATE "C" AND first_term <= q.hi COLLATE "C"
      ) p
      ORDER BY p.segment, p.first_term`,
    [items.map((i) => i.lexeme), items.map((i) => (i.prefix ? `${i.lexeme}\u{10FFFF}` : i.lexeme))]);
    const exact = new Set(items.filter((i) => !i.prefix).map((i) => i.lexeme));
    const prefixes = items.filter((i) => i.prefix).map((i) => i.lexeme);
    const byTerm = new Map<string, PostingList[]>();
    for (const { block } of rows) {
      for (const { term, postings } of decodeBlock(block)) {
        if (!exact.has(term) && !prefixes.some((prefix) => term.startsWith(prefix))) continue;
        const lists = byTerm.get(term);
        if (lists) lists.push(decodePostingList(postings));
        else byTerm.set(term, [decodePostingList(postings)]);
      }
    }
    const sorted = [...byTerm.keys()].sort(byteOrder);
    const lookup: Lookup = (part, prefix) => (prefix ? sorted.filter((t) => t.startsWith(part)) : byTerm.has(part) ? [part] : [])
      .flatMap((t) => byTerm.get(t)!);
    // Per clause the sentences holding it; an article counts when every clause holds somewhere in it.
    const perClause = clauses.map((options) => options.reduce<Float64Array>((keys, o) => union(keys, sentencesHolding(o, lookup)), NO_KEYS));
    let matching = perClause.reduce<Float64Array>((keys, more) => union(keys, more), NO_KEYS);
    if (perClause.length > 1) {
      const everyClause = perClause.reduce((docs, keys) => {
        const own = new Set<number>();
        for (const key of keys) own.add(Math.floor(key / SENTENCE_KEYS));
        return docs === undefined ? own : new Set([...docs].filter((d) => own.has(d)));
      }, undefined as Set<number> | undefined)!;
      matching = matching.filter((key) => everyClause.has(Math.floor(key / SENTENCE_KEYS)));
    }
    if (matching.length === 0) return [];
    const docs: number[] = [];
    for (const key of matching) {
      const doc = Math.floor(key / SENTENCE_KEYS);
      if (docs[docs.length - 1] !== doc) docs.push(doc);
    }
    // Documents removed since their segment was written have no row: their postings are not read.
    // One row of every found document's lengths (a row per document cost more to parse than to rank).
    const [found] = await this.scope.rows<{ docs: number[] | null; sizes: number[] | null; lengths: Buffer | null }>(`
      SELECT array_agg(doc::float8 ORDER BY doc) AS docs, array_agg(length(lengths) ORDER BY doc) AS sizes,
             string_agg(lengths, ''::bytea ORDER BY doc) AS lengths
      FROM search_documents WHERE doc = ANY($1::bigint[])`, [`{${docs.join(',')}}`]);
    const live = new Float64Array(matching.length);
    const lengths = new Int32Array(matching.length);
    let size = 0;
    const sentenceLengths: number[] = [];
    for (let d = 0, k = 0, at = 0; d < (found?.docs?.length ?? 0); d++) {
      const doc = found!.docs![d]!;
      const varints = new VarintReader(found!.lengths!, at);
      at += found!.sizes![d]!;
      sentenceLengths.length = 0;
      while (varints.at < at) sentenceLengths.push(varints.next());
      while (k < matching.length && matching[k]! < doc * SENTENCE_KEYS) k++;
      for (; k < matching.length && matching[k]! < (doc + 1) * SENTENCE_KEYS; k++) {
        live[size] = matching[k]!;
        lengths[size++] = sentenceLengths[matching[k]! - doc * SENTENCE_KEYS] ?? 0;
      }
    }
    const keys = live.subarray(0, size);
    const scores = rankAll(keys, items.map((item) => lookup(item.lexeme, item.prefix)), lengths.subarray(0, size));
    // Keys run by document, sentences ascending: each document's best sentence (ties: the earlier) and its count.
    const ranked: Ranked[] = [];
    for (let k = 0; k < keys.length;) {
      const doc = Math.floor(keys[k]! / SENTENCE_KEYS);
      let best = k;
      let end = k + 1;
      for (; end < keys.length && Math.floor(keys[end]! / SENTENCE_KEYS) === doc; end++) if (scores[end]! > scores[best]!) best = end;
      ranked.push({ doc, score: scores[best]!, idx: keys[best]! - doc * SENTENCE_KEYS, matches: end - k });
      k = end;
    }
    return ranked;
  }
}
