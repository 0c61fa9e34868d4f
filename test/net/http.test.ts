import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { allowPrivateFromEnv, httpRequest, NetError, userAgent, USER_AGENT, type HttpRequest } from '../../src/net/http.ts';
import { startServer, type TestServer } from './servers.ts';

let server: TestServer;
const ETAG = '"v1"';
/** 16 MB of zeros: 16 KB gzipped, a few hundred bytes in brotli. */
const ZEROS = Buffer.alloc(16 * 1024 * 1024);
const GZIP_BOMB = zlib.gzipSync(ZEROS);
const BR_BOMB = zlib.brotliCompressSync(ZEROS);

before(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed') {
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304, { etag: ETAG }).end();
      return void res.writeHead(200, { etag: ETAG, 'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT', 'content-type': 'application/rss+xml' }).end('<rss/>');
    }
    if (path === '/echo') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, headers: req.headers, body })));
      return;
    }
    if (path === '/moved') return void res.writeHead(301, { location: '/echo' }).end();
    if (path === '/see-other') return void res.writeHead(303, { location: '/echo' }).end();
    if (path === '/temporary') return void res.writeHead(307, { location: '/echo' }).end();
    if (path === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end();
    if (path === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end();
    if (path.startsWith('/hop/')) return void res.writeHead(302, { location: `/hop/${Number(path.slice(5)) + 1}` }).end();
    if (path === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/to-other-origin') return void res.writeHead(302, { location: `http://other.kronika.test:${server.port}/echo` }).end();
    if (path === '/gzip-bomb') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(GZIP_BOMB);
    if (path === '/br-bomb') return void res.writeHead(200, { 'content-encoding': 'br' }).end(BR_BOMB);
    if (path === '/gzip') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('Źródło: PAP'));
    if (path === '/deflate') return void res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync('Źródło: PAP'));
    if (path === '/br') return void res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync('Źródło: PAP'));
    if (path === '/bad-gzip') return void res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all');
    if (path === '/compress') return void res.writeHead(200, { 'content-encoding': 'compress' }).end('x');
    if (path === '/declared-huge') return void res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end();
    if (path === '/slow') return; // never answers: the request timeout must end it
    if (path === '/missing') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});

after(() => server.close());

/** Loopback is internal: these tests reach their own server by opting in, as a user would. */
const get = (path: string, extra: Partial<HttpRequest> = {}) => httpRequest({ url: `${server.base}${path}`, allowPrivate: true, ...extra });
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

async function rejectsWith(promise: Promise<unknown>, kind: NetError['kind'], pattern: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof NetError, String(error));
    assert.equal(error.kind, kind, error.message);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes('\n'), 'one line');
    return true;
  });
}

test('sends the Kronika User-Agent and names the contact URL from KRONIKA_CONTACT_URL', async () => {
  const response = await get('/echo');
  const echoed = JSON.parse(text(response.bytes));
  assert.equal(echoed.headers['user-agent'], USER_AGENT);
  assert.match(USER_AGENT, /^Kronika\/\d+\.\d+\.\d+ \(\+/);
  assert.equal(userAgent('https://newsroom.example/bot'), USER_AGENT.replace(/\(\+.*\)$/, '(+https://newsroom.example/bot)'));
  assert.doesNotMatch(userAgent('javascript:alert(1)\r\nX-Evil: 1'), /javascript|\r|\n/, 'only http(s)/mailto contacts, never a header injection');
});

test('conditional headers pass through; 304 is returned with its headers, not thrown', async () => {
  const first = await get('/feed');
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('etag'), ETAG);
  assert.equal(first.headers.get('last-modified'), 'Tue, 01 Oct 2024 10:00:00 GMT');
  const second = await get('/feed', { headers: { 'If-None-Match': first.headers.get('etag')! } });
  assert.equal(second.status, 304);
  assert.equal(second.bytes.byteLength, 0);
  const missing = await get('/missing');
  assert.equal(missing.status, 404, 'error statuses are returned for the caller to judge');
  assert.equal(text(missing.bytes), 'gone');
});

test('redirects are followed and listed; POST becomes GET after 303, stays POST after 307', async () => {
  const moved = await get('/moved');
  assert.equal(moved.url, `${server.base}/echo`);
  assert.deepEqual(moved.redirects, [`${server.base}/echo`]);
  const post = { method: 'POST' as const, body: '{"a":1}', headers: { 'content-type': 'application/json' } };
  const seeOther = JSON.parse(text((await get('/see-other', post)).bytes));
  assert.equal(seeOther.method, 'GET');
  assert.equal(seeOther.body, '');
  const temporary = JSON.parse(text((await get('/temporary', post)).bytes));
  assert.equal(temporary.method, 'POST');
  assert.equal(temporary.body, '{"a":1}');
});

