/**
 * Hostile titles and URLs from a feed or JSON Lines, all the way to the terminal, the Markdown
 * and HTML reports and the web pages: no escape sequence reaches a terminal, no javascript:,
 * data: or vbscript: address becomes a live link.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.ts';
import { readFeed } from '../../src/ingest/feed.ts';
import { readJsonl } from '../../src/ingest/jsonl.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import { terminalCell, terminalSafe } from '../../src/text/terminal.ts';
import { articlePage } from '../../src/web/pages.ts';
import { runInProcess } from './helpers.ts';

/** Recolour, retitle the window, write the clipboard (OSC 52), clear the screen, 8-bit CSI, reset. */
const HOSTILE_TITLE = 'Szczyt\x1b[31m w Moskwie\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x1b\\\x1b[2J\u009b1m\x1bc\u202e koniec';
const HOSTILE_URLS = ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', ' javascript:alert(1)'];
const TEXT = 'Prezydent Rosji Władimir Putin spotkał się w Moskwie z przywódcą Korei Północnej Kim Dzong Unem. Rozmowy trwały cztery godziny.';
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let db: string;

/** The CLI on the test database. */
const cli = (args: readonly string[]) => runInProcess([...args, '--db', db]);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kronika-output-'));
  db = join(dir, 'k.db');
  const lines = HOSTILE_URLS.slice(0, 2).map((url, i) =>
    JSON.stringify({ title: `${HOSTILE_TITLE} ${i}`, text: `${TEXT} Wersja ${i}: ${HOSTILE_TITLE}.`, url, source: `Outlet\x1b[5m${i}`, published: '2023-09-13' }));
  writeFileSync(join(dir, 'hostile.jsonl'), lines.join('\n') + '\n');
  const ingest = await cli(['ingest', join(dir, 'hostile.jsonl')]);
  assert.equal(ingest.code, 0, ingest.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('terminalSafe removes escape sequences whole and marks other control characters', () => {
  assert.equal(terminalSafe(HOSTILE_TITLE), 'Szczyt w Moskwie koniec');
  assert.equal(terminalSafe('a\x00b\x7fc\u0085d'), 'a\ufffdb\ufffdc\ufffdd');
  assert.equal(terminalSafe('Łódź,\t„cytat”\n— Kim'), 'Łódź,\t„cytat”\n— Kim', 'text, tabs and newlines stay');
  assert.equal(terminalCell('dwie\nlinie'), 'dwie linie');
});

test('articles, article, stories, story, report and search print no control characters', async () => {
  const articles = await cli(['articles']);
  assert.match(articles.stdout, /Szczyt w Moskwie koniec/);
  const id = /^([0-9a-f]{16})\s/m.exec(articles.stdout)![1]!;
  const stories = await cli(['stories']);
  const storyId = /^((?:ev|sl)-[0-9a-f]+)\s/m.exec(stories.stdout)![1]!;
  const runs = {
    articles, stories,
    article: await cli(['article', id]),
    story: await cli(['story', storyId]),
    report: await cli(['report', storyId]),
    search: await cli(['search', 'Moskwie']),
    entities: await cli(['entities', '--article', id]),
  };
  for (const [command, run] of Object.entries(runs)) {
    assert.equal(run.code, 0, `${command}: ${run.stderr}`);
    assert.ok(run.stdout.length > 0, command);
    assert.doesNotMatch(run.stdout, CONTROL, `${command} printed a control character`);
  }
  assert.match(runs.article.stdout, /title {8}Szczyt w Moskwie koniec/);
  assert.match(runs.report.stdout, /^# /);
});

test('ingest drops non-web article URLs from JSON Lines and feed <link>s', () => {
  const jsonl = HOSTILE_URLS.map((url) => JSON.stringify({ text: TEXT, url })).join('\n');
  for (const item of readJsonl(jsonl, 'a.jsonl')) {
    assert.equal(item.kind, 'document');
    if (item.kind === 'document') assert.equal(item.document.url, undefined, item.document.origin);
  }
  const items = HOSTILE_URLS.map((url) => `<item><title>T</title><link>${url.replace(/</g, '&lt;')}</link><description>${TEXT}</description></item>`);
  const feed = readFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items.join('')}</channel></rss>`, 'f.rss');
  assert.deepEqual(feed.items.map((i) => i.document.url), HOSTILE_URLS.map(() => undefined));
  assert.ok(feed.items.every((i) => i.document.origin.startsWith('f.rss#')));
});

test('web pages and the HTML report link only http(s) addresses', async () => {
  const store = await openSqliteStore(db);
  try {
    const [stored] = await store.articles.list({ limit: 1 });
    // An address stored before ingest refused such URLs (or by another tool) is shown, never linked.
    for (const url of HOSTILE_URLS) {
      const page = articlePage({ ...stored!, url });
      assert.doesNotMatch(page, /href="\s*(javascript|data|vbscript):/i, url);
      assert.match(page, /<p class="meta">/);
    }
    assert.match(articlePage({ ...stored!, url: 'https://example.pl/a' }), /<a href="https:\/\/example.pl\/a"/);
    const app = createApp({ store, log: () => {} });
    const list = await (await app.request('/stories')).text();
    const storyPath = /href="(\/stories\/[^"]+)"/.exec(list)![1]!;
    for (const path of ['/', `/articles/${stored!.id}`, storyPath]) {
      const body = await (await app.request(path)).text();
      assert.doesNotMatch(body, /href="\s*(javascript|data|vbscript):/i, path);
    }
  } finally {
    await store.close();
  }
  const report = await cli(['report', (/^((?:ev|sl)-[0-9a-f]+)\s/m.exec((await cli(['stories'])).stdout))![1]!, '--format', 'html']);
  assert.doesNotMatch(report.stdout, /href="\s*(javascript|data|vbscript):/i);
  assert.doesNotMatch(report.stdout, /<script/i);
});
