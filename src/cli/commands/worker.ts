/**
 * `kronika worker --db postgres://…`: analyses and indexes stored articles from the job queue and
 * competes for the cluster lease (src/worker), until SIGTERM or SIGINT, which end it gracefully.
 * Run one per core on as many machines as needed (docs/DEPLOY.md).
 */
import type { Command } from 'commander';
import { resolveStoreLocation } from '../../store/path.ts';
import { describeTimings, startWorker } from '../../worker/index.ts';
import { UsageError } from '../context.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The store URL of a PostgreSQL-only command, or a usage error saying why there is none. */
export function postgresLocation(db: string | undefined, command: string): string {
  const location = resolveStoreLocation(db);
  if (!POSTGRES_URL.test(location)) {
    throw new UsageError(`${command} needs a PostgreSQL store (--db postgres://… or KRONIKA_DB); an SQLite store runs every stage in one process`);
  }
  return location;
}

export function register(program: Command): void {
  program.command('worker')
    .description('PostgreSQL mode: poll the sources `kronika run` queues, analyse and index stored articles from the job queue, and cluster them while holding the lease')
    .option('--db <url>', 'the PostgreSQL store (default: $KRONIKA_DB)')
    .option('--no-lease', 'only analyse and index; never take the cluster lease')
    .option('--no-sources', 'never poll the sources `kronika run` queues')
    .option('--quiet', 'print nothing but errors and alerts')
    .action(async (flags: { db?: string; lease: boolean; sources: boolean; quiet?: boolean }) => {
      const url = postgresLocation(flags.db, 'kronika worker');
      const log = flags.quiet ? () => {} : (line: string) => process.stderr.write(`kronika worker[${process.pid}]: ${line}\n`);
      const worker = await startWorker({ url, lease: flags.lease, sources: flags.sources, log, print: (line) => process.stdout.write(line + '\n') });
      log('waiting for jobs (SIGTERM or Ctrl-C ends it after the jobs in hand)');
      const stop = () => {
        log('stopping: finishing the jobs in hand');
        void worker.stop().catch(() => {});
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await worker.done;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      log(`stopped after ${worker.processed()} article(s); ${describeTimings(worker.timings())}`);
    });
}
