/** Runs the real `kronika` CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE_DIR = join(ROOT, 'samples/kim-putin-2023');
const MAIN = join(ROOT, 'src/cli/main.ts');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function kronika(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'kronika-cli-')), 'test.db');
}

/**
 * The CLI run in this process (runCli), capturing what it writes: for the many quick reads of one
 * store, where a child process each would mostly time Node's start.
 */
export { runInProcess as kronikaHere } from '../security/helpers.ts';
