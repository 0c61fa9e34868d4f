/**
 * `kronika ingest <inputs…>`: files, folders, feeds, OPML, JSON Lines, URLs or `-` into the store,
 * then the stages (analyse, index, cluster, alert) over what is new — src/app/ingest.ts.
 */
import type { Command } from 'commander';
import { ingestInputs } from '../../app/ingest.ts';
import { STAGES, type PipelineReport, type StageProgress } from '../../app/stages.ts';
import type { IngestProgress, IngestResult } from '../../ingest/batch.ts';
import { terminalSafe } from '../../text/terminal.ts';
import { LEFT_TO_WORKERS, stagesRunInWorkers } from '../../worker/serving.ts';
import { EXIT_PARTIAL, printJson, UsageError, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';
import { baseUrlOf } from './watch.ts';

interface IngestFlags extends DbOptions {
  readonly json?: boolean;
  readonly fetchLinked?: boolean;
  readonly maxMb?: string;
  readonly timeout?: string;
  readonly stories?: boolean;
  readonly stages?: boolean;
  readonly baseUrl?: string;
}

function rate(p: IngestProgress): string {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  return `${Math.round(p.done / seconds)} docs/s`;
}

function summary(result: IngestResult, elapsedMs: number): string {
  const parts = [
    `${result.stored} stored`,
    `${result.unchanged} already known`,
    `${result.duplicates} near-duplicates`,
    `${result.failed} failed`,
  ];
  return `ingest: ${parts.join(', ')} in ${(elapsedMs / 1000).toFixed(1)} s (${rate(result)})`;
}

function stagesLine(pipeline: PipelineReport | undefined): string {
  const stories = pipeline?.stories;
  return stories ? `; stories: ${stories.events} event(s), ${stories.storylines} storyline(s)` : '';
}

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read articles from files, folders, feeds, OPML, JSON Lines, URLs or - (stdin) into the store, ' +
      'then analyse, index, cluster and alert on what is new')
    .argument('<inputs...>', 'paths, http(s) URLs, or - for standard input')
    .option('--fetch-linked', "fetch an item's page when a feed carries only a summary")
    .option('--max-mb <n>', 'refuse inputs larger than this many megabytes', '10')
    .option('--timeout <seconds>', 'give up on a URL after this many seconds', '15')
    .option('--no-stories', 'do not cluster the new articles now (the next `kronika update` or a running server will)')
    .option('--no-stages', 'only store: analysis, search index, stories and alerts wait for `kronika update` or a running server')
    .option('--base-url <url>', 'public address of the web UI, for story links in alerts (default $KRONIKA_BASE_URL)');
  withJson(withDb(cmd)).action(async (inputs: string[], flags: IngestFlags) => {
    const started = performance.now();
    const maxMb = Number(flags.maxMb);
    const timeout = Number(flags.timeout);
    if (!(maxMb > 0) || !(timeout > 0)) throw new UsageError('--max-mb and --timeout take positive numbers');
    const live = process.stderr.isTTY && !flags.json;
    const clear = () => live && process.stderr.write('\r\x1b[K');
    let workers = false;
    const { result, pipeline } = await withStore(flags, (store) => (workers = stagesRunInWorkers(store), ingestInputs(store, inputs, {
      fetchLinked: flags.fetchLinked,
      maxBytes: Math.round(maxMb * 1024 * 1024),
      timeoutMs: Math.round(timeout * 1000),
      stdin: process.stdin,
      onWarning: (w) => {
        clear();
        process.stderr.write(terminalSafe(`warning: ${w.input}: ${w.message}`) + '\n');
      },
      onFailure: (f) => {
        clear();
        process.stderr.write(terminalSafe(`error: ${f.input}: ${f.message}`) + '\n');
      },
      onProgress: live ? (p) => process.stderr.write(`\r\x1b[K${p.done} done, ${rate(p)}, ${p.failed} errors`) : undefined,
      runStages: flags.stages !== false && !workers,
      stages: flags.stories === false ? STAGES.filter((s) => s !== 'cluster') : STAGES,
      onStageProgress: live ? (p: StageProgress) => process.stderr.write(`\r\x1b[K${p.stage}: ${p.done} of ${p.total}`) : undefined,
      alerts: { print: (line) => process.stdout.write(line + '\n'), ...(baseUrlOf(flags.baseUrl) && { baseUrl: baseUrlOf(flags.baseUrl) }) },
    })));
    clear();
    const elapsedMs = performance.now() - started;
    if (flags.json) {
      const { articleIds: _ids, ...counts } = result;
      printJson({
        ...counts, elapsedMs,
        ...(pipeline?.stories && { stories: pipeline.stories }),
        ...(pipeline && { stages: pipeline.stages }),
        ...(pipeline?.failed && { failedStage: pipeline.failed }),
        ...(workers ? { pending: LEFT_TO_WORKERS } : {}),
      });
    } else {
      process.stdout.write(summary(result, elapsedMs) + stagesLine(pipeline) + (workers ? `; ${LEFT_TO_WORKERS}` : '') + '\n');
    }
    if (pipeline?.stories?.recovered) warn(pipeline.stories.recovered);
    if (pipeline?.failed) {
      warn(`the ${pipeline.failed.stage} stage failed (${pipeline.failed.error}); every article above is stored, and the next run catches up`);
    }
    if (result.failed > 0 || pipeline?.failed) process.exitCode = EXIT_PARTIAL;
  });
}
