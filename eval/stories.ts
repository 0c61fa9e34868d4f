/**
 * `npm run eval -- stories [bsnlp-path]`: story clustering quality, stream and batch mode.
 *
 * Data: BSNLP pl dev (4 topics = 4 storylines), the 5 Kim–Putin seeds (one storyline and one event)
 * and the hand-written off-topic texts (each its own storyline). Scores:
 * - storyline level against topics: B-cubed P/R/F1 and pairwise F1;
 * - event level against topics: B-cubed precision (purity: an event must never mix topics);
 * - event level against hand labels (eval/data/stories/events.tsv, GUIDELINE.md): B-cubed F1;
 * - the agreement of a second annotator (events-annotator2.tsv) with those labels, for reference.
 * Near-duplicates (`duplicateOf`) are decided in arrival order by the store's rule
 * (eval/lib/stories-duplicates.ts), as ingest would before clustering.
 * Identity: the engine with one shared corpus gives the per-level clusterers' partitions, and the
 * stream clustered through the SQLite story tables, also reopened every 100 articles, gives the
 * in-memory engine's (eval/lib/stories-identity.ts); each check is 1 when identical.
 * Prints the worst false merges and splits by title.
 */
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';
import { hasBsnlp } from './lib/bsnlp.ts';
import { createFeaturiser, loadBsnlpArticles, loadEventLabels, loadOffTopic, loadSeeds, SECOND_EVENT_LABELS_FILE, type LabelledArticle } from './lib/stories-data.ts';
import { markDuplicates } from './lib/stories-duplicates.ts';
import { checkStored, inMemoryPartitions } from './lib/stories-identity.ts';
import { confusion, scoreClustering } from './lib/stories-metrics.ts';
import { createClusterer, sortForBatch } from '../src/stories/cluster.ts';
import { createStoryEngine } from '../src/stories/engine.ts';
import type { ArticleFeatures } from '../src/stories/features.ts';
import type { StoryLevel } from '../src/stories/options.ts';

export async function run(dataPath: string = DEFAULT_BSNLP_PATH): Promise<EvalResult> {
  if (!hasBsnlp(dataPath)) return { suite: 'stories', skipped: `no BSNLP data at ${dataPath}`, metrics: {} };
  const labelled: LabelledArticle[] = [...loadBsnlpArticles(dataPath), ...loadSeeds(), ...loadOffTopic()];
  const featuriser = await createFeaturiser({ surface: process.env.KRONIKA_STORIES_SURFACE === '1' });
  console.log(`stories: ${labelled.length} articles, features from ${featuriser.source}`);
  const articles = new Map(labelled.map((l) => [l.article.id, l.article]));
  const duplicates = markDuplicates(streamOrder(labelled.map((l) => featuriser.features(l.article))).map((f) => articles.get(f.articleId)!));
  const features = labelled.map((l) => {
    const f = featuriser.features(l.article);
    const original = duplicates.get(f.articleId);
    return original === undefined ? f : { ...f, duplicateOf: original };
  });
  const titles = new Map(labelled.map((l) => [l.article.id, l.article.title ?? l.article.text.slice(0, 80)]));
  const topics = new Map(labelled.map((l) => [l.article.id, l.storyline]));
  const events = loadEventLabels();

  const metrics: Record<string, number> = { duplicates: duplicates.size };
  const second = loadEventLabels(SECOND_EVENT_LABELS_FILE);
  if (events.size && second.size) {
    // How far two people applying GUIDELINE.md agree: the ceiling the event scores are read against.
    const agreement = scoreClustering(second, events);
    metrics['annotators.event.bcubedP'] = agreement.precision;
    metrics['annotators.event.bcubedR'] = agreement.recall;
    metrics['annotators.event.bcubedF1'] = agreement.f1;
  }
  for (const [mode, order] of [['stream', streamOrder(features)], ['batch', sortForBatch(features)]] as const) {
    const storylines = assign(order, 'storyline');
    const sl = scoreClustering(storylines, topics);
    metrics[`${mode}.storyline.bcubedP`] = sl.precision;
    metrics[`${mode}.storyline.bcubedR`] = sl.recall;
    metrics[`${mode}.storyline.bcubedF1`] = sl.f1;
    metrics[`${mode}.storyline.pairwiseF1`] = sl.pairwiseF1;
    const ev = assign(order, 'event');
    metrics[`${mode}.event.topicPurity`] = scoreClustering(ev, topics).precision;
    if (events.size) {
      const es = scoreClustering(ev, events);
      metrics[`${mode}.event.bcubedP`] = es.precision;
      metrics[`${mode}.event.bcubedR`] = es.recall;
      metrics[`${mode}.event.bcubedF1`] = es.f1;
      metrics[`${mode}.event.pairwiseF1`] = es.pairwiseF1;
    }
    if (mode === 'stream') Object.assign(metrics, identityChecks(order, { event: ev, storyline: storylines }));
    if (mode === 'batch') {
      printConfusion('storyline vs topics', storylines, topics, titles);
      printConfusion('event vs topics', ev, topics, titles);
      if (events.size) printConfusion('event vs hand labels', ev, events, titles);
    }
  }
  return { suite: 'stories', metrics };
}

