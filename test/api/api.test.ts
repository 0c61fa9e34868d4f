import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appStages, createApp } from '../../src/api/app.ts';
import { API_PATHS } from '../../src/api/openapi.ts';
import { openStore } from '../../src/store/index.ts';
import { seedArticles } from '../search/helpers.ts';
import { getJson, postJson, seededApp } from './helpers.ts';

const t = await seededApp();
after(() => t.close());
const seeds = seedArticles();

test('GET /health answers ok', async () => {
  const { status, body } = await getJson(t.app, '/health');
  assert.equal(status, 200);
  assert.deepEqual(body, { status: 'ok' });
});

test('GET /api/articles lists the seeds with excerpts and filters by language and date', async () => {
  const all = await getJson(t.app, '/api/articles');
  assert.equal(all.status, 200);
  assert.deepEqual(all.body.articles.map((a: any) => a.id).sort(), seeds.map((a) => a.id).sort());
  assert.ok(all.body.articles[0].excerpt.startsWith(seeds[0]!.text.slice(0, 20)));
  assert.equal('text' in all.body.articles[0], false, 'listings carry excerpts, not whole texts');
  assert.equal((await getJson(t.app, '/api/articles?lang=en')).body.articles.length, 0);
  const dated = seeds.filter((a) => a.published).length;
  assert.equal((await getJson(t.app, '/api/articles?since=2023-09')).body.articles.length, dated);
  assert.equal((await getJson(t.app, '/api/articles?limit=2&offset=1')).body.articles.length, 2);
});

test('GET /api/articles rejects bad and unknown parameters with 400', async () => {
  for (const query of ['lang=de', 'limit=0', 'limit=abc', 'since=wczoraj', 'lnag=pl', 'lang=pl&lang=en']) {
    const { status, body } = await getJson(t.app, `/api/articles?${query}`);
    assert.equal(status, 400, query);
    assert.equal(body.error.code, 'bad_request', query);
  }
});

test('GET /api/articles/:id returns clean text and mention offsets that point at the names', async () => {
  const seed = seeds.find((a) => a.text.includes('Władimirem Putinem'))!;
  const { status, body } = await getJson(t.app, `/api/articles/${seed.id}`);
  assert.equal(status, 200);
  assert.equal(body.article.text, seed.text);
  assert.equal(body.article.published?.value ?? null, seed.published?.value ?? null);
  const { sentences, mentions } = body.analysis;
  assert.ok(sentences.length > 3);
  for (const s of sentences) assert.equal(seed.text.slice(s.start, s.end).trim(), seed.text.slice(s.start, s.end));
  const putin = mentions.find((m: any) => m.text === 'Władimirem Putinem');
  assert.ok(putin, 'mention of Władimirem Putinem');
  assert.equal(seed.text.slice(putin.start, putin.end), 'Władimirem Putinem');
  assert.equal(putin.type, 'PER');
});

test('GET /api/articles/:id accepts a unique prefix and can skip the analysis', async () => {
  const seed = seeds[1]!;
  const { status, body } = await getJson(t.app, `/api/articles/${seed.id.slice(0, 8)}?analysis=0`);
  assert.equal(status, 200);
  assert.equal(body.article.id, seed.id);
  assert.equal(body.analysis, null);
});

test('GET /api/articles/:id: 404 for an unknown id, 400 for a malformed one', async () => {
  const missing = await getJson(t.app, '/api/articles/0000000000000000');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not_found');
  for (const id of ['..%2f..%2fetc%2fpasswd', 'ABCDEF123456', 'abc', '%00', "1'%20OR%201=1"]) {
    const bad = await getJson(t.app, `/api/articles/${id}`);
    assert.equal(bad.status, 400, id);
    assert.equal(bad.body.error.code, 'bad_request', id);
  }
});

