/**
 * What every command shares: opening the store from --db / KRONIKA_DB, printing data as
 * text or JSON, telling the user when the stages lag behind, and turning failures into the
 * documented exit codes (0 all good, 1 some inputs failed, 2 usage error).
 */
import type { Command } from 'commander';
import { stageLag } from '../app/stages.ts';
import { openStore, resolveStoreLocation } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { terminalCell, terminalSafe } from '../text/terminal.ts';

export { EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, UsageError } from './errors.ts';

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
