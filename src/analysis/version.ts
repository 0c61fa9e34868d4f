/**
 * The analyser's version, stored with every analysis (src/analysis/stored.ts). Raise it whenever
 * a change makes analyzeArticle or the clustering signals give different output for the same
 * article (new entity rules, lemmas, quote or time patterns, features): stored analyses of an
 * older version are then re-analysed (`kronika reanalyse`, or in the background by `kronika
 * serve`) instead of being mixed with new ones. test/app/analysis-version.test.ts fails when the
 * output on the bundled sample changes without a raise, and says what to set.
 */
export const ANALYSIS_VERSION = 24;
