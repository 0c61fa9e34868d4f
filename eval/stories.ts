/**
 * `npm run eval -- stories [bsnlp-path]`: story clustering quality, stream and batch mode.
 *
 * Data: BSNLP pl dev (4 topics = 4 storylines), the 5 Kim–Putin seeds (one storyline and one event)
 * and the hand-written off-topic texts (each its own storyline). Scores:
 * - storyline level against topics: B-cubed P/R/F1 and pairwise F1;
 * - event level against topics: B-cubed precision (purity: an event must never mix topics);
 * - event level against hand labels (eval/data/stories/events.tsv, GUIDELINE.md): B-cubed F1;
 * - the agreement of a second annotator (events-annotator2.tsv) with those labels, for reference.
 * Prints the worst false merges and splits by title.
 */
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';
import { hasBsnlp } from './lib/bsnlp.ts';
import { createFeaturiser, loadBsnlpArticles, loadEventLabels, loadOffTopic, loadSeeds, SECOND_EVENT_LABELS_FILE, type LabelledArticle } from './lib/stories-data.ts';
import { confusion, scoreClustering } from './lib/stories-metrics.ts';
import { createClusterer, sortForBatch } from '../src/stories/cluster.ts';
import type { ArticleFeatures } from '../src/stories/features.ts';
import type { StoryLevel } from '../src/stories/options.ts';

export async function run(dataPath: string = DEFAULT_BSNLP_PATH): Promise<EvalResult> {
  if (!hasBsnlp(dataPath)) return { suite: 'stories', skipped: `no BSNLP data at ${dataPath}`, metrics: {} };
  const labelled: LabelledArticle[] = [...loadBsnlpArticles(dataPath), ...loadSeeds(), ...loadOffTopic()];
  const featuriser = await createFeaturiser({ surface: process.env.KRONIKA_STORIES_SURFACE === '1' });
  console.log(`stories: ${labelled.length} articles, features from ${featuriser.source}`);
  const features = labelled.map((l) => featuriser.features(l.article));
  const titles = new Map(labelled.map((l) => [l.article.id, l.article.title ?? l.article.text.slice(0, 80)]));
  const topics = new Map(labelled.map((l) => [l.article.id, l.storyline]));
  const events = loadEventLabels();

  const metrics: Record<string, number> = {};
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
    if (mode === 'batch') {
      printConfusion('storyline vs topics', storylines, topics, titles);
      printConfusion('event vs topics', ev, topics, titles);
      if (events.size) printConfusion('event vs hand labels', ev, events, titles);
    }
  }
  return { suite: 'stories', metrics };
}

function assign(order: readonly ArticleFeatures[], level: StoryLevel): Map<string, string> {
  // KRONIKA_STORIES_OPTS='{"event":{"threshold":0.3},"storyline":{"threshold":0.1}}' overrides presets while calibrating.
  const overrides = JSON.parse(process.env.KRONIKA_STORIES_OPTS ?? '{}') as Record<string, object>;
  const c = createClusterer({ ...overrides[level], level });
  for (const f of order) c.add(f);
  // Both modes end with the pass the CLI runs after each ingest batch.
  c.consolidate();
  return new Map(order.map((f) => [f.articleId, c.storyOf(f.articleId)!]));
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
