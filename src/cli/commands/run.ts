/**
 * `kronika run`: the whole service in one process — polls the followed sources on their
 * schedules (src/app/run.ts), stores new articles, runs the stages (analyse, index, cluster,
 * alert) and serves the web pages and API (src/app/runtime.ts, as `kronika serve`). On SQLite
 * nothing else needs to run. With a PostgreSQL store it serves and schedules only: each due
 * source becomes a job that `kronika worker` processes poll, as they run the stages.
 *
 * SIGTERM or SIGINT: no further source is taken, the polls and stage runs in progress finish,
 * the server and the store close, and the process exits 0. Schedules live in the store
 * (each source's next check), so the next start resumes them and polls nothing early.
 */
import type { Command } from 'commander';
import type PgBoss from 'pg-boss';
import { startSourcePolling } from '../../app/run.ts';
import { processLog, startServing, stopSignal } from '../../app/runtime.ts';
import { JOBS_CHANNEL, openQueue, queueSources } from '../../queue/index.ts';
import type { PollSettings } from '../../sources/config.ts';
import { displayLocation, openStore, resolveStoreLocation } from '../../store/index.ts';
import { withDb } from '../context.ts';
import { serveSettings, withServeFlags, type ServeFlags } from './serve.ts';
import { cycleSummary, pollSettings, reportSource, withPollFlags } from './sources.ts';

type RunFlags = ServeFlags & PollSettings & { readonly quiet?: boolean };

export function register(program: Command): void {
  withPollFlags(withServeFlags(withDb(program.command('run'))))
    .description('the whole service: poll the sources on their schedules, store, analyse, cluster, alert, and serve the web pages and API')
    .option('--quiet', 'print only errors (not a line per poll cycle)')
    .addHelpText('after', `
Follow feeds first (kronika sources add <feed or site URL | OPML file>), then:
  kronika run --port 8080        polls, builds stories and serves http://127.0.0.1:8080
With --db postgres://… it serves and schedules; \`kronika worker\` processes poll and run the stages.`)
    .action(async (flags: RunFlags) => {
      const settings = serveSettings(flags);
      const polling = pollSettings(flags);
      const location = resolveStoreLocation(flags.db);
      const log = processLog('run');
      const store = await openStore(location);
      let queue: PgBoss | undefined;
      try {
        const serving = await startServing(store, location, settings, log);
        const boss = queue = store.engine === 'postgres' ? await openQueue(location) : undefined;
        const sources = (await store.sources.active()).length;
        process.stderr.write(`kronika: following ${sources} source(s)${boss ? '; due ones are queued for `kronika worker` processes' : ''}` +
          `${sources === 0 ? ' (add some: kronika sources add <feed or site URL | OPML file>)' : ''}\n`);
        const poller = startSourcePolling(store, {
          settings: polling,
          log,
          ...(!flags.quiet && {
            onCycle: (cycle) => process.stderr.write(`kronika: ${cycleSummary(cycle, Date.now())}\n`),
            onSource: reportSource,
          }),
          onArticles: () => void serving.stages.afterIngest().catch(log),
          ...(boss && {
            dispatch: async (ids: readonly string[]) => {
              await queueSources(boss, ids);
              // Idle workers start at once rather than at their next look at the queue.
              await boss.getDb().executeSql('SELECT pg_notify($1, $2)', [JOBS_CHANNEL, '']);
              return ids.length;
            },
          }),
        });
        const signal = await stopSignal();
        process.stderr.write(`kronika: ${signal}: finishing the polls and stage runs in progress\n`);
        await poller.stop();
        await serving.stop();
      } finally {
        await queue?.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => {});
        await store.close();
      }
      process.stderr.write(`kronika: stopped; ${displayLocation(location)} is closed\n`);
    });
}
