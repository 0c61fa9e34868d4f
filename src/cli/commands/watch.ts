/**
 * `kronika watch add|list|remove|run`: saved searches that alert on new articles. Alerts are
 * the last stage of the stream (src/app/stages.ts); `kronika ingest` runs it after storing.
 */
import type { Command } from 'commander';
import { runStages } from '../../app/stages.ts';
import type { Watch } from '../../store/store.ts';
import { describeIssues, WatchSpecSchema, type WatchRunReport } from '../../watch/index.ts';
import { baseUrlOf, NotFoundError, printJson, printJsonLines, printTable, printText, truncate, UsageError, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';

interface AddFlags extends DbOptions {
  readonly webhook?: string;
  readonly stdout?: boolean;
  readonly lang?: string;
  readonly source?: string;
  readonly json?: boolean;
}

interface RunFlags extends DbOptions {
  readonly baseUrl?: string;
  readonly json?: boolean;
}

export { baseUrlOf } from '../context.ts';

function watchRow(watch: Watch): string[] {
  const filters = [watch.language && `lang=${watch.language}`, watch.source && `source=${watch.source}`].filter(Boolean).join(' ');
  const status = watch.lastError
    ? `FAILING (${watch.failures} tries): ${watch.lastError}`
    : `ok, ${watch.lastFired ? `last fired ${watch.lastFired.slice(0, 16).replace('T', ' ')}` : 'never fired'}`;
  return [watch.id, truncate(watch.query, 24) + (filters ? ` [${filters}]` : ''), String(watch.pending), truncate(watch.webhook ?? 'stdout', 28), status];
}

export function register(program: Command): void {
  const watch = program.command('watch').description('saved searches that alert on new articles (stdout or webhook)');

  withJson(withDb(watch.command('add')))
    .description('save a search; every new article matching it is alerted once')
    .argument('<query>', 'search query: words, "phrases", prefix*')
    .option('--webhook <url>', 'POST each alert as JSON to this http(s) URL')
    .option('--stdout', 'no webhook: `kronika watch run` prints each alert as one JSON line (the default)')
    .option('--lang <code>', 'only articles in this language (pl, en, und)')
    .option('--source <outlet>', 'only articles from this outlet')
    .action(async (query: string, flags: AddFlags) => {
      if (flags.webhook && flags.stdout) throw new UsageError('choose one of --webhook and --stdout');
      const parsed = WatchSpecSchema.safeParse({
        query,
        ...(flags.lang && { language: flags.lang }),
        ...(flags.source && { source: flags.source }),
        ...(flags.webhook && { webhook: flags.webhook }),
      });
      if (!parsed.success) throw new UsageError(describeIssues(parsed.error).join('; '));
      const saved = await withStore(flags, (store) => store.watches.add(parsed.data, new Date().toISOString()));
      if (flags.json) printJson(saved);
      else printText(`watch ${saved.id}: "${saved.query}" → ${saved.webhook ?? 'stdout'}\n`);
    });

  withJson(withDb(watch.command('list')))
    .description('saved searches with their delivery state (pending alerts, failures, last error)')
    .action(async (flags: DbOptions & { json?: boolean }) => {
      const watches = await withStore(flags, (store) => store.watches.list());
      if (flags.json) return printJsonLines(watches);
      if (watches.length === 0) return void process.stderr.write('no watches\n');
      printTable(['ID', 'QUERY [FILTERS]', 'PENDING', 'DELIVERY', 'STATUS'], watches.map(watchRow));
    });

  withDb(watch.command('remove'))
    .description('delete a saved search and its alert history')
    .argument('<id>', 'watch id (from `watch list`)')
    .action(async (id: string, flags: DbOptions) => {
      const removed = await withStore(flags, (store) => store.watches.remove(id));
      if (!removed) throw new NotFoundError(`no watch with id "${id}" (see: kronika watch list)`);
      process.stdout.write(`removed watch ${id}\n`);
    });

  withJson(withDb(watch.command('run')))
    .description('check now: print the alerts of watches without a webhook (one JSON line each), send webhook alerts, retry failed ones')
    .option('--base-url <url>', 'public address of the web UI, for story links (default $KRONIKA_BASE_URL)')
    .action(async (flags: RunFlags) => {
      const report = await withStore(flags, async (store): Promise<WatchRunReport> => {
        // The stages up to alerting catch up with anything stored since the last run, then every
        // pending alert is delivered (retries included).
        const baseUrl = baseUrlOf(flags.baseUrl);
        const run = await runStages(store, {
          stages: ['analyse', 'index', 'alert'],
          alerts: { print: (line) => process.stdout.write(line + '\n'), ...(baseUrl && { baseUrl }) },
        });
        if (run.failed) warn(`the ${run.failed.stage} stage failed (${run.failed.error})`);
        return run.alerts ?? { watches: (await store.watches.list()).length, matched: 0, delivered: 0, failed: 0, pending: 0 };
      });
      // This is the command whose stdout the alerts are (JSON Lines, one per alert); the summary
      // goes to stderr, or, with --json, follows them as the last line.
      if (flags.json) printJson(report);
      else process.stderr.write(`watch: ${report.matched} new match(es), ${report.delivered} delivered, ${report.failed} failed, ${report.pending} pending\n`);
      if (report.failed > 0) process.exitCode = 1;
    });
}
