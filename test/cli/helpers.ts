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

/**
 * The CLI run in this process (runCli), capturing what it writes: for the many quick reads of one
 * store, where a child process each would mostly time Node's start. Only text is captured: the
 * test runner reports this file's results on the same stdout, in binary frames written whenever
 * it gets to them (also while a command runs), and those must reach it.
 */
export async function kronikaHere(args: readonly string[]): Promise<CliRun> {
  const { runCli } = await import('../../src/cli/program.ts');
  const captured = { out: [] as string[], err: [] as string[] };
  const write = { out: process.stdout.write, err: process.stderr.write };
  const capture = (into: string[], stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) =>
      typeof chunk === 'string' ? (into.push(chunk), true) : original.call(stream, chunk, ...(rest as []))) as typeof process.stdout.write;
  process.stdout.write = capture(captured.out, process.stdout, write.out);
  process.stderr.write = capture(captured.err, process.stderr, write.err);
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await runCli(args);
    return { code, stdout: captured.out.join(''), stderr: captured.err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = exitCode;
  }
}
