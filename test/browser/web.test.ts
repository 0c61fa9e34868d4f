/**
 * The web UI in a real browser: story list → story → citation → highlighted passage, search
 * with and without Polish letters, and the story page at phone width. One browser for the file.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startSite, type Site } from './fixture.ts';

let site: Site;
let browser: Browser;

before(async () => {
  site = await startSite();
  browser = await launchChromium();
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

/** Opens the story list and follows the first (largest) story. */
async function openFirstStory(page: Page): Promise<void> {
  await page.goto(`${site.url}/stories`);
  const first = page.locator('ol.results a').first();
  const href = await first.getAttribute('href');
  assert.match(href ?? '', /^\/stories\/(ev|sl)-/, 'the list links to stories');
  await first.click();
  await page.waitForURL(`${site.url}${href}`);
  assert.ok((await page.locator('h1').textContent())?.trim(), 'the story has a headline');
}

test('a summary citation opens the article with exactly the cited passage highlighted', async () => {
  await withPage(undefined, async (page) => {
    await openFirstStory(page);
    const cite = page.locator('#summary a.cite').first();
    assert.equal(await cite.count(), 1, 'the summary has citation links');
    const href = await cite.getAttribute('href');
    const m = /\/articles\/([0-9a-f]+)\?start=(\d+)&end=(\d+)/.exec(href ?? '');
    assert.ok(m, `citation links to a passage: ${href}`);
    const article = await site.store.articles.get(m[1]!);
    assert.ok(article, 'cited article is stored');
    const cited = article.text.slice(Number(m[2]), Number(m[3]));

    await cite.click();
    await page.waitForURL(/\/articles\//);
    const mark = page.locator('mark#passage');
    assert.equal(await mark.count(), 1, 'one highlight');
    assert.equal(await mark.textContent(), cited, 'the highlight holds exactly the cited text');
    assert.ok(cited.length > 20, 'a sentence, not a stray word');
    assert.equal(await mark.isVisible(), true);
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
    }
  });
});

test('the story page fits a phone screen without horizontal scrolling', async () => {
  await withPage({ width: 390, height: 844 }, async (page) => {
    await openFirstStory(page);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    }));
    assert.equal(client, 390);
    assert.ok(scroll <= client, `page is ${scroll}px wide on a ${client}px screen`);
  });
});
