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
  // The CLI writes strings; the test runner's own messages to its parent go through stdout as
  // bytes, meanwhile too, and must pass untouched (captured, a test's result would vanish).
  const capture = (sink: string[], original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk !== 'string') return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
      sink.push(chunk);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out, write.out, process.stdout);
  process.stderr.write = capture(err, write.err, process.stderr);
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
