/**
 * Which unlabelled development sentences an epistemic rule moves. A status rule learned from a few
 * labelled sentences must be judged on the many it also changes, so this reads every BSNLP
 * development article outside the blind stories (eval/data/synthesis files of split `blind`: only
 * their file lists are read, to leave those articles out), runs the real text, entity, quote and
 * time layers once, and keeps their output with the sentences' statuses in a snapshot. Later runs
 * re-run only the epistemic stage (src/analysis/epistemic) on the snapshot and print the sentences
 * whose status moved, with counts by move and by topic, and a sample to read.
 *
 *   npx tsx eval/lib/status-moves.ts --save /tmp/statuses.json [data-path]   # before a change
 *   npx tsx eval/lib/status-moves.ts --diff /tmp/statuses.json [--sample N] [--seed S] [--all] [--pool data-path]
 *   npx tsx eval/lib/status-moves.ts --count /tmp/statuses.json              # statuses now, by topic
 *   npx tsx eval/lib/status-moves.ts --read /tmp/statuses.json [--status S] [--sample N] [--seed S]  # a sample to read
 *
 * `--pool` counts every moved sentence but prints only those one may read with the engine's output:
 * articles of the read stories (splits tune, heldout, fresh) and the unlabelled audit pool of
 * eval/data/conflicts-audit (brexit of 2018-04 and 2018-05, nord_stream of 2018-06 to 2018-11,
 * ryanair of 2018-10 and 2018-11, by the `date` column of metadata.tsv); the other months are kept
 * unread for stories being labelled blind.
 *
 * The snapshot's quotes and times are the layers' output when it was saved: rebuild it after a
 * change to src/analysis/quotes or src/analysis/time.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle } from '../../src/analysis/index.ts';
import { classifySentences, type EpistemicInput, type EpistemicStatus } from '../../src/analysis/epistemic/index.ts';
import type { Span } from '../../src/types.ts';
import { DEFAULT_BSNLP_PATH } from '../types.ts';
import { hasBsnlp, loadBsnlp } from './bsnlp.ts';
import { readStoryLabels } from './synthesis-labels.ts';

const LABELS_DIR = fileURLToPath(new URL('../data/synthesis/', import.meta.url));

interface SavedArticle {
  readonly topic: string;
  readonly file: string;
  readonly input: EpistemicInput;
  readonly statuses: readonly EpistemicStatus[];
}

/** Files of the blind stories, by topic folder: left out of every count. */
function blindFiles(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(LABELS_DIR).filter((n) => n.endsWith('.json'))) {
    const labels = readStoryLabels(join(LABELS_DIR, f));
    if (labels.split !== 'blind' || !('bsnlp' in labels.source)) continue;
    for (const file of labels.source.bsnlp.files) out.add(`${labels.source.bsnlp.topic}/${file}`);
  }
  return out;
}

const spanOf = (s: Span): Span => ({ start: s.start, end: s.end });

function save(path: string, dataPath: string): void {
  const bsnlp = hasBsnlp(dataPath) ? dataPath : join(dataPath, 'bsnlp-pl-dev');
  const blind = blindFiles();
  const out: SavedArticle[] = [];
  for (const doc of loadBsnlp(bsnlp)) {
    if (blind.has(`${doc.topic}/${doc.file}`)) continue;
    const newline = doc.text.indexOf('\n');
    const body = newline < 0 || !doc.text.slice(newline + 1).trim() ? doc.title : doc.text.slice(newline + 1);
    let article: ReturnType<typeof toArticle>;
    try {
      article = toArticle({ origin: doc.file, format: 'text', text: body, title: doc.title, ...(doc.published && { published: doc.published }) }, '2026-01-01T00:00:00.000Z');
    } catch {
      continue; // an empty page: no sentences to read
    }
    const a = analyzeArticle(article);
    out.push({
      topic: doc.topic,
      file: doc.file,
      input: {
        text: article.text,
        language: article.language,
        sentences: a.sentences.map(spanOf),
        quotes: a.quotes.map((q) => ({ start: q.start, end: q.end, kind: q.kind, sentence: q.sentence, ...(q.cue && { cue: { start: q.cue.start, end: q.cue.end, text: q.cue.text } }), ...(q.speaker && { speaker: { name: q.speaker.name, ...(q.speaker.type && { type: q.speaker.type }) } }) })) as EpistemicInput['quotes'],
        times: a.times.map(spanOf),
        mentions: a.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type })),
      },
      statuses: a.statuses.map((s) => s.status),
    });
  }
  writeFileSync(path, JSON.stringify(out));
  console.log(`${out.length} articles, ${out.reduce((n, a) => n + a.statuses.length, 0)} sentences saved (${blind.size} blind files left out)`);
}

/** The audit pool's months by topic folder (see the header). */
const AUDIT_MONTHS: Readonly<Record<string, readonly string[]>> = {
  brexit: ['2018-04', '2018-05'],
  nord_stream: ['2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11'],
  ryanair: ['2018-10', '2018-11'],
};

