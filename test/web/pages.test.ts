/**
 * The web pages over the five seed articles (samples/kim-putin-2023), through the app as a
 * browser asks for them: the story home, story lists by level and order, entity pages found by
 * any form of a name, search with filters and story groups, saved searches made by forms, the
 * Atom feeds, the sources page, and "new since your last visit".
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import { runStages } from '../../src/app/stages.ts';
import { findEntity } from '../../src/app/entity-lookup.ts';
import { storyGrowth } from '../../src/app/front-page.ts';
import { seedArticles } from '../search/helpers.ts';
import { seededApp } from '../api/helpers.ts';

const t = await seededApp();
after(() => t.close());
const seeds = seedArticles();

async function page(path: string, init?: RequestInit): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await t.app.request(path, init);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** The page's text as a reader sees it (tags dropped, entities decoded, spaces collapsed). */
function text(body: string): string {
  return body.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString(),
});

test('the home ranks the seed event with its lead, entities, outlets and growth; the article list moved to /articles', async () => {
  const { stories: [event] } = await t.store.stories.list({ level: 'event', sort: 'articles', limit: 1 });
  assert.ok(event && event.articles >= 2, 'the seeds make one multi-article event');
  const { status, body } = await page('/');
  assert.equal(status, 200);
  assert.match(body, /<h1>Najważniejsze wydarzenia<\/h1>/);
  assert.ok(body.includes(`href="/stories/${event.id}"`), 'the event is on the home');
  const shown = text(body);
  assert.match(shown, new RegExp(`${event.articles} artykuł(y|ów)`));
  assert.match(shown, /\+\d+ w ostatniej dobie/, 'the seeds arrived together: the event grew in the last day');
  // Which day: a moment a reader can check, not "liczona od wczoraj".
  assert.match(shown, /Ostatnia doba to 24 godziny do ostatnio dodanego artykułu: od \d{1,2} [a-ząćęłńóśźż]+ \d{4} \d{2}:\d{2} \([^)]+\)\./);
  assert.match(body, /<p class="lead"><span lang="pl">[^<]{20,}<\/span><\/p>/, 'a lead sentence in the article language');
  assert.match(body, /<a class="entity" href="\/entities\/[^"]+" translate="no">[^<]*(Putin|Kim Dzong Un)/);
  const singles = (await t.store.stories.list({ level: 'event' })).stories.filter((s) => s.articles === 1).length;
  if (singles) assert.match(shown, new RegExp(`i ${singles} pojedyncz`), 'single-article events are folded and counted');
  const list = await page('/articles');
  for (const seed of seeds) assert.ok(list.body.includes(`href="/articles/${seed.id}"`), seed.id);
  assert.match(text(list.body), /1–5 z 5/);
});

