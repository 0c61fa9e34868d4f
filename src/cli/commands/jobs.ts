/**
 * `kronika jobs --db postgres://…`: the job queue of PostgreSQL mode — queued, active and failed
 * jobs with their errors — and `kronika jobs retry <id>|--all-failed` to queue failed ones again.
 */
import type { Command } from 'commander';
import pg from 'pg';
import { countJobs, listJobs, retryFailed, retryJob, UnknownJobError, type JobState } from '../../queue/jobs.ts';
import { openQueue } from '../../queue/index.ts';
import { UsageError } from '../context.ts';
import { postgresLocation } from './worker.ts';

interface JobsFlags {
  readonly db?: string;
  readonly failed?: boolean;
  readonly json?: boolean;
  readonly limit: string;
}

async function withPool<T>(url: string, run: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}

export function register(program: Command): void {
  const jobs = program.command('jobs')
    .description('PostgreSQL mode: list queued, active and failed jobs (failed ones with their error)')
    .option('--db <url>', 'the PostgreSQL store (default: $KRONIKA_DB)')
    .option('--failed', 'only failed jobs')
    .option('--limit <n>', 'most jobs listed', '50')
    .option('--json', 'one JSON object per job')
    .action(async (flags: JobsFlags) => {
      const url = postgresLocation(flags.db, 'kronika jobs');
      const limit = Number(flags.limit);
      if (!(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit takes a positive whole number');
      // The queue's schema is made on first use; opening it here also works before any worker ran.
      const boss = await openQueue(url);
      await boss.stop({ graceful: false });
      await withPool(url, async (pool) => {
        const states: JobState[] = flags.failed ? ['failed'] : ['failed', 'created', 'retry', 'active'];
        const list = await listJobs(pool, states, limit);
        if (flags.json) {
          for (const job of list) process.stdout.write(JSON.stringify(job) + '\n');
          return;
        }
        const counts = await countJobs(pool);
        process.stdout.write(`${counts.queued} queued, ${counts.active} active, ${counts.failed} failed\n`);
        for (const job of list) {
          const data = job.data as { id?: string };
          const tries = `${job.retries + 1}/${job.retryLimit + 1}`;
          process.stdout.write(`${job.id}  ${job.state.padEnd(7)}  ${job.queue}  article ${data.id ?? '?'}  try ${tries}`
            + `${job.error ? `  error: ${job.error.replace(/\s+/g, ' ')}` : ''}\n`);
        }
      });
    });

  jobs.command('retry [id]')
    .description('queue a failed job again (its tries start over)')
    .option('--db <url>', 'the PostgreSQL store (default: $KRONIKA_DB)')
    .option('--all-failed', 'every failed job')
    .action(async (id: string | undefined, flags: { db?: string; allFailed?: boolean }) => {
      const url = postgresLocation(flags.db ?? jobs.opts<{ db?: string }>().db, 'kronika jobs retry');
      if (!id && !flags.allFailed) throw new UsageError('give a job id (`kronika jobs --failed` lists them) or --all-failed');
      const boss = await openQueue(url);
      try {
        await withPool(url, async (pool) => {
          if (flags.allFailed) {
            process.stdout.write(`queued ${await retryFailed(boss, pool)} failed job(s) again\n`);
            return;
          }
          try {
            const job = await retryJob(boss, pool, id!);
            process.stdout.write(`queued job ${job.id} again\n`);
          } catch (error) {
            if (error instanceof UnknownJobError) throw new UsageError(error.message);
            throw error;
          }
        });
      } finally {
        await boss.stop({ graceful: false });
      }
    });
}
