/**
 * Charts drawn on the server as inline SVG: no scripts, no external assets, so the pages' CSP
 * (routes.ts) stays as strict as it is. Each chart is a <figure> whose <svg role="img"> carries a
 * <title> and a <desc> saying the data in words, text labels for the numbers and dates, and a
 * legend in HTML that wraps. The drawing is VIEW_WIDTH units wide and scales to its column
 * (CSS in html.ts caps it), so it fits a 390 px phone without scrolling.
 *   - timeChart: columns per period, stacked by group (articles over time per outlet; an entity's
 *     mentions over time is the one-group case);
 *   - barChart: horizontal bars with their labels (coverage by outlet).
 */
import { html, type SafeHtml } from './html.ts';
import { count, formatDate, formatDateRange, formatNumber, NOUNS, parseIsoDate, type Noun } from './i18n.ts';

const VIEW_WIDTH = 360;
/** Distinguishable for the common colour-vision deficiencies (Okabe–Ito), then grey for "the rest". */
export const PALETTE: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
const REST_COLOUR = '#9aa0a6';
const REST_LABEL = 'pozostałe';

/** One dated thing to count: an article (group = its outlet) or a mention (no group). */
export interface Dated {
  readonly date?: string;
  readonly group?: string;
  readonly count?: number;
}

export type Bucket = 'day' | 'month' | 'year';
const BUCKET_RANK: Readonly<Record<Bucket, number>> = { day: 0, month: 1, year: 2 };

/** Days per period for a span: a few weeks by day, up to three years by month, then by year. */
export function bucketFor(spanDays: number): Bucket {
  return spanDays <= 62 ? 'day' : spanDays <= 3 * 366 ? 'month' : 'year';
}