test('credentials do not follow a redirect to another origin', async () => {
  const lookup = async () => ['127.0.0.1'];
  const response = await get('/to-other-origin', { headers: { authorization: 'Bearer s3cret', cookie: 'a=b' }, lookup });
  assert.equal(response.url, `http://other.kronika.test:${server.port}/echo`);
  const echoed = JSON.parse(text(response.bytes));
  assert.equal(echoed.headers.authorization, undefined);
  assert.equal(echoed.headers.cookie, undefined);
});

test('redirect loops, too many hops and non-http(s) targets are refused', async () => {
  await rejectsWith(get('/loop-a'), 'too-many-redirects', /redirect loop/);
  await rejectsWith(get('/hop/0'), 'too-many-redirects', /more than 5/);
  await rejectsWith(get('/hop/0', { maxRedirects: 0 }), 'too-many-redirects', /more than 0/);
  await rejectsWith(get('/to-file'), 'bad-url', /refusing file: URL in redirect/);
  for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'gopher://127.0.0.1:6379/_INFO', 'data:text/html,x', 'not a url']) {
    await rejectsWith(httpRequest({ url, allowPrivate: true }), 'bad-url', /refusing|not a valid URL/);
  }
});

test('gzip, deflate and brotli bodies are decoded', async () => {
  for (const path of ['/gzip', '/deflate', '/br']) assert.equal(text((await get(path)).bytes), 'Źródło: PAP', path);
  await rejectsWith(get('/bad-gzip'), 'protocol', /broken gzip body/);
  await rejectsWith(get('/compress'), 'protocol', /unsupported content coding "compress"/);
});

test('compression bombs stop at the decoded-size cap', async () => {
  await rejectsWith(get('/gzip-bomb', { maxBytes: 1024 * 1024 }), 'too-large', /over the 1 MB limit/);
  await rejectsWith(get('/br-bomb', { maxBytes: 1024 * 1024 }), 'too-large', /over the 1 MB limit/);
  await rejectsWith(get('/declared-huge'), 'too-large', /50 MB, over the 10 MB limit/);
});

test('one timeout covers the whole request; a caller can abort', async () => {
  await rejectsWith(get('/slow', { timeoutMs: 100 }), 'timeout', /timed out after 0.1 s/);
  const controller = new AbortController();
  const pending = get('/slow', { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await rejectsWith(pending, 'timeout', /aborted/);
});

test('the socket connects to the address that was checked: the name is resolved once per hop', async () => {
  const asked: string[] = [];
  // No real resolver knows this name: if node looked it up again itself, the request would fail.
  const lookup = async (hostname: string) => (asked.push(hostname), ['127.0.0.1']);
  const response = await httpRequest({ url: `http://rebinding.kronika.test:${server.port}/echo`, allowPrivate: true, lookup });
  assert.equal(response.status, 200);
  assert.equal(JSON.parse(text(response.bytes)).headers.host, `rebinding.kronika.test:${server.port}`, 'Host stays the name');
  assert.deepEqual(asked, ['rebinding.kronika.test']);
});

test('HEAD returns headers only; connection failures are one-line connect errors', async () => {
  const head = await get('/feed', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.bytes.byteLength, 0);
  const closed = await startServer(() => {});
  const url = `${closed.base}/`;
  await closed.close();
  await rejectsWith(httpRequest({ url, allowPrivate: true }), 'connect', /ECONNREFUSED/);
  await rejectsWith(httpRequest({ url: 'http://nowhere.invalid/', lookup: async () => { throw Object.assign(new Error('x'), { code: 'ENOTFOUND' }); } }), 'dns', /cannot resolve nowhere.invalid \(ENOTFOUND\)/);
});

test('KRONIKA_ALLOW_PRIVATE=1 is the opt-in from the environment', () => {
  assert.equal(allowPrivateFromEnv({}), false);
  assert.equal(allowPrivateFromEnv({ KRONIKA_ALLOW_PRIVATE: '1' }), true);
  assert.equal(allowPrivateFromEnv({ KRONIKA_ALLOW_PRIVATE: 'true' }), true);
  assert.equal(allowPrivateFromEnv({ KRONIKA_ALLOW_PRIVATE: '0' }), false);
});
