/**
 * `kronika update`: runs the stages (analyse, index, cluster, alert) over whatever they have not
 * seen — after `ingest --no-stages`, after a stage failed, after an upgrade. `kronika reanalyse`:
 * re-analyses articles whose stored analysis another analyser version made.
 */
import type { Command } from 'commander';
import { outdatedAnalyses, reanalyse } from '../../app/reanalyse.ts';
import { runStages, type StageProgress } from '../../app/stages.ts';
import { baseUrlOf, EXIT_PARTIAL, printJson, storyTotals, warn, withDb, withJson, withStore, type DbOptions } from '../context.ts';

export function register(program: Command): void {
  withJson(withDb(program.command('update')))
    .description('run the stages (analyse, index for search, cluster into stories, alert) over articles they have not seen yet ' +
      '(webhook alerts are sent; others wait for `kronika watch run`)')
    .option('--base-url <url>', 'public address of the web UI, for story links in alerts (default $KRONIKA_BASE_URL)')
    .action(async (flags: DbOptions & { json?: boolean; baseUrl?: string }) => {
      const live = process.stderr.isTTY && !flags.json;
      const report = await withStore(flags, (store) => runStages(store, {
        verify: true,
        // No print: alerts of watches without a webhook wait for `kronika watch run` (src/watch/run.ts).
        alerts: { ...(baseUrlOf(flags.baseUrl) && { baseUrl: baseUrlOf(flags.baseUrl) }) },
        onStageProgress: live ? (p: StageProgress) => process.stderr.write(`\r\x1b[K${p.stage}: ${p.done} of ${p.total}`) : undefined,
      }));
      if (live) process.stderr.write('\r\x1b[K');
      if (flags.json) printJson(report);
      else {
        process.stderr.write(`update: ${report.stages.map((s) => `${s.stage} ${s.processed}`).join(', ')}` +
          (report.stories ? `; ${storyTotals(report.stories)}` : '') +
          (report.alerts?.pending ? `; ${report.alerts.pending} alert(s) waiting for \`kronika watch run\`` : '') + '\n');
      }
      if (report.stories?.recovered) warn(report.stories.recovered);
      if (report.failed) {
        warn(`the ${report.failed.stage} stage failed (${report.failed.error})`);
        process.exitCode = EXIT_PARTIAL;
      }
    });

  withJson(withDb(program.command('reanalyse')))
    .description('re-analyse articles whose stored analysis an older analyser made, and re-index them for search')
    .action(async (flags: DbOptions & { json?: boolean }) => {
      const live = process.stderr.isTTY && !flags.json;
      const run = await withStore(flags, async (store) => {
        const outdated = await outdatedAnalyses(store);
        const result = await reanalyse(store, { onProgress: live ? (n) => process.stderr.write(`\r\x1b[K${n} of ${outdated}`) : undefined });
        if (live) process.stderr.write('\r\x1b[K');
        return result;
      });
      if (flags.json) printJson(run);
      else process.stderr.write(`reanalyse: ${run.reanalysed} article(s) re-analysed, ${run.reindexed} re-indexed for search` +
        (run.reanalysed ? '; `kronika stories --rebuild` re-clusters them with the new features' : '') + '\n');
    });
}
