/**
 * The command lines README.md and docs/DEPLOY.md tell a user to type: each names a real command
 * (and sub-command), and every flag it gives is one that command takes. A renamed flag or command
 * then fails here rather than on a new user's first try.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.ts';
import { ROOT } from './helpers.ts';

const DOCS = ['README.md', 'docs/DEPLOY.md'];

/** `kronika …` command lines inside the fenced code blocks of a Markdown file, with their line numbers. */
function commandLines(file: string): { line: number; words: string[] }[] {
  const out: { line: number; words: string[] }[] = [];
  let fenced = false;
  readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) return;
    // The prompt's command, up to a comment, a pipe or a redirection.
    // At a prompt, after npx or &&, or as the script node runs (a systemd ExecStart).
    const m = /(?:^\s*(?:\$\s+)?|\bnpx\s+|&&\s+)kronika\s+([^#|>;&]*)/.exec(text) ?? /\bnode\s+\S*\/kronika\.js\s+([^#|>;&]*)/.exec(text);
    if (!m || !m[1]!.trim()) return;
    out.push({ line: i + 1, words: m[1]!.trim().split(/\s+/) });
  });
  return out;
}

/** The command a line runs (following sub-commands) and the long flags it gives. */
function resolve(program: Command, words: readonly string[]): { command?: Command; path: string; flags: string[] } {
  let command = program;
  const path: string[] = [];
  for (const word of words) {
    if (word.startsWith('-')) break;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
    path.push(word);
  }
  const flags = words.filter((w) => /^--[a-z]/.test(w)).map((w) => w.replace(/=.*$/, ''));
  return { command: path.length ? command : undefined, path: path.join(' '), flags };
}

test('every kronika command line in README.md and docs/DEPLOY.md names a real command with flags it takes', async () => {
  const program = await buildProgram();
  let checked = 0;
  for (const file of DOCS) {
    for (const { line, words } of commandLines(file)) {
      const where = `${file}:${line}: kronika ${words.join(' ')}`;
      const { command, path, flags } = resolve(program, words);
      assert.ok(command, `${where}: no such command`);
      const known = new Set([...command.options, ...program.options].flatMap((o) => [o.long, o.negate ? o.long : undefined]).filter(Boolean));
      for (const flag of flags) assert.ok(known.has(flag) || flag === '--help' || flag === '--version', `${where}: \`kronika ${path}\` has no ${flag}`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `${checked} command lines checked`);
});

test('the checker finds a wrong flag and a wrong command', async () => {
  const program = await buildProgram();
  assert.equal(resolve(program, ['stories', '--level', 'storyline']).path, 'stories');
  assert.equal(resolve(program, ['sources', 'add', 'https://example.pl']).path, 'sources add');
  assert.equal(resolve(program, ['storys']).command, undefined);
  const { command } = resolve(program, ['report', 'x', '--colour']);
  assert.ok(!command!.options.some((o) => o.long === '--colour'));
});
