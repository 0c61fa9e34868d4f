/**
 * What every command shares: opening the store from --db / KRONIKA_DB, paging and date flags,
 * printing data as tables that fit the terminal or as JSON Lines, telling the user when the
 * stages lag behind, and turning failures into the documented exit codes (src/cli/errors.ts).
 */
import type { Command } from 'commander';
import { stageLag } from '../app/lag.ts';
import { openStore, resolveStoreLocation } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { terminalCell, terminalSafe } from '../text/terminal.ts';

import { UsageError } from './errors.ts';

export { EXIT_NOT_FOUND, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, NotFoundError, UsageError } from './errors.ts';

export interface DbOptions {
  readonly db?: string;
}

/** Adds the `--db` option every data command takes. */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <path>', 'the store: an SQLite file (default: $KRONIKA_DB or ./kronika.db)');
}

export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print JSON Lines: one JSON object per line');
}

export interface PageFlags {
  readonly limit?: string;
  readonly offset?: string;
}

export interface Paging {
  readonly limit?: number;
  readonly offset: number;
}

/** Adds `--limit` and `--offset` to a list command; `max` caps --limit where the engine has a cap. */
export function withPaging(cmd: Command, what: string, max?: number): Command {
  return cmd
    .option('--limit <n>', `at most this many ${what}${max ? ` (at most ${max})` : ''}`)
    .option('--offset <n>', `skip this many ${what} first (with --limit: the next page)`, '0');
}

/** The validated --limit and --offset; a bad value is a usage error naming it. */
export function pagingOf(flags: PageFlags, max?: number): Paging {
  const limit = flags.limit === undefined ? undefined : Number(flags.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && (max === undefined || limit <= max))) {
    throw new UsageError(`--limit "${flags.limit}" is not ${max ? `an integer from 1 to ${max}` : 'a positive integer'}`);
  }
  const offset = Number(flags.offset ?? 0);
  if (!(Number.isInteger(offset) && offset >= 0)) throw new UsageError(`--offset "${flags.offset}" is not a whole number (0 or more)`);
  return { ...(limit !== undefined && { limit }), offset };
}

/** The page of `items` that --limit and --offset select. */
export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  return items.slice(paging.offset, paging.limit === undefined ? undefined : paging.offset + paging.limit);
}

/** Items from an async stream after the first `offset`, at most `limit` of them; stops reading once it has them. */
export async function* pageStream<T>(items: AsyncIterable<T>, paging: Paging): AsyncGenerator<T> {
  let seen = 0;
  let kept = 0;
  for await (const item of items) {
    if (seen++ < paging.offset) continue;
    yield item;
    if (paging.limit !== undefined && ++kept >= paging.limit) return;
  }
}

const DATE_FLAG = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date flag's value checked as a calendar date (YYYY, YYYY-MM or YYYY-MM-DD): "2018-13" or
 * "2019-02-30" is a usage error naming the flag and the value, not a filter that matches nothing.
 */
export function dateFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = DATE_FLAG.exec(value);
  const [year, month, day] = (match?.slice(1) ?? []).map((part) => (part === undefined ? undefined : Number(part)));
  const valid = match !== null && (month === undefined || (month >= 1 && month <= 12)) &&
    (day === undefined || (day >= 1 && day <= new Date(Date.UTC(year!, month!, 0)).getUTCDate()));
  if (!valid) throw new UsageError(`${name} "${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
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

/** One JSON value on one line: every `--json` output is JSON Lines, also a single result. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** Text for the terminal: escape sequences from stored titles and texts never reach it (src/text/terminal.ts). */
export function printText(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Tables and lines fit this many columns, or a narrower terminal. */
export const MAX_COLUMNS = 100;
/** The narrowest a table's last column is squeezed to before the other columns give way. */
const MIN_LAST_COLUMN = 20;

/** The width output must fit: MAX_COLUMNS, or the terminal's width when that is narrower. */
export function outputWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return columns && columns > 0 ? Math.min(MAX_COLUMNS, columns) : MAX_COLUMNS;
}

/** Characters as the terminal counts them (code points, so a surrogate pair is one). */
function widthOf(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` cut to `width` characters, with … where it was cut. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (widthOf(flat) <= width) return flat;
  return width <= 0 ? '' : [...flat].slice(0, width - 1).join('') + '…';
}

