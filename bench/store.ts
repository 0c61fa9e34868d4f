/**
 * `npm run bench -- store`: how fast the SQLite store saves articles.
 *
 * 10k synthetic Polish articles (seed paragraphs recombined, test/store/corpus.ts), 10 % of them
 * lightly edited copies of earlier ones so the near-duplicate lookup finds real matches.
 * Fingerprints are computed beforehand, as ingest hands them over. Baseline: the same articles
 * saved one transaction per article, in the same process, on a fresh file.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../src/stories/fingerprint.ts';
import { openStore } from '../src/store/index.ts';
import type { Article } from '../src/types.ts';
import { syntheticTexts } from '../test/store/corpus.ts';
import { makeArticle } from '../test/store/articles.ts';
import { formatRate, peakRssMb, type BenchReport } from './report.ts';

const ARTICLES = 10_000;
const CHUNK = 100;
/** Every COPY_EVERY-th article is a copy of an earlier one with a sentence appended. */
const COPY_EVERY = 10;

function buildArticles(count: number): Article[] {
  const texts = syntheticTexts(count);
  return texts.map((text, i) => {
    const body = i % COPY_EVERY === COPY_EVERY - 1 ? `${texts[i - COPY_EVERY + 1]} Aktualizacja: dodano komentarz rzecznika.` : text;
    return makeArticle(body, { fingerprint: fingerprint(body), outlet: `Portal ${i % 40}` });
  });
}

interface Run {
  readonly ms: number;
  readonly duplicates: number;
  readonly firstRate: number;
  readonly lastRate: number;
  readonly bytesPerArticle: number;
}

/** Saves `articles` into a fresh file in batches of `batch`; times each batch. */
async function saveAll(dir: string, name: string, articles: readonly Article[], batch: number): Promise<Run> {
  const path = join(dir, `${name}.db`);
  const store = await openStore(path);
  const batchMs: number[] = [];
  let duplicates = 0;
  const t0 = performance.now();
  for (let i = 0; i < articles.length; i += batch) {
    const t = performance.now();
    for (const o of await store.articles.save(articles.slice(i, i + batch))) if (o.status === 'stored' && o.duplicateOf) duplicates++;
    batchMs.push(performance.now() - t);
  }
  const ms = performance.now() - t0;
  await store.close();
  // Rate over the first and last 1k articles: shows whether the band lookup slows as data grows.
  const perK = Math.max(1, Math.round(1000 / batch));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    ms,
    duplicates,
    firstRate: (1000 * 1000) / sum(batchMs.slice(0, perK)),
    lastRate: (1000 * 1000) / sum(batchMs.slice(-perK)),
    bytesPerArticle: statSync(path).size / articles.length,
  };
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-store-'));
  try {
    const articles = buildArticles(ARTICLES);
    await saveAll(dir, 'warmup', articles.slice(0, 500), CHUNK); // JIT and page cache, not measured
    const baseline = await saveAll(dir, 'per-article', articles, 1);
    const chunked = await saveAll(dir, 'chunked', articles, CHUNK);

    const store = await openStore(join(dir, 'chunked.db'));
    const t0 = performance.now();
    for (let i = 0; i < articles.length; i += CHUNK) await store.articles.save(articles.slice(i, i + CHUNK));
    const resaveMs = performance.now() - t0;
    await store.close();

    const row = (name: string, r: Run) => ({
      name,
      figures: {
        'articles/s': formatRate(ARTICLES, r.ms),
        'first 1k/s': Math.round(r.firstRate).toLocaleString('en-US'),
        'last 1k/s': Math.round(r.lastRate).toLocaleString('en-US'),
        'duplicates found': String(r.duplicates),
        'kB/article on disk': (r.bytesPerArticle / 1024).toFixed(1),
      },
    });
    const expected = Math.floor(ARTICLES / COPY_EVERY);
    return {
      suite: 'store',
      method:
        `articles.save on a fresh SQLite file (WAL, synchronous=NORMAL), ${ARTICLES.toLocaleString('en-US')} synthetic ` +
        `Polish articles (0.6–2 kB, seed paragraphs recombined), ${expected} of them copies of earlier ones; ` +
        `near-duplicate lookup through band keys on; fingerprints precomputed as ingest does. ` +
        `Baseline: one transaction per article, same process.`,
      rows: [
        row(`chunks of ${CHUNK}`, chunked),
        row('baseline: one transaction per article', baseline),
        { name: `re-save all (every id known), chunks of ${CHUNK}`, figures: { 'articles/s': formatRate(ARTICLES, resaveMs) } },
      ],
      notes: [
        `chunks of ${CHUNK} are ${(baseline.ms / chunked.ms).toFixed(1)}× the per-article baseline.`,
        `near-duplicates found: ${chunked.duplicates} of ${expected} planted copies.`,
        `peak RSS ${peakRssMb().toFixed(0)} MB (whole process, including the 10k articles held in memory).`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
