/**
 * `kronika ingest <inputs…>`: files, folders, feeds, OPML, JSON Lines, URLs or `-` into the store,
 * then the stages (analyse, index, cluster, alert) over what is new — src/app/ingest.ts.
 *
 * Standard output carries the result only: one summary line, or one JSON line with --json.
 * Progress, warnings and errors go to standard error. Alerts of saved searches go to their
 * webhooks; those of watches without one wait for `kronika watch run`, whose output they are.
 */
import type { Command } from 'commander';
import { ingestInputs } from '../../app/ingest.ts';
import { STAGES, type PipelineReport, type StageProgress } from '../../app/stages.ts';
import type { IngestProgress, IngestResult } from '../../ingest/batch.ts';
import type { StageName } from '../../store/store.ts';
import { terminalSafe } from '../../text/terminal.ts';
import type { WatchRunReport } from '../../watch/index.ts';
import { LEFT_TO_WORKERS, stagesRunInWorkers } from '../../worker/serving.ts';
import { commandElapsedMs } from '../errors.ts';
import { baseUrlOf, EXIT_PARTIAL, printJson, UsageError, storyTotals, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';

interface IngestFlags extends DbOptions {
  readonly json?: boolean;
  readonly fetchLinked?: boolean;
  readonly maxMb?: string;
  readonly timeout?: string;
  readonly stories?: boolean;
  readonly stages?: boolean;
  readonly baseUrl?: string;
}

/** The phases of one ingest command: reading and storing, then each stage that ran. */
type Phase = 'read' | StageName;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function rate(p: IngestProgress): string {
  const s = Math.max(p.elapsedMs, 1) / 1000;
  return `${Math.round(p.done / s)} docs/s`;
}

/**
 * Where the time of the command went: each phase from its start to the next one's (the last to
 * the end of the command). Stages report their start through onStageProgress.
 */
class PhaseClock {
  private readonly starts: [Phase, number][] = [['read', 0]];

  /** Notes a stage's progress; returns true when it is the stage's first event. */
  stage(stage: StageName): boolean {
    if (this.starts.some(([phase]) => phase === stage)) return false;
    this.starts.push([stage, commandElapsedMs()]);
    return true;
  }

  durations(endMs: number): Partial<Record<Phase, number>> {
    return Object.fromEntries(this.starts.map(([phase, at], i) => [phase, Math.round((this.starts[i + 1]?.[1] ?? endMs) - at)]));
  }
}

/**
 * A status line on a terminal's stderr, redrawn as work advances and every quarter second, so
 * a long stage (clustering into a big store) shows it is still at work. Inert when stderr is not a terminal.
 */
class StatusLine {
  private text = '';
  private since = 0;
  private readonly timer?: NodeJS.Timeout;

  constructor(private readonly live: boolean) {
    if (live) this.timer = setInterval(() => this.draw(), 250).unref();
  }

  set(text: string, restart = false): void {
    if (restart) this.since = performance.now();
    this.text = text;
    this.draw();
  }

  private draw(): void {
    if (!this.live || !this.text) return;
    process.stderr.write(`\r\x1b[K${this.text} · ${seconds(performance.now() - this.since)}`);
  }

  /** Clears the line (before a message of its own, and at the end). */
  clear(): void {
    if (this.live && this.text) process.stderr.write('\r\x1b[K');
  }

  stop(): void {
    clearInterval(this.timer);
    this.clear();
    this.text = '';
  }
}

function summary(result: IngestResult, pipeline: PipelineReport | undefined, phases: Partial<Record<Phase, number>>, elapsedMs: number, workers: boolean): string {
  const counts = `${result.stored} stored, ${result.unchanged} already known, ${result.duplicates} near-duplicates, ${result.failed} failed`;
  const stories = pipeline?.stories ? `; ${storyTotals(pipeline.stories)}` : '';
  const where = Object.entries(phases).map(([phase, ms]) => `${phase} ${seconds(ms!)}`).join(', ');
  return `ingest: ${counts}${stories}${workers ? `; ${LEFT_TO_WORKERS}` : ''}; ${seconds(elapsedMs)} in all (${where})`;
}

/** What became of the alerts, for stderr: sent, failed, and waiting for `kronika watch run`. */
function alertsLine(alerts: WatchRunReport): string {
  const parts = [
    alerts.delivered && `${alerts.delivered} sent to webhooks`,
    alerts.failed && `${alerts.failed} failed`,
    alerts.pending && `${alerts.pending} waiting for \`kronika watch run\``,
  ].filter(Boolean);
  return `alerts: ${parts.join(', ')}`;
}

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read articles from files, folders, feeds, OPML, JSON Lines, URLs or - (stdin) into the store, ' +
      'then analyse, index, cluster and alert on what is new (webhook alerts are sent; others wait for `kronika watch run`)')
    .argument('<inputs...>', 'paths, http(s) URLs, or - for standard input')
    .option('--fetch-linked', "fetch an item's page when a feed carries only a summary")
    .option('--max-mb <n>', 'refuse inputs larger than this many megabytes', '10')
    .option('--timeout <seconds>', 'give up on a URL after this many seconds', '15')
    .option('--no-stories', 'do not cluster the new articles now (the next `kronika update` or a running server will)')
    .option('--no-stages', 'only store: analysis, search index, stories and alerts wait for `kronika update` or a running server')
    .option('--base-url <url>', 'public address of the web UI, for story links in alerts (default $KRONIKA_BASE_URL)');
  withJson(withDb(cmd)).action(async (inputs: string[], flags: IngestFlags) => {
    const maxMb = Number(flags.maxMb);
    const timeout = Number(flags.timeout);
    if (!(maxMb > 0)) throw new UsageError(`--max-mb "${flags.maxMb}" is not a positive number`);
    if (!(timeout > 0)) throw new UsageError(`--timeout "${flags.timeout}" is not a positive number`);
    const status = new StatusLine(Boolean(process.stderr.isTTY) && !flags.json);
    const clock = new PhaseClock();
    const note = (line: string) => {
      status.clear();
      process.stderr.write(terminalSafe(line) + '\n');
    };
    const baseUrl = baseUrlOf(flags.baseUrl);
    let workers = false;
    const { result, pipeline } = await withStore(flags, (store) => (workers = stagesRunInWorkers(store), ingestInputs(store, inputs, {
      fetchLinked: flags.fetchLinked,
      maxBytes: Math.round(maxMb * 1024 * 1024),
      timeoutMs: Math.round(timeout * 1000),
      stdin: process.stdin,
      onWarning: (w) => note(`warning: ${w.input}: ${w.message}`),
      onFailure: (f) => note(`error: ${f.input}: ${f.message}`),
      onProgress: (p) => status.set(`reading: ${p.done} done, ${rate(p)}, ${p.failed} errors`, p.done <= 1),
      runStages: flags.stages !== false && !workers,
      stages: flags.stories === false ? STAGES.filter((s) => s !== 'cluster') : STAGES,
      onStageProgress: (p: StageProgress) => status.set(`${p.stage}: ${p.done} of ${p.total} articles`, clock.stage(p.stage)),
      // No print: alerts of watches without a webhook wait for `kronika watch run` (src/watch/run.ts).
      alerts: { ...(baseUrl && { baseUrl }) },
    })).finally(() => status.stop()));
    const elapsedMs = commandElapsedMs();
    const phases = clock.durations(elapsedMs);
    if (flags.json) {
      const { articleIds: _ids, ...counts } = result;
      printJson({
        ...counts, elapsedMs: Math.round(elapsedMs), phasesMs: phases,
        ...(pipeline?.stories && { stories: pipeline.stories }),
        ...(pipeline && { stages: pipeline.stages }),
        ...(pipeline?.alerts && { alerts: pipeline.alerts }),
        ...(pipeline?.failed && { failedStage: pipeline.failed }),
        ...(workers ? { pending: LEFT_TO_WORKERS } : {}),
      });
    } else {
      process.stdout.write(summary(result, pipeline, phases, elapsedMs, workers) + '\n');
    }
    const alerts = pipeline?.alerts;
    if (alerts && (alerts.delivered || alerts.failed || alerts.pending)) process.stderr.write(alertsLine(alerts) + '\n');
    if (pipeline?.stories?.recovered) warn(pipeline.stories.recovered);
    if (pipeline?.failed) {
      warn(`the ${pipeline.failed.stage} stage failed (${pipeline.failed.error}); every article above is stored, and the next run catches up`);
    }
    if (result.failed > 0 || pipeline?.failed) process.exitCode = EXIT_PARTIAL;
  });
}
