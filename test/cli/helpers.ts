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

export function kronika(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliRun {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  });
  if (run.error) return { code: -1, stdout: run.stdout ?? '', stderr: `${run.stderr ?? ''}${run.error.message}\n` };
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'kronika-cli-')), 'test.db');
}
