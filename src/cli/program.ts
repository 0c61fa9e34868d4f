/** The `kronika` command tree. Each command lives in commands/<name>.ts and registers itself. */
import { Command, CommanderError } from 'commander';
import { register as registerAnalysis } from './commands/analysis.ts';
import { register as registerArticles } from './commands/articles.ts';
import { register as registerIngest } from './commands/ingest.ts';
import { register as registerJobs } from './commands/jobs.ts';
import { register as registerMigrate } from './commands/migrate.ts';
import { register as registerSearch } from './commands/search.ts';
import { register as registerServe } from './commands/serve.ts';
import { register as registerWatch } from './commands/watch.ts';
import { register as registerStories } from './commands/stories.ts';
import { register as registerUpdate } from './commands/update.ts';
import { register as registerWorker } from './commands/worker.ts';
import { EXIT_USAGE, UsageError } from './context.ts';

const COMMANDS: readonly ((program: Command) => void)[] = [
  registerIngest, registerArticles, registerStories, registerAnalysis, registerSearch, registerServe, registerWatch, registerUpdate,
  registerWorker, registerJobs, registerMigrate,
];

export function buildProgram(): Command {
  const program = new Command()
    .name('kronika')
    .description(
      'Self-hosted news story engine: reads Polish and English articles (text, HTML, RSS/Atom, JSON Lines), ' +
        'cleans and stores them, and turns them into stories. The store is --db, else $KRONIKA_DB, else ./kronika.db.',
    )
    .addHelpText('after', `
Examples:
  kronika ingest samples/kim-putin-2023            files, folders, feeds, OPML, .jsonl, URLs, - for stdin
  kronika stories                                  events, newest activity first (--level storyline)
  kronika report <story-id> --format html > s.html the cited summary, claims, conflicts, timeline, quotes
  kronika search wladywostok                       inflection- and accent-aware search
  kronika serve --port 8080                        web UI and JSON API (/openapi.json)

Exit codes: 0 all good, 1 some inputs failed (the rest were stored), 2 usage error.`)
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 all good, 1 some inputs failed, 2 usage error. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride too, with code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`kronika: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`kronika: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
