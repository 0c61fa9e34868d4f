import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IngestError } from '../../src/ingest/errors.ts';
import { fetchResource, USER_AGENT, type FetchOptions } from '../../src/ingest/fetch.ts';
import { readInputs, type IngestItem, type IngestOptions } from '../../src/ingest/index.ts';
import { encodePolish } from './encodings.ts';
import { readFixture } from './helpers.ts';

let server: Server;
let base: string;
const userAgents: string[] = [];
const pending = new Set<NodeJS.Timeout>();

before(async () => {
  const page = readFixture('html-polish-news-page', 'input.html');
  server = createServer((req, res) => {
    userAgents.push(req.headers['user-agent'] ?? '');
    const path = req.url ?? '/';
    if (path === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (path === '/moved') res.writeHead(301, { location: '/article' }).end();
    else if (path === '/loop-a') res.writeHead(302, { location: '/loop-b' }).end();
    else if (path === '/loop-b') res.writeHead(302, { location: `${base}/loop-a` }).end();
    else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: `/hop/${n + 1}` }).end();
    } else if (path === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (path === '/broken') res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    else if (path === '/slow') {
      const timer = setTimeout(() => res.end('<p>za późno</p>'), 5000);
      pending.add(timer);
      res.on('close', () => clearTimeout(timer));
    } else if (path === '/big') {
      // No Content-Length: the cap must be enforced while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => {});
      pump();
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end();
    } else if (path === '/latin2') {
      const html = '<html><body><article><p>Śląskie źródła wysychają, ostrzegają hydrolodzy z Katowic.</p><p>Susza trwa od kwietnia.</p></article></body></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-2' }).end(encodePolish(html, 'iso-8859-2'));
    } else if (path === '/feed') {
      const rss = readFixture('feed-summary-only', 'input.rss').replace('ARTICLE_URL', `${base}/article`);
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(rss);
    } else if (path === '/feed-dead-link') {
      const rss = readFixture('feed-summary-only', 'input.rss').replace('ARTICLE_URL', `${base}/missing`);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss);
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const timer of pending) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The test server is on loopback, which the client refuses unless told (src/net/http.ts). */
async function collect(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of readInputs(inputs, { allowPrivate: true, ...options })) items.push(item);
  return items;
}

const fetchLocal = (url: string, options: FetchOptions = {}) => fetchResource(url, { allowPrivate: true, ...options });

async function assertFetchError(path: string, pattern: RegExp, options = {}) {
  await assert.rejects(fetchLocal(`${base}${path}`, options), (error: unknown) => {
    assert.ok(error instanceof IngestError);
    assert.equal(error.input, `${base}${path}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test('200 HTML through readInputs: article text and metadata, honest User-Agent', async () => {
  const items = await collect([`${base}/article`]);
  assert.equal(items.length, 1);
  const item = items[0];
  assert.equal(item.kind, 'document');
  if (item.kind !== 'document') return;
  assert.equal(item.document.format, 'html');
  assert.equal(item.document.title, 'Sejm uchwalił ustawę o obronie cywilnej');
  assert.ok(item.document.text.startsWith('Sejm uchwalił w czwartek ustawę'));
  assert.equal(userAgents.at(-1), USER_AGENT);
});

test('a redirect is followed to the final URL', async () => {
  const resource = await fetchLocal(`${base}/moved`);
  assert.equal(resource.url, `${base}/article`);
  assert.match(resource.contentType ?? '', /text\/html/);
});

test('404 and 500 are clear errors', async () => {
  await assertFetchError('/missing', /^HTTP 404 Not Found$/);
  await assertFetchError('/broken', /^HTTP 500 Internal Server Error$/);
});

test('a slow server times out at the configured limit', async () => {
  await assertFetchError('/slow', /^timed out after 0\.3 s$/, { timeoutMs: 300 });
});

test('redirect loop, too many redirects, redirect to file: are refused', async () => {
  await assertFetchError('/loop-a', /^redirect loop/);
  await assertFetchError('/hop/0', /^too many redirects \(more than 5\)$/);
  await assert.rejects(fetchLocal(`${base}/to-file`), /refusing file: URL/);
});

test('an oversize body is cut off at the cap, declared or streamed', async () => {
  await assertFetchError('/big', /^response is over the 1 MB limit$/, { maxBytes: 1024 * 1024 });
  await assertFetchError('/big-declared', /^response is 50 MB, over the 10 MB limit$/);
});

test('charset in the Content-Type header decodes iso-8859-2', async () => {
  const [item] = await collect([`${base}/latin2`]);
  assert.equal(item.kind === 'document' && item.document.text, 'Śląskie źródła wysychają, ostrzegają hydrolodzy z Katowic.\n\nSusza trwa od kwietnia.');
});

test('ftp: and file: URLs are refused without a request', async () => {
  const before = userAgents.length;
  await assert.rejects(fetchResource('ftp://127.0.0.1/x'), /refusing ftp: URL/);
  await assert.rejects(fetchResource('file:///etc/hostname'), /refusing file: URL/);
  assert.equal(userAgents.length, before);
});

test('fetchLinked: a summary-only feed item is replaced by its page', async () => {
  const plain = await collect([`${base}/feed`]);
  assert.equal(plain.length, 1);
  assert.equal(plain[0].kind === 'document' && plain[0].document.text, 'Pociąg przywódcy Korei Północnej opuścił Pjongjang.');
  const linked = await collect([`${base}/feed`], { fetchLinked: true });
  assert.equal(linked.length, 1);
  const doc = linked[0].kind === 'document' ? linked[0].document : undefined;
  assert.ok(doc?.text.startsWith('Sejm uchwalił w czwartek ustawę'));
  assert.equal(doc?.format, 'feed');
  assert.equal(doc?.outlet, 'Portal Informacyjny', 'the feed names the outlet');
});

test('fetchLinked: a dead item link is one error, the summary is still kept', async () => {
  const items = await collect([`${base}/feed-dead-link`], { fetchLinked: true });
  assert.deepEqual(items.map((i) => (i.kind === 'document' ? i.document.text : `${i.input}: ${i.message}`)), [
    `${base}/missing: HTTP 404 Not Found`,
    'Pociąg przywódcy Korei Północnej opuścił Pjongjang.',
  ]);
});

test('without the opt-in a loopback URL is one error line and the server gets no request', async () => {
  const before = userAgents.length;
  const items: IngestItem[] = [];
  for await (const item of readInputs([`${base}/article`, `${base.replace('127.0.0.1', 'localhost')}/article`])) items.push(item);
  assert.deepEqual(items.map((i) => i.kind), ['error', 'error']);
  assert.equal(items[0].input, `${base}/article`);
  assert.match(items[0].kind === 'error' ? items[0].message : '', /^refused: 127\.0\.0\.1 is a loopback address; .*--allow-private/);
  assert.equal(userAgents.length, before);
});
