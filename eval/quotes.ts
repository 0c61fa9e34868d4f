/**
 * `npm run eval -- quotes [labels-dir | data-folder]`: quote precision/recall (spans overlapping a
 * labelled quote) and speaker accuracy over matched quotes with a labelled speaker, on the hand
 * labels in eval/data/seeds-labels (five seeds + written PL/EN paragraphs); and, where the BSNLP
 * development data is found, `dev.*`: quotes found and speakers named exactly as labelled on the
 * development sample of eval/data/quotes-dev (articles outside every labelled story).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_BSNLP_PATH, type EvalResult } from './types.ts';
import { findQuotes } from '../src/analysis/quotes/index.ts';
import { loadLabelledDocs, overlaps, ratio, speakerMatches } from './lib/quotes-labels.ts';
import { scoreDevQuotes } from './lib/quotes-dev-labels.ts';

export async function run(path?: string): Promise<EvalResult> {
  // A data folder (it holds bsnlp-pl-dev/) names where the development articles are, not the labels.
  const dataFolder = path !== undefined && existsSync(join(path, 'bsnlp-pl-dev'));
  const dataPath = dataFolder ? undefined : path;
  const bsnlpPath = dataFolder ? join(path!, 'bsnlp-pl-dev') : DEFAULT_BSNLP_PATH;
  const docs = loadLabelledDocs(dataPath);
  if (!docs) return { suite: 'quotes', skipped: 'labels not found', metrics: {} };
  let predicted = 0, correct = 0, labelled = 0, found = 0, withSpeaker = 0, rightSpeaker = 0, rightKind = 0;
  const verbose = process.env.KRONIKA_EVAL_VERBOSE === '1';
  for (const doc of docs) {
    const quotes = findQuotes({ text: doc.text, language: doc.language, sentences: doc.sentences, mentions: doc.mentions });
    predicted += quotes.length;
    correct += quotes.filter((q) => doc.quotes.some((l) => overlaps(q, l))).length;
    for (const label of doc.quotes) {
      labelled++;
      const match = quotes.find((q) => overlaps(q, label));
      if (!match) {
        if (verbose) console.log(`  missed ${doc.id}: ${label.text}`);
        continue;
      }
      found++;
      if (match.kind === label.kind) rightKind++;
      if (label.speaker) {
        withSpeaker++;
        // The name alone is scored: a description that merely contains the right name is not enough.
        const names = [match.speaker?.name ?? ''];
        if (speakerMatches(names, label.speaker)) rightSpeaker++;
        else if (verbose) console.log(`  speaker ${doc.id}: got ${JSON.stringify(names)} want ${JSON.stringify(label.speaker)}`);
      }
    }
    if (verbose) for (const q of quotes) if (!doc.quotes.some((l) => overlaps(q, l))) console.log(`  false ${doc.id}: ${q.text.slice(0, 80)}`);
  }
  const dev = scoreDevQuotes(bsnlpPath);
  const heldout = scoreDevQuotes(bsnlpPath, 'heldout.json');
  if (dev && verbose) for (const e of dev.errors) console.log(`  dev ${e}`);
  return {
    suite: 'quotes',
    metrics: {
      precision: ratio(correct, predicted),
      recall: ratio(found, labelled),
      speakerAccuracy: ratio(rightSpeaker, withSpeaker),
      kindAccuracy: ratio(rightKind, found),
      labelled,
      ...(dev && {
        'dev.recall': ratio(dev.found, dev.labelled),
        'dev.speakerAccuracy': ratio(dev.rightSpeaker, dev.withSpeaker),
        'dev.labelled': dev.labelled,
      }),
      ...(heldout && {
        'devHeldout.recall': ratio(heldout.found, heldout.labelled),
        'devHeldout.speakerAccuracy': ratio(heldout.rightSpeaker, heldout.withSpeaker),
        'devHeldout.labelled': heldout.labelled,
      }),
    },
  };
}
