import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/search.ts';
import { runStages } from '../../src/app/stages.ts';
import { openStore } from '../../src/store/index.ts';
import { markHighlights } from '../../src/search/index.ts';
import { seedArticles } from './helpers.ts';

let stderr = '';

/** Runs `kronika search …` through the command's own registration, capturing standard output (and stderr in `stderr`). */
async function runSearch(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  stderr = '';
  const write = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => { out += String(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { stderr += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    await program.parseAsync(['search', ...args], { from: 'user' });
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
  return out;
}

test('markHighlights wraps spans and escapes the text between them', () => {
  assert.equal(markHighlights('Jechał pociągiem.', [{ start: 7, end: 16 }], '[', ']'), 'Jechał [pociągiem].');
  assert.equal(markHighlights('a<b c', [{ start: 4, end: 5 }], '<mark>', '</mark>', (s) => s.replace(/</g, '&lt;')), 'a&lt;b <mark>c</mark>');
});

test('kronika search reads the index the stages keep, says when it lags, and prints JSON hits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-search-cli-'));
  const db = join(dir, 'k.db');
  try {
    const store = await openStore(db);
    await store.articles.save(seedArticles());
    await store.close();
    assert.equal(await runSearch(['wladywostok', '--json', '--db', db]), '', 'a reader does not index');
    assert.match(stderr, /5 stored article\(s\) are not indexed for search yet: `kronika update`/);
    const again = await openStore(db);
    await runStages(again);
    await again.close();
    const lines = (await runSearch(['wladywostok', '--json', '--db', db])).trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.length >= 2);
    assert.ok(lines.every((h) => typeof h.articleId === 'string' && h.sentence.text.length > 0));
    // Every row shows its match, also when the sentence is longer than the column (cut around it).
    const rows = (await runSearch(['wladywostok', '--db', db])).trim().split('\n').slice(1);
    assert.equal(rows.length, lines.length);
    for (const row of rows) assert.match(row, /\[Władywostok/, row);
    const table = await runSearch(['pociąg', '--db', db, '--limit', '1']);
    assert.match(table, /^ID\s+PUBLISHED/);
    assert.match(table, /\[Pociąg\]|\[pociągiem\]/);
    assert.equal(table.trim().split('\n').length, 2, 'header + one row');
    await assert.rejects(runSearch(['x', '--db', db, '--lang', 'de']), /--lang/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
