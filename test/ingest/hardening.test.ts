/**
 * Bad input gets one clear line naming it and never sinks the rest: digits-only text, folder
 * symlink loops, OPML lists naming broken feeds, charsets that lie.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBatch } from '../../src/ingest/batch.ts';
import { readInputs, type IngestItem } from '../../src/ingest/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { encodePolish } from './encodings.ts';

const TEXT = 'Sejm uchwalił w czwartek ustawę o obronie cywilnej. Za głosowało 420 posłów, przeciw było 12.';

function withDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-hardening-'));
  return run(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function collect(inputs: string[]): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs)) items.push(item);
  return items;
}

const describe = (items: readonly IngestItem[], dir: string) =>
  items.map((i) => `${i.kind} ${i.input.replace(dir, '')}${i.kind === 'document' ? '' : `: ${i.message.replaceAll(dir, '')}`}`);

test('a digits-only .txt is refused, as the API refuses it; the other file is stored', () => withDir(async (dir) => {
  writeFileSync(join(dir, 'a-numbers.txt'), '2023 09 13\n\n12 345 678, 90 %\n');
  writeFileSync(join(dir, 'b-news.txt'), TEXT);
  const store = await openSqliteStore(':memory:');
  try {
    const result = await ingestBatch(store, [dir]);
    assert.equal(result.stored, 1);
    assert.deepEqual(result.failures, [{ input: join(dir, 'a-numbers.txt'), message: 'no words in the text (only digits or punctuation)' }]);
  } finally {
    await store.close();
  }
}));

test('folder symlink loops are not followed: each real folder is read once', () => withDir(async (dir) => {
  mkdirSync(join(dir, 'news', 'pl'), { recursive: true });
  writeFileSync(join(dir, 'news', 'pl', 'a.txt'), TEXT);
  symlinkSync(join(dir, 'news'), join(dir, 'news', 'pl', 'loop')); // a link to an ancestor
  symlinkSync(join(dir, 'news', 'pl'), join(dir, 'news', 'again')); // a second way to the same folder
  const items = await collect([join(dir, 'news')]);
  assert.deepEqual(describe(items, dir), ['document /news/again/a.txt']);
}));

test('an OPML list names itself in the errors of the feeds it lists; a broken OPML is one line', () => withDir(async (dir) => {
  writeFileSync(join(dir, 'feeds.opml'), `<?xml version="1.0"?><opml version="2.0"><body>
    <outline text="Gone" xmlUrl="missing.rss"/><outline text="Bad" xmlUrl="bad.rss"/></body></opml>`);
  writeFileSync(join(dir, 'bad.rss'), '<rss><channel><item><title>x');
  writeFileSync(join(dir, 'broken.opml'), '<opml><body><outline\n text="a"\n');
  const items = await collect([join(dir, 'feeds.opml'), join(dir, 'broken.opml')]);
  const lines = describe(items, dir);
  assert.equal(lines[0], 'error /missing.rss: no such file or folder (listed in /feeds.opml)');
  assert.match(lines[1]!, /^error \/bad\.rss: (malformed|truncated) .* \(listed in \/feeds\.opml\)$/);
  assert.match(lines[2]!, /^error \/broken\.opml: malformed or truncated XML: /);
  for (const item of items) if (item.kind === 'error') assert.ok(!item.message.includes('\n'), 'one line');
}));

test('a charset guessed or overruled is a warning of the batch; the article is stored readable', () => withDir(async (dir) => {
  writeFileSync(join(dir, 'legacy.html'), encodePolish(`<html><body><article><p>Śląskie źródła wysychają, ostrzegają hydrolodzy z Katowic.</p><p>${TEXT}</p></article></body></html>`, 'windows-1250'));
  writeFileSync(join(dir, 'liar.html'), `<html><head><meta charset="iso-8859-2"></head><body><article><p>Zażółć gęślą jaźń w Łodzi.</p><p>${TEXT}</p></article></body></html>`);
  const store = await openSqliteStore(':memory:');
  try {
    const result = await ingestBatch(store, [dir]);
    assert.equal(result.stored, 2);
    assert.deepEqual(result.warnings.map((w) => `${w.input.replace(dir, '')}: ${w.message}`), [
      '/legacy.html: no charset declared and not UTF-8: read as windows-1250',
      '/liar.html: declared iso-8859-2 (meta), but the bytes are UTF-8: read as UTF-8',
    ]);
    const texts = (await store.articles.list()).map((a) => a.text).join('\n');
    assert.match(texts, /Śląskie źródła wysychają/);
    assert.match(texts, /Zażółć gęślą jaźń w Łodzi/);
  } finally {
    await store.close();
  }
}));
