/**
 * Labelling helper for eval/data/synthesis (see GUIDELINE.md there): prints a story's articles as
 * the engine reads them — outlet, date, title, then every sentence numbered — so labels can name
 * files and short key phrases instead of copying text. Label from this plain view; `--engine` adds
 * what the engine found (sentence statuses with their cues, quotes with speakers), for debugging
 * after the labels are written.
 *
 *   npx tsx eval/lib/synthesis-show.ts ryanair ryan-pl_file_147.txt ryan-pl_file_150.txt
 *   npx tsx eval/lib/synthesis-show.ts --engine eval/data/synthesis/<story>.json
 */
import { readFileSync } from 'node:fs';
import { loadStory, type StorySource } from './synthesis-stories.ts';

function source(args: readonly string[]): StorySource {
  if (args[0]?.endsWith('.json')) return (JSON.parse(readFileSync(args[0], 'utf8')) as { source: StorySource }).source;
  const [topic, ...files] = args;
  if (!topic || files.length === 0) throw new Error('usage: synthesis-show.ts <topic> <file>… | <story.json>');
  return { bsnlp: { topic, files } };
}

const args = process.argv.slice(2);
const engine = args.includes('--engine');
const story = loadStory(source(args.filter((a) => !a.startsWith('--'))));
if (!story) throw new Error('the story\'s articles are not on this machine');
const fileOf = new Map([...story.idByFile].map(([file, id]) => [id, file]));
for (const a of story.analyses) {
  const { article } = a;
  console.log(`\n=== ${fileOf.get(article.id)} · ${article.outlet ?? '?'} · ${article.published?.value ?? 'undated'}`);
  if (article.title) console.log(`TITLE ${article.title}`);
  const status = new Map(a.statuses.map((s) => [s.sentence, s]));
  for (const s of a.sentences) {
    const st = status.get(s.index);
    const cues = st?.cues.filter((c) => c.kind !== 'attribution').map((c) => c.text).join('|');
    const shown = engine ? ` ${(st?.status ?? 'asserted').slice(0, 4)}${cues ? `(${cues})` : ''}` : '';
    console.log(`[${s.index}]${shown} ${article.text.slice(s.start, s.end)}`);
  }
  if (engine) for (const q of a.quotes) console.log(`  Q[${q.sentence}] ${q.kind} ${q.speaker?.name ?? '—'}: ${q.text.slice(0, 100)}`);
}