function bucketKey(date: Date, bucket: Bucket): string {
  const iso = date.toISOString();
  return bucket === 'day' ? iso.slice(0, 10) : bucket === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** Every period from the first to the last key, empty ones too, so gaps show as gaps. */
function periods(first: Date, last: Date, bucket: Bucket): string[] {
  const keys: string[] = [];
  const at = new Date(Date.UTC(first.getUTCFullYear(), bucket === 'year' ? 0 : first.getUTCMonth(), bucket === 'day' ? first.getUTCDate() : 1));
  while (at.getTime() <= last.getTime()) {
    keys.push(bucketKey(at, bucket));
    if (bucket === 'day') at.setUTCDate(at.getUTCDate() + 1);
    else if (bucket === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
    else at.setUTCFullYear(at.getUTCFullYear() + 1);
  }
  return keys;
}

/**
 * Ids for aria-labelledby, from what the figure says: unique within a page (two charts that say
 * the same thing are the same chart), and the same on every rendering of it, so a page rendered
 * twice is byte for byte the same document.
 */
function ids(prefix: string, content: string): { title: string; desc: string } {
  let hash = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) hash = Math.imul(hash ^ content.charCodeAt(i), 0x01000193) >>> 0;
  const key = `${prefix}-${hash.toString(36)}`;
  return { title: `${key}-t`, desc: `${key}-d` };
}

function legend(entries: readonly { label: string; colour: string; value: string }[]): SafeHtml {
  return html`<ul class="legend">${entries.map((e) =>
    html`<li><span class="swatch" style="background:${e.colour}"></span><span translate="no">${e.label}</span> <span class="meta">${e.value}</span></li>`)}</ul>`;
}

export interface TimeChartOptions {
  /** What the chart shows, e.g. "Artykuły w czasie". */
  readonly title: string;
  /** The counted noun for labels and the description. */
  readonly noun?: Noun;
  /** Groups drawn in their own colour; the rest are summed as "pozostałe". */
  readonly maxGroups?: number;
  /** The CSS class of the figure, for tests and styling. */
  readonly className?: string;
}

/**
 * Columns of counts per period (day, month or year, chosen from the span), stacked by group in
 * order of size. Undated items are left out of the drawing and counted in the caption.
 * @example timeChart(sources.map((s) => ({ date: s.published?.value, group: s.outlet })), { title: 'Artykuły w czasie' })
 */
export function timeChart(items: readonly Dated[], options: TimeChartOptions): SafeHtml | '' {
  const noun = options.noun ?? NOUNS.article;
  const dated: { date: Date; group: string; n: number }[] = [];
  let undated = 0;
  let coarsest: Bucket = 'day';
  for (const item of items) {
    const parsed = item.date ? parseIsoDate(item.date) : undefined;
    const n = item.count ?? 1;
    if (parsed) {
      dated.push({ date: parsed.date, group: item.group ?? '', n });
      coarsest = BUCKET_RANK[parsed.precision === 'minute' ? 'day' : parsed.precision] > BUCKET_RANK[coarsest] ? (parsed.precision as Bucket) : coarsest;
    } else undated += n;
  }
  if (!dated.length) return '';
  const times = dated.map((d) => d.date.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...times));
  // A date known to the month only cannot sit on a day's column: the coarsest date sets the least period.
  const bySpan = bucketFor((last.getTime() - first.getTime()) / 86_400_000);
  const bucket = BUCKET_RANK[bySpan] >= BUCKET_RANK[coarsest] ? bySpan : coarsest;
  const keys = periods(first, last, bucket);

  const totals = new Map<string, number>();
  for (const d of dated) totals.set(d.group, (totals.get(d.group) ?? 0) + d.n);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'pl'));
  const maxGroups = options.maxGroups ?? PALETTE.length - 1;
  const shown = ranked.length > maxGroups + 1 ? ranked.slice(0, maxGroups) : ranked;
  const colourOf = new Map(shown.map(([g], i) => [g, PALETTE[i % PALETTE.length]!]));
  const groupOf = (g: string) => (colourOf.has(g) ? g : REST_LABEL);
  const order = [...shown.map(([g]) => g), ...(shown.length < ranked.length ? [REST_LABEL] : [])];

  const cells = new Map<string, Map<string, number>>();
  for (const d of dated) {
    const key = bucketKey(d.date, bucket);
    const row = cells.get(key) ?? new Map<string, number>();
    row.set(groupOf(d.group), (row.get(groupOf(d.group)) ?? 0) + d.n);
    cells.set(key, row);
  }
  const columnTotal = (key: string) => [...(cells.get(key)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const peak = Math.max(...keys.map(columnTotal));

  const top = 18, bottom = 22, left = 4, right = 4, height = 150;
  const plot = height - top - bottom;
  const step = (VIEW_WIDTH - left - right) / keys.length;
  const barWidth = Math.max(1, Math.min(step * 0.8, 40));
  const labelEvery = Math.ceil(keys.length / 5);
  const label = (key: string) => formatDate(key, { short: true });

  const columns = keys.map((key, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    let y = top + plot;
    const row = cells.get(key);
    const segments = order.filter((g) => row?.get(g)).map((g) => {
      const h = (row!.get(g)! / peak) * plot;
      y -= h;
      return html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${colourOf.get(g) ?? REST_COLOUR}"><title>${label(key)}: ${g || options.title} ${formatNumber(row!.get(g)!)}</title></rect>`;
    });
    const total = columnTotal(key);
    const value = total && (keys.length <= 12 || total === peak) ? html`<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="value">${formatNumber(total)}</text>` : '';
    const axis = i % labelEvery === 0 || i === keys.length - 1
      ? html`<text x="${(left + i * step + step / 2).toFixed(1)}" y="${height - 6}" text-anchor="${i === 0 && keys.length > 1 ? 'start' : i === keys.length - 1 && keys.length > 1 ? 'end' : 'middle'}" class="axis">${label(key)}</text>`
      : '';
    return html`${segments}${value}${axis}`;
  });

  const total = dated.reduce((a, d) => a + d.n, 0);
  const groupTotals = new Map<string, number>();
  for (const d of dated) groupTotals.set(groupOf(d.group), (groupTotals.get(groupOf(d.group)) ?? 0) + d.n);
  const busiest = keys.reduce((best, k) => (columnTotal(k) > columnTotal(best) ? k : best), keys[0]!);
  const description = `${count(total, noun)}: ${formatDateRange(keys[0], keys[keys.length - 1])}; ` +
    `najwięcej: ${formatDate(busiest)} (${formatNumber(columnTotal(busiest))})` +
    (order.length > 1 ? `; ${order.map((g) => `${g}: ${formatNumber(groupTotals.get(g) ?? 0)}`).join(', ')}` : '') +
    (undated ? `; ${formatNumber(undated)} bez daty` : '') + '.';
  const id = ids('chart', `${options.title}|${description}`);
  const caption = order.length > 1
    ? legend(order.map((g) => ({ label: g || '—', colour: colourOf.get(g) ?? REST_COLOUR, value: formatNumber(groupTotals.get(g) ?? 0) })))
    : '';
  return html`<figure class="chart ${options.className ?? 'time-chart'}" data-bucket="${bucket}"><figcaption class="chart-title">${options.title}</figcaption>
<svg viewBox="0 0 ${VIEW_WIDTH} ${height}" role="img" aria-labelledby="${id.title} ${id.desc}" preserveAspectRatio="xMidYMid meet">
<title id="${id.title}">${options.title}</title><desc id="${id.desc}">${description}</desc>
<line x1="${left}" y1="${top + plot + 0.5}" x2="${VIEW_WIDTH - right}" y2="${top + plot + 0.5}" class="baseline"/>
${columns}</svg>
${caption}${undated ? html`<p class="meta">${count(undated, noun)} bez daty nie ${undated === 1 ? 'jest' : 'są'} na wykresie.</p>` : ''}</figure>`;
}

/** One bar of a bar chart; `href` makes its label a link. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly href?: string;
  /** Shown after the value, e.g. "3 artykuły". */
  readonly note?: string;
}

