/**
 * The compiled start (scripts/build.mjs, bin/run.js) on a miniature project laid out like this
 * one (bin/, scripts/, src/ under the repository's tmp/, so node_modules resolves): dist/ runs
 * while it matches src/; once a source changes, the sources run, with a note on stderr, until
 * the next build. And the CLI's lazy command table names exactly what each module registers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { COMMAND_MODULES } from '../../src/cli/program.ts';

const ROOT = join(import.meta.dirname, '../..');

function node(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A miniature project under the repository's tmp/: bin/ and scripts/ copied, an empty src/cli/. */
function miniature(): string {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'tmp', 'start-'));
  for (const folder of ['bin', 'scripts']) cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  return dir;
}

test('bin/run.js runs dist/ while it matches src/, and the sources once they differ', () => {
  const dir = miniature();
  try {
    writeFileSync(join(dir, 'src/cli/greeting.ts'), "export const greeting: string = 'dzień dobry';\n");
    writeFileSync(join(dir, 'src/cli/main.ts'), "import { greeting } from './greeting.ts';\nprocess.stdout.write(`${greeting} from ${import.meta.url.includes('/dist/') ? 'dist' : 'src'}\\n`);\n");

    const before = node(dir, 'bin/kronika.js');
    assert.equal(before.stdout, 'dzień dobry from src\n', 'no build yet: the sources');
    assert.match(before.stderr, /no dist\/ build: running the TypeScript sources/);

    assert.equal(node(dir, 'scripts/build.mjs').code, 0);
    const built = node(dir, 'bin/kronika.js');
    assert.equal(built.stdout, 'dzień dobry from dist\n');
    assert.equal(built.stderr, '', 'a current build runs silently');

    writeFileSync(join(dir, 'src/cli/greeting.ts'), "export const greeting: string = 'cześć';\n");
    const stale = node(dir, 'bin/kronika.js');
    assert.equal(stale.stdout, 'cześć from src\n', 'a changed source is never shadowed by the old build');
    assert.match(stale.stderr, /dist\/ does not match src\//);

    assert.equal(node(dir, 'scripts/build.mjs').code, 0);
    assert.equal(node(dir, 'bin/kronika.js').stdout, 'cześć from dist\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build keeps regular-expression literals with \\p{…} as literals (not a new RegExp at every evaluation)', () => {
  const dir = miniature();
  try {
    writeFileSync(join(dir, 'src/cli/main.ts'), "const capital = (w: string) => /^\\p{Lu}/u.test(w);\nprocess.stdout.write(`${capital('Łódź')}\\n`);\n");
    assert.equal(node(dir, 'scripts/build.mjs').code, 0);
    const out = readFileSync(join(dir, 'dist/cli/main.js'), 'utf8');
    assert.match(out, /\/\^\\p\{Lu\}\/u\.test/);
    assert.doesNotMatch(out, /new RegExp/);
    assert.equal(node(dir, 'bin/kronika.js').stdout, 'true\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the lazy command table lists exactly the commands each module registers', async () => {
  for (const { names, load } of COMMAND_MODULES) {
    const program = new Command();
    (await load()).register(program);
    assert.deepEqual(program.commands.map((c) => c.name()).sort(), [...names].sort());
  }
});
