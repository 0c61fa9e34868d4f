/**
 * Abuse: hundreds of malformed requests, in-process and over a real socket; afterwards the
 * server must still answer and the stored data must be exactly as before. Every answer must be
 * a client error in the one JSON error shape: a 500 here means an unhandled input.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { startServer } from '../../src/api/server.ts';
import type { Store } from '../../src/store/store.ts';
import { random } from '../store/corpus.ts';
import { postJson, seededApp } from './helpers.ts';

const t = await seededApp();
after(() => t.close());

async function contentHash(store: Store): Promise<string> {
  const hash = createHash('sha256');
  for (const article of await store.articles.after(0, 1000)) hash.update(JSON.stringify(article));
  return hash.digest('hex');
}

const before = { count: await t.store.articles.count(), hash: await contentHash(t.store), indexed: await t.store.search.count() };

const BAD_JSON = [
  '', ' ', '{', '}', '[', '{"text":', '{"text": "a"', "{'text': 'a'}", '{text: "a"}', 'null', 'true', '0', '"text"', '[]',
  '[{"text":"a"}]', '{"text":"a",}', '{"text":"a" "title":"b"}', 'NaN', '{"text": undefined}', '\u0000', '\uFEFF{}',
  '{"text":"\\ud800"}', '{"__proto__":{"text":"x"}}', '{"constructor":{"prototype":{"x":1}}}', '['.repeat(5000),
  '{"a":'.repeat(2000), '{"text":"' + 'x'.repeat(100) + '"' /* unterminated object */, '\xff\xfe', '<xml/>', 'text=abc',
];

const WRONG_SHAPES: unknown[] = [
  {}, { text: 1 }, { text: null }, { text: [] }, { text: {} }, { text: true }, { text: '' }, { text: '   \n\n  ' },
  { text: 'REKLAMA' }, { text: 'Fot. East News' }, { html: 5 }, { html: '' }, { html: '<p>' }, { html: '<html></html>' },
  { url: 5 }, { url: '' }, { url: 'not a url' }, { url: 'ftp://example.pl/a' }, { url: 'file:///etc/passwd' },
  { url: 'javascript:alert(1)' }, { url: 'data:text/html,<p>x</p>' }, { url: 'https://' + 'a'.repeat(3000) + '.pl' },
  { text: 'Ala ma kota.', html: '<p>x</p>' }, { text: 'Ala ma kota.', url: 'https://x.pl', extra: 1 },
  { text: 'Ala ma kota.', published: 'wczoraj' }, { text: 'Ala ma kota.', published: '2023-13-45' },
  { text: 'Ala ma kota.', published: 20230901 }, { text: 'Ala ma kota.', title: 'x'.repeat(2000) },
  { text: 'Ala ma kota.', outlet: '' }, { text: 'Ala ma kota.', title: ['a'] }, { url: 'https://example.pl', html: '<p>x</p>' },
  { id: '../../etc/passwd' }, { __proto__: { text: 'x' } }, { text: 'Ala ma kota.', language: 'pl' },
];

const PATH_TRICKS = [
  '/api/articles/..%2f..%2fetc%2fpasswd', '/api/articles/../../etc/passwd', '/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/api/articles/..', '/api/articles/%2e%2e', '/api/articles/.%00.', '/api/articles/%00', '/api/articles/abc%00def123',
  '/api/articles/' + 'a'.repeat(10_000), '/api/articles/ABCDEF01', '/api/articles/%3Cscript%3E', '/api/articles/*',
  '/api/articles/%25', '/api/articles/%', '/api/articles/zzzzzzzz', '/api/articles/1%27%20OR%20%271%27=%271',
  '/api/articles/..\\..\\windows', '/api/articles/%E2%80%AE123456', '/api/%2e%2e/%2e%2e/etc/passwd', '/api/../etc/passwd',
  '//api/articles', '/api//articles', '/API/ARTICLES', '/api/articles/0000000000000000/extra', '/api/articles/0000000000000000/',
  '/api/stats/..', '/api/search/../../etc/passwd', '/etc/passwd', '/.env', '/api/articles?since=../../etc',
  '/api/stories/..%2f..%2fetc%2fpasswd', '/api/stories/ev-', '/api/stories/ev-../../x', '/api/stories?level=%00',
  '/api/stories?limit=1e9', '/stories/..%2f..%2fetc', '/articles/..%2f..%2fetc%2fpasswd', '/articles/0000000000000000?start=-1&end=5',
  '/search?q=' + 'x'.repeat(2000), '/?offset=-1', '/?lang=xx',
  '/api/entities?article=..%2f..%2f', '/api/entities?type=<script>', '/api/entities?scan=1e9', '/api/entities?scan=-1',
];

