/**
 * The kronika CLI with the watch command registered, for tests that run before the lead wires
 * `watch` into src/cli/program.ts (afterwards the program already has it and this adds nothing).
 */
import { buildProgram } from '../../src/cli/program.ts';
import { register } from '../../src/cli/commands/watch.ts';
import { UsageError } from '../../src/cli/context.ts';

const program = buildProgram();
if (!program.commands.some((c) => c.name() === 'watch')) {
  register(program);
  program.commands.at(-1)!.exitOverride();
}
try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (error) {
  process.stderr.write(`kronika: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
