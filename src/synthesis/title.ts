/**
 * The report's title (issue 7 §4): a short headline, never a long sentence cut with "…". A caller's
 * title is kept when it reads as a headline; otherwise the story's own words are used: an article
 * headline, else the best-supported short summary sentence, else its first clause.
 */
import type { SynthesisArticle } from './input.ts';
import type { SummarySentence } from './types.ts';

/**
 * Longer than this is a sentence, not a headline. Polish and English news headlines run to about
 * 60–90 characters (the BSNLP dev titles and the seeds' "Czytaj też" headlines, 2026-11).
 */
export const MAX_TITLE_CHARS = 100;
/** A clause shorter than this says too little to name a story ("Tymczasem Kim"). */
const MIN_CLAUSE_WORDS = 4;

const TRUNCATED = /(?:…|\.\.\.)\s*$/;

function isHeadline(text: string | undefined): text is string {
  return text !== undefined && text.trim().length > 0 && text.length <= MAX_TITLE_CHARS && !TRUNCATED.test(text);
}

/** Drops the sentence's full stop: headlines carry none. */
function asHeadline(sentence: string): string {
  return sentence.trim().replace(/(?<![.…])\.\s*$/u, '');
}

/** The sentence's first clause (up to a comma, colon or dash) when it fits and says enough. */
function firstClause(sentence: string): string | undefined {
  const clause = sentence.split(/\s*(?:[,:;]|\s[–—-]\s)\s*/u)[0]?.trim();
  if (!clause || clause.split(/\s+/).length < MIN_CLAUSE_WORDS || clause.length > MAX_TITLE_CHARS) return undefined;
  return clause;
}

/** Cuts at the last word boundary that fits, marking the cut; the last resort. */
function shortened(text: string): string {
  const cut = text.slice(0, MAX_TITLE_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd()}…`;
}

/**
 * Picks the report title.
 * @example storyTitle(undefined, articles, summary) // → 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem'
 */
export function storyTitle(
  given: string | undefined,
  articles: readonly SynthesisArticle[],
  summary: readonly SummarySentence[],
  fallback: string,
): string {
  if (isHeadline(given)) return given.trim();
  const headline = articles.map((a) => a.article.title).find(isHeadline);
  if (headline) return headline.trim();
  // Most-cited first (the claim most sources share), shorter first among equals.
  const ranked = [...summary].sort((a, b) => b.citations.length - a.citations.length || a.text.length - b.text.length);
  const short = ranked.find((s) => isHeadline(asHeadline(s.text)));
  if (short) return asHeadline(short.text);
  for (const s of ranked) {
    const clause = firstClause(s.text);
    if (clause) return clause;
  }
  const longest = given ?? ranked[0]?.text;
  return longest ? shortened(asHeadline(longest.replace(TRUNCATED, ''))) : fallback;
}
