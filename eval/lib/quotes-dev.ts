/**
 * The BSNLP development articles for reading quote speakers broadly (eval/data/quotes-dev/): every
 * Polish article outside the labelled synthesis stories — so neither the blind stories nor the ones
 * rules were tuned on — analysed by the real stages, with each quote's speaker as a reader sees it
 * (named by src/synthesis/quotes.ts over the article alone).
 *
 *   npx tsx eval/lib/quotes-dev.ts sample 16 [seed]   # articles to label, plain text, no engine output
 *   npx tsx eval/lib/quotes-dev.ts show <topic> <file>   # the engine's quotes in one article (after labelling)
 *   npx tsx eval/lib/quotes-dev.ts dump out.json        # every quote's speaker, for comparing rule changes
 *   npx tsx eval/lib/quotes-dev.ts diff a.json b.json   # quotes whose speaker differs, with their attribution
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toArticle } from '../../src/ingest/article.ts';
import { analyzeArticle, type ArticleAnalysis } from '../../src/analysis/index.ts';
import { rankQuotes } from '../../src/synthesis/quotes.ts';
import { DEFAULT_BSNLP_PATH } from '../types.ts';
import { hasBsnlp, loadBsnlp, type BsnlpDoc } from './bsnlp.ts';

const STORIES_DIR = new URL('../data/synthesis/', import.meta.url).pathname;
const INGESTED_AT = '2026-01-01T00:00:00.000Z';

/** "topic/file" of every article a labelled synthesis story holds (its file list only is read). */
export function storyFiles(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(STORIES_DIR).filter((x) => x.endsWith('.json'))) {
    const source = (JSON.parse(readFileSync(join(STORIES_DIR, f), 'utf8')) as { source?: { bsnlp?: { topic: string; files: string[] } } }).source;
    for (const file of source?.bsnlp?.files ?? []) out.add(`${source!.bsnlp!.topic}/${file}`);
  }
  return out;
}

/** The development articles outside every labelled story, in topic and file order. */
export function devDocs(path = DEFAULT_BSNLP_PATH): BsnlpDoc[] | undefined {
  if (!hasBsnlp(path)) return undefined;
  const taken = storyFiles();
  return loadBsnlp(path).filter((d) => !taken.has(`${d.topic}/${d.file}`));
}

/** An article's body as the stories' loader ingests it (eval/lib/synthesis-stories.ts). */
export function analyse(doc: BsnlpDoc): ArticleAnalysis {
  const newline = doc.text.indexOf('\n');
  const body = newline < 0 || !doc.text.slice(newline + 1).trim() ? doc.title : doc.text.slice(newline + 1);
  const raw = { origin: `${doc.topic}/${doc.file}`, format: 'text' as const, text: body, title: doc.title, ...(doc.url && { url: doc.url }), ...(doc.published && { published: doc.published }) };
  return analyzeArticle(toArticle(raw, INGESTED_AT));
}

export interface ShownQuote {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /** The speaker as the report names it (src/synthesis/quotes.ts over this article alone). */
  readonly speaker?: string;
}

/** Each quote of the article with its speaker named as a report of this article would name it. */
export function shownQuotes(a: ArticleAnalysis): ShownQuote[] {
  const named = new Map(rankQuotes([a]).map((q) => [`${q.citation.start}:${q.citation.end}`, q.speaker]));
  return a.quotes.map((q) => {
    const speaker = named.get(`${q.start}:${q.end}`);
    return { start: q.start, end: q.end, kind: q.kind, ...(speaker !== undefined && { speaker }) };
  });
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Reporting cues visible in plain text: marks, dash speech, a few reporting verbs. */
const SPEECH = /[„"”]|\n\s*[-–—]\s|powiedzia|oświadczy|stwierdzi|dodał|zaznaczy|podkreśli|poinformowa|według|zdaniem/giu;

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  const docs = devDocs();
  if (!docs) throw new Error(`no BSNLP data at ${DEFAULT_BSNLP_PATH}`);
  if (command === 'sample') {
    const n = Number(args[0] ?? 16);
    const next = random(Number(args[1] ?? 7));
    const topics = [...new Set(docs.map((d) => d.topic))];
    const pools = topics.map((t) => docs.filter((d) => d.topic === t && d.text.length < 4000 && (d.text.match(SPEECH)?.length ?? 0) >= 3).sort(() => next() - 0.5));
    for (let i = 0; i < n; i++) {
      const doc = pools[i % pools.length]!.shift();
      if (!doc) continue;
      const a = analyse(doc);
      console.log(`\n=== ${doc.topic} ${doc.file}\nTITLE ${a.article.title ?? ''}\n${a.article.text}`);
    }
  } else if (command === 'show') {
    const doc = docs.find((d) => d.topic === args[0] && d.file === args[1]);
    if (!doc) throw new Error('no such development article outside the labelled stories');
    const a = analyse(doc);
    for (const q of shownQuotes(a)) console.log(`${q.kind.padEnd(8)} [${q.speaker ?? '—'}] ${a.article.text.slice(q.start, q.end).replace(/\s+/gu, ' ').slice(0, 120)}`);
  } else if (command === 'dump') {
    const out: Record<string, (ShownQuote & { text: string; around: string })[]> = {};
    for (const doc of docs) {
      const a = analyse(doc);
      const text = a.article.text;
      out[`${doc.topic}/${doc.file}`] = shownQuotes(a).map((q) => ({ ...q, text: text.slice(q.start, Math.min(q.end, q.start + 80)), around: text.slice(Math.max(0, q.start - 120), Math.min(text.length, q.end + 120)).replace(/\s+/gu, ' ') }));
    }
    writeFileSync(args[0]!, JSON.stringify(out));
  } else if (command === 'diff') {
    const [a, b] = args.map((f) => JSON.parse(readFileSync(f!, 'utf8')) as Record<string, (ShownQuote & { text: string; around: string })[]>);
    let changed = 0, total = 0;
    for (const [file, quotes] of Object.entries(b!)) {
      const before = new Map((a![file] ?? []).map((q) => [q.start, q]));
      for (const q of quotes) {
        total++;
        const old = before.get(q.start);
        if (old && old.speaker === q.speaker) continue;
        changed++;
        console.log(`\n${file} ${old ? `[${old.speaker ?? '—'}] → ` : '(new) '}[${q.speaker ?? '—'}]\n  ${q.around}`);
      }
    }
    console.log(`\n${changed} of ${total} quotes changed or new`);
  } else throw new Error('usage: quotes-dev.ts sample N [seed] | show <topic> <file> | dump <out.json> | diff <a.json> <b.json>');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
