/**
 * `npm run bench -- ingest`: articles/s and MB/s from files into SQLite for plain text, HTML and
 * feeds (issue 3 #10), peak RSS, and HTML extraction (Readability on linkedom) beside a naive
 * tag-strip baseline run in the same process. The stories sync after ingest is timed too, so
 * the end-to-end rate (DESIGN §6: ≥ 300 articles/s) is visible.
 *
 * Input: articles made by recombining the paragraphs of the five bundled seed articles (seeded
 * shuffle, 4–8 paragraphs each, numbered so every article is distinct), written as seed-format
 * .txt files, as HTML pages built on the test fixture html-polish-news-page (nav, cookie banner,
 * JSON-LD, related links, comments around the body), and as RSS 2.0 feeds of 50 items each.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStages } from '../src/app/stages.ts';
import { ingestBatch } from '../src/ingest/batch.ts';
import { readHtml } from '../src/ingest/html.ts';
import { openStore } from '../src/store/index.ts';
import { formatRate, peakRssMb, type BenchReport, type BenchRow } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEXT_ARTICLES = 3000;
const HTML_PAGES = 1000;
const FEEDS = 20;
const ITEMS_PER_FEED = 50;

function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

function seedParagraphs(): string[] {
  const dir = join(ROOT, 'samples/kim-putin-2023');
  return readdirSync(dir).sort().flatMap((f) =>
    readFileSync(join(dir, f), 'utf8').replace(/^ date \S+ /, '').split(/\n\s*\n/).map((p) => p.trim())
      .filter((p) => p.split(' ').length > 12));
}

function makeArticles(count: number, seed: number): string[][] {
  const paragraphs = seedParagraphs();
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const n = 4 + Math.floor(random() * 5);
    const picked = Array.from({ length: n }, () => paragraphs[Math.floor(random() * paragraphs.length)]);
    return [`Wiadomość numer ${i + 1} z serwisu testowego.`, ...picked];
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeCorpus(dir: string): { text: string; html: string; feeds: string; htmlPages: string[] } {
  const text = join(dir, 'text'), html = join(dir, 'html'), feeds = join(dir, 'feeds');
  for (const d of [text, html, feeds]) mkdirSync(d);
  makeArticles(TEXT_ARTICLES, 1).forEach((paras, i) => {
    writeFileSync(join(text, `${String(i).padStart(5, '0')}.txt`), ` date 2023-09-${String(1 + (i % 28)).padStart(2, '0')} ${paras.join('\n\n')}\n`);
  });
  const template = readFileSync(join(ROOT, 'test/fixtures/ingest/html-polish-news-page/input.html'), 'utf8');
  const body = /(<article[^>]*>)([\s\S]*?)(<\/article>)/;
  const htmlPages = makeArticles(HTML_PAGES, 2).map((paras) =>
    template.replace(body, (_m, open: string, _inner: string, close: string) =>
      `${open}<h1>${escapeXml(paras[0])}</h1>${paras.slice(1).map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}${close}`));
  htmlPages.forEach((page, i) => writeFileSync(join(html, `${String(i).padStart(5, '0')}.html`), page));
  const items = makeArticles(FEEDS * ITEMS_PER_FEED, 3);
  for (let f = 0; f < FEEDS; f++) {
    const entries = items.slice(f * ITEMS_PER_FEED, (f + 1) * ITEMS_PER_FEED).map((paras, i) => `<item>
  <title>${escapeXml(paras[0])}</title><link>https://example.pl/${f}/${i}.html</link>
  <pubDate>Tue, 12 Sep 2023 14:00:00 GMT</pubDate>
  <content:encoded><![CDATA[${paras.slice(1).map((p) => `<p>${escapeXml(p)}</p>`).join('')}]]></content:encoded></item>`);
    writeFileSync(join(feeds, `feed-${f}.xml`), `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Serwis ${f}</title>
<link>https://example.pl/${f}</link>${entries.join('\n')}</channel></rss>`);
  }
  return { text, html, feeds, htmlPages };
}

function folderMb(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 2 ** 20;
}

/** The baseline: what a scraper without extraction does — drop tags, keep every text node. */
function naiveTagStrip(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

export async function run(): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bench-ingest-'));
  try {
    const corpus = writeCorpus(dir);
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    let endToEnd: { articles: number; ms: number } | undefined;
    for (const [name, path] of [['plain text', corpus.text], ['HTML pages', corpus.html], ['RSS feeds', corpus.feeds]] as const) {
      const store = await openStore(join(dir, `${name.replace(/\W/g, '')}.db`));
      const t0 = performance.now();
      const result = await ingestBatch(store, [path]);
      const ms = performance.now() - t0;
      if (result.failed) notes.push(`${name}: ${result.failed} inputs failed (${result.failures[0]?.message})`);
      rows.push({
        name: `${name} → SQLite`,
        figures: {
          articles: String(result.stored + result.unchanged),
          'articles/s': formatRate(result.stored + result.unchanged, ms),
          'MB/s (input)': (folderMb(path) / (ms / 1000)).toFixed(2),
        },
      });
      if (name === 'plain text') {
        const s0 = performance.now();
        await runStages(store);
        const storiesMs = performance.now() - s0;
        rows.push({ name: 'stages of those articles (analyse, index, cluster, alert)', figures: { articles: String(result.stored), 'articles/s': formatRate(result.stored, storiesMs) } });
        endToEnd = { articles: result.stored, ms: ms + storiesMs };
      }
      await store.close();
    }
    if (endToEnd) rows.push({ name: 'end to end: plain text → stories', figures: { articles: String(endToEnd.articles), 'articles/s': formatRate(endToEnd.articles, endToEnd.ms) } });

    const pages = corpus.htmlPages.slice(0, 400);
    const t1 = performance.now();
    for (const page of pages) readHtml(page, { origin: 'bench.html' });
    const readabilityMs = performance.now() - t1;
    const t2 = performance.now();
    for (const page of pages) naiveTagStrip(page);
    const stripMs = performance.now() - t2;
    rows.push({ name: 'HTML extraction: Readability on linkedom', figures: { articles: String(pages.length), 'articles/s': formatRate(pages.length, readabilityMs), 'ms/page': (readabilityMs / pages.length).toFixed(2) } });
    rows.push({ name: 'HTML extraction baseline: naive tag strip', figures: { articles: String(pages.length), 'articles/s': formatRate(pages.length, stripMs), 'ms/page': (stripMs / pages.length).toFixed(3) } });
    notes.push(`Readability extraction costs ${(readabilityMs / stripMs).toFixed(0)}× the naive tag strip (which keeps navigation, cookie banner and comments).`);
    notes.push(`Peak RSS of the whole run: ${peakRssMb().toFixed(0)} MB. Targets (issue 3): ≥ 500 plain-text articles/s, ≥ 150 HTML pages/s.`);
    return {
      suite: 'ingest',
      method: `Files → readers → cleaning → language id → SQLite (chunks of 200, near-duplicate lookup on). ` +
        `${TEXT_ARTICLES} plain-text files, ${HTML_PAGES} HTML pages and ${FEEDS} RSS feeds × ${ITEMS_PER_FEED} items, ` +
        'built by recombining the seed paragraphs (see bench/ingest.ts).',
      rows,
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
