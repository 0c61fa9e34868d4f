import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kronika, ROOT, SAMPLE_DIR, tempDb } from './helpers.ts';

const lines = (s: string) => s.split('\n').filter(Boolean);

test('ingest of the sample stores five articles, and a second run is a no-op', () => {
  const db = tempDb();
  const first = kronika(['ingest', SAMPLE_DIR, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^ingest: 5 stored, 0 already known, 0 near-duplicates, 0 failed/m);

  const again = kronika(['ingest', SAMPLE_DIR, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^ingest: 0 stored, 5 already known/m);

  const listed = lines(kronika(['articles', '--json', '--db', db]).stdout).map((l) => JSON.parse(l));
  assert.equal(listed.length, 5);
  const seed001 = listed.find((a) => a.origin.endsWith('001_0c56ce6a609955a6.txt'));
  assert.ok(seed001, 'seed 001 listed with its file path as origin');
  assert.deepEqual(seed001.published, { value: '2023-09', precision: 'month' });
  assert.equal(seed001.language, 'pl');
  assert.doesNotMatch(seed001.text, /REKLAMA/);
  assert.match(seed001.text, /białymi końmi dla Kim Dzong Una i jego najbliższych\.$/);
  const seed000 = listed.find((a) => a.origin.endsWith('000_4ef9714851e140eb.txt'));
  assert.equal(seed000.published, null, 'the undated seed stays undated');
});

test('KRONIKA_DB selects the database when --db is absent', () => {
  const db = tempDb();
  assert.equal(kronika(['ingest', join(SAMPLE_DIR, '002_a31a041b0d5d493a.txt')], { env: { KRONIKA_DB: db } }).code, 0);
  const stats = JSON.parse(kronika(['stats', '--json', '--db', db]).stdout);
  assert.equal(stats.articles, 1);
  assert.deepEqual(stats.byLanguage, { pl: 1 });
});

test('article accepts an id prefix and shows the removed boilerplate', () => {
  const db = tempDb();
  kronika(['ingest', SAMPLE_DIR, '--db', db]);
  const seed003 = lines(kronika(['articles', '--json', '--db', db]).stdout)
    .map((l) => JSON.parse(l))
    .find((a) => a.origin.endsWith('003_5207469bb4f575c4.txt'));
  const shown = kronika(['article', seed003.id.slice(0, 8), '--db', db]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /published\s+2023-09 \(month\)/);
  assert.match(shown.stdout, /\[related\] .*Czytaj też/);
  assert.doesNotMatch(shown.stdout.split('removed (')[0], /Czytaj też/);
});

test('export writes every article as JSON Lines with the documented fields', () => {
  const db = tempDb();
  kronika(['ingest', SAMPLE_DIR, '--db', db]);
  const out = join(mkdtempSync(join(tmpdir(), 'kronika-export-')), 'all.jsonl');
  assert.equal(kronika(['export', '--db', db, '-o', out]).code, 0);
  const records = lines(readFileSync(out, 'utf8')).map((l) => JSON.parse(l));
  assert.equal(records.length, 5);
  for (const field of ['id', 'origin', 'title', 'published', 'language', 'outlet', 'text', 'removed', 'duplicateOf']) {
    assert.ok(field in records[0], `export record has "${field}"`);
  }
});

test('a bad input among good ones: one error line naming it, the rest stored, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-bad-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const db = tempDb();
  const run = kronika(['ingest', SAMPLE_DIR, empty, '--db', db]);
  assert.equal(run.code, 1);
  const errors = lines(run.stderr);
  assert.equal(errors.length, 1, run.stderr);
  assert.ok(errors[0].includes(empty), 'the error names the file');
  assert.match(run.stdout, /5 stored/);
});

test('usage errors exit with 2', () => {
  assert.equal(kronika(['no-such-command']).code, 2);
  assert.equal(kronika(['articles', '--lang', 'xx', '--db', tempDb()]).code, 2);
  assert.equal(kronika(['ingest']).code, 2);
  const help = kronika(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /ingest/);
});

test('stdin "-" is read as one document', () => {
  const db = tempDb();
  const text = readFileSync(join(SAMPLE_DIR, '004_1f69318a9cec8a4d.txt'), 'utf8');
  const run = kronika(['ingest', '-', '--db', db], { input: text });
  assert.equal(run.code, 0, run.stderr);
  const [article] = lines(kronika(['articles', '--json', '--db', db]).stdout).map((l) => JSON.parse(l));
  assert.match(article.text, /^Kreml przekazał w krótkim poniedziałkowym komunikacie/);
  assert.deepEqual(article.published, { value: '2023-09', precision: 'month' });
});

test('the sample forms one event story; story and report find it by id', () => {
  const db = tempDb();
  const ingest = kronika(['ingest', SAMPLE_DIR, '--db', db]);
  assert.match(ingest.stdout, /stories in the store: 1 event\(s\), 1 storyline\(s\)/);
  const stories = lines(kronika(['stories', '--json', '--db', db]).stdout).map((l) => JSON.parse(l));
  assert.equal(stories.length, 1);
  const [story] = stories;
  assert.equal(story.level, 'event');
  assert.equal(story.articles.length, 5);
  assert.ok(story.articles.every((a: { origin: string }) => a.origin.includes('kim-putin-2023')), 'articles carry their origin');

  const shown = JSON.parse(kronika(['story', story.id, '--json', '--db', db]).stdout);
  assert.equal(shown.id, story.id);
  assert.ok(shown.topEntities.some((e: { id: string; name: string }) => e.name === 'Władimir Putin' && e.id), JSON.stringify(shown.topEntities));
  const page = kronika(['story', story.id, '--db', db]).stdout;
  assert.match(page, /^entities: .*Kim Dzong Un.*$/m, 'entities by name, not by key');
  assert.match(page, /undated\s+-\s+Kim Dzong Un jest już w Rosji/, 'each article by its headline (opening words when untitled)');

  const report = JSON.parse(kronika(['report', story.id, '--format', 'json', '--db', db]).stdout);
  assert.ok(report.summary.length >= 5 && report.summary.length <= 8, 'summary of 5–8 sentences');
  for (const sentence of report.summary) assert.ok(sentence.citations.length > 0, `cited: ${sentence.text}`);
  assert.ok(report.conflicts.some((c: { slot: string }) => c.slot === 'place'), 'the meeting-place conflict');

  const timeline = lines(kronika(['timeline', '--story', story.id, '--json', '--db', db]).stdout).map((l) => JSON.parse(l));
  const dated = timeline.filter((t: { value: string }) => t.value).map((t: { value: string }) => t.value);
  assert.deepEqual(dated, [...dated].sort(), 'the story timeline is ordered by date');
  for (const past of ['2011', '2019-04', '2019-06-30', '2023-07']) assert.ok(dated.includes(past), `timeline has ${past}`);
  // The undated seed's "pod koniec lipca" is July of its story's month (2023), not of the last year
  // it mentions ("w 2017 roku"), whether asked by story, for all articles or for that article alone.
  const undated = lines(kronika(['articles', '--json', '--db', db]).stdout).map((l) => JSON.parse(l)).find((a: { published: unknown }) => !a.published);
  for (const scope of [['--story', story.id], [], ['--article', undated.id]]) {
    const values = lines(kronika(['timeline', ...scope, '--json', '--db', db]).stdout).map((l) => JSON.parse(l))
      .filter((t: { article: string }) => t.article === undated.id).map((t: { value: string }) => t.value);
    assert.ok(values.includes('2023-07') && !values.includes('2017-07'), `${scope.join(' ') || 'all'}: ${values.join(', ')}`);
  }

  const rebuilt = lines(kronika(['stories', '--rebuild', '--json', '--db', db]).stdout).map((l) => JSON.parse(l));
  assert.equal(rebuilt.length, 1, 'batch re-clustering agrees with the stream');
  assert.equal(kronika(['report', 'no-such-story', '--db', db]).code, 3, 'not found');
});

test('ingest --no-stages only stores; readers say what waits; update runs the stages; a postgres:// store is refused in one line', () => {
  const db = tempDb();
  const stored = kronika(['ingest', SAMPLE_DIR, '--no-stages', '--db', db]);
  assert.equal(stored.code, 0, stored.stderr);
  assert.doesNotMatch(stored.stdout, /stories:/, 'no clustering ran');
  const before = kronika(['stories', '--json', '--db', db]);
  assert.equal(before.code, 0);
  assert.equal(before.stdout, '', 'a reader does not cluster');
  assert.match(before.stderr, /5 stored article\(s\) are not in stories yet: `kronika update`/);
  const update = kronika(['update', '--db', db]);
  assert.equal(update.code, 0, update.stderr);
  assert.match(update.stderr, /update: analyse 5, index 5, cluster 5, alert 5; stories in the store: 1 event\(s\)/);
  const after = kronika(['stories', '--json', '--db', db]);
  assert.equal(lines(after.stdout).length, 1);
  assert.equal(after.stderr, '', 'nothing waits any more');

  // Nothing listens on port 1: an unreachable PostgreSQL store is one line, and no local folder.
  const pg = kronika(['stories', '--db', 'postgres://kronika@127.0.0.1:1/news']);
  assert.equal(pg.code, 1);
  assert.equal(pg.stderr.trim().split('\n').length, 1, pg.stderr);
  assert.match(pg.stderr, /cannot connect to PostgreSQL/);
  assert.equal(existsSync(join(ROOT, 'postgres:')), false, 'no folder named after the URL');
});
