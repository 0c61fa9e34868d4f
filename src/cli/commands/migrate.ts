/**
 * `kronika migrate --to postgres://…`: moves the SQLite store (--db) into PostgreSQL and prints,
 * per concern, the counts and checksums of both sides (src/store/postgres/import-sqlite.ts).
 * Safe to run again: an interrupted migration resumes, a finished one copies nothing more.
 */
import type { Command } from 'commander';
import { displayLocation, resolveStoreLocation } from '../../store/index.ts';
import { ImportConflictError, importSqlite } from '../../store/postgres/import-sqlite.ts';
import { UsageError } from '../context.ts';
import { postgresLocation } from './worker.ts';

export function register(program: Command): void {
  program.command('migrate')
    .description('move the SQLite store (--db) into a PostgreSQL database, then compare both (counts and checksums)')
    .requiredOption('--to <url>', 'the PostgreSQL database to fill (postgres://user@host/db)')
    .option('--db <path>', 'the SQLite store to move (default: $KRONIKA_DB or ./kronika.db)')
    .action(async (flags: { to: string; db?: string }) => {
      const to = postgresLocation(flags.to, 'kronika migrate --to');
      const from = resolveStoreLocation(flags.db);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from)) throw new UsageError(`--db must be an SQLite file to move from, not ${displayLocation(from)}`);
      process.stderr.write(`kronika: moving ${from} to ${displayLocation(to)}\n`);
      let report;
      try {
        const live = process.stderr.isTTY;
        report = await importSqlite(from, to, (line) => process.stderr.write(live ? `\r\x1b[Kkronika: ${line}` : `kronika: ${line}\n`));
        if (live) process.stderr.write('\n');
      } catch (error) {
        if (error instanceof ImportConflictError) throw new UsageError(error.message);
        throw error;
      }
      const copied = Object.entries(report.copied).map(([table, n]) => `${table} ${n}`).join(', ');
      process.stdout.write(`copied rows: ${copied}; indexed for search: ${report.indexed}\n`);
      process.stdout.write(`${'concern'.padEnd(22)}${'sqlite'.padStart(9)}${'postgres'.padStart(10)}  sha256 (sqlite / postgres)\n`);
      for (const c of report.checks) {
        process.stdout.write(`${c.concern.padEnd(22)}${String(c.source).padStart(9)}${String(c.target).padStart(10)}  `
          + `${c.sourceSha256.slice(0, 16)} / ${c.targetSha256.slice(0, 16)}  ${c.equal ? 'same' : 'DIFFERENT'}\n`);
      }
      if (!report.identical) {
        process.stdout.write('the stores differ: run the migration again (it resumes); if they still differ, keep the SQLite store and report it\n');
        process.exitCode = 1;
      } else process.stdout.write('identical: every concern has the same count and checksum\n');
    });
}
