/**
 * The web UI in a real browser, on the seed sample: every page at desktop (1366 px) and phone
 * (390 px) width without sideways scrolling and without English in the interface; citation chips
 * open the cited passage; an article links to its story; the story page lists its entities;
 * search with and without Polish letters. One browser for the file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { html, page as pageShell } from '../../src/web/html.ts';
import { citationChips, type ChipSource } from '../../src/web/chips.ts';
import { launchChromium, startSite, type Site } from './fixture.ts';

let site: Site;
let browser: Browser;
let storyPath: string;

const WIDTHS = [{ width: 1366, height: 900 }, { width: 390, height: 844 }] as const;

before(async () => {
  site = await startSite();
  browser = await launchChromium();
  await withPage(undefined, async (page) => {
    await page.goto(`${site.url}/stories`);
    storyPath = (await page.locator('ol.results a').first().getAttribute('href')) ?? '';
  });
  assert.match(storyPath, /^\/stories\/(ev|sl)-/, 'the story list links to stories');
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function withPage(viewport: { width: number; height: number } | undefined, body: (page: Page) => Promise<void>) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  try {
    await body(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Every page a reader can reach, by path. */
async function pages(): Promise<[string, string][]> {
  const [article] = await site.store.articles.list({ limit: 1 });
  const text = article!.text;
  const start = text.indexOf('Kim');
  return [
    ['home', '/'],
    ['story list', '/stories'],
    ['story', storyPath],
    ['article', `/articles/${article!.id}`],
    ['article with a passage', `/articles/${article!.id}?start=${start}&end=${start + 12}#passage`],
    ['search', '/search?q=wladywostok'],
    ['search without results', '/search?q=zzzyyyxxx'],
    ['search without a query', '/search'],
    ['not found', '/articles/0000000000000000'],
    ['bad request', `/articles/${article!.id}?start=5`],
  ];
}

/**
 * The interface's own words: text outside the sources' text (marked with lang) and names (marked
 * translate="no"), as rendered. These English words or ISO dates there are leaks.
 */
const ENGLISH = /\b(the|and|of|articles?|sources?|stor(y|ies)|search|results?|error|not found|invalid|query|parameters?|month|day|year|undated|unknown|copy|more|next|previous|published|author|origin|language|summary|claims?|timeline|quotes?|entities|independent|hedged|confirmed|corroborated|refinement|contradiction|bad request)\b|\b\d{4}-\d{2}\b|\d{2}:\d{2}Z/i;

async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      if (!element || element.closest('[translate="no"]') || element.closest('[lang]') !== document.documentElement) continue;
      out.push(walker.currentNode.textContent ?? '');
    }
    return out.join(' ').replace(/\s+/g, ' ');
  });
}

test('every page fits 1366 px and 390 px without sideways scrolling, with no English in the interface', async () => {
  for (const viewport of WIDTHS) {
    await withPage(viewport, async (page) => {
      for (const [name, path] of await pages()) {
        const response = await page.goto(`${site.url}${path}`);
        assert.ok(response, name);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        }));
        assert.ok(scroll <= client, `${name} at ${viewport.width} px is ${scroll} px wide`);
        const ui = await interfaceText(page);
        assert.ok(ui.length > 20, `${name}: the interface says something`);
        const leak = ENGLISH.exec(ui);
        assert.equal(leak, null, `${name}: English or a raw date in the interface: "${leak?.[0]}" in …${ui.slice(Math.max(0, (leak?.index ?? 0) - 60), (leak?.index ?? 0) + 60)}…`);
        assert.equal(await page.locator('html').getAttribute('lang'), 'pl');
      }
    });
  }
});

