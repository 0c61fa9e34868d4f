/**
 * Where the labelled key quotes the synthesis eval misses sit in the story's ranking: for each miss of
 * the read stories (splits tune, heldout and fresh — a blind story's articles are never loaded), every
 * rank at which src/synthesis/quotes.ts `rankQuotes` holds its words, with the kind and the speaker
 * shown there ("OK" where the speaker is a labelled one), then the SHOWN_QUOTES shown above it. Tells
 * a quote ranked below the shown ones from one found with another speaker or not found at all.
 *
 *   npx tsx eval/lib/key-quote-ranks.ts [data-folder] [story-name-part]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rankQuotes } from '../../src/synthesis/quotes.ts';
import { SHOWN_QUOTES } from '../../src/synthesis/view.ts';
import { DEFAULT_BSNLP_PATH } from '../types.ts';
import { hasBsnlp } from './bsnlp.ts';
import { loadStory } from './synthesis-stories.ts';
import { locate, phrasesOf, readStoryLabels, storyText } from './synthesis-labels.ts';
import { keyQuoteShown } from './synthesis-metrics.ts';

const LABELS_DIR = fileURLToPath(new URL('../data/synthesis/', import.meta.url));
const SHOWN_CHARS = 110;

const [folder, only] = process.argv.slice(2);
const bsnlp = folder ? (hasBsnlp(folder) ? folder : join(folder, 'bsnlp-pl-dev')) : DEFAULT_BSNLP_PATH;
const line = (text: string): string => text.replace(/\s+/gu, ' ').slice(0, SHOWN_CHARS);
let hit = 0;
let of = 0;
for (const file of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.json')).sort()) {
  const labels = readStoryLabels(join(LABELS_DIR, file));
  if (labels.split === 'blind' || (only && !labels.story.includes(only))) continue;
  const story = loadStory(labels.source, bsnlp);
  if (!story) continue;
  const ranked = rankQuotes(story.analyses);
  const shown = ranked.slice(0, SHOWN_QUOTES);
  const text = storyText(story);
  const misses: string[] = [];
  for (const q of labels.keyQuotes ?? []) {
    const located = locate(labels.story, text, q.file, q.phrase);
    const target = { located, phrase: q.phrase, speakers: phrasesOf(q.speaker), text: text.texts.get(located.article)! };
    of++;
    if (keyQuoteShown(shown, target).speaker) {
      hit++;
      continue;
    }
    const at = ranked.flatMap((r, i) => {
      const got = keyQuoteShown([r], target);
      return got.text ? [`#${i + 1} ${r.kind} ${r.speaker ?? '(no speaker)'}${got.speaker ? ' OK' : ''}`] : [];
    });
    misses.push(`  "${q.phrase}" (${target.speakers[0]}): ${at.join('; ') || 'not among the story\'s quotes'}`);
  }
  if (misses.length === 0) continue;
  console.log(`${labels.story} [${labels.split}]`);
  for (const m of misses) console.log(m);
  shown.forEach((r, i) => console.log(`    ${i + 1}. ${r.kind} ${r.speaker ?? '(no speaker)'} ×${1 + (r.alsoIn?.length ?? 0)}: ${line(r.text)}`));
}
console.log(`key quotes shown with a right speaker: ${hit}/${of}`);
