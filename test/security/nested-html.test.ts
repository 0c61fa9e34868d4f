/**
 * A page nested thousands deep used to freeze everything (Readability on linkedom is quadratic in
 * depth). Outcomes asserted, not timings: deep pages are flattened or refused before a DOM is
 * built, extraction runs in a worker that is stopped past its time limit, and the server keeps
 * answering while a page is being read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractHtml } from '../../src/ingest/extract.ts';
import { boundHtml, DEFAULT_HTML_BUDGET } from '../../src/ingest/html-budget.ts';
import { IngestError, readInputs, type IngestItem } from '../../src/ingest/index.ts';
import { readHtml } from '../../src/ingest/html.ts';
import { getJson, postJson, seededApp } from '../api/helpers.ts';

const STORY = 'Sejm uchwalił w czwartek ustawę o obronie cywilnej. Za głosowało 420 posłów, przeciw było 12.';

/** The attack page: `depth` nested divs around one paragraph (2,000 deep is 22 KB). */
function nestedPage(depth: number, tag = 'div'): string {
  return `<!doctype html><html><head><title>Ustawa</title></head><body>${`<${tag}>`.repeat(depth)}<p>${STORY}</p>${`</${tag}>`.repeat(depth)}</body></html>`;
}

test('100 deep: read as it is', () => {
  const bounded = boundHtml(nestedPage(100), 'p100.html');
  assert.equal(bounded.flattened, 0);
  assert.equal(readHtml(nestedPage(100), { origin: 'p100.html' }).text, STORY);
});

test('2,000 deep: flattened to the depth budget and extracted, text intact', () => {
  const bounded = boundHtml(nestedPage(2000), 'p2000.html');
  assert.ok(bounded.depth > 2000);
  assert.ok(bounded.flattened > 1800, `${bounded.flattened} tags dropped`);
  assert.equal(readHtml(nestedPage(2000), { origin: 'p2000.html' }).text, STORY);
  // Unclosed inline tags (old sites) nest just as deep: flattened the same way.
  assert.equal(readHtml(nestedPage(2000, 'font').replace(/<\/font>/g, ''), { origin: 'fonts.html' }).text, STORY);
});

test('100,000 deep: refused in one line naming the page, before any DOM is built', () => {
  assert.throws(() => readHtml(nestedPage(100_000), { origin: 'p100000.html' }), (error: unknown) => {
    assert.ok(error instanceof IngestError);
    assert.equal(error.input, 'p100000.html');
    assert.equal(error.message, `HTML has more than ${DEFAULT_HTML_BUDGET.maxElements.toLocaleString('en')} elements: refused`);
    return true;
  });
});

test('a dropped deep <script> does not turn into page text', () => {
  const html = `<html><body>${'<div>'.repeat(200)}<script>var secret = 1;</script><p>${STORY}</p></body></html>`;
  assert.doesNotMatch(boundHtml(html, 'a.html').html, /secret/);
});

test('"<"-only and element-less HTML is a clear error, not a TypeError', () => {
  for (const html of ['<', '<<<<<<<<', '<a', '< >']) {
    assert.throws(() => readHtml(html, { origin: 'lt.html' }), (error: unknown) =>
      error instanceof IngestError && error.input === 'lt.html' && error.message === 'no HTML elements found (not a web page)');
  }
});

test('extraction past its time limit is stopped and refused; the next page is read by a fresh worker', async () => {
  // Inside the budget, but slow enough (a few hundred ms) to outlast a 20 ms limit on any machine.
  const slow = `<html><body>${'<div>'.repeat(DEFAULT_HTML_BUDGET.maxDepth - 4)}${`<p>${STORY}</p>`.repeat(400)}</body></html>`;
  await assert.rejects(extractHtml(slow, { origin: 'https://example.pl/slow' }, { timeoutMs: 20 }), (error: unknown) => {
    assert.ok(error instanceof IngestError);
    assert.equal(error.input, 'https://example.pl/slow');
    assert.equal(error.message, 'HTML extraction took longer than 0.02 s: refused');
    return true;
  });
  assert.equal((await extractHtml(nestedPage(10), { origin: 'ok.html' })).text, STORY);
});

test('a 1,000-file batch with a 100,000-deep page: every other file read, that page one error line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-nested-'));
  try {
    for (let i = 0; i < 1000; i++) {
      const name = String(i).padStart(4, '0');
      if (i === 500) writeFileSync(join(dir, `${name}.html`), nestedPage(100_000));
      else if (i % 100 === 0) writeFileSync(join(dir, `${name}.html`), nestedPage(20).replace('420', String(i)));
      else writeFileSync(join(dir, `${name}.txt`), `Artykuł numer ${i}. ${STORY}`);
    }
    const items: IngestItem[] = [];
    for await (const item of readInputs([dir])) items.push(item);
    const errors = items.filter((i) => i.kind === 'error');
    assert.equal(items.length, 1000);
    assert.deepEqual(errors.map((e) => `${e.input}: ${e.kind === 'error' ? e.message : ''}`), [
      `${join(dir, '0500.html')}: HTML has more than 50,000 elements: refused`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the server answers /health while a slow page is being extracted', async () => {
  const t = await seededApp();
  try {
    const order: string[] = [];
    const slow = `<html><body>${'<div>'.repeat(DEFAULT_HTML_BUDGET.maxDepth - 4)}${`<p>${STORY}</p>`.repeat(400)}</body></html>`;
    const ingest = getJson(t.app, '/api/ingest', postJson({ html: slow })).then((r) => (order.push('ingest'), r));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const health = await t.app.request('/health');
    order.push('health');
    assert.equal(health.status, 200);
    const stored = await ingest;
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    assert.deepEqual(order, ['health', 'ingest'], 'health did not wait for the extraction');
  } finally {
    await t.close();
  }
});