test('GET /api/search finds inflected and accent-free forms with highlight offsets', async () => {
  const { status, body } = await getJson(t.app, `/api/search?q=${encodeURIComponent('wladywostok')}`);
  assert.equal(status, 200);
  assert.equal(body.query, 'wladywostok');
  const words = body.hits.flatMap((h: any) => h.highlights.map((s: any) => h.sentence.text.slice(s.start, s.end)));
  assert.ok(words.includes('Władywostoku'), words.join(', '));
  const empty = await getJson(t.app, '/api/search?q=');
  assert.equal(empty.status, 400);
  const long = await getJson(t.app, `/api/search?q=${'a'.repeat(1001)}`);
  assert.equal(long.status, 400);
});

test('GET /api/entities groups mentions across articles, most mentioned first', async () => {
  const { status, body } = await getJson(t.app, '/api/entities?type=PER');
  assert.equal(status, 200);
  assert.equal(body.scanned, seeds.length);
  const kim = body.entities.find((e: any) => /Kim Dzong Un/.test(e.base));
  assert.ok(kim, body.entities.map((e: any) => e.base).join(', '));
  assert.ok(kim.articles.length >= 4, 'Kim is in nearly every seed');
  assert.ok(body.entities.every((e: any) => e.type === 'PER'));
  const one = await getJson(t.app, `/api/entities?article=${seeds[0]!.id}`);
  assert.equal(one.body.scanned, 1);
});

test('GET /api/stats counts stored and indexed articles', async () => {
  const { status, body } = await getJson(t.app, '/api/stats');
  assert.equal(status, 200);
  assert.equal(body.articles, seeds.length);
  assert.equal(body.searchIndexed, seeds.length);
  assert.equal(body.byLanguage.pl, seeds.length);
});

test('POST /api/ingest stores text, indexes it for search, places it in a story, and is idempotent', async () => {
  const local = await seededApp();
  try {
    const text = 'Premier ogłosił w Gdańsku budowę nowego portu kontenerowego.\n\nInwestycja ma kosztować 2 mld zł.';
    const first = await getJson(local.app, '/api/ingest', postJson({ text, title: 'Nowy port', published: '2024-03-05', outlet: 'Trójmiasto' }));
    assert.equal(first.status, 201);
    assert.equal(first.body.status, 'stored');
    assert.equal(first.body.indexed, true);
    assert.match(first.body.story?.id ?? '', /^ev-/, 'the answer names the event it joined');
    assert.equal(first.body.article.title, 'Nowy port');
    assert.deepEqual(first.body.article.published, { value: '2024-03-05', precision: 'day' });
    const again = await getJson(local.app, '/api/ingest', postJson({ text }));
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'unchanged');
    assert.equal(again.body.id, first.body.id);
    const found = await getJson(local.app, '/api/search?q=gdansk&source=tr%C3%B3jmiasto');
    assert.deepEqual(found.body.hits.map((h: any) => h.articleId), [first.body.id]);
    assert.equal(await local.store.articles.count(), seeds.length + 1);
  } finally {
    await local.close();
  }
});

test('POST /api/ingest reads HTML and fetched URLs through the ingest readers', async () => {
  const page = '<!doctype html><html><head><title>Szczyt w Brukseli</title></head><body><article><h1>Szczyt w Brukseli</h1>'
    + '<p>Przywódcy państw Unii Europejskiej spotkali się w czwartek w Brukseli, aby rozmawiać o budżecie na kolejne lata.</p>'
    + '<p>Rozmowy mają potrwać do późnej nocy, a porozumienie wciąż nie jest pewne, twierdzą dyplomaci.</p></article></body></html>';
  const fetched: string[] = [];
  const local = await seededApp({
    fetchUrl: async (url) => {
      fetched.push(url);
      return { url, contentType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(page) };
    },
  });
  try {
    const fromHtml = await getJson(local.app, '/api/ingest', postJson({ html: page }));
    assert.equal(fromHtml.status, 201);
    assert.match(fromHtml.body.article.excerpt, /Przywódcy państw Unii/);
    const fromUrl = await getJson(local.app, '/api/ingest', postJson({ url: 'https://example.pl/szczyt' }));
    assert.deepEqual(fetched, ['https://example.pl/szczyt']);
    assert.equal(fromUrl.body.id, fromHtml.body.id, 'same text, same id');
    assert.equal(fromUrl.body.status, 'unchanged');
    const file = await getJson(local.app, '/api/ingest', postJson({ url: 'file:///etc/passwd' }));
    assert.equal(file.status, 422);
    assert.deepEqual(fetched, ['https://example.pl/szczyt'], 'file: URLs are never fetched');
  } finally {
    await local.close();
  }
});

