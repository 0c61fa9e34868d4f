/**
 * `npm run eval -- time [labels-dir]`: share of labelled time expressions found (overlap) and
 * value accuracy (exact normalised value) on the hand labels in eval/data/seeds-labels.
 */
import type { EvalResult } from './types.ts';
import { findTimeExpressions } from '../src/analysis/time/index.ts';
import { loadLabelledDocs, overlaps, ratio } from './lib/quotes-labels.ts';

export async function run(dataPath?: string): Promise<EvalResult> {
  const docs = loadLabelledDocs(dataPath);
  if (!docs) return { suite: 'time', skipped: 'labels not found', metrics: {} };
  let labelled = 0, found = 0, rightValue = 0, predicted = 0, correct = 0;
  const verbose = process.env.KRONIKA_EVAL_VERBOSE === '1';
  for (const doc of docs) {
    const times = findTimeExpressions({ text: doc.text, language: doc.language, sentences: doc.sentences, ...(doc.published ? { published: doc.published } : {}) });
    predicted += times.length;
    correct += times.filter((t) => doc.times.some((l) => overlaps(t, l))).length;
    for (const label of doc.times) {
      labelled++;
      const match = times.find((t) => overlaps(t, label));
      if (!match) {
        if (verbose) console.log(`  missed ${doc.id}: ${label.text}`);
        continue;
      }
      found++;
      if (match.value === label.value) rightValue++;
      else if (verbose) console.log(`  value ${doc.id}: ${label.text} got ${match.value} want ${label.value}`);
    }
    if (verbose) for (const t of times) if (!doc.times.some((l) => overlaps(t, l))) console.log(`  false ${doc.id}: ${t.text}`);
  }
  return {
    suite: 'time',
    metrics: { found: ratio(found, labelled), valueAccuracy: ratio(rightValue, labelled), precision: ratio(correct, predicted), labelled },
  };
}
