/**
 * What every command shares: opening the store from --db / KRONIKA_DB, printing data as
 * text or JSON, telling the user when the stages lag behind, and turning failures into the
 * documented exit codes (0 all good, 1 some inputs failed, 2 usage error).
 */
import type { Command } from 'commander';
import { stageLag } from '../app/stages.ts';
import { openStore, resolveStoreLocation } from '../store/index.ts';
import type { Store } from '../store/store.ts';

export const EXIT_OK = 0;
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

/** A usage mistake the user can fix (bad id, bad flag value): printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface DbOptions {
  readonly db?: string;
}

/** Adds the `--db` option every data command takes. */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <path>', 'the store: an SQLite file (default: $KRONIKA_DB or ./kronika.db)');
}

export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print JSON (one object per line for lists)');
}

/** Opens the store for one command and always closes it, also when the command throws. */
export async function withStore<T>(options: DbOptions, run: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openStore(resolveStoreLocation(options.db));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

export function printJsonLines(records: Iterable<unknown>): void {
  for (const record of records) process.stdout.write(JSON.stringify(record) + '\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Fixed-width text table for terminal listings; the last column takes the rest of the line. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) =>
    i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : (c ?? '').padEnd(widths[i]))).join('  ');
  process.stdout.write(line(header) + '\n');
  for (const row of rows) process.stdout.write(line(row) + '\n');
}

export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : flat.slice(0, width - 1) + '…';
}

export function warn(message: string): void {
  process.stderr.write(`kronika: warning: ${message}\n`);
}

/**
 * Says on stderr when a reader's answer is behind the store: articles the stories do not hold yet
 * (stored with --no-stages, or by a process whose stages failed), analyses made afresh. Readers
 * never run the stages themselves (`kronika update` does).
 */
export async function noticeLag(store: Store, what: { stories?: boolean; fresh?: number } = {}): Promise<void> {
  if (what.stories) {
    const lag = await stageLag(store);
    if (lag.cluster > 0) warn(`${lag.cluster} stored article(s) are not in stories yet: \`kronika update\` adds them`);
  }
  if (what.fresh) {
    warn(`${what.fresh} article(s) had no current stored analysis and were analysed now: \`kronika update\` or \`kronika reanalyse\` stores them`);
  }
}
