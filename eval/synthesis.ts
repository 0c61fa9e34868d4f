/**
 * `npm run eval -- synthesis [bsnlp-data-path]`: story reports scored against the hand labels of
 * eval/data/synthesis (what is labelled and how it is scored: GUIDELINE.md there). Each story's
 * articles are ingested and analysed by the real layers, synthesised, and scored on citations (one
 * origin counted once), sentence statuses, conflicts (and none between different happenings), key
 * quotes, the summary's lead, the count of independent sources, and the first synthesis metrics.
 * Metrics are micro-averaged over the stories of the tune, heldout and fresh splits; `tune.*`,
 * `heldout.*`, `fresh.*` and `blind.*` repeat them per split (stories the rules were tuned on; stories
 * held out once, whose errors were since read; stories labelled after that, read in the next round;
 * stories labelled while the rules were tuned on all the others, never read — kept out of the
 * unprefixed figures so that they never move those floors; a blind split, once scored and read for
 * tuning, moves to `tune` and newly labelled stories become the blind split: which ones it holds now,
 * eval/data/synthesis/GUIDELINE.md). Stories whose BSNLP files are absent are
 * skipped and counted in `storiesSkipped`; the figures of such a partial run (without the data:
 * the seeds alone) are reported as `partial.*`, so the floors of eval/baseline.json apply to the
 * full set and to the seeds alone, each at its own figures.
 *
 * KRONIKA_EVAL_VERBOSE=1 prints each story's errors — of the tuning stories only, unless
 * KRONIKA_EVAL_SPLIT=all or a comma list of splits, e.g. tune,heldout (held-out, fresh and blind errors
 * are for the report, not for tuning; `blind` errors are printed only when named: KRONIKA_EVAL_SPLIT=blind).
 * KRONIKA_EVAL_HIDE_BLIND=1 leaves the blind split out altogether (no `blind.*` figures), for tuning runs.
 * KRONIKA_EVAL_VERBOSE=2 also prints, under each citation error, the first wordings of the fact's
 * claim, the labelled sentences of each missed origin with why the wording step did not join them
 * (eval/lib/citation-misses.ts), and the sentences of each wrongly cited one; and, at the end, the
 * printed stories' missed origins counted by where they sit and why.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';
import { hasBsnlp } from './lib/bsnlp.ts';
import { loadStory } from './lib/synthesis-stories.ts';
import { goldOrigins, locate, phrasesOf, readStoryLabels, storyText, type StoryLabels, type StoryText } from './lib/synthesis-labels.ts';
import {
  addRatio,
  citedShare,
  coveredFacts,
  keyQuoteShown,
  leadCovered,
  ratio,
  redundancy,
  reportedStatus,
  scoreCitations,
  scoreConflicts,
  verbatimShare,
  type FactSupport,
  type Ratio,
} from './lib/synthesis-metrics.ts';
import { synthesizeStory, type StoryReport } from '../src/synthesis/index.ts';
import { storyFeatures, type StoryFeatures } from '../src/synthesis/features.ts';
import { explainMiss } from './lib/citation-misses.ts';
import { SHOWN_QUOTES } from '../src/synthesis/view.ts';

const LABELS_DIR = fileURLToPath(new URL('data/synthesis/', import.meta.url));
/** KRONIKA_EVAL_VERBOSE=2: how much of a sentence, and how many of a claim's wordings, are printed. */
const QUOTED_CHARS = 220;
const CLAIM_WORDINGS_SHOWN = 3;

/** Sums over stories, divided at the end. */
class Totals {
  stories = 0;
  citationPrecision: Ratio = { hit: 0, of: 0 };
  citationRecall: Ratio = { hit: 0, of: 0 };
  status: Ratio = { hit: 0, of: 0 };
  conflictTp = 0;
  conflictFound = 0;
  conflictLabelled = 0;
  conflictKinds = 0;
  crossHappening = 0;
  storiesWithCross = 0;
  quotes: Ratio = { hit: 0, of: 0 };
  quoteTexts: Ratio = { hit: 0, of: 0 };
  lead: Ratio = { hit: 0, of: 0 };
  sourceError = 0;
  sourceGold = 0;
  facts: Ratio = { hit: 0, of: 0 };
  sentences = 0;
  verbatim = 0;
  cited = 0;
  worstRedundancy = 0;

