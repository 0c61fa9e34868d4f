/**
 * The report's title (issue 7 §4): a short headline, never a long sentence cut with "…". A caller's
 * title is kept when it reads as a headline; otherwise the story's own words are used: an article
 * headline, else the best summary sentence that fits, else the main clause of one, else a cut.
 * "Best" means: it stands on its own (no opening that points back, "Jej sprawa…"), it names
 * someone or something, most sources state it, it is short.
 */
import type { SynthesisArticle } from './input.ts';
import type { SummarySentence } from './types.ts';
import { synthesisLexicon } from './resources.ts';
import { shorten } from '../text/headline.ts';
import { endsWithAbbreviation } from '../text/sentences.ts';
import type { Language } from '../types.ts';

/**
 * Longer than this is a sentence, not a headline. Polish news headlines mostly run to 60–90
 * characters, the longest BSNLP dev ones to ~120 (2026-11); the cut sentences this replaces ran
 * to 160–200.
 */
export const MAX_TITLE_CHARS = 120;
/** A clause shorter than this says too little to name a story ("Tymczasem Kim"). */
const MIN_CLAUSE_WORDS = 4;

const TRUNCATED = /(?:…|\.\.\.)\s*$/;

function isHeadline(text: string | undefined): text is string {
  return text !== undefined && text.trim().length > 0 && text.length <= MAX_TITLE_CHARS && !TRUNCATED.test(text);
}

/** Drops the sentence's full stop: headlines carry none (an abbreviation keeps its dot: "w 2019 r."). */
function asHeadline(sentence: string, language: Language): string {
  const trimmed = sentence.trim();
  return endsWithAbbreviation(trimmed, language) ? trimmed : trimmed.replace(/(?<![.…])\.\s*$/u, '');
}

interface Ranked {
  readonly text: string;
  readonly standsAlone: boolean;
  readonly names: number;
  readonly sources: number;
}

function rank(summary: readonly SummarySentence[], articles: readonly SynthesisArticle[], anaphora: ReadonlySet<string>): Ranked[] {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  return summary
    .map((s) => {
      const own = s.citations[0];
      const mentions = own ? (byId.get(own.article)?.mentions ?? []).filter((m) => own.start <= m.start && m.end <= own.end) : [];
      const first = /^[\p{L}]+/u.exec(s.text)?.[0] ?? '';
      return {
        text: s.text,
        // A trimmed connective leaves a lower-case start ("opozycja zapowiedziała"): no title either.
        standsAlone: /^[\p{Lu}\p{N}"„]/u.test(s.text) && !anaphora.has(first.toLowerCase()),
        names: mentions.length,
        sources: new Set(s.citations.map((c) => c.article)).size,
      };
    })
    .sort(
      (a, b) =>
        Number(b.standsAlone) - Number(a.standsAlone) ||
        Number(b.names > 0) - Number(a.names > 0) ||
        b.sources - a.sources ||
        a.text.length - b.text.length,
    );
}

/** The main clause before ", że …" / ", which …", when it fits and says enough. */
function mainClause(sentence: string, subordinators: ReadonlySet<string>): string | undefined {
  for (const m of sentence.matchAll(/,\s+([\p{L}]+)/gu)) {
    if (!subordinators.has(m[1]!.toLowerCase())) continue;
    const clause = sentence.slice(0, m.index).trim();
    if (clause.split(/\s+/).length < MIN_CLAUSE_WORDS || clause.length > MAX_TITLE_CHARS) return undefined;
    return clause;
  }
  return undefined;
}

/**
 * Picks the report title.
 * @example storyTitle(undefined, articles, summary, 's1') // → 'Kim Dzong Un jest już w Rosji, gdzie ma się spotkać z Władimirem Putinem'
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
  const language = articles[0]?.article.language ?? 'pl';
  const lexicon = synthesisLexicon(language);
  const ranked = rank(summary, articles, lexicon.titleAnaphora);
  const short = ranked.find((s) => s.standsAlone && isHeadline(asHeadline(s.text, language)));
  if (short) return asHeadline(short.text, language);
  for (const s of ranked) {
    const clause = s.standsAlone ? mainClause(s.text, lexicon.subordinators) : undefined;
    if (clause) return clause;
  }
  const longest = given ?? ranked[0]?.text;
  // The last resort: cut at a word boundary that fits, marked with "…".
  return longest ? shorten(asHeadline(longest.replace(TRUNCATED, ''), language), MAX_TITLE_CHARS, language) : fallback;
}
