/**
 * `npm run eval -- synthesis [labels-dir]`: story synthesis on labelled stories (issue 7 §5).
 * Each `<story>.json` in the labels dir (default eval/data/synthesis) names a folder of seed-format
 * articles; the story is ingested and analysed by the real layers, synthesised, and scored:
 * conflict precision/recall against labelled pairs, summary verbatim and cited shares (must be 1),
 * redundancy (max pairwise overlap, lower is better; `summaryNovelty` = 1 − it, for a floor) and
 * key-fact coverage. Metrics are micro-averaged over stories.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalResult } from './types.ts';
import { loadSeedAnalyses } from './lib/synthesis-seeds.ts';
import {
  citedShare,
  coveredFacts,
  redundancy,
  scoreConflicts,
  verbatimShare,
  type LabelledConflict,
  type LabelledFact,
} from './lib/synthesis-metrics.ts';
import { synthesizeStory } from '../src/synthesis/index.ts';

const DEFAULT_LABELS = fileURLToPath(new URL('data/synthesis/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

interface StoryLabels {
  readonly story: string;
  readonly seedDir: string;
  readonly conflicts: readonly LabelledConflict[];
  readonly keyFacts: readonly LabelledFact[];
}

export async function run(dataPath?: string): Promise<EvalResult> {
  const dir = dataPath ?? DEFAULT_LABELS;
  if (!existsSync(dir)) return { suite: 'synthesis', skipped: `no labels at ${dir}`, metrics: {} };
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let tp = 0;
  let found = 0;
  let labelled = 0;
  let kindAgree = 0;
  let facts = 0;
  let covered = 0;
  let verbatim = 0;
  let cited = 0;
  let sentences = 0;
  let worstRedundancy = 0;
  let stories = 0;
  for (const file of files) {
    const labels = JSON.parse(readFileSync(join(dir, file), 'utf8')) as StoryLabels;
    const seedDir = resolve(REPO_ROOT, labels.seedDir);
    if (!existsSync(seedDir)) continue;
    const { analyses } = loadSeedAnalyses(seedDir);
    const report = synthesizeStory({ id: labels.story, articles: analyses });
    const texts = new Map(analyses.map((a) => [a.article.id, a.article.text]));
    const language = analyses[0]?.article.language ?? 'pl';
    const c = scoreConflicts(report.conflicts, labels.conflicts, language);
    tp += c.truePositives;
    found += c.found;
    labelled += c.labelled;
    kindAgree += c.kindAgreement * c.truePositives;
    const hit = coveredFacts(report, labels.keyFacts);
    facts += labels.keyFacts.length;
    covered += hit.length;
    const n = report.summary.length;
    sentences += n;
    verbatim += verbatimShare(report, texts) * n;
    cited += citedShare(report) * n;
    worstRedundancy = Math.max(worstRedundancy, redundancy(report));
    stories++;
  }
  if (stories === 0) return { suite: 'synthesis', skipped: `no labelled story with its articles in ${dir}`, metrics: {} };
  return {
    suite: 'synthesis',
    metrics: {
      stories,
      conflictPrecision: found > 0 ? tp / found : 0,
      conflictRecall: labelled > 0 ? tp / labelled : 1,
      conflictKindAgreement: tp > 0 ? kindAgree / tp : 0,
      summaryVerbatim: sentences > 0 ? verbatim / sentences : 0,
      summaryCited: sentences > 0 ? cited / sentences : 0,
      summaryRedundancy: worstRedundancy,
      summaryNovelty: 1 - worstRedundancy,
      keyFactCoverage: facts > 0 ? covered / facts : 0,
    },
  };
}
