import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html } from '../../src/web/html.ts';
import { seedArticles } from '../search/helpers.ts';
import { postJson, seededApp } from './helpers.ts';

const t = await seededApp();
after(() => t.close());
const seeds = seedArticles();

async function page(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await t.app.request(path);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

test('the html template escapes every value', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(html`<p title="${'"><script>'}">${['<b>', 1]}</p>`.value, '<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;1</p>');
});

test('GET /articles lists the stored articles as an HTML page with a strict CSP', async () => {
  const { status, body, headers } = await page('/articles');
  assert.equal(status, 200);
  assert.match(headers.get('content-type') ?? '', /text\/html/);
  assert.match(headers.get('content-security-policy') ?? '', /default-src 'none'/);
  for (const seed of seeds) assert.ok(body.includes(`href="/articles/${seed.id}"`), seed.id);
  assert.doesNotMatch(body, /<script/i);
});

test('GET /search marks matched words and links to the passage', async () => {
  const { status, body } = await page('/search?q=wladywostok');
  assert.equal(status, 200);
  assert.match(body, /<mark>Władywostoku<\/mark>/);
  const link = /href="\/articles\/([0-9a-f]+)\?start=(\d+)&amp;end=(\d+)#passage"/.exec(body);
  assert.ok(link, 'a result links to its sentence');
  const seed = seeds.find((a) => a.id === link[1])!;
  assert.match(seed.text.slice(Number(link[2]), Number(link[3])), /Władywostok/);
});

test('GET /articles/:id?start=&end= highlights exactly that passage', async () => {
  const seed = seeds.find((a) => a.text.includes('Władywostoku'))!;
  const start = seed.text.indexOf('Władywostoku');
  const { status, body } = await page(`/articles/${seed.id}?start=${start}&end=${start + 12}`);
  assert.equal(status, 200);
  assert.ok(body.includes('<mark class="passage" id="passage">Władywostoku</mark>'));
  const bad = await page(`/articles/${seed.id}?start=5&end=999999`);
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<h1>Błąd 400<\/h1>/);
  assert.equal((await page(`/articles/${seed.id}?start=5`)).status, 400);
  assert.equal((await page('/articles/0000000000000000')).status, 404);
  assert.equal((await page('/articles/..%2f..%2fetc%2fpasswd')).status, 400);
});

test('hostile article text, title and queries are shown escaped, never as markup', async () => {
  const local = await seededApp();
  try {
    const evil = '<script>alert(1)</script>';
    const res = await local.app.request('/api/ingest', postJson({
      text: `Złośliwy tekst ${evil} w artykule o Gdańsku.`, title: `<img src=x onerror=alert(1)>`,
    }));
    const { id } = await res.json() as { id: string };
    for (const path of [`/articles/${id}`, '/', '/articles', `/search?q=${encodeURIComponent('Gdańsk')}`, `/search?q=${encodeURIComponent('"><script>alert(2)</script>')}`]) {
      const body = await (await local.app.request(path)).text();
      assert.doesNotMatch(body, /<script|<img/i, path);
    }
    const article = await (await local.app.request(`/articles/${id}`)).text();
    assert.ok(article.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(article.includes('&lt;img src=x onerror=alert(1)&gt;'));
  } finally {
    await local.close();
  }
});

test('`kronika report --format html` and the web story page are one rendering', async () => {
  const { reportDocument } = await import('../../src/web/routes.ts');
  const { storyReport } = await import('../../src/app/stories.ts');
  const { stories: [story] } = await t.store.stories.list();
  const web = await (await t.app.request(`/stories/${story!.id}`)).text();
  const { report } = await storyReport(t.store, story!);
  // The web page adds what is live (last change, new since the last visit, the feed link) around the same report.
  const live = (html: string) => html.replace(/<aside class="live" id="live">[\s\S]*?<\/aside>/, '').replace(/<link rel="alternate"[^>]*>/, '');
  assert.equal(reportDocument(story!, report), live(web), 'the same document');
  assert.match(web, /<aside class="live" id="live">/);
  const linked = reportDocument(story!, report, 'http://127.0.0.1:8080');
  assert.match(linked, /<head><base href="http:\/\/127\.0\.0\.1:8080\/">/, 'a saved file links to a running server');
});

test('an unknown page is the Polish 404 page; an unknown API path stays a JSON error', async () => {
  for (const path of ['/storie', '/stories/ev-1234567/extra', '/apis']) {
    const { status, body, headers } = await page(path);
    assert.equal(status, 404, path);
    assert.match(headers.get('content-type') ?? '', /text\/html/, path);
    assert.match(body, /<h1>Błąd 404<\/h1>/, path);
    assert.match(body, /href="\/">Wróć do strony głównej/, path);
    assert.match(headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
  }
  for (const path of ['/api/nothing', '/api', '/health/x']) {
    const res = await t.app.request(path);
    assert.equal(res.status, 404, path);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found', path);
  }
});

test('an article id where a story id belongs: the web opens its event, the API says which event it is', async () => {
  const seed = seeds[0]!;
  const own = await t.store.stories.ofArticle(seed.id, 'event');
  assert.ok(own, 'the seed is in an event');
  for (const id of [seed.id, seed.id.slice(0, 8)]) {
    const res = await t.app.request(`/stories/${id}`);
    assert.equal(res.status, 302, id);
    assert.equal(res.headers.get('location'), `/stories/${own.id}`, id);
    const api = await t.app.request(`/api/stories/${id}`);
    assert.equal(api.status, 404, id);
    const { error } = (await api.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, `no story with id "${id}": that is an article id; its story is ${own.id} (/api/stories/${own.id})`);
  }
  // Hex that names nothing stays what it was: a malformed story id.
  assert.equal((await t.app.request('/stories/0000000000000000')).status, 400);
  assert.equal((await t.app.request('/api/stories/0000000000000000')).status, 400);
});

test('an article without an outlet (read from a file) has a meta line that starts at its date, not at a bare dash', async () => {
  const seed = seeds.find((a) => !a.outlet && a.text.includes('Władywostoku'))!;
  assert.ok(seed, 'a seed without an outlet');
  const meta = (body: string) => [...body.matchAll(/class="meta">([^<]*)/g)].map((m) => m[1]!);
  const article = await page(`/articles/${seed.id}`);
  assert.ok(meta(article.body).some((line) => /^(bez daty|\d|[a-ząćęłńóśźż]+ \d{4}) · polski$/.test(line)), meta(article.body).join(' | '));
  const search = await page('/search?q=wladywostok');
  assert.ok(meta(search.body).some((line) => / · \d+ zda(nie|nia|ń) z trafieniem$/.test(line)));
  for (const body of [article.body, search.body]) assert.doesNotMatch(body, /class="meta">— ·/);
});
