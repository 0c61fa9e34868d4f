/**
 * Saves docs/screenshots/story.png: the largest story of the seed sample as a reader sees it
 * (desktop width, full page), and story-phone.png (the first screen at 390×844). Run by hand after changing the web UI, not by `npm test`:
 *   node --import tsx test/browser/screenshot.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startSite } from './fixture.ts';

const OUT = join(import.meta.dirname, '../../docs/screenshots');

const site = await startSite();
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  // Desktop: the whole page; phone: the first screen, what a reader sees on opening the link.
  for (const [name, viewport, fullPage] of [['story', { width: 1200, height: 900 }, true], ['story-phone', { width: 390, height: 844 }, false]] as const) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${site.url}/stories`);
    await page.locator('ol.results a').first().click();
    await page.waitForURL(/\/stories\//);
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
    await page.close();
    process.stdout.write(`saved ${join(OUT, `${name}.png`)}\n`);
  }
} finally {
  await browser.close();
  await site.close();
}
