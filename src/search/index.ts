/**
 * Full-text search over stored articles: what is indexed and how queries read. Matching is
 * Polish-aware: each sentence is indexed twice, as accent-folded words and as accent-folded
 * lemmas (terms.ts), and the query goes through the same folding and lemmatising (query.ts for
 * the syntax). The index itself is a concern of the store (store.search, src/store/store.ts);
 * the index stage fills it from stored analyses (src/app/stages.ts).
 */
export * from './types.ts';
export { foldText } from './fold.ts';
export { parseQuery, compileMatch, type QueryClause } from './query.ts';
export { searchDocument } from './terms.ts';
export { markHighlights } from './highlight.ts';
