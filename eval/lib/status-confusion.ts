/**
 * Labelled sentence statuses of the read stories (tune, heldout, fresh; the blind split is never
 * loaded) as a confusion matrix, label × the status the report gives, with every labelled sentence
 * listed with the cues the epistemic stage found in it, so errors can be sorted by cause; and the
 * same count by topic, for leave-one-topic-out comparisons of a rule.
 *
 *   npx tsx eval/lib/status-confusion.ts [data-path] [--list] [--errors]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import { DEFAULT_BSNLP_PATH } from '../types.ts';
import { hasBsnlp } from './bsnlp.ts';
import { locate, readStoryLabels } from './synthesis-labels.ts';
import { loadStory } from './synthesis-stories.ts';
import { reportedStatus } from './synthesis-metrics.ts';

const LABELS_DIR = fileURLToPath(new URL('../data/synthesis/', import.meta.url));
const STATUSES = ['asserted', 'attributed', 'hedged', 'confirmed', 'denied', 'superseded'] as const;
const NONE = 'in no claim';

const args = process.argv.slice(2);
const dataPath = args.find((a) => !a.startsWith('--')) ?? DEFAULT_BSNLP_PATH;
const bsnlp = hasBsnlp(dataPath) ? dataPath : join(dataPath, 'bsnlp-pl-dev');
const matrix = new Map<string, Map<string, number>>();
const byTopic = new Map<string, { hit: number; of: number }>();
const lines: string[] = [];
for (const file of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.json')).sort()) {
  const labels = readStoryLabels(join(LABELS_DIR, file));
  if (labels.split === 'blind') continue;
  const story = loadStory(labels.source, bsnlp);
  if (!story) continue;
  const topic = 'bsnlp' in labels.source ? labels.source.bsnlp.topic : 'seeds';
  const report = synthesizeStory({ id: labels.story, articles: story.analyses });
  const text = {
    idByFile: story.idByFile,
    texts: new Map(story.analyses.map((a) => [a.article.id, a.article.text])),
    sentences: new Map(story.analyses.map((a) => [a.article.id, a.sentences])),
  };
  for (const s of labels.statuses ?? []) {
    const located = locate(labels.story, text, s.file, s.phrase);
    const got = reportedStatus(report, located) ?? NONE;
    const row = matrix.get(s.status) ?? new Map<string, number>();
    matrix.set(s.status, row);
    row.set(got, (row.get(got) ?? 0) + 1);
    const t = byTopic.get(topic) ?? { hit: 0, of: 0 };
    byTopic.set(topic, t);
    t.of++;
    if (got === s.status) t.hit++;
    const analysis = story.analyses.find((a) => a.article.id === located.article)!;
    const index = analysis.sentences.findIndex((x) => x.start <= located.at && located.at < x.end);
    const cues = (analysis.statuses[index]?.cues ?? []).map((c) => `${c.kind}:${c.text.slice(0, 40)}`).join('|');
    const sentence = analysis.article.text.slice(located.sentence.start, located.sentence.end).replace(/\s+/gu, ' ');
    lines.push(`${got === s.status ? 'ok ' : 'ERR'} ${labels.split} ${topic} ${labels.story} ${s.file.replace(/^.*_/, '')} want ${s.status} got ${got} [${cues}] «${s.phrase}» ${sentence}${s.note ? ` NOTE: ${s.note}` : ''}`);
  }
}
const columns = [...STATUSES, NONE];
console.log(`| label \\ engine | ${columns.join(' | ')} | total |`);
console.log(`|---|${columns.map(() => '---:').join('|')}|---:|`);
for (const gold of STATUSES) {
  const row = matrix.get(gold) ?? new Map<string, number>();
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  console.log(`| ${gold} | ${columns.map((c) => (row.get(c) ? (c === gold ? `**${row.get(c)}**` : String(row.get(c))) : '')).join(' | ')} | ${total} |`);
}
console.log(`by topic: ${[...byTopic].map(([t, r]) => `${t} ${r.hit}/${r.of}`).join(', ')}`);
if (args.includes('--list') || args.includes('--errors')) for (const l of lines) if (args.includes('--list') || l.startsWith('ERR')) console.log(l);
