/**
 * The store-wide timeline (`kronika timeline` without --article or --story): a page of every
 * original's time expressions in timeline order, read from the time entries stored beside the
 * analyses (src/analysis/digest.ts), so only the analyses of the articles on the page are
 * decoded. Two kinds of article are read whole, as before: undated ones, whose values depend on
 * the anchor of their event (src/app/anchor.ts), which moves as stories grow, and those without
 * a current stored analysis. Records and order are those of sorting every article's timeLines.
 */
import { ANALYSIS_VERSION } from '../analysis/version.ts';
import type { Store } from '../store/store.ts';
import { readAnalyses } from './analyses.ts';
import { undatedAnchors } from './anchor.ts';
import { unanalysedOriginals } from './articles.ts';
import { timeLines } from './records.ts';

export type TimeLineRecord = ReturnType<typeof timeLines>[number];

export interface TimelineRead {
  readonly records: TimeLineRecord[];
  /** Articles analysed afresh (no current stored analysis). */
  readonly fresh: number;
}

interface Slot {
  readonly value: string;
  readonly article: string;
  readonly start: number;
  readonly index: number;
  record?: TimeLineRecord;
}

/** Expressions that could not be resolved (no anchor date) have an empty value: they come last. */
export function timelineOrder(x: Omit<Slot, 'record'>, y: Omit<Slot, 'record'>): number {
  return Number(!x.value) - Number(!y.value) || x.value.localeCompare(y.value) || x.article.localeCompare(y.article) ||
    x.start - y.start || x.index - y.index;
}

/**
 * Records `offset` to `offset + limit` (default: all) of the store's timeline.
 * @example (await storeTimeline(store, { offset: 0, limit: 5 })).records
 */
export async function storeTimeline(store: Store, paging: { readonly offset: number; readonly limit?: number }): Promise<TimelineRead> {
  const end = paging.limit === undefined ? undefined : paging.offset + paging.limit;
  const anchorOf = undatedAnchors(store);
  // An undated article's stored values are the ones it reads with no anchor; those with one are read whole.
  const anchored = (await store.analyses.undated(ANALYSIS_VERSION)).filter((u) => u.anchored).map((u) => u.articleId);
  const entries = await store.analyses.timeline(ANALYSIS_VERSION, { ...(end !== undefined && { limit: end }), skip: anchored });
  const missing = await unanalysedOriginals(store);
  const side = await readAnalyses(store, [...await store.articles.getMany(anchored), ...missing], anchorOf);
  const slots: Slot[] = [
    ...entries.map((e) => ({ value: e.value, article: e.articleId, start: e.start, index: e.index })),
    ...side.analyses.flatMap((a) => timeLines(a).map((record, index) => ({ value: record.value, article: record.article, start: record.start, index, record }))),
  ];
  const page = slots.sort(timelineOrder).slice(paging.offset, end);
  const toRead = [...new Set(page.filter((s) => !s.record).map((s) => s.article))];
  const read = await readAnalyses(store, await store.articles.getMany(toRead), anchorOf);
  const byArticle = new Map(read.analyses.map((a) => [a.article.id, timeLines(a)]));
  return {
    records: page.map((s) => s.record ?? byArticle.get(s.article)![s.index]!),
    fresh: side.fresh + read.fresh,
  };
}