/** `topic/file` of the articles whose moved sentences may be read: the read stories' and the audit pool's. */
function readable(dataPath: string): Set<string> {
  const bsnlp = hasBsnlp(dataPath) ? dataPath : join(dataPath, 'bsnlp-pl-dev');
  const out = new Set<string>();
  for (const row of readFileSync(join(bsnlp, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const [topic, file, , , date] = row.split('\t');
    if (topic && file && date && AUDIT_MONTHS[topic]?.includes(date.slice(0, 7))) out.add(`${topic}/${file}`);
  }
  for (const f of readdirSync(LABELS_DIR).filter((n) => n.endsWith('.json'))) {
    const labels = readStoryLabels(join(LABELS_DIR, f));
    if (labels.split === 'blind' || !('bsnlp' in labels.source)) continue;
    for (const file of labels.source.bsnlp.files) out.add(`${labels.source.bsnlp.topic}/${file}`);
  }
  return out;
}

/** A small seeded generator, so a sample can be drawn again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function diff(path: string, sample: number, seed: number, all: boolean, pool?: ReadonlySet<string>): void {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedArticle[];
  const moves = new Map<string, number>();
  const byTopic = new Map<string, number>();
  const lines: string[] = [];
  let sentences = 0;
  for (const a of saved) {
    const now = classifySentences(a.input);
    sentences += now.length;
    for (const s of now) {
      const before = a.statuses[s.sentence] ?? 'asserted';
      if (before === s.status) continue;
      const move = `${before} → ${s.status}`;
      moves.set(move, (moves.get(move) ?? 0) + 1);
      byTopic.set(a.topic, (byTopic.get(a.topic) ?? 0) + 1);
      const span = a.input.sentences[s.sentence]!;
      const cues = s.cues.map((c) => `${c.kind}:${c.text}`).join('|');
      if (pool && !pool.has(`${a.topic}/${a.file}`)) continue;
      lines.push(`${a.topic}/${a.file}#${s.sentence} ${move} [${cues}] ${a.input.text.slice(span.start, span.end).replace(/\s+/gu, ' ')}`);
    }
  }
  const total = [...moves.values()].reduce((x, y) => x + y, 0);
  console.log(`${total} of ${sentences} sentences moved`);
  for (const [m, n] of [...moves].sort((x, y) => y[1] - x[1])) console.log(`  ${m}: ${n}`);
  console.log(`  by topic: ${[...byTopic].map(([t, n]) => `${t} ${n}`).join(', ')}`);
  if (pool) console.log(`  ${lines.length} of them in the read stories and the audit pool (the only ones printed)`);
  const next = random(seed);
  const shown = all ? lines : lines.map((l) => ({ l, r: next() })).sort((x, y) => x.r - y.r).slice(0, sample).map((x) => x.l);
  for (const l of shown) console.log(l);
}

/** A random sample of sentences with their status now and its cues, to read (`--status` keeps one status). */
function read(path: string, sample: number, seed: number, only?: string): void {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedArticle[];
  const lines: string[] = [];
  for (const a of saved) {
    for (const s of classifySentences(a.input)) {
      if (only && s.status !== only) continue;
      const span = a.input.sentences[s.sentence]!;
      const quoted = a.input.quotes?.some((q) => q.start < span.end && span.start < q.end && q.kind !== 'indirect') ? ' Q' : '';
      lines.push(`${a.topic}/${a.file}#${s.sentence} ${s.status}${quoted} [${s.cues.map((c) => `${c.kind}:${c.text.slice(0, 40)}`).join('|')}] ${a.input.text.slice(span.start, span.end).replace(/\s+/gu, ' ')}`);
    }
  }
  const next = random(seed);
  for (const x of lines.map((l) => ({ l, r: next() })).sort((p, q) => p.r - q.r).slice(0, sample)) console.log(x.l);
}

function count(path: string): void {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedArticle[];
  const table = new Map<string, Map<EpistemicStatus, number>>();
  for (const a of saved) {
    const row = table.get(a.topic) ?? new Map<EpistemicStatus, number>();
    table.set(a.topic, row);
    for (const s of classifySentences(a.input)) row.set(s.status, (row.get(s.status) ?? 0) + 1);
  }
  for (const [topic, row] of table) console.log(`${topic}: ${[...row].map(([s, n]) => `${s} ${n}`).join(', ')}`);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (option('--save')) save(option('--save')!, args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? DEFAULT_BSNLP_PATH);
else if (option('--diff')) diff(option('--diff')!, Number(option('--sample') ?? 30), Number(option('--seed') ?? 1), args.includes('--all'), option('--pool') ? readable(option('--pool')!) : undefined);
else if (option('--read')) read(option('--read')!, Number(option('--sample') ?? 30), Number(option('--seed') ?? 1), option('--status'));
else if (option('--count')) count(option('--count')!);
else throw new Error('usage: status-moves.ts --save <snapshot> [data-path] | --diff <snapshot> [--sample N] [--seed S] [--all] | --count <snapshot>');