test('/stories pages events and storylines in every order; an unknown parameter is a Polish 400', async () => {
  for (const query of ['', '?level=storyline', '?sort=articles', '?sort=growth', '?level=storyline&sort=growth', '?lang=pl&offset=0', '?level=&sort=']) {
    const { status, body } = await page(`/stories${query}`);
    assert.equal(status, 200, query);
    assert.match(body, /href="\/stories\/(ev|sl)-[0-9a-f]+/, `${query} lists stories`);
  }
  const storylines = await page('/stories?level=storyline');
  assert.match(storylines.body, /<h1>Wątki<\/h1>/);
  assert.match(text(storylines.body), /\d+ wąt(ek|ki|ków)/);
  const growth = await page('/stories?sort=growth');
  assert.match(growth.body, /<a aria-current="true" href="\/stories\?sort=growth">rosnące<\/a>/);
  const bad = await page('/stories?level=chapter');
  assert.equal(bad.status, 400);
  assert.match(bad.body, /Nieprawidłowy adres/);
  assert.doesNotMatch(bad.body, /invalid/i);
});

test('growth counts the articles that joined each story in the day before the newest arrived', async () => {
  const growth = await storyGrowth(t.store);
  const { stories } = await t.store.stories.list({ level: 'event', limit: 100 });
  assert.equal([...growth.counts.values()].reduce((a, b) => a + b, 0), seeds.length, 'every seed arrived in that day');
  for (const story of stories) assert.equal(growth.counts.get(story.id), story.articles, story.id);
  assert.equal(growth.since, '2025-12-31T00:00:00.000Z');
});

test('a storyline page lists its events as a timeline with charts', async () => {
  const { stories: [storyline] } = await t.store.stories.list({ level: 'storyline', sort: 'articles', limit: 1 });
  const { status, body } = await page(`/stories/${storyline!.id}`);
  assert.equal(status, 200);
  assert.match(body, /<section id="events"><h2>Wydarzenia w czasie<\/h2>/);
  const events = [...body.matchAll(/<ol class="events">([\s\S]*?)<\/ol>/g)][0]![1]!;
  assert.ok((events.match(/href="\/stories\/ev-/g) ?? []).length >= 1, 'its events link to their pages');
  assert.match(events, /<time datetime="2023-09[^"]*">[^<]*2023<\/time>/, 'dated in Polish');
  // The list is as of the moment the page was made (the app's clock, in Warsaw time), not "stan na teraz".
  assert.match(body, / · stan na 2 stycznia 2026 01:00<\/p>/);
  assert.match(body, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/stories\/sl-[^"]+\/feed\.atom">/);
});

test('an entity page is found by any form of the name: "Putinem" and "putin" open Władimir Putin', async () => {
  const profile = await findEntity(t.store, 'Putinem');
  assert.ok(profile, 'found');
  assert.equal(profile.name, 'Władimir Putin');
  assert.equal(profile.type, 'PER');
  assert.ok(profile.forms.includes('Putinem'), `surface forms: ${profile.forms.join(', ')}`);
  assert.equal((await findEntity(t.store, 'putin'))?.key, profile.key, 'lower case, no inflection');
  assert.equal((await findEntity(t.store, profile.key))?.key, profile.key, 'by key');
  const seedsNaming = seeds.filter((a) => /Putin/.test(a.text)).length;
  assert.equal(profile.articles.length, seedsNaming, 'every seed naming him');

  const { status, body } = await page('/entities/Putinem');
  assert.equal(status, 200);
  assert.match(body, /<h1 translate="no">Władimir Putin<\/h1>/);
  assert.match(text(body), /osoba · \d+ wzmian(ka|ki|ek) w \d artykuł(ach|e)/);
  assert.match(body, /<figure class="chart mentions-chart"/, 'mentions over time');
  assert.match(body, /<section id="stories"><h2>Wydarzenia<\/h2>/);
  assert.match(body, /href="\/stories\?entity=[^"]+">Wszystkie wydarzenia/);
  assert.equal((await findEntity(t.store, 'Pieskowa'))?.name, 'Dmitrij Pieskow', 'an inflected surname the texts never use');
  assert.equal((await findEntity(t.store, 'Kim'))?.name, 'Kim Dzong Un', 'a surname alone');
  const kim = await page(`/entities/${encodeURIComponent('Kim Dzong Unem')}`);
  assert.match(kim.body, /<h1 translate="no">Kim Dzong Un<\/h1>/);
  const none = await page('/entities/Zzzyxw');
  assert.equal(none.status, 404);
  assert.match(none.body, /Nie znaleziono/);
});

test('quotes on an entity page are the ones the person said, linked to their passage', async () => {
  const profile = (await findEntity(t.store, 'Kim'))!;
  const body = (await page(`/entities/${encodeURIComponent(profile.key)}`)).body;
  assert.ok(profile.quotes.length >= 1, 'Kim Dzong Un is quoted in the seeds');
  assert.match(body, /<section id="quotes"><h2>Wypowiedzi<\/h2>/);
  for (const { article, quote } of profile.quotes.slice(0, 3)) {
    assert.equal(article.text.slice(quote.start, quote.end).includes(quote.text.slice(0, 20)), true);
    assert.ok(body.includes(`href="/articles/${article.id}?start=${quote.start}&amp;end=${quote.end}#passage"`), 'linked to its passage');
  }
});

test('the story filter takes any form of a name', async () => {
  const withEntity = await page(`/stories?entity=${encodeURIComponent('Putinem')}`);
  assert.equal(withEntity.status, 200);
  assert.match(withEntity.body, /href="\/stories\/ev-/, '"Putinem" finds the stories of Władimir Putin');
  assert.match(text(withEntity.body), /Z udziałem: Władimir Putin/);
  const api = await (await t.app.request(`/api/stories?entity=${encodeURIComponent('Putina')}`)).json() as { total: number };
  assert.ok(api.total >= 1, 'the API filter too');
});

test('search counts, filters and groups hits by event', async () => {
  const { body } = await page('/search?q=Putin');
  const naming = seeds.filter((a) => /Putin/.test(a.text)).length;
  assert.match(text(body), new RegExp(`${naming} artykuł(y|ów) · pogrupowane według wydarzeń`));
  assert.match(body, /<div class="group"><div class="group-head">Wydarzenie: <a href="\/stories\/ev-/);
  assert.match(body, /<select name="lang">/);
  const english = await page('/search?q=Putin&lang=en');
  assert.match(text(english.body), /Nic nie znaleziono/, 'the seeds are Polish');
  const future = await page('/search?q=Putin&since=2030-01-01&until=&source=&lang=');
  assert.equal(future.status, 200, 'empty fields mean "any"');
  assert.match(text(future.body), /Nic nie znaleziono/);
  const bad = await page('/search?q=Putin&since=2023-13');
  assert.equal(bad.status, 400);
});

test('saved searches: a form saves one, its page lists matches and its feed, another form deletes it', async () => {
  const created = await page('/watches', form({ query: 'Władywostok', language: 'pl', source: '' }));
  assert.equal(created.status, 303);
  const location = created.headers.get('location') ?? '';
  assert.match(location, /^\/watches\/[0-9a-f]{8,}$/);
  // Where alerts go, as the server does it: a server no longer prints them to a log.
  const list = await page('/watches');
  assert.match(list.body, /alerty wysyła webhook, a wyszukiwania bez niego czekają na polecenie <code>kronika watch run<\/code>/);
  assert.doesNotMatch(list.body, /dzienniku/);
  const watchPage = await page(location);
  assert.match(watchPage.body, /<h1>Obserwowane: <span translate="no">Władywostok<\/span><\/h1>/);
  const withWord = seeds.filter((a) => a.text.includes('Władywostok'));
  for (const a of withWord) assert.ok(watchPage.body.includes(`href="/articles/${a.id}"`), `lists match ${a.id}`);
  assert.match(watchPage.body, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="${location}/feed\\.atom">`));
  assert.match((await page('/watches')).body, new RegExp(`href="${location}"`));

  const invalid = await page('/watches', form({ query: '   ' }));
  assert.equal(invalid.status, 422);
  assert.match(invalid.body, /Zapytanie musi zawierać co najmniej jedno wyszukiwalne słowo/);
  const sneaky = await page('/watches', form({ query: 'Kim', webhook: 'http://169.254.169.254/' }));
  assert.equal(sneaky.status, 303, 'a webhook field is ignored: forms never save webhooks');
  const sneakyId = sneaky.headers.get('location')!.split('/').pop()!;
  assert.equal((await t.store.watches.get(sneakyId))?.webhook, undefined);

  const removed = await page(`${location}/delete`, { method: 'POST' });
  assert.equal(removed.status, 303);
  assert.equal((await page(location)).status, 404);
});

test('Atom feeds of a story and a watch are well-formed Atom 1.0 with escaped text', async () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const { stories: [story] } = await t.store.stories.list({ level: 'event', sort: 'articles', limit: 1 });
  const res = await t.app.request(`/stories/${story!.id}/feed.atom`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml; charset=utf-8/);
  const xml = await res.text();
  assert.equal(XMLValidator.validate(xml), true);
  const feed = parser.parse(xml).feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id, `urn:kronika:story:${story!.id}`);
  assert.match(feed.updated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const entries = [feed.entry].flat();
  assert.equal(entries.length, story!.articles);
  for (const entry of entries) {
    assert.match(entry.id, /^urn:kronika:article:[0-9a-f]{16}$/);
    assert.ok(entry.title.length > 10);
    assert.match([entry.link].flat()[0]['@href'], /^http:\/\/localhost\/articles\/[0-9a-f]{16}$/);
    assert.match(entry.updated, /^\d{4}-\d{2}-\d{2}T/);
  }

  // Hostile text stays text: ingest an article full of markup, follow it with a watch.
  const local = await seededApp();
  try {
    const evil = 'Gdańsk <script>alert("x")</script> & "cudzysłów" \u0001 ]]> koniec';
    await local.app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `${evil}. Drugie zdanie o Gdańsku.`, title: `<b>Tytuł</b> & ${evil}` }) });
    const made = await local.app.request('/watches', form({ query: 'Gdańsk' }));
    const feedXml = await (await local.app.request(`${made.headers.get('location')}/feed.atom`)).text();
    assert.equal(XMLValidator.validate(feedXml), true, 'still well-formed');
    assert.doesNotMatch(feedXml, /<script|<b>|\u0001/);
    const entry = [parser.parse(feedXml).feed.entry].flat()[0];
    assert.match(entry.title, /^<b>Tytuł<\/b> & Gdańsk <script>/, 'read back as the same text');
  } finally {
    await local.close();
  }
});

test('beyond loopback, a form needs the API token (the browser asks for it as a password)', async () => {
  const store = await openStore(':memory:');
  const app = createApp({ store, log: () => {}, security: { listenHost: '0.0.0.0', token: 'sekret-123', publicReads: true } });
  try {
    const denied = await app.request('http://localhost/watches', form({ query: 'Kim' }));
    assert.equal(denied.status, 401);
    assert.match(denied.headers.get('www-authenticate') ?? '', /Basic realm="kronika"/);
    const basic = `Basic ${Buffer.from('kronika:sekret-123').toString('base64')}`;
    const allowed = await app.request('http://localhost/watches', form({ query: 'Kim' }, { authorization: basic }));
    assert.equal(allowed.status, 303);
    const crossSite = await app.request('http://localhost/watches', form({ query: 'Kim' }, { authorization: basic, origin: 'https://evil.example' }));
    assert.equal(crossSite.status, 403);
  } finally {
    await store.close();
  }
});

test('the sources page shows each followed feed with its outlet and health, read from the same file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-web-sources-'));
  const path = join(dir, 'kronika.db');
  const store = await openStore(path);
  const { sources } = store;
  try {
    const empty = await createApp({ store, log: () => {} }).request('/sources');
    assert.match(await empty.text(), /Kronika nie obserwuje jeszcze żadnego kanału/);
    const ok = await sources.add({ feedUrl: 'https://www.example.pl/rss.xml', title: 'Przykładowy Dziennik', addedAt: '2026-01-01T00:00:00.000Z' });
    const failing = await sources.add({ feedUrl: 'https://zepsuty.example/feed', addedAt: '2026-01-01T00:00:00.000Z' });
    await sources.recordPoll({
      sourceId: failing.id,
      state: { ...failing.state, lastCheckAt: '2026-01-01T10:00:00.000Z', lastErrorAt: '2026-01-01T10:00:00.000Z', consecutiveErrors: 3, failureScore: 3, lastError: 'connect ECONNREFUSED', lastErrorKind: 'connect', nextCheckAt: '2026-01-01T12:00:00.000Z' },
      items: [],
      log: { at: '2026-01-01T10:00:00.000Z', outcome: 'failed', newArticles: 0, error: 'connect ECONNREFUSED', durationMs: 12 },
    });
    const app = createApp({ store, log: () => {}, now: () => new Date('2026-01-01T11:00:00.000Z') });
    const body = await (await app.request('/sources')).text();
    const shown = text(body);
    assert.match(shown, /2 kanały/);
    assert.match(shown, /Przykładowy Dziennik/);
    assert.match(shown, /zepsuty\.example/, 'a source without a title is named by its host');
    assert.match(shown, /3 błędy z rzędu: brak połączenia \(godzinę temu\)/);
    assert.ok(shown.indexOf('zepsuty.example') < shown.indexOf('Przykładowy Dziennik'), 'failing sources first');
    assert.match(shown, /za godzinę/, 'the next check');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a story page says when it last changed and, from the visit cookie, which articles are new', async () => {
  const store = await openStore(':memory:');
  const [first, ...rest] = seedArticles();
  await store.articles.save([first!, ...rest.slice(0, 2)]);
  await runStages(store);
  let now = new Date('2026-01-01T06:00:00.000Z');
  const app = createApp({ store, log: () => {}, now: () => now });
  try {
    const story = (await store.stories.ofArticle(first!.id))!;
    const visit = await app.request(`/stories/${story.id}`);
    const cookie = visit.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^kronika_seen=\\d+; Max-Age=\\d+; Path=/stories/${story.id}; HttpOnly; SameSite=Lax`));
    const firstBody = text(await visit.text());
    assert.match(firstBody, /Ostatnia zmiana: 1 stycznia 2026 01:00 \(6 godzin temu\)/);
    assert.doesNotMatch(firstBody, /ostatniej wizyty/, 'a first visit marks nothing new');

    const later = rest.slice(2).map((a) => ({ ...a, ingestedAt: '2026-01-01T08:00:00.000Z' }));
    await store.articles.save(later);
    await runStages(store);
    now = new Date('2026-01-01T09:00:00.000Z');
    const grown = (await store.stories.get(story.id))!;
    const joined = later.filter((a) => grown.articleIds.includes(a.id));
    const again = text(await (await app.request(`/stories/${story.id}`, { headers: { cookie: cookie.split(';')[0]! } })).text());
    if (joined.length) {
      assert.match(again, new RegExp(`Od Twojej ostatniej wizyty \\(3 godziny temu\\): ${joined.length} now`));
      assert.match(again, /Ostatnia zmiana: 1 stycznia 2026 09:00 \(godzinę temu\)/);
    } else assert.match(again, /Nic nowego od Twojej ostatniej wizyty/);
    const forged = text(await (await app.request(`/stories/${story.id}`, { headers: { cookie: 'kronika_seen=<script>' } })).text());
    assert.doesNotMatch(forged, /ostatniej wizyty/, 'an unreadable cookie counts as no visit');
  } finally {
    await store.close();
  }
});
