/**
 * Reading the followed sources for the sources page. The store contract will carry them as
 * `store.sources`; until every engine has it, a SQLite store's sources are read from the same
 * file through the SQLite source store (src/store/sqlite/source-store.ts) on a read-only
 * connection of its own. This function is the one place to switch when `store.sources` lands.
 */
import { outletOf } from '../sources/outlet.ts';
import type { SourceStore } from '../sources/store.ts';
import type { PollLogEntry, Source } from '../sources/types.ts';
import { openDatabase } from '../store/sqlite/connection.ts';
import { SqliteSourceStore } from '../store/sqlite/source-store.ts';
import type { Store } from '../store/store.ts';

export interface SourceHealthRow {
  readonly source: Source;
  /** Newest first. */
  readonly polls: readonly PollLogEntry[];
}

export interface SourceList {
  readonly total: number;
  readonly rows: readonly SourceHealthRow[];
}

/** Polls shown per source: the recent pattern at a glance. */
export const POLLS_SHOWN = 10;

type SourceReader = Pick<SourceStore, 'list' | 'recentPolls'>;

async function withSources<T>(store: Store, read: (sources: SourceReader) => Promise<T>): Promise<T | undefined> {
  const concern = (store as Store & { readonly sources?: SourceReader }).sources;
  if (concern) return read(concern);
  if (store.engine !== 'sqlite' || store.location === ':memory:') return undefined;
  const sources = openDatabase(store.location, { readonly: true }, (db) => new SqliteSourceStore(db, true));
  try {
    return await read(sources);
  } finally {
    sources.close();
  }
}

/**
 * One page of followed sources (failing ones first, then by name) with their recent polls;
 * undefined when this store cannot list sources.
 */
export async function sourceHealth(store: Store, paging: { limit: number; offset: number }): Promise<SourceList | undefined> {
  return withSources(store, async (sources) => {
    const all = (await sources.list()).sort((a, b) => rank(a) - rank(b) || outletOf(a).localeCompare(outletOf(b), 'pl'));
    const shown = all.slice(paging.offset, paging.offset + paging.limit);
    const rows = await Promise.all(shown.map(async (source) => ({ source, polls: await sources.recentPolls(source.id, POLLS_SHOWN) })));
    return { total: all.length, rows };
  });
}

/** Disabled, then failing, then the rest: what needs attention first. */
function rank(source: Source): number {
  return source.state.disabledReason ? 0 : source.state.consecutiveErrors > 0 ? 1 : source.paused ? 3 : 2;
}