const QUERY_TRICKS = [
  'q=' + 'a'.repeat(100_000), 'q=' + '%22'.repeat(3000), 'q=' + encodeURIComponent('a OR'), 'q=' + encodeURIComponent('"unclosed'),
  'q=' + encodeURIComponent('NEAR(a b, 2)'), 'q=*', 'q=%00', 'q=%ff%fe', 'q=' + encodeURIComponent("'; DROP TABLE articles; --"),
  'q=Putin&limit=100000', 'q=Putin&limit=-5', 'q=Putin&limit=1.5', 'q=Putin&offset=-1', 'q=Putin&offset=1e99',
  'q=Putin&lang=xx', 'q=Putin&since=2023-99', 'q=Putin&until=yesterday', 'q=Putin&source=' + 'x'.repeat(500),
  'q=Putin&q=Kim', 'q=Putin&' + Array.from({ length: 500 }, (_, i) => `p${i}=1`).join('&'), 'q', 'q=', 'q=%20%20',
  'q=Putin&unknown=1', 'q[]=Putin', 'q=' + encodeURIComponent('\u202e\u0000\u0007'),
];


const ALPHABET = '{}[]":,\\ab01-.eEnulltrfsąż\u0000\n\t<>/%?&=#*()\'';

/** Mutated request bodies: a valid body with characters dropped, swapped or inserted. */
function fuzzBodies(count: number, next: () => number): string[] {
  const valid = JSON.stringify({ text: 'Kim Dzong Un spotkał się z Putinem.', title: 'x', published: '2023-09' });
  return Array.from({ length: count }, () => {
    const chars = [...valid];
    for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
      const at = Math.floor(next() * chars.length);
      const op = next();
      if (op < 0.4) chars.splice(at, 1);
      else if (op < 0.7) chars.splice(at, 0, ALPHABET[Math.floor(next() * ALPHABET.length)]!);
      else chars[at] = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    }
    return chars.join('');
  });
}

