/**
 * `npm run eval -- entities [bsnlp-path]`: named-entity quality on BSNLP Polish news
 * (metrics in eval/lib/entities-score.ts).
 * 1. The whole development set with the lists as they are (the figures the floors guard first).
 * 2. Leave-one-topic-out (eval/lib/entities-loto.ts): each topic scored on its own, with the
 *    lists as they are ("lists") and without the entries specific to it ("honest"), then the
 *    mean over the four rotations. The honest mean is the figure to expect on unseen news.
 * Prints the most frequent errors so rules can be improved on patterns, not on single files:
 * KRONIKA_EVAL_SHOW rows (default 15, 0 for none) over the topics in KRONIKA_EVAL_TOPICS
 * (comma-separated, default all), and an honest rotation's own errors with
 * KRONIKA_EVAL_LOTO_ERRORS=<topic>.
 */
import { findMentions, linkAcrossArticles, type Mention } from '../src/analysis/entities/index.ts';
import { analyzeText } from '../src/text/index.ts';
import { hasBsnlp, loadBsnlp, type BsnlpDoc } from './lib/bsnlp.ts';
import { dictionaryUsesFromEnv, inBatches, runRotation, topicSpecificEntries, type RotationResult } from './lib/entities-loto.ts';
import { printErrors, scoreEntities, type EntityScores } from './lib/entities-score.ts';
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';

const SHOW = Number(process.env.KRONIKA_EVAL_SHOW ?? 15);
const SHOWN_TOPICS = process.env.KRONIKA_EVAL_TOPICS?.split(',').map((t) => t.trim()).filter(Boolean);
const LOTO_ERRORS = process.env.KRONIKA_EVAL_LOTO_ERRORS;
/** Rotations run side by side (the machine has two cores). */
const PARALLEL = 2;

/** The figures reported per rotation and averaged. */
const LOTO_METRICS = [
  'mentionOverlapF1',
  'mentionExactF1',
  'mentionTypedOverlapF1',
  'baseAccuracyCaseless',
  'baseAccuracyMultiWord',
  'groupingBcubedF1',
] as const satisfies readonly (keyof EntityScores)[];

export async function run(dataPath: string = DEFAULT_BSNLP_PATH): Promise<EvalResult> {
  if (!hasBsnlp(dataPath)) return { suite: 'entities', skipped: `no BSNLP data at ${dataPath}`, metrics: {} };
  const docs = loadBsnlp(dataPath);
  console.log(`-- PoliMorf uses: ${dictionaryUsesFromEnv()}`);
  const topics = [...new Set(docs.map((d) => d.topic))].sort();
  // The honest rotations start first: they run in their own processes meanwhile.
  const sentences = docs.map((d) => analyzeText(d.text, 'pl'));
  const exclusions = topicSpecificEntries(docs, sentences);
  const honest = inBatches(topics.map((t) => () => runRotation(dataPath, t, exclusions.get(t)!, t === LOTO_ERRORS ? SHOW : 0)), PARALLEL);

  // 1. The production path: sentences from the text layer, as src/analysis/index.ts passes them.
  const started = performance.now();
  const found = docs.map((d, i) => findMentions(d.text, 'pl', sentences[i]!));
  const seconds = (performance.now() - started) / 1000;
  // Keys as groupEntities sees them: bare surnames linked across the collection.
  const predicted = link(found);
  const whole = scoreEntities(docs.map((d) => d.mentions), predicted);
  const shown = docs.flatMap((d, i) => (!SHOWN_TOPICS || SHOWN_TOPICS.includes(d.topic) ? [i] : []));
  printErrors(scoreEntities(shown.map((i) => docs[i]!.mentions), shown.map((i) => predicted[i]!)).errors, SHOW);

  // 2. Leave one topic out: every topic linked and scored on its own.
  const withLists = topics.map((topic) => {
    const idx = docs.flatMap((d, i) => (d.topic === topic ? [i] : []));
    return { topic, scores: scoreEntities(idx.map((i) => docs[i]!.mentions), link(idx.map((i) => found[i]!))).scores };
  });
  const withoutSpecific = await honest;
  for (const r of withoutSpecific) if (r.errors) printRotationErrors(r);
  printLoto(withLists, withoutSpecific, exclusions);

  const { goldMentions, baseAccuracyMultiWord, ...scores } = whole.scores;
  return {
    suite: 'entities',
    metrics: {
      ...scores,
      baseAccuracyMultiWord,
      ...means('loto.lists', withLists),
      ...means('loto.honest', withoutSpecific),
      goldMentions,
      articlesPerSecond: Math.round(docs.length / seconds),
    },
  };
}

function link(found: readonly (readonly Mention[])[]): Mention[][] {
  return linkAcrossArticles(found.map((mentions, i) => ({ articleId: String(i), mentions }))).map((d) => [...d.mentions]);
}

function means(prefix: string, rotations: readonly Pick<RotationResult, 'scores'>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of LOTO_METRICS) out[`${prefix}.${m}`] = rotations.reduce((a, r) => a + r.scores[m], 0) / rotations.length;
  return out;
}

const SHORT: Record<(typeof LOTO_METRICS)[number], string> = {
  mentionOverlapF1: 'F1',
  mentionExactF1: 'exact',
  mentionTypedOverlapF1: 'typed',
  baseAccuracyCaseless: 'base',
  baseAccuracyMultiWord: 'multi',
  groupingBcubedF1: 'group',
};

/** One row per held-out topic: the lists as they are | without its specific entries. */
function printLoto(lists: readonly RotationResult[], honest: readonly RotationResult[], exclusions: ReadonlyMap<string, Record<string, string[]>>): void {
  const cells = (s: EntityScores) => LOTO_METRICS.map((m) => s[m].toFixed(3).padStart(6)).join('');
  const header = LOTO_METRICS.map((m) => SHORT[m].padStart(6)).join('');
  console.log('-- leave-one-topic-out: held-out topic scored with all list entries | without the entries specific to it');
  console.log(`  ${'topic'.padEnd(12)}${header} |${header}  entries left out`);
  const mean = (rs: readonly RotationResult[]) => Object.fromEntries(LOTO_METRICS.map((m) => [m, rs.reduce((a, r) => a + r.scores[m], 0) / rs.length])) as unknown as EntityScores;
  lists.forEach((r, i) => {
    const left = Object.values(exclusions.get(r.topic) ?? {}).reduce((a, l) => a + l.length, 0);
    console.log(`  ${r.topic.padEnd(12)}${cells(r.scores)} |${cells(honest[i]!.scores)}  ${left}`);
  });
  console.log(`  ${'mean'.padEnd(12)}${cells(mean(lists))} |${cells(mean(honest))}`);
}

function printRotationErrors(r: RotationResult): void {
  for (const [title, rows] of Object.entries(r.errors ?? {})) {
    console.log(`-- ${r.topic} held out, without its specific entries: ${title}`);
    for (const [what, n] of rows) console.log(`  ${String(n).padStart(4)}  ${what}`);
  }
}

export type { BsnlpDoc };