  metrics(): Record<string, number> {
    return {
      stories: this.stories,
      citationPrecision: ratio(this.citationPrecision),
      citationRecall: ratio(this.citationRecall),
      statusAccuracy: ratio(this.status),
      conflictPrecision: this.conflictFound > 0 ? this.conflictTp / this.conflictFound : 1,
      conflictRecall: this.conflictLabelled > 0 ? this.conflictTp / this.conflictLabelled : 1,
      conflictKindAgreement: this.conflictTp > 0 ? this.conflictKinds / this.conflictTp : 0,
      crossHappeningConflicts: this.crossHappening,
      happeningsKeptApart: this.stories > 0 ? 1 - this.storiesWithCross / this.stories : 1,
      keyQuoteRecall: ratio(this.quotes),
      keyQuoteTextRecall: ratio(this.quoteTexts),
      leadCoverage: ratio(this.lead),
      independentSourceAccuracy: this.sourceGold > 0 ? Math.max(0, 1 - this.sourceError / this.sourceGold) : 0,
      summaryVerbatim: this.sentences > 0 ? this.verbatim / this.sentences : 0,
      summaryCited: this.sentences > 0 ? this.cited / this.sentences : 0,
      summaryRedundancy: this.worstRedundancy,
      summaryNovelty: 1 - this.worstRedundancy,
      keyFactCoverage: ratio(this.facts),
    };
  }
}

/** `../shared/data` or `../shared/data/bsnlp-pl-dev`: either names the BSNLP folder. */
function bsnlpFolder(dataPath: string | undefined): string {
  if (!dataPath) return DEFAULT_BSNLP_PATH;
  return hasBsnlp(dataPath) ? dataPath : join(dataPath, 'bsnlp-pl-dev');
}

function factSupports(labels: StoryLabels, text: StoryText): FactSupport[] {
  return (labels.facts ?? []).map((f) => ({
    id: f.id,
    support: Object.entries(f.support).flatMap(([file, p]) => phrasesOf(p).map((phrase) => locate(labels.story, text, file, phrase))),
  }));
}

/** Missed origins of the printed stories by where they sit and why ("alone / below-similarity"), at KRONIKA_EVAL_VERBOSE=2. */
const missReasons = new Map<string, number>();

/** The features of the sentences of a story's text at these spans (a labelled sentence, a claim's sentence). */
function featuresAt(features: StoryFeatures, spans: readonly { readonly article: string; readonly at: number }[]): StoryFeatures['sentences'][number][] {
  return spans.flatMap((l) => features.sentences.filter((s) => s.article.id === l.article && s.sentence.start <= l.at && l.at < s.sentence.end));
}

