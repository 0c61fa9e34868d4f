/**
 * `npm run eval -- hedges [labels-dir]`: precision and recall of sentences classified
 * `hedged` against the hand labels in eval/data/seeds-labels, with quotes found by the quotes
 * stage (as in the pipeline), so the number reflects both stages together.
 */
import type { EvalResult } from './types.ts';
import { classifySentences } from '../src/analysis/epistemic/index.ts';
import { findQuotes } from '../src/analysis/quotes/index.ts';
import { findTimeExpressions } from '../src/analysis/time/index.ts';
import { loadLabelledDocs, overlaps, ratio } from './lib/quotes-labels.ts';

export async function run(dataPath?: string): Promise<EvalResult> {
  const docs = loadLabelledDocs(dataPath);
  if (!docs) return { suite: 'hedges', skipped: 'labels not found', metrics: {} };
  let predicted = 0, correct = 0, labelled = 0, found = 0;
  const verbose = process.env.KRONIKA_EVAL_VERBOSE === '1';
  for (const doc of docs) {
    const input = { text: doc.text, language: doc.language, sentences: doc.sentences };
    const quotes = findQuotes({ ...input, mentions: doc.mentions });
    // Times as in the pipeline: a time tells a schedule from hearsay ("miał przylecieć o 21.00").
    const times = findTimeExpressions({ ...input, published: doc.published });
    const hedged = classifySentences({ ...input, quotes, times }).filter((s) => s.status === 'hedged').map((s) => doc.sentences[s.sentence]!);
    const gold = doc.sentences.filter((s) => doc.hedged.some((h) => overlaps(s, h)));
    predicted += hedged.length;
    labelled += gold.length;
    correct += hedged.filter((s) => gold.includes(s)).length;
    found += gold.filter((s) => hedged.includes(s)).length;
    if (verbose) {
      for (const s of gold) if (!hedged.includes(s)) console.log(`  missed ${doc.id}: ${doc.text.slice(s.start, s.end).slice(0, 90)}`);
      for (const s of hedged) if (!gold.includes(s)) console.log(`  false ${doc.id}: ${doc.text.slice(s.start, s.end).slice(0, 90)}`);
    }
  }
  return { suite: 'hedges', metrics: { precision: ratio(correct, predicted), recall: ratio(found, labelled), labelled } };
}
