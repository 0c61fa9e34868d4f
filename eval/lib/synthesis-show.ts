/**
 * Labelling helper for eval/data/synthesis (see GUIDELINE.md there): prints a story's articles as
 * the engine reads them — outlet, date, title, then every sentence numbered — so labels can name
 * files and short key phrases instead of copying text. Label from this plain view; `--engine` adds
 * what the engine found (sentence statuses with their cues, quotes with speakers), for debugging
 * after the labels are written.
 *
 *   npx tsx eval/lib/synthesis-show.ts ryanair ryan-pl_file_147.txt ryan-pl_file_150.txt
 *   npx tsx eval/lib/synthesis-show.ts --engine eval/data/synthesis/<story>.json
 *
 * Given a label file, it also locates every phrase the labels name (facts' support, statuses, key
 * quotes) as the eval will, and exits 1 naming each one that is not where the labels say — a check a
 * labeller of a blind story can run without any engine output.
 */
import { readFileSync } from 'node:fs';
import { loadStory, type StorySource } from './synthesis-stories.ts';
import { labelledPhrases, locate, readStoryLabels, storyText } from './synthesis-labels.ts';

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
const labelFile = args.find((a) => a.endsWith('.json'));
if (labelFile) {
  const labels = readStoryLabels(labelFile);
  const text = storyText(story);
  const missing: string[] = [];
  const phrases = labelledPhrases(labels);
  for (const { file, phrase } of phrases) {
    try {
      locate(labels.story, text, file, phrase);
    } catch (e) {
      missing.push((e as Error).message);
    }
  }
  console.log(`\n${phrases.length - missing.length} of ${phrases.length} labelled phrases located${missing.length > 0 ? ':' : ''}`);
  for (const m of missing) console.log(`  ${m}`);
  if (missing.length > 0) process.exitCode = 1;
}
