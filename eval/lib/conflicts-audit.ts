/**
 * Conflict audit on unlabelled development stories: the engine's own story clustering over a list of
 * BSNLP files, then every conflict each story's report shows, with both sides' sentences, files and
 * dates, for an editor to judge by reading (docs/QUALITY.md, ninth round: conflicts on unseen news).
 * Only the files named on the command line (or in the list file) are analysed.
 *
 *   npx tsx eval/lib/conflicts-audit.ts cluster <topic> <files.txt> [min-size] ['{"level":"storyline"}'] > stories.json
 *   npx tsx eval/lib/conflicts-audit.ts show <stories.json> [story-name…]
 *
 * `cluster` prints JSON: one entry per story of at least min-size (default 3) articles, named
 * "<topic>-<first date>-<n>", with its files and headlines. `show` synthesises each named story
 * (all when none is named) and prints its conflicts; a stories file is a JSON array of
 * { name, topic, files } (what `cluster` prints, edited by hand where a storyline is split).
 */
import { readFileSync } from 'node:fs';
import { featuresOf } from '../../src/app/analyse.ts';
import { clusterBatch, type ClusterOptions } from '../../src/stories/cluster.ts';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import type { Conflict } from '../../src/synthesis/types.ts';
import { loadStory } from './synthesis-stories.ts';

interface AuditStory {
  readonly name: string;
  readonly topic: string;
  readonly files: readonly string[];
  readonly titles?: readonly string[];
}

const SENTENCE_CHARS = 260;

function cluster(topic: string, listFile: string, minSize: number, options: Partial<ClusterOptions>): AuditStory[] {
  const files = readFileSync(listFile, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const story = loadStory({ bsnlp: { topic, files } });
  if (!story) throw new Error('the BSNLP data is not on this machine');
  const fileOf = new Map([...story.idByFile].map(([file, id]) => [id, file]));
  const byId = new Map(story.analyses.map((a) => [a.article.id, a.article]));
  const stories = clusterBatch(story.analyses.map((a) => featuresOf(a.article)), options);
  const dateOf = (id: string): string => byId.get(id)?.published?.value ?? 'undated';
  return stories
    .filter((s) => s.articleIds.length >= minSize)
    .map((s) => [...s.articleIds].sort((a, b) => dateOf(a).localeCompare(dateOf(b))))
    .sort((a, b) => dateOf(a[0]!).localeCompare(dateOf(b[0]!)))
    .map((ids, i) => ({
      name: `${topic}-${dateOf(ids[0]!)}-${i + 1}`,
      topic,
      files: ids.map((id) => fileOf.get(id)!),
      titles: ids.map((id) => `${dateOf(id)} ${byId.get(id)?.title ?? ''}`),
    }));
}

function show(path: string, names: readonly string[]): void {
  const stories = (JSON.parse(readFileSync(path, 'utf8')) as AuditStory[]).filter((s) => names.length === 0 || names.includes(s.name));
  for (const s of stories) {
    const story = loadStory({ bsnlp: { topic: s.topic, files: s.files } });
    if (!story) throw new Error('the BSNLP data is not on this machine');
    const fileOf = new Map([...story.idByFile].map(([file, id]) => [id, file]));
    const articles = new Map(story.analyses.map((a) => [a.article.id, a.article]));
    const report = synthesizeStory({ id: s.name, articles: story.analyses });
    console.log(`\n##### ${s.name} (${s.files.length} articles): ${report.title}`);
    console.log(`conflicts: ${report.conflicts.length}`);
    report.conflicts.forEach((c: Conflict, i) => {
      console.log(`\n[${s.name} #${i + 1}] ${c.kind} ${c.slot} (${c.subject}): ${c.values.map((v) => v.value).join(' vs ')}`);
      for (const v of c.values) {
        console.log(`  = ${v.value}${v.state ? ` (${v.state})` : ''}`);
        for (const cit of v.citations) {
          const a = articles.get(cit.article)!;
          const text = a.text.slice(cit.start, cit.end).replace(/\s+/gu, ' ').slice(0, SENTENCE_CHARS);
          console.log(`    ${fileOf.get(cit.article)?.replace(/^.*_file_/u, 'f')} ${a.published?.value ?? 'undated'} ${a.outlet ?? '?'}: ${text}`);
        }
      }
    });
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'cluster' && rest.length >= 2) console.log(JSON.stringify(cluster(rest[0]!, rest[1]!, Number(rest[2] ?? 3), rest[3] ? (JSON.parse(rest[3]) as Partial<ClusterOptions>) : {}), null, 1));
else if (command === 'show' && rest.length >= 1) show(rest[0]!, rest.slice(1));
else throw new Error('usage: conflicts-audit.ts cluster <topic> <files.txt> [min-size] [options-json] | show <stories.json> [story-name…]');
