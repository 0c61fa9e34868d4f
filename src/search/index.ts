/**
 * Full-text search over stored articles (issue 8 #1): the contract the CLI and the API share,
 * plus the SQLite FTS5 implementation and the store → index sync. Matching is Polish-aware:
 * each sentence is indexed twice, as accent-folded words and as accent-folded lemmas, and the
 * query goes through the same folding and lemmatising (see query.ts for the syntax).
 */
export * from './types.ts';
export { foldText } from './fold.ts';
export { parseQuery, compileMatch, type QueryClause } from './query.ts';
export { openSqliteSearchIndex, createSqliteSearchIndex, type SqliteSearchOptions } from './sqlite.ts';
export { syncSearchIndex } from './sync.ts';
export { markHighlights } from './highlight.ts';
