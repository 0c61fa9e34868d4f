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
 * lengths. A search reads the rows of its own terms, finds the sentences where each clause
 * matches, ranks them, and hands the server one (document, score, sentence, matches) row per
 * matching article: the server filters (language, outlet, dates, ids), orders and pages them
 * next to the article rows, and the shown page's sentence and highlights are cut from the
 * article's text (src/store/sqlite/search.ts `hitOf`), as with SQLite's contentless FTS5.
 *
 * Ranking: PostgreSQL's `ts_rank(weights, vector, query, 1)` of the sentence's 005 vector —
 * surface matches weighing twice the lemma ones (SQLite's bm25 column weights), the sentence
 * length dividing as 1 + log(length) — computed here in float4 arithmetic step for step as
 * tsrank.c does it (`rank`), so scores and order are the ones 005 gave. Unlike bm25 it does not
 * weigh a term's rarity; an article's best sentence and the set of hits are the same as in SQLite.
 */
import { clauseTerms, parseQuery, type ClauseTerms } from '../../search/query.ts';
import { highlightTerms, queryLemmas } from '../../search/terms.ts';
import type { SearchDocument, SearchFilters, SearchHit } from '../../search/types.ts';
import type { SearchStore } from '../store.ts';
import { clampLimit, encodeSpans, hitOf, spanAt, type HitRow } from '../sqlite/search.ts';
import { rowsOf, value, type Scope } from './scope.ts';
import {
  decodeLengths, decodePostings, encodeLengths, mergeSegments, writeSegment, type DocumentPostings, type Occurrences,
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
  return Buffer.byteLength(part) <= MAX_LEXEME_BYTES;
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
  const words = parts([surface]);
  const found = new Map<string, { a: number[]; b: number[] }>();
  const at = (part: string) => {
    let occurrences = found.get(part);
    if (!occurrences) found.set(part, occurrences = { a: [], b: [] });
    return occurrences;
  };
  words.forEach((part, i) => {
    if (fits(part) && i + 1 <= MAX_POSITION) at(part).a.push(i + 1);
  });
  parts([lemmas]).forEach((part, i) => {
    const position = words.length + 2 + i;
    if (fits(part) && position <= MAX_POSITION) at(part).b.push(position);
  });
  let length = 0;
  const terms = new Map<string, Occurrences>();
  for (const [term, { a, b }] of found) {
    // Every A position comes before every B one, so the first MAX_LEXEME_POSITIONS are A's first.
    const keptA = a.slice(0, MAX_LEXEME_POSITIONS);
    const keptB = b.slice(0, MAX_LEXEME_POSITIONS - keptA.length);
    terms.set(term, { a: keptA, b: keptB });
    length += keptA.length + keptB.length;
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

/** Byte order of UTF-8, the order of a tsvector's lexemes and of ts_rank's query items. */
function byteOrder(x: string, y: string): number {
  return Buffer.compare(Buffer.from(x), Buffer.from(y));
}

/** The query's lexemes, each once, in tsrank.c's order (a lexeme both whole and a prefix counts as a prefix). */
function rankItems(clauses: readonly (readonly Option[])[]): RankItem[] {
  const items = new Map<string, boolean>();
  for (const o of clauses.flat()) {
    o.parts.forEach((lexeme, i) => items.set(lexeme, (items.get(lexeme) ?? false) || (o.prefix && i === o.parts.length - 1)));
  }
  return [...items].map(([lexeme, prefix]) => ({ lexeme, prefix })).sort((x, y) => byteOrder(x.lexeme, y.lexeme));
}

/**
 * One term's postings by sentence, keyed doc × SENTENCE_KEYS + sentence index: a search looks a
 * sentence up in the few maps of its query's terms instead of building one per sentence.
 */
type Postings = Map<number, Occurrences>;

/** Sentences an article may have in a key (an article of a million sentences would not be indexed whole). */
const SENTENCE_KEYS = 2 ** 20;

/** The postings of a query part: its term's, or every fetched term's with the prefix, in byte order. */
type Lookup = (part: string, prefix: boolean) => readonly Postings[];

function positionsAt(lists: readonly Postings[], key: number, weight: 'a' | 'b'): number[] {
  const found: number[] = [];
  for (const postings of lists) {
    const occurrences = postings.get(key);
    if (occurrences) found.push(...occurrences[weight]);
  }
  return found;
}

/** The sentences holding the option: tsquery's `'a':A <-> 'b':A` (a prefix `'b':*A`) matched per sentence. */
function sentencesHolding(o: Option, lookup: Lookup): Set<number> {
  const last = o.parts.length - 1;
  const lists = o.parts.map((part, i) => lookup(part, o.prefix && i === last));
  const holding = new Set<number>();
  if (lists.some((l) => l.length === 0)) return holding;
  for (const postings of lists[0]!) {
    for (const [key, occurrences] of postings) {
      const starts = occurrences[o.weight];
      if (starts.length === 0 || holding.has(key)) continue;
      if (lists.length === 1) {
        holding.add(key);
        continue;
      }
      const later = lists.slice(1).map((l) => new Set(positionsAt(l, key, o.weight)));
      if (starts.some((p) => later.every((set, k) => set.has(p + k + 1)))) holding.add(key);
    }
  }
  return holding;
}

/**
 * ts_rank(weights, vector, query, 1) of sentence `key` for a query whose top operator is OR
 * (every query here: each clause offers a surface and a lemma option), as PostgreSQL 15's
 * tsrank.c computes it (calc_rank_or, then the log-length normalisation): float4 steps, the
 * double constant and the double logarithms where C promotes. `items` holds, per query item in
 * tsrank.c's order, the postings of its lexemes (several for a prefix, in byte order).
 */
export function rank(key: number, items: readonly (readonly Postings[])[], length: number): number {
  const f = Math.fround;
  let res = 0;
  for (const lists of items) {
    for (const postings of lists) {
      const occurrences = postings.get(key);
      if (!occurrences) continue;
      const { a, b } = occurrences;
      let resj = 0;
      let wjm = -1;
      let jm = 0;
      for (let j = 0; j < a.length + b.length; j++) {
        const w = j < a.length ? WEIGHT_A : WEIGHT_B;
        resj = f(resj + f(w / ((j + 1) * (j + 1))));
        if (w > wjm) {
          wjm = w;
          jm = j;
        }
      }
      res = f(res + f(f(wjm + resj) - f(wjm / ((jm + 1) * (jm + 1)))) / 1.64493406685);
    }
  }
  if (items.length > 0) res = f(res / items.length);
  return f(res / (Math.log(length + 1) / Math.log(2)));
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

export class PostgresSearch implements SearchStore {
  constructor(protected readonly scope: Scope) {}

  index(documents: readonly SearchDocument[]): Promise<number> {
    // The first document of an article counts, as if the batch were indexed one by one.
    const first = new Map<string, SearchDocument>();
    for (const doc of documents) if (!first.has(doc.articleId)) first.set(doc.articleId, doc);
    const batch = [...first.values()];
    if (batch.length === 0) return Promise.resolve(0);
    const sentences = batch.map((doc) => doc.sentences.map((s) => sentenceTerms(s.surface, s.lemmas)));
    return this.scope.write(async (db) => {
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
      [batch.map((d) => seqOf.get(d.articleId)), batch.map(encodeSpans), sentences.map((list) => encodeLengths(list.map((s) => s.length)))]);
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
      if (added.length > 0) await mergeSegments(db);
      return added.length;
    });
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
    const params: unknown[] = [ranked.map((r) => r.doc), ranked.map((r) => r.score), ranked.map((r) => r.idx), ranked.map((r) => r.matches)];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = filterConditions(filters, param);
    const rows = await this.scope.rows<HitRow>(`
      SELECT a.id AS article_id, h.idx, h.score, h.matches,
             a.origin, a.title, a.outlet, a.language, a.published_value AS published, a.text, d.offsets
      FROM unnest($1::bigint[], $2::real[], $3::int[], $4::int[]) AS h (doc, score, idx, matches)
      JOIN search_documents d ON d.doc = h.doc
      JOIN articles a ON a.seq = d.seq
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY h.score DESC, a.id
      LIMIT ${param(clampLimit(filters.limit))} OFFSET ${param(Math.max(0, Math.floor(filters.offset ?? 0)))}
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
    const params: unknown[] = [items.filter((i) => !i.prefix).map((i) => i.lexeme)];
    // Parts hold letters and digits only, so a prefix needs no LIKE escapes; the C collation lets
    // the primary key's b-tree serve it as a range.
    const prefixes = items.filter((i) => i.prefix).map((i) => {
      params.push(`${i.lexeme}%`);
      return ` OR term LIKE $${params.length}`;
    });
    const rows = await this.scope.rows<{ term: string; postings: Buffer }>(
      `SELECT term, postings FROM search_postings WHERE term = ANY($1::text[])${prefixes.join('')}`, params);
    const byTerm = new Map<string, Map<number, Occurrences>>();
    for (const { term, postings } of rows) {
      let sentences = byTerm.get(term);
      if (!sentences) byTerm.set(term, sentences = new Map());
      for (const { doc, sentences: list } of decodePostings(postings)) {
        for (const occurrences of list) sentences.set(doc * SENTENCE_KEYS + occurrences.idx, occurrences);
      }
    }
    const sorted = [...byTerm.keys()].sort(byteOrder);
    const lookup: Lookup = (part, prefix) => (prefix ? sorted.filter((t) => t.startsWith(part)) : byTerm.has(part) ? [part] : [])
      .map((t) => byTerm.get(t)!);
    // Per clause the sentences holding it; an article counts when every clause holds somewhere in it.
    const perClause = clauses.map((options) => {
      const holding = new Set<number>();
      for (const o of options) for (const key of sentencesHolding(o, lookup)) holding.add(key);
      return holding;
    });
    const docsOf = (keys: Set<number>) => new Set([...keys].map((key) => Math.floor(key / SENTENCE_KEYS)));
    let qualifying = docsOf(perClause[0]!);
    for (const holding of perClause.slice(1)) {
      const docs = docsOf(holding);
      qualifying = new Set([...qualifying].filter((d) => docs.has(d)));
    }
    const matching = new Map<number, number[]>();
    for (const key of new Set(perClause.flatMap((holding) => [...holding]))) {
      const doc = Math.floor(key / SENTENCE_KEYS);
      if (!qualifying.has(doc)) continue;
      let hits = matching.get(doc);
      if (!hits) matching.set(doc, hits = []);
      hits.push(key % SENTENCE_KEYS);
    }
    if (matching.size === 0) return [];
    const itemPostings = items.map((item) => lookup(item.lexeme, item.prefix));
    const lengths = await this.scope.rows<{ doc: string; lengths: Buffer }>(
      'SELECT doc, lengths FROM search_documents WHERE doc = ANY($1::bigint[])', [[...matching.keys()]]);
    return lengths.map((row) => {
      const doc = Number(row.doc);
      const sentenceLengths = decodeLengths(row.lengths);
      const hits = matching.get(doc)!.sort((x, y) => x - y);
      let best = { score: -1, idx: 0 };
      for (const idx of hits) {
        const score = rank(doc * SENTENCE_KEYS + idx, itemPostings, sentenceLengths[idx] ?? 0);
        if (score > best.score) best = { score, idx };
      }
      return { doc, score: best.score, idx: best.idx, matches: hits.length };
    });
  }
}
