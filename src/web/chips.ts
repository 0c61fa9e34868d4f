/**
 * Citation chips: the numbered links from a report's sentence to the cited passage of each
 * source. One chip per source (a second sentence of the same article reads as a stutter "1 1"),
 * in source order, wrapping like words; past CHIPS_SHOWN the rest fold behind "+N" (a <details>,
 * no script). Each chip's tooltip names the source's outlet and headline, never its hex id.
 */
import type { Citation, ReportSource } from '../synthesis/types.ts';
import { html, type SafeHtml } from './html.ts';
import { formatPublished } from './i18n.ts';

/** Chips shown before "+N": a line of them on a phone. */
export const CHIPS_SHOWN = 5;

/** What a chip says about its source: the row number in "Źródła", and a tooltip. */
export interface ChipSource {
  readonly number: number;
  readonly tooltip: string;
}

/** The passage link every citation and search hit uses. */
export function passageLink(articleId: string, passage?: { readonly start: number; readonly end: number }): string {
  return passage ? `/articles/${articleId}?start=${passage.start}&end=${passage.end}#passage` : `/articles/${articleId}`;
}

/**
 * Numbers and tooltips for a report's sources, numbered as listed; `headline` names each one.
 * @example chipSources(report.sources, (s) => s.title ?? '…').get(id) // → { number: 1, tooltip: '1. PAP · 12 września 2023 — Kim w Rosji' }
 */
export function chipSources(sources: readonly ReportSource[], headline: (source: ReportSource, number: number) => string): Map<string, ChipSource> {
  return new Map(sources.map((s, i) => [s.article, {
    number: i + 1,
    tooltip: `${i + 1}. ${s.outlet ?? '—'} · ${formatPublished(s.published)} — ${headline(s, i + 1)}`,
  }]));
}

/** The citations as chips: one per source, sorted by source number, folded past CHIPS_SHOWN. */
export function citationChips(citations: readonly Citation[], sources: ReadonlyMap<string, ChipSource>): SafeHtml {
  const first = new Map<string, Citation>();
  for (const c of citations) if (!first.has(c.article)) first.set(c.article, c);
  const chips = [...first.values()]
    .map((c) => ({ c, source: sources.get(c.article) }))
    .sort((a, b) => (a.source?.number ?? Infinity) - (b.source?.number ?? Infinity))
    .map(({ c, source }) => html`<a class="cite" href="${passageLink(c.article, c)}" title="${source?.tooltip ?? 'źródło spoza listy'}">${source ? String(source.number) : '?'}</a>`);
  if (chips.length <= CHIPS_SHOWN) return html`<span class="cites">${chips}</span>`;
  return html`<span class="cites">${chips.slice(0, CHIPS_SHOWN)}<details class="more-cites"><summary title="pokaż pozostałe źródła">+${chips.length - CHIPS_SHOWN}</summary>${chips.slice(CHIPS_SHOWN)}</details></span>`;
}
