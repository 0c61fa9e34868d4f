/**
 * The API's own defences (src/api/security.ts, src/api/server.ts): Host names, the token for
 * writes, webhooks and exposed reads, secrets never listed back, SSRF through the API, and one
 * JSON error shape even for requests Node's parser refuses.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveApiToken, type SecurityOptions } from '../../src/api/security.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { runStages } from '../../src/app/stages.ts';
import { readPlainText } from '../../src/ingest/plain-text.ts';
import { startServer as startApi } from '../../src/api/server.ts';
import { getJson, postJson, seededApp, type TestApp } from '../api/helpers.ts';
import { startSecretServer, type TestServer } from '../net/servers.ts';

const TOKEN = 'test-token-0123456789';
const TEXT = 'Prezydent Rosji Władimir Putin spotkał się we Władywostoku z Kim Dzong Unem. Rozmowy trwały cztery godziny.';
const bearer = { authorization: `Bearer ${TOKEN}` };

let secret: TestServer;
before(async () => {
  secret = await startSecretServer();
});
after(() => secret.close());

function app(security: Partial<SecurityOptions> = {}, extra: Parameters<typeof seededApp>[0] = {}): Promise<TestApp> {
  return seededApp({ security: { listenHost: '127.0.0.1', token: TOKEN, ...security }, ...extra });
}

/** A request as a browser or client sends it, with its Host header. */
function request(path: string, host: string, init: RequestInit = {}): Request {
  return new Request(`http://${host}${path}`, { ...init, headers: { host, ...(init.headers as Record<string, string>) } });
}

test('only configured host names are answered (DNS rebinding cannot drive the API)', async () => {
  const t = await app({ publicHosts: ['kronika.example'] });
  try {
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'kronika.example', 'KRONIKA.example.:443']) {
      assert.equal((await t.app.request(request('/api/stats', host))).status, 200, host);
    }
    for (const host of ['attacker.example', 'attacker.example:8080', '127.0.0.1.attacker.example', '10.0.0.5']) {
      const res = await t.app.request(request('/api/stats', host));
      assert.equal(res.status, 403, host);
      const body = await res.json() as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'forbidden');
      assert.match(body.error.message, /--public-host or KRONIKA_HOSTS/);
    }
    const crossOrigin = await t.app.request(request('/api/ingest', 'localhost', postJson({ text: TEXT }, { origin: 'http://attacker.example' })));
    assert.equal(crossOrigin.status, 403, 'a page on another site cannot write');
  } finally {
    await t.close();
  }
});

test('on loopback writes are open, but a watch with a webhook needs the token; its secret is never listed back', async () => {
  const t = await app();
  try {
    assert.equal((await getJson(t.app, '/api/ingest', postJson({ text: TEXT }))).status, 201);
    assert.equal((await getJson(t.app, '/api/watches', postJson({ query: 'Putin' }))).status, 201, 'stdout watch: no token');
    const webhook = 'https://user:pa55@hooks.example/services/T000/B000/XXXXSECRET?key=abc';
    const refused = await t.app.request('/api/watches', postJson({ query: 'Kim', webhook }));
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('www-authenticate') ?? '', /Bearer/);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'unauthorized');
    const wrong = await t.app.request('/api/watches', postJson({ query: 'Kim', webhook }, { authorization: 'Bearer nope' }));
    assert.equal(wrong.status, 401);
    const saved = await getJson(t.app, '/api/watches', postJson({ query: 'Kim', webhook }, bearer));
    assert.equal(saved.status, 201);
    const listed = await t.app.request('/api/watches');
    const text = await listed.text();
    assert.doesNotMatch(text, /SECRET|pa55|user:|key=abc|T000/, 'no part of the secret comes back');
    assert.match(text, /"webhook":"https:\/\/hooks.example\/…"/);
    assert.doesNotMatch(JSON.stringify(saved.body), /SECRET|pa55/);
  } finally {
    await t.close();
  }
});

test('listening beyond loopback: writes and reads need the token, reads can be opened, /health stays open', async () => {
  const t = await app({ listenHost: '0.0.0.0', publicHosts: ['kronika.example'] });
  const open = await app({ listenHost: '0.0.0.0', publicHosts: ['kronika.example'], publicReads: true });
  try {
    const host = 'kronika.example';
    assert.equal((await t.app.request(request('/api/ingest', host, postJson({ text: TEXT })))).status, 401);
    assert.equal((await t.app.request(request('/api/stats', host))).status, 401);
    assert.equal((await t.app.request(request('/', host))).status, 401, 'the web pages too');
    assert.equal((await t.app.request(request('/health', host))).status, 200);
    assert.equal((await t.app.request(request('/api/stats', host, { headers: bearer }))).status, 200);
    const basic = { authorization: `Basic ${Buffer.from(`any:${TOKEN}`).toString('base64')}` };
    assert.equal((await t.app.request(request('/api/stats', host, { headers: basic }))).status, 200, 'browsers log in with Basic');
    assert.equal((await t.app.request(request('/api/ingest', host, postJson({ text: TEXT }, bearer)))).status, 201);
    assert.equal((await open.app.request(request('/api/stats', host))).status, 200, 'reads opened on purpose');
    assert.equal((await open.app.request(request('/api/ingest', host, postJson({ text: TEXT })))).status, 401, 'writes still need it');
  } finally {
    await t.close();
    await open.close();
  }
});

