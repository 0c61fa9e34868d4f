/**
 * The CLI's promises to its users, on the bundled sample: JSON Lines, exit codes (0 ok, 1 some
 * inputs failed, 2 usage, 3 not found) with hints, --limit/--offset on every list, tables that
 * fit 100 columns, alerts only where they belong, and an ingest summary of the whole command.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { printTable } from '../../src/cli/context.ts';
import { kronika, kronikaHere, SAMPLE_DIR, tempDb } from './helpers.ts';

const lines = (s: string) => s.split('\n').filter(Boolean);
const json = (s: string) => lines(s).map((l) => JSON.parse(l));

const db = tempDb();
let storyId = '';
let articleIds: string[] = [];
let ingest: { code: number; stdout: string; stderr: string };

before(async () => {
  // A saved search without a webhook: its alert must not reach ingest's output.
  assert.equal((await kronikaHere(['watch', 'add', 'Wostocznyj', '--db', db])).code, 0);
  ingest = kronika(['ingest', SAMPLE_DIR, '--json', '--db', db]);
  [{ id: storyId }] = json((await kronikaHere(['stories', '--json', '--db', db])).stdout);
  articleIds = json((await kronikaHere(['articles', '--json', '--db', db])).stdout).map((a) => a.id);
});

test('ingest --json prints one JSON line covering the whole command; the alert waits for watch run', async () => {
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.equal(lines(ingest.stdout).length, 1, ingest.stdout);
  const result = JSON.parse(ingest.stdout);
  assert.equal(result.stored, 5);
  assert.deepEqual(Object.keys(result.phasesMs), ['read', 'analyse', 'index', 'cluster', 'alert']);
  const phases = Object.values(result.phasesMs as Record<string, number>).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(phases - result.elapsedMs) <= 5, `phases ${phases} ms add up to the command's ${result.elapsedMs} ms`);
  assert.equal(result.stories.events, 1);
  assert.equal(result.alerts.pending, 1, 'the stdout watch alert is kept for `kronika watch run`');
  assert.match(ingest.stderr, /^alerts: 1 waiting for `kronika watch run`/m);

  const run = await kronikaHere(['watch', 'run', '--db', db]);
  assert.equal(run.code, 0, run.stderr);
  const [alert, ...more] = json(run.stdout);
  assert.equal(more.length, 0);
  assert.equal(alert.story.id, storyId, 'watch run prints the alert, with its story');
});

test('the text summary of ingest is one stdout line with the time of every phase', () => {
  const again = kronika(['ingest', SAMPLE_DIR, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(lines(again.stdout).length, 1);
  // The story counts are the store's totals, and say so: nothing was stored by this run.
  assert.match(again.stdout, /^ingest: 0 stored, 5 already known, 0 near-duplicates, 0 failed; stories in the store: 1 event\(s\), 1 storyline\(s\); /m);
  assert.match(again.stdout, /^ingest: 0 stored, 5 already known, .*; [\d.]+ s in all \(read [\d.]+ s, analyse [\d.]+ s, index [\d.]+ s, cluster [\d.]+ s, alert [\d.]+ s\)$/m);
});

test('report --sentences out of 5–8 is a usage error naming the value, not a clamp', async () => {
  for (const bad of ['20', '4', 'x']) {
    const run = await kronikaHere(['report', storyId, '--sentences', bad, '--db', db]);
    assert.equal(run.code, 2, bad);
    assert.match(run.stderr, new RegExp(`--sentences "${bad}" is out of range: a summary has 5 to 8 sentences`));
    assert.equal(run.stdout, '');
  }
  const five = await kronikaHere(['report', storyId, '--sentences', '5', '--format', 'json', '--db', db]);
  assert.equal(five.code, 0, five.stderr);
  assert.equal(lines(five.stdout).length, 1, 'one JSON line');
  assert.equal(JSON.parse(five.stdout).summary.length, 5);
});

test('a date that is no date is a usage error naming it; a good one filters', async () => {
  for (const [flag, value] of [['--since', '2018-13'], ['--until', '2019-02-30'], ['--since', '18-01']]) {
    const run = await kronikaHere(['search', 'Putin', flag!, value!, '--db', db]);
    assert.equal(run.code, 2, `${flag} ${value}`);
    assert.equal(run.stderr, `kronika: ${flag} "${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD\n`);
  }
  assert.equal((await kronikaHere(['articles', '--since', '2023-00', '--db', db])).code, 2);
  assert.equal((await kronikaHere(['search', 'Putin', '--since', '2023-09', '--until', '2023-08', '--db', db])).code, 2);
  const dated = json((await kronikaHere(['search', 'Putin', '--since', '2023-09', '--json', '--db', db])).stdout);
  const all = json((await kronikaHere(['search', 'Putin', '--json', '--db', db])).stdout);
  assert.ok(dated.length > 0 && dated.length < all.length, `${dated.length} of ${all.length} hits are dated 2023-09 or later`);
});

test('not found exits 3 with a hint; an article id where a story id belongs names its story', async () => {
  const report = await kronikaHere(['report', articleIds[0]!, '--db', db]);
  assert.equal(report.code, 3);
  assert.equal(report.stderr, `kronika: no story with id "${articleIds[0]}": that is an article id; its story is ${storyId} (kronika report ${storyId})\n`);
  const story = await kronikaHere(['story', articleIds[1]!, '--db', db]);
  assert.equal(story.code, 3);
  assert.match(story.stderr, new RegExp(`its story is ${storyId} \\(kronika story ${storyId}\\)`));
  const article = await kronikaHere(['article', storyId, '--db', db]);
  assert.equal(article.code, 3);
  assert.match(article.stderr, new RegExp(`no article with id "${storyId}": that is a story id \\(kronika story ${storyId}\\)`));
  for (const args of [['story', 'ev-0000000000000000'], ['timeline', '--story', 'ev-0000000000000000'], ['article', 'ffffffffffff'], ['watch', 'remove', 'ffffffff']]) {
    const run = await kronikaHere([...args, '--db', db]);
    assert.equal(run.code, 3, args.join(' '));
    assert.equal(lines(run.stderr).length, 1, run.stderr);
  }
  // A real process exits with it too, and the help documents the codes.
  assert.equal(kronika(['report', 'ev-0000000000000000', '--db', db]).code, 3);
  assert.match(kronika(['--help']).stdout, /Exit codes: 0 all good, 1 some inputs failed .*2 usage error .*3 not found/s);
});

test('--limit and --offset page every list; bad values are usage errors', async () => {
  const lists: readonly (readonly string[])[] = [
    ['stories', '--level', 'storyline'], ['entities'], ['timeline'], ['articles'], ['search', 'Putin'], ['mentions'], ['quotes'], ['sentences'],
  ];
  for (const list of lists) {
    const all = lines((await kronikaHere([...list, '--json', '--limit', '100', '--db', db])).stdout);
    assert.ok(all.length >= (list[0] === 'stories' ? 1 : 4), `${list[0]} has records to page (${all.length})`);
    const first = await kronikaHere([...list, '--json', '--limit', '2', '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(lines(first.stdout), all.slice(0, 2), `${list[0]} --limit 2`);
    const next = await kronikaHere([...list, '--json', '--limit', '2', '--offset', '2', '--db', db]);
    assert.deepEqual(lines(next.stdout), all.slice(2, 4), `${list[0]} --limit 2 --offset 2`);
    for (const bad of [['--limit', '0'], ['--limit', 'many'], ['--offset', '-1']]) {
      const run = await kronikaHere([...list, ...bad, '--db', db]);
      assert.equal(run.code, 2, `${list[0]} ${bad.join(' ')}`);
      assert.match(run.stderr, new RegExp(`${bad[0]} "${bad[1]}" is not`));
    }
  }
  const table = await kronikaHere(['entities', '--limit', '3', '--db', db]);
  assert.equal(lines(table.stdout).length, 4, 'a header and three rows');
  assert.match(table.stderr, /^entities 1–3 of \d+; --offset 3 for the next page$/m);
});

test('every table and listing fits 100 columns on the sample', async () => {
  const commands: readonly (readonly string[])[] = [
    ['stories'], ['stories', '--level', 'storyline'], ['story', storyId], ['articles'], ['entities'], ['mentions'], ['quotes'],
    ['timeline'], ['sentences'], ['search', 'Putin'], ['search', 'Kim Dzong Un'], ['watch', 'list'], ['stats'],
  ];
  for (const command of commands) {
    const run = await kronikaHere([...command, '--db', db]);
    assert.equal(run.code, 0, `${command.join(' ')}: ${run.stderr}`);
    const rows = lines(run.stdout);
    assert.ok(rows.length > 0, command.join(' '));
    const widest = Math.max(...rows.map((row) => [...row].length));
    assert.ok(widest <= 100, `${command.join(' ')}: a line of ${widest} columns:\n${rows.find((r) => [...r].length === widest)}`);
  }
});

test('a table of long cells fits 100 columns: the last column is cut first, ids stay whole', () => {
  const id = 'ev-2948489cf639e24d';
  const variants = 'Władimir Putin, Władimira Putina, Władimirowi Putinowi, Putinem, Putina, Putinowi, prezydent Rosji';
  const rows = [['PER', '30', id, 'Władimir Władimirowicz Putin, prezydent Federacji Rosyjskiej', variants], ['LOC', '2', 'ev-1', 'Rosja', 'Rosji']];
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => (out.push(chunk), true)) as typeof process.stdout.write;
  try {
    printTable(['TYPE', 'MENTIONS', 'STORY', 'ENTITY', 'VARIANTS'], rows);
  } finally {
    process.stdout.write = write;
  }
  const table = lines(out.join(''));
  assert.equal(table.length, 3);
  for (const row of table) assert.ok([...row].length <= 100, `${[...row].length}: ${row}`);
  assert.equal([...table[1]!].length, 100, 'the long row uses the whole width');
  assert.ok(table[1]!.includes(id), 'the id column is whole');
  assert.match(table[1]!, /prezydent …  Władimir Putin, Wła…$/, 'the widest column gives way and the last is cut, each with …');
  assert.match(table[2]!, /^LOC\s+2\s+ev-1\s+Rosja\s+Rosji$/, 'short rows are untouched');
});

test('report --format html says how to make its citation links open from a saved file, and --base-url does it', async () => {
  const bare = await kronikaHere(['report', storyId, '--format', 'html', '--db', db]);
  assert.equal(bare.code, 0, bare.stderr);
  assert.match(bare.stdout, /href="\/articles\/[0-9a-f]+\?start=/, 'root-relative citation links');
  assert.match(bare.stderr, /give --base-url http:\/\/127\.0\.0\.1:8080 \(or set KRONIKA_BASE_URL\)/);
  const based = await kronikaHere(['report', storyId, '--format', 'html', '--base-url', 'http://127.0.0.1:8080', '--db', db]);
  assert.equal(based.code, 0, based.stderr);
  assert.match(based.stdout, /<base href="http:\/\/127\.0\.0\.1:8080\/">/);
  assert.doesNotMatch(based.stderr, /--base-url/, 'no note when the links have somewhere to go');
});

test('stats and story of undated articles without an outlet say so in words', async () => {
  const local = tempDb();
  const text = 'Prezydent Sopotu otworzył w poniedziałek nowe molo.\n\nUroczystość zgromadziła kilkuset mieszkańców miasta.\n';
  const stored = kronika(['ingest', '-', '--no-stages', '--db', local], { input: text });
  assert.equal(stored.code, 0, stored.stderr);
  const stats = await kronikaHere(['stats', '--db', local]);
  assert.equal(stats.code, 0, stats.stderr);
  assert.match(stats.stdout, /^published {4}undated$/m);
  assert.match(stats.stdout, /^outlets {6}none named$/m);
  assert.doesNotMatch(stats.stdout, /\? … \?/);
  assert.equal(kronika(['update', '--db', local]).code, 0);
  const [story] = json((await kronikaHere(['stories', '--json', '--db', local])).stdout);
  const shown = await kronikaHere(['story', story.id, '--db', local]);
  assert.match(shown.stdout, /^event ev-[0-9a-f]+ · 1 article \(0 copies\)(, 1 outlet)? · undated$/m);
});
