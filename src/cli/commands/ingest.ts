/** `kronika ingest <inputs…>`: files, folders, feeds, OPML, JSON Lines, URLs or `-` into the store. */
import type { Command } from 'commander';
import { ingestBatch, type IngestProgress, type IngestResult } from '../../ingest/batch.ts';
import { terminalSafe } from '../../text/terminal.ts';
import { alertNewArticles } from './watch.ts';
import { EXIT_PARTIAL, printJson, UsageError, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { syncStoriesOf } from '../stories-sync.ts';

interface IngestFlags extends DbOptions {
  readonly json?: boolean;
  readonly fetchLinked?: boolean;
  readonly maxMb?: string;
  readonly timeout?: string;
  readonly stories?: boolean;
}

function rate(p: IngestProgress): string {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  return `${Math.round(p.done / seconds)} docs/s`;
}

function summary(result: IngestResult): string {
  const parts = [
    `${result.stored} stored`,
    `${result.unchanged} already known`,
    `${result.duplicates} near-duplicates`,
    `${result.failed} failed`,
  ];
  return `ingest: ${parts.join(', ')} in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate(result)})`;
}

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read articles from files, folders, feeds, OPML, JSON Lines, URLs or - (stdin) into the store')
    .argument('<inputs...>', 'paths, http(s) URLs, or - for standard input')
    .option('--fetch-linked', "fetch an item's page when a feed carries only a summary")
    .option('--max-mb <n>', 'refuse inputs larger than this many megabytes', '10')
    .option('--timeout <seconds>', 'give up on a URL after this many seconds', '15')
    .option('--no-stories', 'do not assign the new articles to stories now (the next `stories` command will)');
  withJson(withDb(cmd)).action(async (inputs: string[], flags: IngestFlags) => {
    const maxMb = Number(flags.maxMb);
    const timeout = Number(flags.timeout);
    if (!(maxMb > 0) || !(timeout > 0)) throw new UsageError('--max-mb and --timeout take positive numbers');
    const live = process.stderr.isTTY && !flags.json;
    const { result, stories } = await withStore(flags, async (store) => {
      const result = await ingestBatch(store, inputs, {
        fetchLinked: flags.fetchLinked,
        maxBytes: Math.round(maxMb * 1024 * 1024),
        timeoutMs: Math.round(timeout * 1000),
        stdin: process.stdin,
        onWarning: (w) => process.stderr.write(`${live ? '\r\x1b[K' : ''}${terminalSafe(`warning: ${w.input}: ${w.message}`)}\n`),
        onFailure: (f) => {
          if (live) process.stderr.write('\r\x1b[K');
          process.stderr.write(terminalSafe(`error: ${f.input}: ${f.message}`) + '\n');
        },
        onProgress: live
          ? (p) => process.stderr.write(`\r\x1b[K${p.done} done, ${rate(p)}, ${p.failed} errors`)
          : undefined,
      });
      // New articles join their stories as they arrive (issue 6); --no-stories defers it.
      const stories = flags.stories === false ? undefined : syncStoriesOf(store);
      // Saved searches alert on what just arrived (issue 8), with the stories it joined.
      if (result.articleIds.length > 0) await alertNewArticles(store, flags, result.articleIds);
      return { result, stories };
    });
    if (live) process.stderr.write('\r\x1b[K');
    if (flags.json) {
      const { articleIds: _ids, ...counts } = result;
      printJson(stories ? { ...counts, stories } : counts);
    } else {
      const clustered = stories ? `; stories: ${stories.events} event(s), ${stories.storylines} storyline(s)` : '';
      process.stdout.write(summary(result) + clustered + '\n');
    }
    if (result.failed > 0) process.exitCode = EXIT_PARTIAL;
  });
}
