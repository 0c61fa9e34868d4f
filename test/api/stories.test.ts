import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { seedArticles } from '../search/helpers.ts';
import { getJson, postJson, seededApp } from './helpers.ts';

const t = await seededApp();
after(() => t.close());
const seeds = seedArticles();

test('GET /api/stories groups the five seeds into one event', async () => {
  const { status, body } = await getJson(t.app, '/api/stories');
  assert.equal(status, 200);
  assert.equal(body.level, 'event');
  const [top] = body.stories;
  assert.ok(top, 'at least one story');
  assert.equal(top.articleCount, seeds.length, `stories: ${body.stories.map((s: any) => s.articleCount).join(', ')}`);
  assert.deepEqual([...top.articleIds].sort(), seeds.map((a) => a.id).sort());
  assert.deepEqual(top.articles.map((a: any) => a.id), top.articleIds, 'the same record as `kronika stories --json`: articles with their origins');
  assert.ok(top.articles.every((a: any) => a.origin), 'articles carry their origin');
  const storylines = await getJson(t.app, '/api/stories?level=storyline');
  assert.equal(storylines.status, 200);
  assert.ok(storylines.body.stories.length >= 1);
});

test('GET /api/stories/:id returns the report with citations into the articles', async () => {
  const list = await getJson(t.app, '/api/stories');
  const id = list.body.stories[0].id;
  const { status, body } = await getJson(t.app, `/api/stories/${id}`);
  assert.equal(status, 200);
  assert.equal(body.story.id, id);
  assert.ok(body.report.summary.length > 0, 'a summary');
  for (const sentence of body.report.summary) {
    for (const c of sentence.citations) {
      const article = seeds.find((a) => a.id === c.article);
      assert.ok(article, `cited article ${c.article} is in the story`);
      assert.ok(c.start >= 0 && c.end <= article.text.length && c.start < c.end);
    }
  }
});

test('stories catch up with articles ingested later; bad and unknown ids are 400/404', async () => {
  const local = await seededApp();
  try {
    const before = (await getJson(local.app, '/api/stories')).body.total;
    const text = 'Rada Miasta Krakowa przyjęła w czwartek budżet na przyszły rok. Radni głosowali do późnej nocy.\n\n'
      + 'Najwięcej pieniędzy trafi na komunikację miejską i remonty szkół, poinformował prezydent miasta.';
    const res = await getJson(local.app, '/api/ingest', postJson({ text, published: '2024-12-12', outlet: 'Kraków24' }));
    assert.equal(res.status, 201);
    const after = await getJson(local.app, '/api/stories');
    assert.equal(after.body.total, before + 1, 'an unrelated article opens its own story');
    assert.equal((await getJson(local.app, '/api/stories/..%2fetc')).status, 400);
    assert.equal((await getJson(local.app, '/api/stories/ev-0000000000000000')).status, 404);
    assert.equal((await getJson(local.app, '/api/stories?level=chapter')).status, 400);
  } finally {
    await local.close();
  }
});

test('web: /stories lists the event and /stories/:id links every citation to its passage', async () => {
  const list = await t.app.request('/stories');
  assert.equal(list.status, 200);
  const listHtml = await list.text();
  const id = /href="\/stories\/((?:ev|sl)-[0-9a-f-]+)"/.exec(listHtml)?.[1];
  assert.ok(id, 'a story link');
  const res = await t.app.request(`/stories/${id}`);
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.match(body, /<h2>Podsumowanie<\/h2>/);
  const links = [...body.matchAll(/href="\/articles\/([0-9a-f]+)\?start=(\d+)&amp;end=(\d+)#passage"/g)];
  assert.ok(links.length > 0, 'citations link to passages');
  for (const [, article, start, end] of links) {
    const seed = seeds.find((a) => a.id === article);
    assert.ok(seed && Number(end) <= seed.text.length && Number(start) < Number(end));
  }
  assert.doesNotMatch(body, /<script/i);
  assert.equal((await t.app.request('/stories/ev-0000000000000000')).status, 404);
});

test('GET /api/stories filters by date, language, entity (any spelling) and text', async () => {
  const count = async (query: string) => {
    const { status, body } = await getJson(t.app, `/api/stories?${query}`);
    assert.equal(status, 200, `${query}: ${JSON.stringify(body)}`);
    return body.total as number;
  };
  assert.equal(await count('since=2023-09'), 1);
  assert.equal(await count('until=2022'), 0, 'the story is from 2023');
  assert.equal(await count('lang=pl'), 1);
  assert.equal(await count('lang=en'), 0);
  assert.equal(await count(`entity=${encodeURIComponent('Władimir Putin')}`), 1);
  assert.equal(await count(`entity=${encodeURIComponent('Vladimir Putin')}`), 1, 'English spelling finds the Polish entity');
  assert.equal(await count(`entity=${encodeURIComponent('Angela Merkel')}`), 0);
  assert.equal(await count('q=wladywostok'), 1, 'accent-free, inflected text match');
  assert.equal(await count('q=brexit'), 0);
  assert.equal((await getJson(t.app, '/api/stories?since=wczoraj')).status, 400);
});

test('one word, one number: only the story page says "niezależne źródła", with the report\'s origin count; lists count articles and copies', async () => {
  const id = (await getJson(t.app, '/api/stories')).body.stories[0].id;
  const { body } = await getJson(t.app, `/api/stories/${id}`);
  const origins = body.report.counts.independentSources;
  const page = await (await t.app.request(`/stories/${id}`)).text();
  const said = [...page.matchAll(/(\d+) niezależn/g)].map((m) => Number(m[1]));
  assert.deepEqual([...new Set(said)], [origins], 'the page\'s "niezależne źródła" is the report\'s count');
  for (const path of ['/', '/stories']) {
    const list = await (await t.app.request(path)).text();
    assert.ok(list.includes(`/stories/${id}`), `${path} lists the story`);
    assert.doesNotMatch(list, /\d+ niezależn/, `${path} names no count "niezależne źródła"`);
    assert.match(list, new RegExp(`${body.story.articleCount} artykuł`), `${path} counts the story's articles`);
  }
});
