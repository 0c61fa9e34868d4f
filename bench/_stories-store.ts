/**
 * Child process of bench/stories.ts's store part: one step against an SQLite store opened through
 * the code base given (this repository, or an export of an older one whose stories concern is the
 * JSON state), printing one JSON line. Each step is its own process, as `kronika ingest` is, so
 * time and peak memory are what a command pays, module loading excluded.
 *
 *   node --import tsx bench/_stories-store.ts build <repo> <db> <size>   store and cluster <size> articles
 *   node --import tsx bench/_stories-store.ts one <repo> <db> <n>        store and cluster the n-th new article
 *   node --import tsx bench/_stories-store.ts list <repo> <db>           list every event (what `kronika stories` reads)
 *
 * Articles are real BSNLP paragraphs (or the seeds and off-topic texts) recombined into synthetic
 * events; clustering features are the surface ones (extractFeatures without the analyser), the
 * same for both code bases, so the figures compare the story state's persistence only.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_BSNLP_PATH } from '../eval/types.ts';
import { loadBsnlpArticles, loadOffTopic, loadSeeds } from '../eval/lib/stories-data.ts';
import { toArticle } from '../src/ingest/article.ts';
import { extractFeatures } from '../src/stories/features.ts';
import type { Store } from '../src/store/store.ts';
import type { Article } from '../src/types.ts';
import { random } from '../test/store/corpus.ts';

/** Articles per save while building (the CLI's chunk), and per assign (the cluster stage's batch). */
const SAVE_CHUNK = 200;
const CLUSTER_CHUNK = 1000;
const DAY_MS = 86_400_000;

function paragraphs(): string[] {
  const sources = loadBsnlpArticles(DEFAULT_BSNLP_PATH);
  const articles = (sources.length ? sources : [...loadSeeds(), ...loadOffTopic()]).map((l) => l.article);
  return articles.flatMap((a) => a.text.split('\n\n').slice(1).filter((p) => p.length >= 120));
}

/** Events of 1–9 articles (two core paragraphs and one more each), ~300 events a day from 2024-01-01, 40 outlets. */
function stream(count: number, pool: readonly string[], seed: number, fromDay = 0): Article[] {
  const next = random(seed);
  const pick = () => pool[Math.floor(next() * pool.length)]!;
  const out: Article[] = [];
  const ingestedAt = new Date().toISOString();
  for (let event = 0; out.length < count; event++) {
    const core = [pick(), pick()];
    const day = new Date(Date.UTC(2024, 0, 1) + (fromDay + Math.floor(event / 300)) * DAY_MS).toISOString().slice(0, 10);
    const size = 1 + Math.floor(next() * 9);
    for (let k = 0; k < size && out.length < count; k++) {
      const text = [...core, pick()].join('\n\n');
      out.push(toArticle({ origin: `bench-${seed}-${event}-${k}.txt`, format: 'text', text, title: core[0]!.slice(0, 80),
        outlet: `outlet-${Math.floor(next() * 40)}`, published: { value: day, precision: 'day' } }, ingestedAt));
    }
  }
  return out;
}

const inputOf = (article: Article) => ({ features: extractFeatures(article), names: [] });

async function open(repo: string, db: string): Promise<Store> {
  const module = (await import(pathToFileURL(join(repo, 'src/store/sqlite/index.ts')).href)) as { openSqliteStore: (path: string) => Promise<Store> };
  return module.openSqliteStore(db);
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [mode, repo, db, arg] = process.argv.slice(2);
  if (!mode || !repo || !db) throw new Error('usage: _stories-store.ts build|one|list <repo> <db> [n]');
  const store = await open(repo, db);
  try {
    if (mode === 'build') {
      const articles = stream(Number(arg), paragraphs(), 2026);
      const t0 = performance.now();
      for (let i = 0; i < articles.length; i += SAVE_CHUNK) await store.articles.save(articles.slice(i, i + SAVE_CHUNK));
      const saved = performance.now();
      for (let i = 0; i < articles.length; i += CLUSTER_CHUNK) {
        const chunk = articles.slice(i, i + CLUSTER_CHUNK);
        await store.stories.assign(chunk.map(inputOf), { consolidate: i + CLUSTER_CHUNK >= articles.length });
      }
      await store.cursors.advance('cluster', await store.articles.lastSeq());
      const counts = await store.stories.counts();
      console.log(JSON.stringify({ saveMs: saved - t0, clusterMs: performance.now() - saved, ...counts, rssMb: rssMb() }));
    } else if (mode === 'one') {
      // A new event's first article or a later one, published after every stored article.
      const [article] = stream(1, paragraphs(), 7000 + Number(arg), 400);
      const before = rssMb();
      const t0 = performance.now();
      await store.articles.save([article!]);
      const saved = performance.now();
      await store.stories.assign([inputOf(article!)], { consolidate: true });
      const story = await store.stories.ofArticle(article!.id);
      if (!story?.articleIds.includes(article!.id)) throw new Error(`bench: ${article!.id} is not in its story`);
      console.log(JSON.stringify({ saveMs: saved - t0, clusterMs: performance.now() - saved, rssBeforeMb: before, rssMb: rssMb() }));
    } else if (mode === 'list') {
      const before = rssMb();
      const t0 = performance.now();
      const page = await store.stories.list({ level: 'event' });
      console.log(JSON.stringify({ listMs: performance.now() - t0, events: page.total, rssBeforeMb: before, rssMb: rssMb() }));
    } else throw new Error(`unknown mode ${mode}`);
  } finally {
    await store.close();
  }
}

await main();
