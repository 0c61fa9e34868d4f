/**
 * The `kronika` command tree. Each command lives in commands/<name>.ts and registers itself; only
 * the module of the command being run is loaded (the others pull in the store, the analysis
 * dictionaries, the web server), so `kronika --version` starts in a tenth of the time.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_CODES_HELP, EXIT_NOT_FOUND, EXIT_USAGE, markCommandStart, NotFoundError, UsageError } from './errors.ts';

interface CommandModule {
  register(program: Command): void;
}

/** Every module under commands/, in help order, with the command names it registers. */
export const COMMAND_MODULES: readonly { readonly names: readonly string[]; readonly load: () => Promise<CommandModule> }[] = [
  { names: ['ingest'], load: () => import('./commands/ingest.ts') },
  { names: ['articles', 'article', 'stats', 'export'], load: () => import('./commands/articles.ts') },
  { names: ['stories', 'story', 'report'], load: () => import('./commands/stories.ts') },
  { names: ['entities', 'mentions', 'quotes', 'timeline', 'sentences'], load: () => import('./commands/analysis.ts') },
  { names: ['search'], load: () => import('./commands/search.ts') },
  { names: ['serve'], load: () => import('./commands/serve.ts') },
  { names: ['run'], load: () => import('./commands/run.ts') },
  { names: ['watch'], load: () => import('./commands/watch.ts') },
  { names: ['sources'], load: () => import('./commands/sources.ts') },
  { names: ['update', 'reanalyse'], load: () => import('./commands/update.ts') },
  { names: ['worker'], load: () => import('./commands/worker.ts') },
  { names: ['jobs'], load: () => import('./commands/jobs.ts') },
  { names: ['migrate'], load: () => import('./commands/migrate.ts') },
];

/**
 * The modules a command line needs: its command's own; none for a bare --version; all of them
 * for help, no command or an unknown one (so help lists everything and typos get suggestions).
 */
function modulesFor(argv: readonly string[]): readonly CommandModule[] | Promise<CommandModule[]> {
  const command = argv.find((arg) => !arg.startsWith('-'));
  const own = command === undefined ? undefined : COMMAND_MODULES.find((m) => m.names.includes(command));
  if (own) return Promise.all([own.load()]);
  if (command === undefined && argv.some((a) => a === '-V' || a === '--version') && !argv.some((a) => a === '-h' || a === '--help')) return [];
  return Promise.all(COMMAND_MODULES.map((m) => m.load()));
}

/** The program with the given command modules registered (all of them unless told otherwise). */
export async function buildProgram(modules: readonly CommandModule[] | Promise<readonly CommandModule[]> = modulesFor([])): Promise<Command> {
  const program = new Command()
    .name('kronika')
    .description(
      'Self-hosted news story engine: reads Polish and English articles (text, HTML, RSS/Atom, JSON Lines), ' +
        'cleans and stores them, and turns them into stories. The store is --db, else $KRONIKA_DB, else ./kronika.db.',
    )
    .addHelpText('after', `
Examples:
  kronika ingest samples/kim-putin-2023            files, folders, feeds, OPML, .jsonl, URLs, - for stdin
  kronika stories --limit 20                       events, newest activity first (--offset for more)
  kronika report <story-id> --format html > s.html the cited summary, claims, conflicts, timeline, quotes
  kronika search wladywostok                       inflection- and accent-aware search
  kronika serve --port 8080                        web UI and JSON API (/openapi.json)
  kronika sources add <feed or site URL>           follow a feed; then \`kronika run\` polls it and serves

Tables fit 100 columns (or a narrower terminal); --json prints JSON Lines, one object per line.
${EXIT_CODES_HELP}`)
    .version('0.1.0')
    .option('--allow-private', 'let URLs, feeds and webhooks reach internal addresses (loopback, private, link-local); same as KRONIKA_ALLOW_PRIVATE=1')
    // The outbound client reads the opt-in from the environment (src/net/http.ts allowPrivateFromEnv).
    .hook('preAction', (command) => {
      if (command.opts().allowPrivate) process.env.KRONIKA_ALLOW_PRIVATE = '1';
    })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const module of await modules) module.register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code: 0 all good, 1 some inputs failed, 2 usage error, 3 not found. */
export async function runCli(argv: readonly string[]): Promise<number> {
  markCommandStart();
  // --allow-private reaches the outbound client through the environment (preAction above); a
  // run in the same process (tests, `kronika run`) must not inherit the previous run's opt-in.
  const allowPrivate = process.env.KRONIKA_ALLOW_PRIVATE;
  try {
    await (await buildProgram(modulesFor(argv))).parseAsync([...argv], { from: 'user' });
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
    if (error instanceof NotFoundError) {
      process.stderr.write(`kronika: ${error.message}\n`);
      return EXIT_NOT_FOUND;
    }
    process.stderr.write(`kronika: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (allowPrivate === undefined) delete process.env.KRONIKA_ALLOW_PRIVATE;
    else process.env.KRONIKA_ALLOW_PRIVATE = allowPrivate;
  }
}
