import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chooseChromium, CHROMIUM_ARGS } from './chromium.ts';
const base = process.argv[2]!;
const pages = process.argv.slice(3);
const choice = chooseChromium();
const browser = await chromium.launch({ executablePath: choice.executablePath, env: { ...process.env, ...choice.env }, args: [...CHROMIUM_ARGS] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'pl-PL' });
for (const spec of pages) {
  const i = spec.indexOf('='); const name = spec.slice(0, i), path = spec.slice(i + 1);
  const page = await ctx.newPage();
  const t = Date.now();
  const res = await page.goto(base + path);
  console.log(name, res?.status(), Date.now() - t, 'ms', await page.title());
  await page.screenshot({ path: `/tmp/walk/shots/${name}.png`, fullPage: false });
  const text = await page.evaluate(() => document.body.innerText);
  writeFileSync(`/tmp/walk/shots/${name}.txt`, text);
  const links = await page.evaluate(() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href')));
  writeFileSync(`/tmp/walk/shots/${name}.links`, links.join('\n'));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 390) console.log(name, 'scrollWidth', wide);
  await page.close();
}
await browser.close();