/**
 * Horizontal bars, largest first, each label above its bar so long outlet names wrap instead of
 * widening the page. The labels are HTML text; each bar is a small SVG drawing hidden from
 * screen readers, which read the same numbers in the labels.
 * @example barChart([{ label: 'PAP', value: 12 }], { title: 'Zasięg według serwisów' })
 */
export function barChart(bars: readonly Bar[], options: { title: string; noun?: Noun; max?: number; className?: string }): SafeHtml | '' {
  const noun = options.noun ?? NOUNS.article;
  const sorted = [...bars].filter((b) => b.value > 0).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'pl'));
  if (!sorted.length) return '';
  const max = options.max ?? 12;
  const shown = sorted.slice(0, max);
  const rest = sorted.slice(max);
  const peak = shown[0]!.value;
  const restTotal = rest.reduce((a, b) => a + b.value, 0);
  // The labels are the text (a screen reader reads the list); the bars only draw the same numbers.
  const rows = shown.map((b) => {
    const width = Math.max(2, (b.value / peak) * VIEW_WIDTH);
    return html`<li><div class="bar-label"><span translate="no">${b.href ? html`<a href="${b.href}">${b.label}</a>` : b.label}</span> <span class="meta">${b.note ?? count(b.value, noun)}</span></div>
<svg viewBox="0 0 ${VIEW_WIDTH} 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect x="0" y="0" width="${width.toFixed(1)}" height="10" rx="2" fill="${PALETTE[0]}"/></svg></li>`;
  });
  return html`<figure class="chart ${options.className ?? 'bar-chart'}"><figcaption class="chart-title">${options.title}</figcaption>
<ol class="bars">${rows}</ol>
${rest.length ? html`<p class="meta">i ${count(rest.length, NOUNS.outlet)} więcej (${count(restTotal, noun)})</p>` : ''}</figure>`;
}
