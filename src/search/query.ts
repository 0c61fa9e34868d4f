/**
 * User query → FTS5 MATCH expression. User text never reaches FTS5 syntax directly: it is
 * tokenised with the same tokenizer as the index, every word is folded and quoted, and only
 * this module writes operators. So "a OR", stray quotes, parentheses or a lone `*` cannot
 * raise an FTS5 syntax error; they become words, or nothing.
 *
 * Understood syntax: words (all must match, in any form: "pociąg" finds "pociągiem"),
 * "quoted phrases" (also „…” and «…»), and a trailing `*` for a prefix (`woj*`).
 */
import { tokenize } from '../text/tokens.ts';
import { foldText } from './fold.ts';

/** One word or phrase of a query; `words` are the user's words as typed. */
export interface QueryClause {
  readonly kind: 'word' | 'phrase';
  readonly words: readonly string[];
  /** The last word is a prefix (`woj*`). */
  readonly prefix: boolean;
}

/** Maps a word to its lemma candidates (any case; folded later). */
export type QueryLemmatizer = (word: string) => readonly string[];

/**
 * Queries longer than this are cut: FTS5 cost grows with the number of clauses, and no real
 * search needs more than a few dozen words (a pasted paragraph still works, just truncated).
 */
export const MAX_QUERY_CLAUSES = 32;

const PHRASE = /["„“”«»]([^"„“”«»]*)["„“”«»]?/gu;

function wordsOf(text: string): { words: string[]; prefixAt: Set<number> } {
  const words: string[] = [];
  const prefixAt = new Set<number>();
  const tokens = tokenize(text);
  tokens.forEach((token, i) => {
    if (token.kind === 'word' || token.kind === 'number') {
      words.push(token.text);
      const next = tokens[i + 1];
      if (next && next.text === '*' && next.start === token.end) prefixAt.add(words.length - 1);
    }
  });
  return { words, prefixAt };
}

/**
 * Splits a query into word and phrase clauses.
 * @example parseQuery('"Korea Północna" woj*') // → [{kind:'phrase',words:['Korea','Północna']}, {kind:'word',words:['woj'],prefix:true}]
 */
export function parseQuery(query: string): QueryClause[] {
  const clauses: QueryClause[] = [];
  let rest = '';
  let last = 0;
  for (const m of query.matchAll(PHRASE)) {
    rest += query.slice(last, m.index) + ' ';
    last = m.index + m[0].length;
    const { words, prefixAt } = wordsOf(m[1]! + query.slice(last, last + 1));
    if (words.length === 1) clauses.push({ kind: 'word', words, prefix: prefixAt.has(0) });
    else if (words.length > 1) clauses.push({ kind: 'phrase', words, prefix: prefixAt.has(words.length - 1) });
  }
  rest += query.slice(last);
  const { words, prefixAt } = wordsOf(rest);
  words.forEach((word, i) => clauses.push({ kind: 'word', words: [word], prefix: prefixAt.has(i) }));
  return clauses.slice(0, MAX_QUERY_CLAUSES);
}

/**
 * What a clause matches, engine-neutral: folded word lists (a phrase keeps its order), in the
 * surface column and in the lemma column. Each engine writes its own syntax from it (FTS5 here,
 * a tsquery in src/store/postgres/search.ts), so both match the same words.
 */
export interface ClauseTerms {
  /** The words as typed, folded; with `prefix` the last one is a prefix, matched in both columns. */
  readonly surface: readonly string[];
  /** Alternatives for the lemma column: a phrase's best lemmas, or a word and each lemma candidate. */
  readonly lemmas: readonly (readonly string[])[];
  readonly prefix: boolean;
}

export function clauseTerms(clause: QueryClause, lemmatize: QueryLemmatizer): ClauseTerms {
  const fold = (words: readonly string[]) => words.map((w) => foldText(w));
  const surface = fold(clause.words);
  // A prefix is matched as typed in both columns: lemmatising a word fragment means nothing.
  if (clause.prefix) return { surface, lemmas: [surface], prefix: true };
  // A phrase's lemma form uses each word's best (first) lemma; single words try every candidate.
  if (clause.words.length > 1) return { surface, lemmas: [fold(clause.words.map((w) => lemmatize(w)[0] ?? w))], prefix: false };
  const variants = new Map<string, string[]>([[surface.join(' '), surface]]);
  for (const lemma of lemmatize(clause.words[0]!)) {
    const folded = fold([lemma]);
    variants.set(folded.join(' '), folded);
  }
  return { surface, lemmas: [...variants.values()], prefix: false };
}

/** FTS5 string literal of folded words; the tokenizer only yields letters, digits, - and '. */
function quote(words: readonly string[]): string {
  return `"${words.map((w) => w.replace(/"/g, '')).join(' ')}"`;
}

function compileClause(clause: QueryClause, lemmatize: QueryLemmatizer): string {
  const terms = clauseTerms(clause, lemmatize);
  if (terms.prefix) {
    const literal = `${quote(terms.surface)} *`;
    return `(surface : ${literal} OR lemmas : ${literal})`;
  }
  return `(surface : ${quote(terms.surface)} OR lemmas : (${terms.lemmas.map(quote).join(' OR ')}))`;
}

/**
 * One FTS5 MATCH expression per clause; empty when the query has no searchable word (`*`, `()`).
 * Clauses are kept apart because an article must contain every clause, but not necessarily in
 * one sentence, while rows are sentences: the caller intersects articles per clause.
 * @example compileMatch(parseQuery('Władywostok'), (w) => [w]) // → ['(surface : "wladywostok" OR lemmas : ("wladywostok"))']
 */
export function compileMatch(clauses: readonly QueryClause[], lemmatize: QueryLemmatizer): string[] {
  return clauses.filter((c) => c.words.length > 0).map((c) => compileClause(c, lemmatize));
}