test('POST /api/ingest error statuses: 415, 400, 422, 413', async () => {
  const cases: [RequestInit, number, string][] = [
    [{ method: 'POST', body: '{"text":"x"}', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
    [postJson('{"text": '), 400, 'bad_request'],
    [postJson({ text: 5 }), 422, 'unprocessable'],
    [postJson({ text: 'Ala ma kota.', extra: true }), 422, 'unprocessable'],
    [postJson({}), 422, 'unprocessable'],
    [postJson({ text: 'Ala ma kota.', published: 'wczoraj' }), 422, 'unprocessable'],
    [postJson({ text: 'REKLAMA' }), 422, 'unprocessable'],
    [postJson({ text: 'a'.repeat(5 * 1024 * 1024) }), 413, 'payload_too_large'],
  ];
  for (const [init, status, code] of cases) {
    const res = await getJson(t.app, '/api/ingest', init);
    assert.equal(res.status, status, `${String(init.body).slice(0, 40)} → ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, code);
  }
  assert.equal(await t.store.articles.count(), seeds.length);
});

test('wrong methods get 405 with Allow, unknown routes 404, both as JSON errors', async () => {
  const wrong = await getJson(t.app, '/api/search?q=x', { method: 'DELETE' });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET');
  assert.equal(wrong.body.error.code, 'method_not_allowed');
  const get = await getJson(t.app, '/api/ingest');
  assert.equal(get.status, 405);
  const missing = await getJson(t.app, '/api/nothing');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not_found');
});

test('unexpected errors become a 500 JSON body without internals, and are logged', async () => {
  const logged: unknown[] = [];
  const local = await seededApp({ log: (e) => logged.push(e) });
  const broken = Object.create(local.store.analyses) as typeof local.store.analyses;
  broken.getMany = () => Promise.reject(new Error('SQLITE secret path /var/x'));
  const app = createApp({ store: { ...local.store, analyses: broken }, log: (e) => logged.push(e) });
  try {
    const res = await getJson(app, `/api/articles/${seeds[0]!.id}`);
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { error: { code: 'internal', message: 'internal server error' } });
    assert.equal(logged.length, 1);
  } finally {
    await local.close();
  }
});

test('a request over the time limit answers 503 timeout', async () => {
  const local = await seededApp({ requestTimeoutMs: 20, fetchUrl: () => new Promise(() => {}) });
  try {
    const res = await getJson(local.app, '/api/ingest', postJson({ url: 'https://example.pl/slow' }));
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'timeout');
  } finally {
    await local.close();
  }
});

test('/openapi.json lists every route the app serves', async () => {
  const { status, body } = await getJson(t.app, '/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  for (const [path, methods] of Object.entries(API_PATHS)) {
    for (const method of methods) assert.ok(body.paths[path]?.[method], `${method} ${path}`);
  }
  // Routes registered in src/api/app.ts must all be in API_PATHS.
  const source = readFileSync(new URL('../../src/api/app.ts', import.meta.url), 'utf8');
  for (const m of source.matchAll(/app\.(?:route|get)\('([^']+)'/g)) {
    const mounted = m[1]!;
    assert.ok(Object.keys(API_PATHS).some((p) => p === mounted || p.startsWith(`${mounted}/`)), mounted);
  }
  assert.ok(body.paths['/api/ingest'].post.requestBody.content['application/json'].schema.anyOf.length === 3);
});

test('GET /api/articles/:id returns the stored analysis: quote and status offsets from src/analysis', async () => {
  const seed = seeds.find((a) => /\n\n[-–] /.test(a.text) || /„[^”]+”/.test(a.text)) ?? seeds[0]!;
  const { status, body } = await getJson(t.app, `/api/articles/${seed.id}`);
  assert.equal(status, 200);
  const { sentences, statuses, quotes } = body.analysis;
  assert.equal(statuses.length, sentences.length, 'one status per sentence');
  assert.ok(quotes.length > 0, 'the seed has quotes');
  for (const q of quotes) {
    assert.ok(q.start >= 0 && q.end <= seed.text.length && q.start < q.end);
    // A quote's offsets cover its text (verbatim quotes exactly; reported clauses contain it).
    assert.ok(seed.text.slice(q.start, q.end).includes(q.text.slice(0, 20)), q.text);
  }
});

test('a serving process indexes and clusters articles another process stored (readers never do it themselves)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-api-'));
  const path = join(dir, 'k.db');
  const served = await openStore(path);
  const other = await openStore(path);
  const local = await seededApp({ store: served });
  let polling: { stop(): Promise<void> } | undefined;
  try {
    const [first] = await other.articles.save([{ ...seeds[0]!, id: 'abcdef0123456789', text: 'Burmistrz Sopotu otworzył nowe molo.', fingerprint: undefined }]);
    assert.equal(first!.status, 'stored');
    for (const path of ['/api/search?q=molo', '/api/stories', '/api/articles/abcdef0123456789', '/api/entities', '/api/stats', '/stories', '/search?q=molo']) {
      assert.equal((await local.app.request(path)).status, 200, path);
    }
    assert.deepEqual((await getJson(local.app, '/api/search?q=molo')).body.hits, [], 'GET handlers do not index');
    assert.deepEqual((await getJson(local.app, '/api/stats')).body.stageLag, { analyse: 1, index: 1, cluster: 1, alert: 1 }, 'nor run any stage');
    polling = appStages(served, {}, () => {}).poll(20);
    let hits: string[] = [];
    for (let i = 0; i < 250 && hits.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      hits = (await getJson(local.app, '/api/search?q=molo')).body.hits.map((h: any) => h.articleId);
    }
    assert.deepEqual(hits, ['abcdef0123456789'], 'indexed by the background stages');
    assert.equal((await getJson(local.app, '/api/stats')).body.searchIndexed, seeds.length + 1);
  } finally {
    await polling?.stop();
    await other.close();
    await local.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('POST /api/ingest {url} of a feed stores its items, detected as `kronika ingest <url>` detects it', async () => {
  const feed = readFileSync(new URL('../fixtures/ingest/feed-rss2-content-encoded/input.rss', import.meta.url));
  const local = await seededApp({
    // Served as text/html, as many servers do: the content decides, not the label.
    fetchUrl: async (url) => ({ url, contentType: 'text/html', bytes: new Uint8Array(feed) }),
  });
  try {
    const res = await getJson(local.app, '/api/ingest', postJson({ url: 'https://news.example/feed' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.ok(res.body.items.length >= 2, 'every item of the feed');
    for (const item of res.body.items) {
      assert.equal(item.status, 'stored');
      assert.equal(item.indexed, true);
      assert.notEqual(item.article.origin, 'https://news.example/feed', 'items keep their own links, not the feed URL as one page');
    }
  } finally {
    await local.close();
  }
});

test('/openapi.json is generated from the record schemas the CLI prints with', async () => {
  const { body } = await getJson(t.app, '/openapi.json');
  for (const record of ['Article', 'ArticleSummary', 'Story', 'Entity', 'Analysis', 'SearchHit', 'Watch', 'StoryReport', 'Error']) {
    assert.ok(body.components.schemas[record], `component ${record}`);
  }
  const list = body.paths['/api/stories'].get;
  assert.deepEqual(list.responses['200'].content['application/json'].schema.properties.stories.items, { $ref: '#/components/schemas/Story' });
  assert.ok(list.parameters.some((p: any) => p.name === 'entity' && p.in === 'query' && p.description), 'query parameters from the zod query schema');
  assert.ok(!JSON.stringify(body).includes('$defs'), 'every shared shape is a component');
});
