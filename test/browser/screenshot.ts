/**
 * Saves docs/screenshots/<page>-<width>.png for the web UI on the seed sample: the story page,
 * an article opened from a citation, search results and the article list, each at desktop
 * (1366 px, the whole page for the story, the first screen otherwise) and phone width (390 px,
 * the first screen: what a reader sees on opening the link). README.md shows them. Run by hand
 * after changing the web UI, not by `npm test`:
 *   node --import tsx test/browser/screenshot.ts
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startSite } from './fixture.ts';

const OUT = join(import.meta.dirname, '../../docs/screenshots');

const site = await startSite();
const browser = await launchChromium();

/** Each shot: how to reach the page from the story list, as a reader would. */
const SHOTS: readonly { name: string; open: (page: Page) => Promise<void>; fullPageOnDesktop?: boolean }[] = [
  {
    name: 'story',
    fullPageOnDesktop: true,
    open: async (page) => {
      await page.goto(`${site.url}/stories`);
      await page.locator('ol.results a').first().click();
      await page.waitForURL(/\/stories\//);
    },
  },
  {
    name: 'article',
    open: async (page) => {
      await page.goto(`${site.url}/stories`);
      await page.locator('ol.results a').first().click();
      await page.locator('#summary a.cite').first().click();
      await page.waitForURL(/\/articles\//);
    },
  },
  { name: 'search', open: async (page) => void (await page.goto(`${site.url}/search?q=wladywostok`)) },
  { name: 'home', open: async (page) => void (await page.goto(`${site.url}/`)) },
];

try {
  mkdirSync(OUT, { recursive: true });
  for (const old of readdirSync(OUT).filter((f) => f.endsWith('.png'))) rmSync(join(OUT, old));
  for (const shot of SHOTS) {
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await shot.open(page);
      const path = join(OUT, `${shot.name}-${viewport.width}.png`);
      await page.screenshot({ path, fullPage: viewport.width > 390 && shot.fullPageOnDesktop === true });
      await context.close();
      process.stdout.write(`saved ${path}\n`);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
