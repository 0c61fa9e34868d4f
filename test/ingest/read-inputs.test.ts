import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, sniffFormat, type IngestItem, type IngestOptions } from '../../src/ingest/index.ts';
import { encodePolish } from './encodings.ts';
import { fixture, SEEDS, seedFiles } from './helpers.ts';

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kronika-ingest-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

const errors = (items: IngestItem[]) => items.filter((i) => i.kind === 'error');
const documents = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));

test('a folder: every seed, sorted, as plain text', async () => {
  const items = await collect([SEEDS]);
  assert.deepEqual(items.map((i) => i.input), seedFiles());
  assert.ok(documents(items).every((d) => d.format === 'text'));
});

test('bad inputs: each gives exactly one error line naming it, the rest of the batch still comes out', async () => {
  const binary = join(tmp, 'photo.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const huge = join(tmp, 'huge.html');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024); // sparse: no 50 MB actually written
  const [seed] = seedFiles();
  const inputs = [
    fixture('empty-file', 'input.txt'),
    seed,
    binary,
    join(tmp, 'missing.txt'),
    huge,
    fixture('feed-truncated', 'input.rss'),
    fixture('html-no-article-body', 'input.html'),
    'ftp://example.pl/news.rss',
    'file:///etc/passwd',
    fixture('feed-atom', 'input.atom'),
  ];
  const items = await collect(inputs);
  assert.deepEqual(
    errors(items).map((e) => `${e.input}: ${e.message}`),
    [
      `${fixture('empty-file', 'input.txt')}: empty file`,
      `${binary}: binary file (not text)`,
      `${join(tmp, 'missing.txt')}: no such file or folder`,
      `${huge}: file is 50 MB, over the 10 MB limit`,
      `${fixture('feed-truncated', 'input.rss')}: malformed or truncated XML: CDATA is not closed.`,
      `${fixture('html-no-article-body', 'input.html')}: no article text found in HTML`,
      'ftp://example.pl/news.rss: refusing ftp: URL: only http and https are fetched',
      'file:///etc/passwd: refusing file: URL: only http and https are fetched',
    ],
  );
  assert.deepEqual(documents(items).map((d) => d.origin), [
    seed,
    'https://www.dailyexample.co.uk/news/flood-defences-breached',
    'https://www.dailyexample.co.uk/news/geneva-talks',
  ]);
});

test('jsonl-one-broken-line: errors name file:line, other lines still ingested', async () => {
  const path = fixture('jsonl-one-broken-line', 'input.jsonl');
  const items = await collect([path]);
  assert.deepEqual(items.map((i) => (i.kind === 'document' ? `doc ${i.document.title}` : `${i.kind} ${i.input}`)), [
    'doc Sejm uchwalił ustawę o obronie cywilnej',
    `error ${path}:2`,
    `error ${path}:3`,
    'doc Kim i Putin',
  ]);
  const [broken, empty] = errors(items);
  assert.match(broken.kind === 'error' ? broken.message : '', /^not JSON: /);
  assert.equal(empty.kind === 'error' ? empty.message : '', 'no "text" or "html" field');
  const [sejm] = documents(items);
  assert.deepEqual(sejm.published, { value: '2024-11-21', precision: 'day' });
  assert.equal(sejm.outlet, 'Wiadomości Regionalne');
});

test('opml-feed-list: every listed feed read, the truncated one is one error', async () => {
  const items = await collect([fixture('opml-feed-list', 'input.opml')]);
  assert.equal(documents(items).length, 5);
  assert.deepEqual(errors(items).map((e) => e.input), [fixture('feed-truncated', 'input.rss')]);
});

test('stdin: sniffed as HTML, JSON Lines or plain text', async () => {
  const read = (text: string) => collect(['-'], { stdin: Readable.from([Buffer.from(text)]) });
  const html = await read('<!doctype html><html><body><article><p>Rząd przyjął projekt ustawy budżetowej na przyszły rok. Deficyt ma wynieść 289 mld zł, a wzrost gospodarczy 3,9 proc.</p></article></body></html>');
  assert.equal(documents(html)[0]?.format, 'html');
  const jsonl = await read('{"text":"Ala ma kota."}\n');
  assert.equal(documents(jsonl)[0]?.format, 'jsonl');
  const text = await read(' date 2024-05-01 Święto Pracy.');
  assert.deepEqual(documents(text)[0]?.published, { value: '2024-05-01', precision: 'day' });
});

test('unknown extension: sniffed; windows-1250 page and iso-8859-2 feed decode right', async () => {
  const page = join(tmp, 'artykul.php');
  const sentence = 'Żółte światła na skrzyżowaniu w Łodzi zgasną w środę – poinformował zarząd dróg.';
  writeFileSync(page, encodePolish(`<html><head><meta charset="windows-1250"><title>Łódź</title></head><body><article><p>${sentence}</p><p>Kierowcy muszą uważać na objazdy.</p></article></body></html>`, 'windows-1250'));
  const feed = join(tmp, 'slask.xml');
  writeFileSync(feed, encodePolish(`<?xml version="1.0" encoding="iso-8859-2"?><rss version="2.0"><channel><title>Śląsk Info</title><item><title>Źródła w Beskidach</title><link>https://slask.example.pl/1</link><description>Źródła wysychają, ostrzegają hydrolodzy.</description></item></channel></rss>`, 'iso-8859-2'));
  const [pageDoc, feedDoc] = documents(await collect([page, feed]));
  assert.equal(pageDoc.format, 'html');
  assert.equal(pageDoc.text.split('\n\n')[0], sentence);
  assert.equal(feedDoc.outlet, 'Śląsk Info');
  assert.equal(feedDoc.title, 'Źródła w Beskidach');
  assert.equal(feedDoc.text, 'Źródła wysychają, ostrzegają hydrolodzy.');
});

test('a folder skips dotfiles and files of unknown type', async () => {
  const folder = join(tmp, 'mixed');
  rmSync(folder, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(folder, '.git'), { recursive: true });
  writeFileSync(join(folder, '.hidden.txt'), 'ukryty');
  writeFileSync(join(folder, '.git', 'b.txt'), 'ukryty');
  writeFileSync(join(folder, 'notes.md'), '# notatki');
  copyFileSync(seedFiles()[1], join(folder, 'b.txt'));
  copyFileSync(seedFiles()[2], join(folder, 'a.txt'));
  assert.deepEqual((await collect([folder])).map((i) => i.input), [join(folder, 'a.txt'), join(folder, 'b.txt')]);
});

test('sniffFormat: markup roots, JSON lines and text', () => {
  assert.equal(sniffFormat('\ufeff<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(sniffFormat('<?xml version="1.0"?><opml version="2.0">'), 'opml');
  assert.equal(sniffFormat('<!DOCTYPE html><html><head><link type="application/rss+xml"></head>'), 'html');
  assert.equal(sniffFormat('{"text": "x"}\n{"text": "y"}'), 'jsonl');
  assert.equal(sniffFormat('{ to nie JSON }'), 'text');
});