function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - widthOf(text)));
}

/**
 * Column widths that fit `total`: natural widths when they fit; else the last column takes what
 * the others leave, and when that is under MIN_LAST_COLUMN the widest other columns give way.
 */
function fitWidths(natural: readonly number[], total: number): number[] {
  const widths = [...natural];
  const gaps = 2 * (widths.length - 1);
  const last = widths.length - 1;
  const others = () => widths.slice(0, last).reduce((a, b) => a + b, 0);
  const lastFloor = Math.min(natural[last]!, MIN_LAST_COLUMN);
  while (last > 0 && others() + gaps + lastFloor > total) {
    const widest = widths.slice(0, last).reduce((best, w, i) => (w > widths[best]! ? i : best), 0);
    if (widths[widest]! <= 4) break;
    widths[widest]!--;
  }
  widths[last] = Math.max(1, Math.min(natural[last]!, total - gaps - others()));
  return widths;
}

/**
 * A text table for terminal listings that fits outputWidth(): cells cut with … where needed, the
 * last column (a title, a sentence) first. Cells are terminal-safe (src/text/terminal.ts).
 */
export function printTable(header: readonly string[], unsafeRows: readonly (readonly string[])[]): void {
  const rows = [header, ...unsafeRows].map((row) => header.map((_, i) => terminalCell(row[i] ?? '').replace(/\s+/g, ' ').trim()));
  const natural = header.map((_, i) => Math.max(...rows.map((r) => widthOf(r[i]!))));
  const widths = fitWidths(natural, outputWidth());
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? truncate(c, widths[i]!) : padTo(truncate(c, widths[i]!), widths[i]!))).join('  ');
  process.stdout.write(rows.map(line).join('\n') + '\n');
}

/**
 * One line of a line-per-record listing (mentions, quotes, timeline…): the fixed fields as
 * given, the free text last, cut so that the line fits outputWidth().
 */
export function printLine(fixed: string, free: string): void {
  const head = terminalCell(fixed);
  process.stdout.write(head + truncate(terminalCell(free), outputWidth() - widthOf(head)) + '\n');
}

/** Says on stderr which rows a table shows when it does not show them all. */
export function noticePage(what: string, offset: number, shown: number, total: number): void {
  if (offset === 0 && shown >= total) return;
  const next = offset + shown < total ? `; --offset ${offset + shown} for the next page` : '';
  process.stderr.write(shown === 0
    ? `no ${what} at offset ${offset} (${total} in all)\n`
    : `${what} ${offset + 1}–${offset + shown} of ${total}${next}\n`);
}

/** The web UI's public address for story links: --base-url, else $KRONIKA_BASE_URL. */
export function baseUrlOf(flag?: string): string | undefined {
  return flag ?? (process.env.KRONIKA_BASE_URL || undefined);
}

/**
 * The store's story counts after a run, for a summary line. They are totals, not what the run
 * made: "1 stored; stories: 304 event(s)" read as 304 new stories.
 * @example storyTotals({ events: 304, storylines: 22 }) // → 'stories in the store: 304 event(s), 22 storyline(s)'
 */
export function storyTotals(counts: { readonly events: number; readonly storylines: number }): string {
  return `stories in the store: ${counts.events} event(s), ${counts.storylines} storyline(s)`;
}

/**
 * A span of dates for a summary line; "undated" (as the lists' PUBLISHED column says) when
 * nothing in it carries a date, rather than "? … ?".
 * @example dateRange(undefined, undefined) // → 'undated'
 */
export function dateRange(first: string | null | undefined, last: string | null | undefined): string {
  return first || last ? `${first ?? '?'} … ${last ?? '?'}` : 'undated';
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