test('citation chips in every section open the article with exactly the cited passage highlighted', async () => {
  await withPage(WIDTHS[1], async (page) => {
    await page.goto(`${site.url}${storyPath}`);
    const sections = ['summary', 'claims', 'conflicts', 'timeline', 'quotes'];
    let tried = 0;
    for (const section of sections) {
      const cite = page.locator(`#${section} a.cite`).first();
      if (!(await cite.count())) continue;
      tried++;
      const title = (await cite.getAttribute('title')) ?? '';
      assert.doesNotMatch(title, /\b[0-9a-f]{16}\b/, `${section}: the tooltip names the source, not its id`);
      assert.match(title, /^\d+\. .+ · .+ — .{10,}/, `${section}: number, outlet, date and headline: ${title}`);
      const href = await cite.getAttribute('href');
      const m = /\/articles\/([0-9a-f]+)\?start=(\d+)&end=(\d+)/.exec(href ?? '');
      assert.ok(m, `${section}: the chip links to a passage: ${href}`);
      const cited = (await site.store.articles.get(m[1]!))!.text.slice(Number(m[2]), Number(m[3]));
      await cite.scrollIntoViewIfNeeded();
      await cite.click();
      await page.waitForURL(/\/articles\//);
      const mark = page.locator('mark#passage');
      assert.equal(await mark.count(), 1, `${section}: one highlight`);
      assert.equal(await mark.textContent(), cited, `${section}: the highlight holds exactly the cited text`);
      assert.ok(cited.length > 5, `${section}: the cited text is not a stray character`);
      assert.equal(await mark.isVisible(), true);
      await page.goBack();
    }
    assert.ok(tried >= 3, `chips tried in ${tried} sections`);
  });
});

test('an article links to its story, and the story page lists its people and places', async () => {
  await withPage(WIDTHS[1], async (page) => {
    const [article] = await site.store.articles.list({ limit: 1 });
    await page.goto(`${site.url}/articles/${article!.id}`);
    const link = page.locator('.in-story a');
    assert.equal(await link.count(), 1, 'the article names its story');
    await link.click();
    await page.waitForURL(/\/stories\//);
    const people = await page.locator('#entities a.entity').allTextContents();
    assert.ok(people.some((t) => /Kim Dzong Un/.test(t)), `entities listed: ${people.slice(0, 5).join(', ')}`);
    assert.ok(people.some((t) => /Putin/.test(t)));
    await page.locator('#entities a.entity', { hasText: 'Władywostok' }).first().click();
    await page.waitForURL(/\/search\?q=/);
    assert.ok(await page.locator('ol.results > li').count() >= 2, 'an entity leads to the articles naming it');
  });
});

test('the story page draws its articles over time as an accessible SVG', async () => {
  await withPage(WIDTHS[0], async (page) => {
    await page.goto(`${site.url}${storyPath}`);
    const chart = page.locator('#coverage figure.articles-chart svg[role=img]');
    assert.equal(await chart.count(), 1);
    const label = await chart.getAttribute('aria-labelledby');
    const [titleId, descId] = (label ?? '').split(' ');
    assert.equal(await page.locator(`[id="${titleId}"]`).textContent(), 'Artykuły w czasie');
    assert.match((await page.locator(`[id="${descId}"]`).textContent()) ?? '', /^4 artykuły: wrzesień 2023; najwięcej: wrzesień 2023 \(4\)/);
    assert.match((await page.locator('#coverage').textContent()) ?? '', /1 artykuł bez daty nie jest na wykresie/);
  });
});

test('search finds Władywostoku with and without Polish letters', async () => {
  const withAnchor = (await site.store.articles.list()).filter((a) => a.text.includes('Władywostoku')).map((a) => a.id).sort();
  assert.ok(withAnchor.length >= 2, 'seeds hold the word');
  await withPage(undefined, async (page) => {
    for (const query of ['Władywostok', 'wladywostok']) {
      await page.goto(site.url);
      await page.fill('input[name=q]', query);
      await page.click('form.search button');
      await page.waitForURL(/\/search\?q=/);
      const ids = await page.locator('ol.results > li > a').evaluateAll((links) =>
        links.map((a) => /\/articles\/([0-9a-f]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? ''));
      for (const id of withAnchor) assert.ok(ids.includes(id), `"${query}" finds article ${id}`);
      const marks = await page.locator('ol.results mark').allTextContents();
      assert.ok(marks.some((t) => /^Władywostok/.test(t)), `"${query}" highlights the Polish spelling`);
      const headlines = await page.locator('ol.results > li > a').allTextContents();
      assert.ok(headlines.every((h) => !/[\\/]|\.txt\b/.test(h)), `no file path as a headline: ${headlines.join(' | ')}`);
    }
  });
});

test('twenty chips fold behind "+15" on a phone, wrap, and open without a script', async () => {
  const sources = new Map<string, ChipSource>(Array.from({ length: 20 }, (_, i) => [`a${i}`, { number: i + 1, tooltip: `${i + 1}. Serwis ${i} · wrzesień 2023 — Nagłówek ${i}` }]));
  const citations = [...sources.keys()].reverse().map((article) => ({ article, start: 0, end: 10 }));
  const body = pageShell('Próba', html`<ul class="summary"><li>Zdanie, które cytuje dwadzieścia źródeł naraz.${citationChips(citations, sources)}</li></ul>`);
  await withPage(WIDTHS[1], async (page) => {
    await page.setContent(body);
    assert.deepEqual(await page.locator('a.cite:visible').allTextContents(), ['1', '2', '3', '4', '5'], 'sorted, five shown');
    assert.equal(await page.locator('.more-cites > summary').textContent(), '+15');
    await page.locator('.more-cites > summary').click();
    assert.equal(await page.locator('a.cite:visible').count(), 20, 'all twenty after opening');
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `chips wrap: ${scroll} px on ${client} px`);
  });
});
