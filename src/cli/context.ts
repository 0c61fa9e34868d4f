/**
 * What every command shares: opening the store from --db / KRONIKA_DB, printing data as
 * text or JSON, and turning failures into the documented exit codes
 * (0 all good, 1 some inputs failed, 2 usage error).
 */
import type { Command } from 'commander';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { resolveDbPath } from '../store/path.ts';
import type { Store } from '../store/store.ts';
import { terminalCell, terminalSafe } from '../text/terminal.ts';

export { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError } from './errors.ts';

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

/** Text for the terminal: escape sequences from stored titles and texts never reach it (src/text/terminal.ts). */
export function printText(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Fixed-width text table for terminal listings; the last column takes the rest of the line. */
export function printTable(header: readonly string[], unsafeRows: readonly (readonly string[])[]): void {
  const rows = unsafeRows.map((row) => row.map((cell) => terminalCell(cell ?? '')));
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
