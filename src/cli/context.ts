/**
 * What every command shares: opening the store from --db / KRONIKA_DB, printing data as
 * text or JSON, and turning failures into the documented exit codes
 * (0 all good, 1 some inputs failed, 2 usage error).
 */
import type { Command } from 'commander';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { resolveDbPath } from '../store/path.ts';
import type { Store } from '../store/legacy.ts';
import { syncStories, type StoriesSync } from '../app/stories.ts';

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
  return cmd.option('--db <path>', 'SQLite database file (default: $KRONIKA_DB or ./kronika.db)');
}

export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print JSON (one object per line for lists)');
}

/** Opens the store for one command and always closes it, also when the command throws. */
export async function withStore<T>(options: DbOptions, run: (store: Store) => Promise<T> | T): Promise<T> {
  const store = openSqliteStore(resolveDbPath(options.db));
  try {
    return await run(store);
  } finally {
    store.close();
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

/** Brings the stories up to date with the store, and says on stderr when saved stories had to be rebuilt. */
export function syncStoriesOf(store: Store): StoriesSync {
  const sync = syncStories(store);
  if (sync.recovered) process.stderr.write(`kronika: warning: ${sync.recovered}\n`);
  return sync;
}
