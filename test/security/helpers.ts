/** Runs the real CLI in this process (fast: no child process) and returns what it printed. */
import { runCli } from '../../src/cli/program.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `kronika <args>`; the environment's opt-ins are restored afterwards, as a new process would start. */
export async function runInProcess(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const allowPrivate = process.env.KRONIKA_ALLOW_PRIVATE;
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = undefined;
    if (allowPrivate === undefined) delete process.env.KRONIKA_ALLOW_PRIVATE;
    else process.env.KRONIKA_ALLOW_PRIVATE = allowPrivate;
  }
}