function scoreStory(labels: StoryLabels, report: StoryReport, text: StoryText, outlets: ReadonlyMap<string, string | undefined>, language: 'pl' | 'en' | 'und', into: Totals[], verbose: number, features?: StoryFeatures): void {
  const log = (line: string): void => {
    if (verbose > 0) console.log(`  ${labels.story}: ${line}`);
  };
  const quote = (article: string, span: { readonly start: number; readonly end: number }): string =>
    `[${outlets.get(article) ?? article}] ${text.texts.get(article)!.slice(span.start, span.end).replace(/\s+/gu, ' ').slice(0, QUOTED_CHARS)}`;
  const origins = goldOrigins(labels, text, (id) => outlets.get(id));
  const facts = factSupports(labels, text);
  const citations = scoreCitations(report, facts, origins);
  for (const d of citations.details) {
    if (!d.found) log(`fact ${d.id}: no claim holds it`);
    else if (d.missed.length || d.wrong.length) {
      const missed = d.misses.map((m) => `${m.origin} (${m.place})`).join(', ') || '-';
      log(`fact ${d.id}${d.alone ? ' (its claim cites one article)' : ''}: missed ${missed}; wrong ${d.wrong.join(', ') || '-'}`);
      if (verbose < 2) continue;
      const originOf = (article: string): string => origins.get(article) ?? article;
      for (const s of d.claim?.sentences.slice(0, CLAIM_WORDINGS_SHOWN) ?? []) log(`    claim ${quote(s.article, s)}`);
      const claimed = featuresAt(features!, (d.claim?.sentences ?? []).map((c) => ({ article: c.article, at: c.start })));
      for (const m of d.misses) {
        const own = d.support.filter((l) => originOf(l.article) === m.origin);
        const why = explainMiss(featuresAt(features!, own), claimed, features!.idf);
        missReasons.set(`${m.place} / ${why.reason}`, (missReasons.get(`${m.place} / ${why.reason}`) ?? 0) + 1);
        for (const l of own) log(`    missed ${quote(l.article, l.sentence)}`);
        log(`      why: ${why.reason} (best wording similarity ${why.similarity.toFixed(3)})`);
      }
      for (const s of d.claim?.sentences ?? []) if (d.wrong.includes(originOf(s.article))) log(`    wrong ${quote(s.article, s)}`);
    }
  }
  const status: Ratio = { hit: 0, of: 0 };
  for (const s of labels.statuses ?? []) {
    const got = reportedStatus(report, locate(labels.story, text, s.file, s.phrase));
    status.of++;
    if (got === s.status) status.hit++;
    else log(`status ${s.file.replace(/^.*_/, '')} "${s.phrase}": ${got ?? 'not in any claim'}, want ${s.status}`);
  }
  const conflicts = scoreConflicts(report.conflicts, labels.conflicts, language, labels.notConflicts);
  for (const c of conflicts.unmatched) log(`extra conflict ${c.kind} ${c.slot} (${c.subject}): ${c.values.map((v) => v.value).join(' vs ')}`);
  for (const c of conflicts.missed) log(`missed conflict ${c.kind} ${c.slot}: ${c.values.join(' vs ')}`);
  for (const w of conflicts.wrongKind) log(`conflict kind ${w.found.kind}, want ${w.want.kind} (${w.want.slot}): ${w.found.values.map((v) => v.value).join(' vs ')}`);
  const shown = report.quotes.slice(0, SHOWN_QUOTES);
  const quotes: Ratio = { hit: 0, of: 0 };
  const quoteTexts: Ratio = { hit: 0, of: 0 };
  for (const q of labels.keyQuotes ?? []) {
    const located = locate(labels.story, text, q.file, q.phrase);
    const got = keyQuoteShown(shown, { located, phrase: q.phrase, speakers: phrasesOf(q.speaker), text: text.texts.get(located.article)! });
    quotes.of++;
    quoteTexts.of++;
    if (got.speaker) quotes.hit++;
    if (got.text) quoteTexts.hit++;
    if (!got.speaker) log(`key quote "${q.phrase}" (${phrasesOf(q.speaker)[0]}): ${got.text ? `shown with another speaker (${got.shownAs.join(', ')})` : 'not shown'}`);
  }
  const leadFacts = facts.filter((f) => labels.lead?.includes(f.id));
  const leadPhrases = (labels.facts ?? []).filter((f) => labels.lead?.includes(f.id)).flatMap((f) => Object.values(f.support).flatMap(phrasesOf));
  const lead = labels.lead ? leadCovered(report, leadFacts, leadPhrases) : undefined;
  if (lead === false) log(`lead: "${report.summary[0]?.text.slice(0, 100) ?? '(no summary)'}"`);
  const goldSources = new Set(origins.values()).size;
  if (report.counts.independentSources !== goldSources) log(`independent sources ${report.counts.independentSources}, want ${goldSources}`);
  const keyFacts = labels.keyFacts ?? (labels.facts ?? []).map((f) => ({ id: f.id, anyOf: Object.values(f.support).flatMap(phrasesOf) }));
  const coveredIds = coveredFacts(report, keyFacts);
  const covered = coveredIds.length;
  for (const f of keyFacts) if (!coveredIds.includes(f.id)) log(`key fact ${f.id}: not in the summary`);
  if (verbose >= 2 && coveredIds.length < keyFacts.length) report.summary.forEach((s, i) => log(`    summary ${i + 1}: ${s.text.replace(/\s+/gu, ' ').slice(0, 2 * QUOTED_CHARS)}`));
  const n = report.summary.length;
  for (const t of into) {
    t.stories++;
    addRatio(t.citationPrecision, citations.precision);
    addRatio(t.citationRecall, citations.recall);
    addRatio(t.status, status);
    t.conflictTp += conflicts.truePositives;
    t.conflictFound += conflicts.found;
    t.conflictLabelled += conflicts.labelled;
    t.conflictKinds += conflicts.kindAgree;
    t.crossHappening += conflicts.crossHappening;
    if (conflicts.crossHappening > 0) t.storiesWithCross++;
    addRatio(t.quotes, quotes);
    addRatio(t.quoteTexts, quoteTexts);
    if (lead !== undefined) addRatio(t.lead, { hit: lead ? 1 : 0, of: 1 });
    t.sourceError += Math.abs(report.counts.independentSources - goldSources);
    t.sourceGold += goldSources;
    addRatio(t.facts, { hit: covered, of: keyFacts.length });
    t.sentences += n;
    t.verbatim += verbatimShare(report, text.texts) * n;
    t.cited += citedShare(report) * n;
    t.worstRedundancy = Math.max(t.worstRedundancy, redundancy(report));
  }
}

