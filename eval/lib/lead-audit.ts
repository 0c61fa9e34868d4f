/**
 * Lead audit on unlabelled development stories: the summary's first sentence of each story of the
 * conflict audit's pool (eval/data/conflicts-audit/), shown beside the articles' headlines and first
 * sentences for an editor to judge, and scored against the judgements written down
 * (eval/data/lead-audit/judgements.json; docs/QUALITY.md, tenth round: the lead on unlabelled stories).
 *
 *   npx tsx eval/lib/lead-audit.ts show [story-name…]    the material to judge a lead by
 *   npx tsx eval/lib/lead-audit.ts score                 FIT, CHECK, NEW, NEW13 and MULTI: leads judged right / stories
 *
 * A judgement names, per story, the wordings judged right as a lead and those judged wrong with the
 * failure's cause. A lead no judgement names is printed as unjudged (and `score` exits 2): read it
 * with `show` and add it to the file, right or wrong, before taking the figure.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeStory } from '../../src/synthesis/index.ts';
import type { StoryReport } from '../../src/synthesis/types.ts';
import { loadStory } from './synthesis-stories.ts';

const JUDGEMENTS = fileURLToPath(new URL('../data/lead-audit/judgements.json', import.meta.url));

/** Why a lead is wrong, as the tenth round's audit classed the failures. */
const CAUSES = ['background', 'quote', 'other-happening', 'not-main-subject', 'not-latest', 'not-alone', 'detail'] as const;
type Cause = (typeof CAUSES)[number];

interface AuditStory {
  readonly name: string;
  readonly topic: string;
  readonly files: readonly string[];
  /** FIT and CHECK (tenth round); NEW: stories judged in the twelfth round before any lead of theirs was read; NEW13: the same, thirteenth round; MULTI: the same, fourteenth round, stories of four to six articles. */
  readonly half: 'FIT' | 'CHECK' | 'NEW' | 'NEW13' | 'MULTI';
}

interface Judgement {
  readonly story: string;
  /** What the story's main happening is, in the editor's words. */
  readonly happening: string;
  /** Wordings (a part of the sentence is enough) judged right as the lead. */
  readonly right: readonly string[];
  readonly wrong: readonly { readonly lead: string; readonly cause: Cause }[];
}

interface Judgements {
  /** Story lists, relative to the judgements file. */
  readonly stories: readonly string[];
  readonly judged: readonly Judgement[];
}

function loadJudgements(): { stories: AuditStory[]; judged: Map<string, Judgement> } {
  const file = JSON.parse(readFileSync(JUDGEMENTS, 'utf8')) as Judgements;
  const stories = file.stories.flatMap((p) => JSON.parse(readFileSync(resolve(dirname(JUDGEMENTS), p), 'utf8')) as AuditStory[]);
  for (const j of file.judged) {
    if (!stories.some((s) => s.name === j.story)) throw new Error(`${JUDGEMENTS}: no story ${j.story}`);
    for (const w of j.wrong) if (!CAUSES.includes(w.cause)) throw new Error(`${JUDGEMENTS}: ${j.story}: cause ${w.cause} is none of ${CAUSES.join(', ')}`);
  }
  return { stories, judged: new Map(file.judged.map((j) => [j.story, j])) };
}

/** Spaces as one: judgements are copied from printed text. */
const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function report(s: AuditStory): { report: StoryReport; fileOf: Map<string, string>; texts: Map<string, { title: string; text: string; date: string }> } {
  const story = loadStory({ bsnlp: { topic: s.topic, files: s.files } });
  if (!story) throw new Error('the BSNLP data is not on this machine');
  const fileOf = new Map([...story.idByFile].map(([file, id]) => [id, file.replace(/^.*_file_/u, 'f')]));
  const texts = new Map(story.analyses.map((a) => [a.article.id, { title: a.article.title ?? '', text: a.article.text, date: a.article.published?.value.slice(0, 10) ?? 'undated' }]));
  return { report: synthesizeStory({ id: s.name, articles: story.analyses }), fileOf, texts };
}

type Verdict = { kind: 'right' } | { kind: 'wrong'; cause: Cause } | { kind: 'unjudged' };

function verdict(lead: string, j: Judgement | undefined): Verdict {
  const text = flat(lead);
  if (j?.right.some((r) => text.includes(flat(r)))) return { kind: 'right' };
  const wrong = j?.wrong.find((w) => text.includes(flat(w.lead)));
  return wrong ? { kind: 'wrong', cause: wrong.cause } : { kind: 'unjudged' };
}

function show(names: readonly string[]): void {
  const { stories, judged } = loadJudgements();
  for (const s of stories.filter((x) => names.length === 0 || names.includes(x.name))) {
    const { report: r, fileOf, texts } = report(s);
    console.log(`\n##### ${s.name} (${s.half}, ${s.files.length} articles)`);
    for (const [id, t] of texts) {
      const lede = flat(t.text).slice(0, 240);
      console.log(`  ${fileOf.get(id)} ${t.date} ${flat(t.title)}\n      ${lede}`);
    }
    console.log('  summary:');
    r.summary.forEach((x, i) => {
      const claim = r.claims.find((c) => c.sentences.some((m) => m.article === x.citations[0]?.article && m.end === x.citations[0]?.end));
      console.log(`   ${i + 1}. [${claim?.independentSources ?? '?'} src, ${x.status}] ${flat(x.text)}`);
    });
    console.log('  most reported claims:');
    for (const c of r.claims.filter((c) => c.standsAlone).slice(0, 5)) console.log(`   [${c.independentSources} src] ${flat(c.text).slice(0, 200)}`);
    const v = verdict(r.summary[0]?.text ?? '', judged.get(s.name));
    console.log(`  lead: ${v.kind}${v.kind === 'wrong' ? ` (${v.cause})` : ''}`);
  }
}

function score(): number {
  const { stories, judged } = loadJudgements();
  const halves = new Map<string, { right: number; n: number; causes: Map<string, number> }>();
  let unjudged = 0;
  for (const s of stories) {
    const lead = report(s).report.summary[0]?.text ?? '';
    const v = verdict(lead, judged.get(s.name));
    const h = halves.get(s.half) ?? { right: 0, n: 0, causes: new Map<string, number>() };
    halves.set(s.half, h);
    h.n++;
    if (v.kind === 'right') h.right++;
    if (v.kind === 'wrong') h.causes.set(v.cause, (h.causes.get(v.cause) ?? 0) + 1);
    if (v.kind === 'unjudged') unjudged++;
    console.log(`${s.half.padEnd(5)} ${s.name.padEnd(28)} ${v.kind}${v.kind === 'wrong' ? ` (${v.cause})` : ''}: ${flat(lead).slice(0, 160)}`);
  }
  for (const [half, h] of halves) {
    const causes = [...h.causes].map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`${half}: lead right ${h.right}/${h.n}${causes ? `; wrong: ${causes}` : ''}`);
  }
  if (unjudged > 0) console.log(`${unjudged} lead(s) unjudged: read them with \`show\` and judge them in ${JUDGEMENTS}`);
  return unjudged > 0 ? 2 : 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'show') show(rest);
else if (command === 'score') process.exitCode = score();
else throw new Error('usage: lead-audit.ts show [story-name…] | score');
