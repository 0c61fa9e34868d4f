/** Reading the followed sources for the sources page, through the store's sources concern. */
import { outletOf } from '../sources/outlet.ts';
import type { PollLogEntry, Source } from '../sources/types.ts';
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

/** One page of followed sources (failing ones first, then by name) with their recent polls. */
export async function sourceHealth(store: Store, paging: { limit: number; offset: number }): Promise<SourceList> {
  const { sources } = store;
  const all = (await sources.list()).sort((a, b) => rank(a) - rank(b) || outletOf(a).localeCompare(outletOf(b), 'pl'));
  const shown = all.slice(paging.offset, paging.offset + paging.limit);
  const rows = await Promise.all(shown.map(async (source) => ({ source, polls: await sources.recentPolls(source.id, POLLS_SHOWN) })));
  return { total: all.length, rows };
}

/** Disabled, then failing, then the rest: what needs attention first. */
function rank(source: Source): number {
  return source.state.disabledReason ? 0 : source.state.consecutiveErrors > 0 ? 1 : source.paused ? 3 : 2;
}