export async function run(dataPath?: string): Promise<EvalResult> {
  if (!existsSync(LABELS_DIR)) return { suite: 'synthesis', skipped: `no labels at ${LABELS_DIR}`, metrics: {} };
  const bsnlp = bsnlpFolder(dataPath);
  const verbose = Number(process.env.KRONIKA_EVAL_VERBOSE ?? 0) || 0;
  const verboseSplits = (process.env.KRONIKA_EVAL_SPLIT ?? 'tune').split(',');
  const all = new Totals();
  const bySplit = { tune: new Totals(), heldout: new Totals(), fresh: new Totals(), blind: new Totals() };
  // Whoever tunes a method must not see even the blind split's aggregate at every run: choosing
  // among variants by it would make it one more tuning set.
  const hideBlind = process.env.KRONIKA_EVAL_HIDE_BLIND === '1';
  let skipped = 0;
  for (const file of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const labels = readStoryLabels(join(LABELS_DIR, file));
    if (hideBlind && labels.split === 'blind') continue;
    const story = loadStory(labels.source, bsnlp);
    if (!story) {
      skipped++;
      continue;
    }
    const report = synthesizeStory({ id: labels.story, articles: story.analyses });
    const outlets = new Map(story.analyses.map((a) => [a.article.id, a.article.outlet]));
    const language = story.analyses[0]?.article.language ?? 'pl';
    const split = labels.split;
    // The blind split stays out of the unprefixed figures: they carry the floors the tuning is held
    // to, and a test set must not move them; `blind.*` reports it alone.
    const into = split === 'blind' ? [bySplit.blind] : [all, bySplit[split]];
    const shown = verboseSplits.includes(split) || (verboseSplits.includes('all') && split !== 'blind') ? verbose : 0;
    scoreStory(labels, report, storyText(story), outlets, language, into, shown, shown >= 2 ? storyFeatures(story.analyses) : undefined);
  }
  if (missReasons.size > 0) {
    console.log('  citation misses by place and why:');
    for (const [key, n] of [...missReasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`    ${String(n).padStart(4)}  ${key}`);
  }
  if (all.stories === 0) return { suite: 'synthesis', skipped: `no labelled story has its articles here (BSNLP data looked for at ${bsnlp})`, metrics: {} };
  const prefixed = (prefix: string, t: Totals): Record<string, number> =>
    t.stories === 0 ? {} : Object.fromEntries(Object.entries(t.metrics()).map(([k, v]) => [`${prefix}.${k}`, v]));
  if (skipped > 0) return { suite: 'synthesis', metrics: { ...prefixed('partial', all), storiesSkipped: skipped } };
  return {
    suite: 'synthesis',
    metrics: { ...all.metrics(), storiesSkipped: skipped, ...prefixed('tune', bySplit.tune), ...prefixed('heldout', bySplit.heldout), ...prefixed('fresh', bySplit.fresh), ...prefixed('blind', bySplit.blind) },
  };
}
