/**
 * The labelling helper's phrase check (eval/lib/synthesis-show.ts with a label file): every phrase
 * the labels name is located as the eval locates it, and a phrase that is not in its file is named
 * with the file and the run exits 1 — the check a labeller of a blind story runs without engine output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelledPhrases } from '../../eval/lib/synthesis-labels.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_LABELS = join(ROOT, 'eval/data/synthesis/kim-putin-2023.json');

function show(labelFile: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'eval/lib/synthesis-show.ts'), labelFile], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

test('labelledPhrases lists the phrases of facts, statuses and key quotes, a fact’s list phrase by phrase', () => {
  const phrases = labelledPhrases({
    story: 's', split: 'tune', source: { seedDir: 'x' }, conflicts: [],
    facts: [{ id: 'f', claim: 'c', support: { 'a.txt': ['jeden', 'dwa'], 'b.txt': 'trzy' } }],
    statuses: [{ file: 'a.txt', phrase: 'cztery', status: 'hedged' }],
    keyQuotes: [{ file: 'b.txt', phrase: 'pięć', speaker: 'X' }],
  });
  assert.deepEqual(phrases, [
    { file: 'a.txt', phrase: 'jeden' }, { file: 'a.txt', phrase: 'dwa' }, { file: 'b.txt', phrase: 'trzy' },
    { file: 'a.txt', phrase: 'cztery' }, { file: 'b.txt', phrase: 'pięć' },
  ]);
});

test('the seed story’s labels are all located, and a phrase moved out of its article is named and fails the run', () => {
  const ok = show(SEED_LABELS);
  assert.equal(ok.status, 0, ok.out);
  assert.match(ok.out, /(\d+) of \1 labelled phrases located/u);

  const labels = JSON.parse(readFileSync(SEED_LABELS, 'utf8')) as { statuses: { file: string; phrase: string }[] };
  const broken = labels.statuses[0]!;
  broken.phrase = `${broken.phrase} — a phrase no article holds`;
  const dir = mkdtempSync(join(tmpdir(), 'kronika-labels-show-'));
  try {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(labels));
    const bad = show(file);
    assert.equal(bad.status, 1, bad.out);
    assert.ok(bad.out.includes(`phrase not found in ${broken.file}: "${broken.phrase}"`), bad.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