test('POST /api/ingest {url} and webhooks cannot reach internal addresses: the secret server gets nothing', async () => {
  const runs: unknown[] = [];
  const t = await app({}, { alerts: { retry: { attempts: 2, backoffMs: 1, timeoutMs: 2000 }, onRun: (r) => runs.push(r) } });
  try {
    for (const url of [`${secret.base}/`, `http://localhost:${secret.port}/`, `http://2130706433:${secret.port}/`, `http://[::ffff:127.0.0.1]:${secret.port}/`]) {
      const res = await getJson(t.app, '/api/ingest', postJson({ url }));
      assert.equal(res.status, 422, url);
      assert.match(res.body.error.message, /^refused: .* loopback address; .*--allow-private/, url);
    }
    const watch = await getJson(t.app, '/api/watches', postJson({ query: 'Władywostok', webhook: `${secret.base}/hook` }, bearer));
    assert.equal(watch.status, 201);
    assert.equal((await getJson(t.app, '/api/ingest', postJson({ text: `${TEXT} Nowe zdanie o Władywostoku.` }))).status, 201);
    for (let i = 0; i < 200 && runs.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(runs, [{ watches: 1, matched: 1, delivered: 0, failed: 1, pending: 1 }]);
    const listed = await getJson(t.app, '/api/watches');
    assert.match(listed.body.watches[0].lastError, /^refused: 127\.0\.0\.1 is a loopback address/);
    assert.equal(secret.connections(), 0, 'the secret server received nothing');
  } finally {
    await t.close();
  }
});

/** Sends raw bytes to the server and returns the raw answer. */
function raw(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.end(bytes);
  });
}

test('a 100 KB query, oversized headers and raw 0xFF bytes get the JSON error shape, not a bare status', async () => {
  const t = await app();
  const server = await startApi(t.app, { port: 0 });
  try {
    const longQuery = await fetch(`${server.url}/api/search?q=${'a'.repeat(100 * 1024)}`);
    assert.equal(longQuery.status, 400);
    assert.equal(((await longQuery.json()) as { error: { code: string } }).error.code, 'bad_request');

    const huge = await raw(server.port, Buffer.from(`GET /api/search?q=${'a'.repeat(200 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
    assert.match(huge, /^HTTP\/1\.1 431 /);
    assert.deepEqual(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4)).error.code, 'header_too_large');

    const binary = await raw(server.port, Buffer.concat([Buffer.from('GET /'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n')]));
    assert.match(binary, /^HTTP\/1\.1 400 /);
    assert.match(binary, /content-type: application\/json/i);
    assert.deepEqual(JSON.parse(binary.slice(binary.indexOf('\r\n\r\n') + 4)), { error: { code: 'bad_request', message: 'malformed HTTP request' } });
  } finally {
    await server.close();
    await t.close();
  }
});

test('the API token: KRONIKA_TOKEN, else generated once and kept beside the database (0600)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-token-'));
  try {
    const db = join(dir, 'k.db');
    assert.deepEqual(resolveApiToken(db, { KRONIKA_TOKEN: ' from-env ' }), { token: 'from-env', created: false });
    const first = resolveApiToken(db, {});
    assert.equal(first.created, true);
    assert.ok(first.token.length >= 40);
    assert.equal(readFileSync(`${db}.token`, 'utf8').trim(), first.token);
    assert.equal(statSync(`${db}.token`).mode & 0o777, 0o600);
    assert.deepEqual(resolveApiToken(db, {}), { token: first.token, created: false, path: `${db}.token` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('API records show a file name, never the server path an article was read from', async () => {
  const t = await app();
  try {
    const article = toArticle(readPlainText(`${TEXT} Władywostok.`, '/srv/kronika/private/inbox/pap-001.txt'), '2026-01-02T00:00:00Z');
    await t.store.articles.save([article]);
    await runStages(t.store);
    const answers = [
      await t.app.request('/api/articles?limit=100'), await t.app.request(`/api/articles/${article.id}`),
      await t.app.request('/api/search?q=Władywostok'), await t.app.request('/api/stories'),
    ];
    for (const res of answers) {
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.doesNotMatch(text, /\/srv\/kronika/, res.url);
    }
    const one = await getJson(t.app, `/api/articles/${article.id}`);
    assert.equal(one.body.article.origin, 'pap-001.txt');
    const page = await (await t.app.request(`/articles/${article.id}`)).text();
    assert.doesNotMatch(page, /\/srv\/kronika/);
    assert.match(page, /pap-001\.txt/);
  } finally {
    await t.close();
  }
});

test('a digits-only text is refused by the API as by file ingest', async () => {
  const t = await app();
  try {
    const res = await getJson(t.app, '/api/ingest', postJson({ text: '2023 09 13 12 345' }));
    assert.equal(res.status, 422);
  } finally {
    await t.close();
  }
});
