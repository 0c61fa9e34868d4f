/**
 * Story synthesis: from the analysed articles of one story to a report — claims with
 * their sources and status, conflicts between sources, a cited verbatim summary, speculation vs
 * confirmation, timeline, quotes, entities and sources. Pure: rendering lives in render-*.ts.
 *
 * 1. Sentence features over the whole story (features.ts).
 * 2. Claims: paraphrases across articles grouped (claims.ts).
 * 3. Conflicts over the event's place, date and numbers (conflicts.ts).
 * 4. Claim status, then summary by MMR (summary.ts).
 * 5. Timeline, quotes, entities, sources.
 */
import type { Article } from '../types.ts';
import type { SynthesisArticle } from './input.ts';
import { storyFeatures, similarity, wordIndexAt, type SentenceFeatures, type StoryFeatures } from './features.ts';
import { CITATION_GROUP_SIMILARITY, GROUP_SIMILARITY, completeCitations, groupClaimsAt, normalisedText, type SentenceGroup } from './claims.ts';
import { COPIED_SENTENCE_WORDS, linkedOrigins, storyOrigins, type Origins } from './origins.ts';
import { claimStatus, conflictMarks, sentenceStatus, type ConflictMarks } from './status.ts';
import { pendingSuperseded } from './pending.ts';
import { eventsOvertakenInOneSource } from './updates.ts';
import { entityNames, rankQuotes } from './quotes.ts';
import { findConflicts } from './conflicts.ts';
import { storyTitle } from './title.ts';
import { sameFigure } from './numbers.ts';
import {
  MAX_SUMMARY_SENTENCES,
  MIN_SUMMARY_SENTENCES,
  opensWithReference,
  selectSummary,
  standsAlone,
  statesAsKeyFact,
  type SummaryCandidate,
} from './summary.ts';
import type {
  Claim,
  ClaimSentence,
  ReportEntity,
  ReportSource,
  StoryInput,
  StoryReport,
  SynthesisOptions,
  TimelineEntry,
} from './types.ts';

export type * from './types.ts';
export { renderMarkdown } from './render-markdown.ts';
export { renderHtml } from './render-html.ts';

/** Distinct wordings weighed for a claim's representative; more add cost, not choice. */
const MAX_REPRESENTATIVE_CANDIDATES = 30;

/**
 * The wording closest to the others (the medoid over distinct texts, each weighted by how often
 * it occurs); ties go to the earliest sentence. A summarisable wording is preferred, and of those
 * one that does not open pointing back ("Ten w środę uniewinnił…" says who only in its article).
 */
