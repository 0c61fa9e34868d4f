/**
 * The story's one title, used everywhere (list, page, report, API): a short headline, never cut
 * inside an abbreviation ("ws.", "W."), never a scraped time stamp or section label before it.
 * The caller's title (the story's, made by `headlineFromText` in src/stories) is kept whenever it
 * fits, so that the report shows the title the story list shows. Otherwise the story's own words
 * are used, a sentence cut with "…" only when nothing shorter says it: an article headline, else
 * the summary's lead when it fits (the main happening, summary.ts), else the best summary sentence
 * that fits, else the main clause of one, else a cut at a word boundary. "Best" means: it stands on
 * its own (no opening that points back, "Jej sprawa…"), it names someone or something, most sources
 * state it, it is short. `headlineFromText` gives the same treatment to any text (an article's first
 * sentence as a story's provisional title).
 */
import type { Language } from '../types.ts';
import type { SynthesisArticle } from './input.ts';
import type { SummarySentence } from './types.ts';
import { synthesisLexicon, resourceLanguage } from './resources.ts';
import { quoteCues } from '../analysis/quotes/cues.ts';
import { firstSentence, shorten } from '../text/headline.ts';
import { endsWithAbbreviation } from '../text/sentences.ts';

/**
 * Longer than this is a sentence, not a headline. Polish news headlines mostly run to 60–90
 * characters, the longest BSNLP dev ones to ~120 (2026-11); the cut sentences this replaces ran
 * to 160–200.
 */
export const MAX_TITLE_CHARS = 120;
/** A clause shorter than this says too little to name a story ("Tymczasem Kim"). */
const MIN_CLAUSE_WORDS = 4;

const TRUNCATED = /(?:…|\.\.\.)\s*$/;

/**
 * A section label in capitals before the headline proper ("O TYM SIĘ MÓWI Asia Bibi…", "ZOBACZ TO
 * Wzruszające…"): two or more upper-case words, then a capitalised word in lower case. One
 * capital word ("W Holandii…", "NATO zwiększa…") is part of the headline.
 */
const KICKER = /^(?:\p{Lu}+[ \t]+){2,}(?=\p{Lu}\p{Ll})/u;

/**
 * A scraped time stamp before the headline proper ("14:50 Niemcy: rozpoczęła się budowa…",
 * "5.04.2018 Europa uzależnia się…"): a clock time or a numeric date, then a capitalised word or
 * an opening quote. A figure reads on in lower case ("3.50 zł za litr") and stays.
 */
const STAMP = /^(?:\d{1,2}[:.]\d{2}(?:[.]\d{2,4})?)\s+(?=[\p{Lu}"„])/u;

/** The headline without a leading time stamp (STAMP) or section label in capitals (KICKER). */
function withoutKicker(title: string): string {
  const stamp = STAMP.exec(title)?.[0];
  const rest = stamp ? title.slice(stamp.length) : title;
  const kicker = KICKER.exec(rest)?.[0];
  return kicker && kicker.replace(/\s/gu, '').length >= 4 ? rest.slice(kicker.length) : rest;
}

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

/**
 * The clause a title can be: the main clause before ", że …" / ", which …" when it fits and says
 * enough; but when that main clause only frames a report ("Jak donosi X, media poinformowały, że
 * …"), the reported clause after "że", which holds the news, first letter capitalised.
 */
function mainClause(sentence: string, subordinators: ReadonlySet<string>, language: Language): string | undefined {
  const reporting = quoteCues(resourceLanguage(language));
  for (const m of sentence.matchAll(/,\s+([\p{L}]+)/gu)) {
    if (!subordinators.has(m[1]!.toLowerCase())) continue;
    const clause = sentence.slice(0, m.index).trim();
    const frame = clause.split(/\s+/u).some((w) => reporting.verb(w.replace(/[^\p{L}]/gu, '')) !== undefined);
    if (frame) {
      const reported = asHeadline(sentence.slice(m.index! + m[0].length).trim(), language);
      const capitalised = reported.charAt(0).toUpperCase() + reported.slice(1);
      return reported.split(/\s+/).length >= MIN_CLAUSE_WORDS && isHeadline(capitalised) ? capitalised : undefined;
    }
    if (clause.split(/\s+/).length < MIN_CLAUSE_WORDS || clause.length > MAX_TITLE_CHARS) return undefined;
    return clause;
  }
  return undefined;
}

/**
 * A headline from any text: its first sentence (src/text/headline.ts: never ended by "ws." or an
 * initial "W.") when it fits, else that sentence's main clause, else a cut at a word boundary.
 * @example headlineFromText('Porozumienie ws. brexitu blisko. Ministrowie…', 'pl') // → 'Porozumienie ws. brexitu blisko'
 */
export function headlineFromText(text: string, language: Language): string | undefined {
  // Uncut: a sentence too long for a title gives its main clause before a cut is tried.
  const sentence = firstSentence(withoutKicker(text.trim()), language, Number.POSITIVE_INFINITY)?.trim();
  if (!sentence) return undefined;
  const headline = asHeadline(sentence, language);
  if (isHeadline(headline)) return headline;
  return mainClause(sentence, synthesisLexicon(language).subordinators, language) ?? lastResort(sentence, language);
}

/** A cut at a word boundary that fits, marked with "…" (src/text/headline.ts: never right after an abbreviation). */
function lastResort(text: string, language: Language): string {
  return shorten(asHeadline(text.replace(TRUNCATED, ''), language), MAX_TITLE_CHARS, language);
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
  // The story's title (src/stories: the same headline rules) is its title everywhere, in the
  // list as on this page: kept even when it had to be cut, as long as it fits.
  if (given !== undefined && given.trim().length > 0 && given.trim().length <= MAX_TITLE_CHARS) return given.trim();
  const headline = articles.map((a) => a.article.title && withoutKicker(a.article.title.trim())).find(isHeadline);
  if (headline) return headline.trim();
  const language = articles[0]?.article.language ?? 'pl';
  const lexicon = synthesisLexicon(language);
  const ranked = rank(summary, articles, lexicon.titleAnaphora);
  // The lead states the main happening (summary.ts): it is the title when it fits.
  const lead = ranked.find((r) => r.text === summary[0]?.text);
  if (lead?.standsAlone && lead.names > 0 && isHeadline(asHeadline(lead.text, language))) return asHeadline(lead.text, language);
  const short = ranked.find((s) => s.standsAlone && isHeadline(asHeadline(s.text, language)));
  if (short) return asHeadline(short.text, language);
  for (const s of ranked) {
    const clause = s.standsAlone ? mainClause(s.text, lexicon.subordinators, language) : undefined;
    if (clause) return clause;
  }
  const longest = given ?? ranked[0]?.text;
  return longest ? lastResort(longest, language) : fallback;
}
