/**
 * The Chromium fallback of chromium.ts, tested for real on every machine: the browser inside the
 * npm package @sparticuz/chromium is unpacked, launched through playwright-core and draws Polish
 * letters (a machine without fonts draws nothing at all, which a page-text check would not see).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { bundledChromium, CHROMIUM_ARGS, chooseChromium, DEBIAN_CHROMIUM, extractTar } from './chromium.ts';

test('KRONIKA_CHROMIUM picks the browser: a path, "bundled", or Debian\'s when present', () => {
  assert.equal(chooseChromium({ KRONIKA_CHROMIUM: process.execPath }).executablePath, process.execPath);
  assert.throws(() => chooseChromium({ KRONIKA_CHROMIUM: '/nonexistent/chrome' }), /KRONIKA_CHROMIUM=\/nonexistent\/chrome: no such file/);
  assert.equal(chooseChromium({ KRONIKA_CHROMIUM: 'bundled' }).source, 'bundled');
  const plain = chooseChromium({});
  assert.equal(plain.source, existsSync(DEBIAN_CHROMIUM) ? 'debian' : 'bundled');
});

test('the bundled Chromium launches under playwright-core and draws Polish letters', async () => {
  const choice = bundledChromium();
  const browser = await chromium.launch({ executablePath: choice.executablePath, env: { ...process.env, ...choice.env }, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    // Ink of each string drawn alone: the ogonek and the stroke are extra ink on the same letters.
    const ink = await page.evaluate((words: string[]) => words.map((word) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 60;
      const context = canvas.getContext('2d')!;
      context.font = '40px sans-serif';
      context.fillText(word, 10, 45);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 128) dark++;
      return dark;
    }), ['ae', 'ąę', 'Lz', 'Łż']);
    const [plain, ogonek, plainL, stroke] = ink as [number, number, number, number];
    assert.ok(plain > 100, `latin letters are drawn (${plain} px)`);
    assert.ok(ogonek > plain, `"ąę" has more ink than "ae" (${ogonek} vs ${plain})`);
    assert.ok(stroke > plainL, `"Łż" has more ink than "Lz" (${stroke} vs ${plainL})`);
  } finally {
    await browser.close();
  }
});

test('the tar reader writes files and folders and refuses paths leaving the target', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-tar-'));
  try {
    extractTar(tar([['fonts/', '5', ''], ['fonts/a.txt', '0', 'zażółć']]), dir);
    assert.equal(readFileSync(join(dir, 'fonts/a.txt'), 'utf8'), 'zażółć');
    assert.throws(() => extractTar(tar([['../evil', '0', 'x']]), dir), /outside the target: \.\.\/evil/);
    assert.throws(() => extractTar(tar([['link', '2', '']]), dir), /type 2 not supported: link/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A ustar archive of [name, type, content] entries, as tar(1) writes them. */
function tar(entries: readonly (readonly [string, string, string])[]): Uint8Array {
  const blocks: Buffer[] = [];
  for (const [name, type, content] of entries) {
    const body = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0, 'latin1');
    header.write('0000644\0', 100, 'latin1');
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write(type, 156, 'latin1');
    header.write('ustar\0', 257, 'latin1');
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}