function representative(members: readonly SentenceFeatures[], features: StoryFeatures): SentenceFeatures {
  const counts = new Map<string, { s: SentenceFeatures; n: number }>();
  for (const m of members) {
    const key = normalisedText(m);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { s: m, n: 1 });
  }
  const all = [...counts.values()];
  // A wording that states something on its own comes first: a question, words begun inside a
  // quote or a sentence that only points back stand for the claim only when no other wording does.
  const stating = all.filter((e) => standsAlone(e.s));
  const ofStating = stating.length > 0 ? stating : all;
  const summarisable = ofStating.filter((e) => e.s.summarisable);
  const standing = summarisable.filter((e) => !opensWithReference(e.s));
  const pool = (standing.length > 0 ? standing : summarisable.length > 0 ? summarisable : ofStating).slice(0, MAX_REPRESENTATIVE_CANDIDATES);
  if (pool.length <= 2) return pool[0]!.s;
  let best = pool[0]!.s;
  let bestScore = -1;
  for (const { s: m, n } of pool) {
    const score = n + pool.reduce((sum, o) => (o.s === m ? sum : sum + o.n * similarity(m, o.s, features.idf)), 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A claim's shown text: its representative sentence, from the quote's opening when the sentence
 * begins inside words quoted from the sentence before ("„Zarówno Litwa … UE” – powiedział
 * Vaičiūnas.", not "Nord Stream nie tylko … UE” – powiedział Vaičiūnas.").
 */
function shownText(rep: SentenceFeatures): string {
  return rep.article.text.slice(rep.quoteOpening ?? rep.sentence.start, rep.sentence.end);
}

/** Identical long sentences within a claim copy one text: one origin even across outlets. */
function claimOrigins(g: SentenceGroup, origins: Origins): number {
  const byText = new Map<string, string>();
  const roots = new Set<string>();
  for (const s of g.members) {
    const origin = origins.of.get(s.article.id) ?? s.article.id;
    if (s.words.length < COPIED_SENTENCE_WORDS) {
      roots.add(origin);
      continue;
    }
    const text = normalisedText(s);
    const first = byText.get(text);
    if (!first) byText.set(text, origin);
    roots.add(first ?? origin);
  }
  return roots.size;
}

function buildClaims(
  groups: readonly SentenceGroup[],
  features: StoryFeatures,
  marks: ConflictMarks,
  origins: Origins,
  shownOf?: (g: SentenceGroup) => SentenceFeatures | undefined,
): { claims: Claim[]; candidates: SummaryCandidate[] } {
  const claims: Claim[] = [];
  const candidates: SummaryCandidate[] = [];
  const start = firstPublished(features);
  groups.forEach((g, i) => {
    const sentences = g.members.map((s) => claimSentence(s, marks));
    const articles = [...new Set(sentences.map((s) => s.article))];
    const independent = claimOrigins(g, origins);
    const rep = shownOf?.(g) ?? representative(g.members, features);
    const shown = sentences[g.members.indexOf(rep)]!;
    const claim: Claim = {
      id: `c${i + 1}`,
      text: shownText(rep),
      status: claimStatus(sentences, shown, marks),
      sentences,
      articles,
      independentSources: independent,
      corroborated: independent >= 2,
      standsAlone: statesAsKeyFact(rep),
    };
    claims.push(claim);
    if (!rep.summarisable || !standsAlone(rep)) return;
    const own = happeningTimes(rep);
    const background = own.length > 0 ? datedBefore(own, start) : undefined;
    const recalled = own.length > 0 ? undefined : recalledDate(rep, g.members, features, start);
    candidates.push({ claim, representative: rep, background, ...(recalled !== undefined && { recalled }), anchored: g.anchor !== undefined && g.anchor.kind !== 'day' && g.anchor.kind !== 'event' && g.anchor.kind !== 'frame' });
  });
  return { claims, candidates };
}

function claimSentence(s: SentenceFeatures, marks: ReturnType<typeof conflictMarks>): ClaimSentence {
  const { start, end } = s.sentence;
  const citation = { article: s.article.id, start, end };
  // Spelled out rather than spread: one per cited sentence of every claim.
  return { article: citation.article, start, end, text: s.article.text.slice(start, end), epistemic: s.epistemic, status: sentenceStatus(citation, s.epistemic, marks) };
}

/**
 * Claims citing also the articles that state them in other words (claims.ts `completeCitations`),
 * added once the summary is chosen so that its choice stays on the grouped wordings.
 */
function citeSupport(
  claims: readonly Claim[],
  groups: readonly SentenceGroup[],
  features: StoryFeatures,
  marks: ConflictMarks,
  origins: Origins,
): Claim[] {
  const added = completeCitations(features, groups);
  if (added.size === 0) return [...claims];
  return claims.map((claim, i) => {
    const extra = added.get(i);
    if (!extra) return claim;
    const members = [...groups[i]!.members, ...extra];
    const sentences = [...claim.sentences, ...extra.map((s) => claimSentence(s, marks))];
    const shown = claim.sentences.find((s) => claim.text.endsWith(s.text)) ?? sentences[0]!;
    const independent = claimOrigins({ members }, origins);
    return {
      ...claim,
      status: claimStatus(sentences, shown, marks),
      sentences,
      articles: [...new Set(sentences.map((s) => s.article))],
      independentSources: independent,
      corroborated: independent >= 2,
    };
  });
}

/**
 * Articles that must date a wording's happening for an undated wording of it to take their date: one
 * outlet's time may date a noun of its sentence ("po … decyzji dyrekcji z grudnia o uznaniu po raz
 * pierwszy od 32 lat związków", joined to January's "zgodził się po raz pierwszy od 32 lat
 * negocjować"), two outlets dating the same figure or wording date the happening.
 */
const DATING_ARTICLES = 2;

/** The times of a sentence that date its happening (not a noun it describes), as values. */
function happeningTimes(s: SentenceFeatures): string[] {
  return s.times.filter((t) => !describesNoun(s, t.start)).map((t) => t.value);
}

/** The earliest of these times before the story's first month. */
function datedBefore(times: readonly string[], start: string | undefined): string | undefined {
  return start === undefined ? undefined : times.filter((v) => v.slice(0, 7) < start).sort()[0];
}

/**
 * The day before the story a wording naming no time recalls: the date the story's other wordings of
 * it give — those of its claim, else those giving its figure — when DATING_ARTICLES articles or more
 * date it and every one of them dates it before the story. "W pierwszym referendum w sprawie Brexitu
 * … głosowało 52 procent osób." is the 2016 vote four outlets date ("W 2016 roku za wyjściem z UE
 * opowiedziało się 52 proc."), told without its year: history recalled, not the story's news.
 */
function recalledDate(rep: SentenceFeatures, members: readonly SentenceFeatures[], features: StoryFeatures, start: string | undefined): string | undefined {
  if (start === undefined) return undefined;
  const told = (others: readonly SentenceFeatures[]): string | undefined => {
    const dating = others.filter((o) => o !== rep && happeningTimes(o).length > 0);
    const dates = dating.map((o) => datedBefore(happeningTimes(o), start));
    return new Set(dating.map((o) => o.article.id)).size >= DATING_ARTICLES && dates.every((d) => d !== undefined) ? dates.sort()[0] : undefined;
  };
  const figures = rep.figures.filter((f) => f.unit !== '');
  return told(members) ?? (figures.length > 0 ? told(features.sentences.filter((o) => o.figures.some((y) => figures.some((x) => x.unit === y.unit && sameFigure(x, y))))) : undefined);
}

/**
 * A time right after a participle describes a noun ("Asię Bibi skazaną w 2010 r."), not when the
 * sentence's happening took place: such a sentence is not background.
 */
function describesNoun(s: SentenceFeatures, at: number): boolean {
  const i = wordIndexAt(s, at);
  const before = i > 0 ? s.words[i - 1] : undefined;
  return before !== undefined && /(?:ną|nym|nej|nego|tą|tym|tej|tego)$/u.test(before);
}

function firstPublished(features: StoryFeatures): string | undefined {
  return features.byArticle
    .map((list) => list[0]?.article.published?.value.slice(0, 7))
    .filter((v): v is string => v !== undefined)
    .sort()[0];
}

function buildTimeline(articles: readonly SynthesisArticle[]): TimelineEntry[] {
  const byValue = new Map<string, { granularity: string; text: string; citations: { article: string; start: number; end: number }[] }>();
  for (const a of articles) {
    for (const t of a.times) {
      if (!t.value) continue;
      const sentence = a.sentences.find((s) => s.index === t.sentence);
      const span = sentence ? { start: sentence.start, end: sentence.end } : { start: t.start, end: t.end };
      const citation = { article: a.article.id, ...span };
      const entry = byValue.get(t.value);
      if (entry) {
        if (!entry.citations.some((c) => c.article === citation.article && c.start === citation.start)) entry.citations.push(citation);
      } else {
        byValue.set(t.value, { granularity: t.granularity, text: a.article.text.slice(span.start, span.end), citations: [citation] });
      }
    }
  }
  return [...byValue.entries()]
    .sort((x, y) => x[0].localeCompare(y[0]))
    .map(([value, e]) => ({ value, granularity: e.granularity, text: e.text, citations: e.citations }));
}

function buildEntities(articles: readonly SynthesisArticle[], names: ReturnType<typeof entityNames>): ReportEntity[] {
  const mentions = new Map<string, number>();
  for (const a of articles) for (const m of a.mentions) mentions.set(m.key, (mentions.get(m.key) ?? 0) + 1);
  return [...names.entries()]
    .map(([key, e]) => ({ key, name: e.name, type: e.type, mentions: mentions.get(key) ?? 0, articles: e.articles }))
    .sort((x, y) => y.articles - x.articles || y.mentions - x.mentions || x.name.localeCompare(y.name));
}

function buildSources(articles: readonly SynthesisArticle[], origins: Origins): ReportSource[] {
  const seen = new Set<string>();
  return articles.map(({ article }) => ({
    article: article.id,
    origin: article.origin,
    ...(article.outlet && { outlet: article.outlet }),
    ...(article.title && { title: article.title }),
    ...(article.published && { published: article.published }),
    language: article.language,
    ...(article.duplicateOf && { duplicateOf: article.duplicateOf }),
    independentOrigin: origins.names.get(origins.of.get(article.id)!) ?? article.id,
    // The first article of each origin stands for it; the others add no independent source.
    independent: !seen.has(origins.of.get(article.id)!) && seen.add(origins.of.get(article.id)!) !== undefined,
  }));
}

/** An asked summary length, held to what a summary may have. */
function clampSummary(n: number): number {
  return Math.min(MAX_SUMMARY_SENTENCES, Math.max(MIN_SUMMARY_SENTENCES, Math.round(n)));
}

/**
 * Synthesises one story's report.
 * @example synthesizeStory({ id: 's1', articles: texts.map((t) => analyzeArticle(t)) }).summary[0].citations
 */
export function synthesizeStory(input: StoryInput, options: SynthesisOptions = {}): StoryReport {
  const features = storyFeatures(input.articles);
  const names = entityNames(input.articles);
  const origins = linkedOrigins(input.articles.map((a) => a.article), features);
  // Claims are grouped looser than the summary's: a claim grown by a loose join cites more articles
  // but must not outrank the lead (claims.ts CITATION_GROUP_SIMILARITY).
  const [groups, summaryGroups] = groupClaimsAt(features, [CITATION_GROUP_SIMILARITY, GROUP_SIMILARITY], [true, false]) as [SentenceGroup[], SentenceGroup[]];
  const conflicts = findConflicts(features, groups);
  // Sentences a later report overtook or disputed, by a conflict or by a pending state it ended.
  // An article's own telling of a change overtakes its expectation with no conflict (updates.ts).
  const marks = conflictMarks(conflicts, new Set([...pendingSuperseded(features), ...eventsOvertakenInOneSource(features)]));
  const { candidates } = buildClaims(summaryGroups, features, marks, origins);
  const chosen = selectSummary(features, candidates, options.summarySentences === undefined ? undefined : clampSummary(options.summarySentences), conflicts);
  // A listed claim holding a summary sentence shows that wording, so that the summary and the key
  // facts name one claim and one status.
  const summarised = new Set(
    chosen.map((s) => candidates.find((c) => c.representative.article.id === s.citations[0]?.article && c.representative.sentence.end === s.citations[0]?.end)?.representative),
  );
  const { claims } = buildClaims(groups, features, marks, origins, (g) => g.members.find((m) => summarised.has(m)));
  const cited = citeSupport(claims, groups, features, marks, origins);
  const summary = chosen.map((s) => {
    const claim = cited.find((c) => s.text.length > 0 && c.text.endsWith(s.text) && c.sentences.some((x) => x.article === s.citations[0]?.article && x.end === s.citations[0]?.end));
    if (!claim || claim.status === s.status) return s;
    const own = claim.sentences.find((x) => claim.text.endsWith(x.text));
    return { ...s, status: claim.status, hedged: own?.epistemic === 'hedged' || claim.status === 'hedged' };
  });
  const sources = buildSources(input.articles, storyOrigins(input.articles.map((a) => a.article), features));
  const rank = (c: Claim): number => c.independentSources;
  const ordered = [...cited].sort((a, b) => rank(b) - rank(a));
  return {
    id: input.id,
    title: storyTitle(input.title, input.articles, summary, input.id),
    ...(options.generatedAt && { generatedAt: options.generatedAt }),
    summary,
    claims: ordered,
    conflicts,
    speculation: ordered.filter((c) => c.status === 'hedged'),
    confirmed: ordered.filter((c) => c.status === 'confirmed'),
    timeline: buildTimeline(input.articles),
    quotes: rankQuotes(input.articles, names),
    entities: buildEntities(input.articles, names),
    sources,
    counts: {
      articles: input.articles.length,
      independentSources: sources.filter((s) => s.independent).length,
      languages: [...new Set(input.articles.map((a) => a.article.language))].sort(),
    },
  };
}