async function send(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await t.app.request(path, init);
  const text = await res.text();
  // Web pages answer errors as HTML pages; reduce those to the same shape for the checks.
  if (/text\/html/.test(res.headers.get('content-type') ?? '')) {
    const message = /<p class="error">([^<]*)<\/p>/.exec(text)?.[1];
    return { status: res.status, body: message ? { error: { code: 'html', message } } : { html: text } };
  }
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

function assertClientError(label: string, res: { status: number; body: any }): void {
  assert.ok(res.status >= 400 && res.status < 500, `${label.slice(0, 120)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
  assert.equal(typeof res.body?.error?.code, 'string', label.slice(0, 120));
  assert.equal(typeof res.body?.error?.message, 'string', label.slice(0, 120));
}

test('hundreds of malformed requests all get JSON client errors', async () => {
  let sent = 0;
  for (const body of BAD_JSON) {
    assertClientError(`bad JSON ${JSON.stringify(body.slice(0, 40))}`, await send('/api/ingest', postJson(body)));
    sent++;
  }
  for (const body of WRONG_SHAPES) {
    assertClientError(`shape ${JSON.stringify(body).slice(0, 60)}`, await send('/api/ingest', postJson(body)));
    sent++;
  }
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
    const init: RequestInit = { method: 'POST', body: '{"text":"Ala ma kota."}', ...(type && { headers: { 'content-type': type } }) };
    assertClientError(`content-type ${type}`, await send('/api/ingest', init));
    sent++;
  }
  // Huge bodies: declared by Content-Length, and streamed without one (chunked).
  const huge = JSON.stringify({ text: 'ż'.repeat(3 * 1024 * 1024) });
  const tooBig = await send('/api/ingest', postJson(huge));
  assert.equal(tooBig.status, 413);
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
      controller.close();
    },
  });
  const streamed = await send('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
  sent += 2;
  // Fuzzed bodies may by chance still be a valid article; then it must be stored and reported
  // as such, never a 5xx. Those go to a separate app so the main store stays untouched.
  const fuzzApp = await seededApp();
  try {
    for (const body of fuzzBodies(120, random(8))) {
      const res = await fuzzApp.app.request('/api/ingest', postJson(body));
      const json = await res.json() as any;
      if (res.status === 200 || res.status === 201) assert.equal(typeof json.id, 'string');
      else assertClientError(`fuzz ${body}`, { status: res.status, body: json });
      sent++;
    }
  } finally {
    await fuzzApp.close();
  }
  for (const path of PATH_TRICKS) {
    assertClientError(`path ${path}`, await send(path));
    sent++;
  }
  for (const query of QUERY_TRICKS) {
    const res = await send(`/api/search?${query}`);
    // Hostile but well-formed queries may legitimately answer 200 (with safe, empty or real hits).
    if (res.status === 200) assert.ok(Array.isArray(res.body.hits), query.slice(0, 80));
    else assertClientError(`search ${query}`, res);
    sent++;
  }
  for (const path of ['/api/articles', '/api/articles/0000000000000000', '/api/search?q=x', '/api/stats', '/api/entities', '/api/ingest', '/health']) {
    for (const method of ['PUT', 'DELETE', 'PATCH', path === '/api/ingest' ? 'GET' : 'POST']) {
      const init: RequestInit = { method, ...(method !== 'GET' && { body: '{}', headers: { 'content-type': 'application/json' } }) };
      assertClientError(`${method} ${path}`, await send(path, init));
      sent++;
    }
  }
  assert.ok(sent >= 200, `sent ${sent}`);
});

test('over a real socket: malformed HTTP, then the server still answers', async () => {
  const server = await startServer(t.app, { port: 0 });
  try {
    const raw = (payload: string) => new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end(payload));
      let data = '';
      socket.on('data', (chunk) => { data += chunk; });
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
      socket.setTimeout(2000, () => socket.destroy());
    });
    const garbage = [
      'GARBAGE\r\n\r\n', 'GET /api/stats HTTP/9.9\r\n\r\n', 'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET /api/search?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
      'POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":',
      'POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      'POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    ];
    for (const payload of garbage) {
      const answer = await raw(payload);
      assert.doesNotMatch(answer, /^HTTP\/1\.1 5\d\d/, `${payload.slice(0, 40)} → ${answer.slice(0, 40)}`);
    }
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${server.url}/api/articles/..%2f..%2f${i}%2fetc%2fpasswd`);
      assert.equal(res.status, 400);
      await res.arrayBuffer();
    }
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    const stats = await (await fetch(`${server.url}/api/stats`)).json() as { articles: number };
    assert.equal(stats.articles, before.count);
  } finally {
    await server.close();
  }
});

test('after the abuse the data is unchanged and search still works', async () => {
  assert.equal(await t.store.articles.count(), before.count);
  assert.equal(await contentHash(t.store), before.hash);
  assert.equal(await t.store.search.count(), before.indexed);
  const res = await send('/api/search?q=W%C5%82adywostok');
  assert.equal(res.status, 200);
  assert.ok(res.body.hits.length > 0);
});