/** KRONIKA_STORIES_OPTS='{"event":{"threshold":0.3},"storyline":{"threshold":0.1}}' overrides presets while calibrating. */
function overrides(): { event?: object; storyline?: object } {
  return JSON.parse(process.env.KRONIKA_STORIES_OPTS ?? '{}') as { event?: object; storyline?: object };
}

function assign(order: readonly ArticleFeatures[], level: StoryLevel): Map<string, string> {
  const c = createClusterer({ ...overrides()[level], level });
  for (const f of order) c.add(f);
  // Both modes end with the pass the CLI runs after each ingest batch.
  c.consolidate();
  return new Map(order.map((f) => [f.articleId, c.storyOf(f.articleId)!]));
}

/** The identity checks (each 1 when identical, 0 otherwise) and, for the stored runs, their agreement. */
function identityChecks(order: readonly ArticleFeatures[], separate: Record<StoryLevel, Map<string, string>>): Record<string, number> {
  const options = { events: overrides().event ?? {}, storylines: overrides().storyline ?? {} };
  const engine = createStoryEngine(options);
  for (const f of order) engine.add(f);
  engine.consolidate();
  const shared = order.every((f) => engine.eventOf(f.articleId) === separate.event.get(f.articleId)
    && engine.storylineOf(f.articleId) === separate.storyline.get(f.articleId));
  const reference = inMemoryPartitions(order, options);
  const out: Record<string, number> = { 'identity.sharedCorpus': shared ? 1 : 0 };
  for (const [name, reopenEvery] of [['sqlite', 0], ['reopen100', 100]] as const) {
    const check = checkStored(order, reference, { ...options, reopenEvery });
    out[`identity.${name}`] = check.differing === 0 ? 1 : 0;
    out[`identity.${name}.differingArticles`] = check.differing;
    out[`identity.${name}.eventAgreementF1`] = check.agreement.event;
    out[`identity.${name}.storylineAgreementF1`] = check.agreement.storyline;
  }
  return out;
}

/**
 * A crawler's arrival order: by date, but shuffled within ±1 day (feeds publish late, clocks differ)
 * and undated articles dropped in at hashed positions, so the stream is not the tidy batch order.
 */
function streamOrder(features: readonly ArticleFeatures[]): ArticleFeatures[] {
  const jitter = (id: string) => (hash(id) % 2000) / 1000 - 1;
  const dated = features.filter((f) => f.time !== undefined)
    .map((f) => ({ f, at: f.time! / 86_400_000 + jitter(f.articleId) }))
    .sort((a, b) => a.at - b.at || (a.f.articleId < b.f.articleId ? -1 : 1))
    .map((x) => x.f);
  for (const f of features.filter((x) => x.time === undefined)) dated.splice(hash(f.articleId) % (dated.length + 1), 0, f);
  return dated;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function printConfusion(what: string, predicted: Map<string, string>, gold: Map<string, string>, titles: Map<string, string>): void {
  const { merges, splits } = confusion(predicted, gold);
  const minority = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0) - Math.max(...Object.values(counts));
  const worstMerges = merges.sort((a, b) => minority(b.labels) - minority(a.labels)).slice(0, 5);
  const worstSplits = splits.sort((a, b) => Object.keys(b.clusters).length - Object.keys(a.clusters).length).slice(0, 5);
  console.log(`\n${what}: ${merges.length} false merges, ${splits.length} split labels`);
  for (const m of worstMerges) {
    const members = [...predicted].filter(([id, c]) => c === m.cluster && gold.has(id)).map(([id]) => id);
    console.log(`  MERGE ${JSON.stringify(m.labels)}`);
    for (const id of members.slice(0, 4)) console.log(`    [${gold.get(id)}] ${titles.get(id)?.slice(0, 90)}`);
  }
  for (const s of worstSplits) {
    const parts = Object.entries(s.clusters).sort((a, b) => b[1] - a[1]);
    console.log(`  SPLIT ${s.label} into ${parts.length} clusters (${parts.map(([, n]) => n).join('+')})`);
    for (const [cluster] of parts.slice(1, 3)) {
      const id = [...predicted].find(([i, c]) => c === cluster && gold.get(i) === s.label)?.[0];
      if (id) console.log(`    e.g. ${titles.get(id)?.slice(0, 90)}`);
    }
  }
}
