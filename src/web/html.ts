/**
 * HTML building for the web pages: one escaper every interpolated value goes through, and the
 * page shell. No scripts and no external assets; the stylesheet is inline and the pages are
 * served with a CSP that forbids everything else (routes.ts).
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text → HTML text or attribute value.
 * @example escapeHtml('<b>"Kim" & Putin</b>') // → '&lt;b&gt;&quot;Kim&quot; &amp; Putin&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** HTML that is already safe: only produced by `html` below or by escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = string | number | SafeHtml | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: every interpolated value is escaped unless it is SafeHtml, so forgetting to
 * escape is not possible by construction.
 * @example html`<p>${userText}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks a string produced by a trusted renderer (e.g. markHighlights with escapeHtml) as safe. */
export function trusted(value: string): SafeHtml {
  return new SafeHtml(value);
}

const STYLE = `
  :root { --ink: #1d1d1f; --muted: #5f6368; --line: #e3e5e8; --accent: #1a4f8b; --chip: #e8eef7; }
  * { box-sizing: border-box; }
  body { font: 17px/1.6 Georgia, 'DejaVu Serif', serif; max-width: 50rem; margin: 0 auto; padding: 0 1rem 2rem; color: var(--ink); overflow-wrap: break-word; }
  header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; border-bottom: 2px solid var(--ink); padding: .7rem 0; margin-bottom: 1.2rem;
    font-family: system-ui, sans-serif; font-size: .95rem; }
  header a { color: inherit; }
  header a.home { font-weight: 800; text-decoration: none; font-size: 1.3rem; letter-spacing: .02em; }
  form.search { display: flex; gap: .4rem; flex: 1 1 16rem; min-width: 0; }
  form.search input[type=search] { flex: 1; min-width: 0; padding: .35rem .6rem; font-size: 1rem; border: 1px solid #bbb; border-radius: .3rem; }
  form.search button { padding: .35rem .8rem; border: 0; border-radius: .3rem; background: var(--ink); color: #fff; font-size: .95rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .4rem; }
  h2 { font: 700 .8rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
    border-top: 1px solid var(--line); padding-top: 1rem; margin: 2rem 0 .8rem; }
  a { color: var(--accent); }
  ol.results { list-style: none; padding: 0; }
  ol.results li { margin: 1.1rem 0; }
  ol.results li > a { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
  .meta { color: var(--muted); font: .82rem/1.4 system-ui, sans-serif; }
  mark { background: #ffe58a; padding: 0 .1em; }
  /* The #passage jump leaves a third of a screen of context above the cited sentence. */
  mark.passage { background: #cde8ff; box-shadow: 0 0 0 2px #cde8ff; scroll-margin-top: 30vh; }
  .text { white-space: pre-wrap; }
  .error { color: #a00; }
  nav.pages { display: flex; justify-content: space-between; margin: 1rem 0; }
  table.meta td { padding: 0 1rem 0 0; vertical-align: top; }
  table.claims td:nth-child(2) { overflow-wrap: anywhere; }
  .story ul, .story ol, .entity-page ul, .entity-page ol { padding: 0; list-style: none; }
  ul.summary li { margin: .45rem 0; font-size: 1.08rem; }
  ul.summary li:first-child { font-size: 1.25rem; line-height: 1.45; }
  /* Chips wrap like words (never a nowrap run wider than a phone); a large set folds behind "+N". */
  .cites { margin-left: .15em; }
  a.cite, .more-cites > summary { display: inline-block; min-width: 1.6em; margin: .1em 0 .1em .2em; padding: 0 .4em; border-radius: .8em; background: var(--chip);
    color: var(--accent); font: 700 .72rem/1.7 system-ui, sans-serif; text-align: center; text-decoration: none; vertical-align: .15em; }
  a.cite:hover, a.cite:focus-visible { background: var(--accent); color: #fff; }
  .more-cites { display: inline; }
  .more-cites > summary { cursor: pointer; list-style: none; background: #fff; border: 1px solid var(--chip); }
  .more-cites > summary::-webkit-details-marker { display: none; }
  .more-cites[open] > summary { display: none; }
  table.claims { width: 100%; border-collapse: collapse; font-size: .95rem; }
  table.claims th { font: 600 .72rem system-ui, sans-serif; text-transform: uppercase; color: var(--muted); text-align: left; padding: .3rem; }
  table.claims td { border-top: 1px solid var(--line); padding: .45rem .3rem; vertical-align: top; }
  .num { text-align: right; font-family: system-ui, sans-serif; white-space: nowrap; }
  .badge { display: inline-block; padding: .05em .55em; border-radius: 1em; font: 700 .7rem/1.6 system-ui, sans-serif; white-space: nowrap; }
  .badge.asserted, .badge.attributed { background: #eceef1; color: #4a4f55; }
  .badge.confirmed { background: #d7e8fb; color: #174a80; }
  .badge.hedged { background: #fff1c7; color: #7a5a00; }
  .badge.disputed, .badge.denied { background: #fde0dd; color: #a3261b; }
  .badge.superseded { background: #eceef1; color: #4a4f55; text-decoration: line-through; }
  .conflict { border-left: 4px solid #d93f2f; background: #fdf1ef; padding: .5rem .8rem; margin: .5rem 0; border-radius: 0 .3rem .3rem 0; }
  .conflict.refinement { border-color: #d9a62f; background: #fdf8ea; }
  .conflict .slot { margin-left: .4rem; font: .75rem system-ui, sans-serif; color: var(--muted); text-transform: uppercase; }
  .conflict .values { display: flex; flex-wrap: wrap; gap: .3rem .5rem; margin-top: .2rem; }
  .conflict .value { background: #fff; border: 1px solid #f0c4bd; border-radius: .3rem; padding: 0 .4rem; }
  ul.timeline li { display: grid; grid-template-columns: 8.5rem minmax(0, 1fr); gap: .8rem; padding: .35rem 0; border-left: 2px solid var(--line); padding-left: .8rem; }
  ul.timeline time { font: 700 .85rem/1.9 system-ui, sans-serif; color: var(--accent); }
  ul.quotes li { margin: .9rem 0; }
  blockquote { margin: 0; padding-left: .8rem; border-left: 3px solid var(--ink); font-style: italic; }
  .who { font: .85rem system-ui, sans-serif; color: var(--muted); margin: .2rem 0 0 .8rem; }
  details summary { cursor: pointer; font: .85rem system-ui, sans-serif; color: var(--accent); margin: .5rem 0; }
  ol.sources li { display: grid; grid-template-columns: 1.8rem minmax(0, 1fr); column-gap: .3rem; margin: .4rem 0; }
  ol.sources a, .text, table.meta td, ol.results a, .conflict .value { overflow-wrap: anywhere; }
  table.meta th { font-weight: 400; color: var(--muted); text-align: left; padding: 0 1rem 0 0; vertical-align: top; white-space: nowrap; }
  details.record { margin-top: 1.5rem; }
  .in-story { font: .95rem system-ui, sans-serif; background: #f4f6f9; border-left: 3px solid var(--accent); padding: .4rem .7rem; }
  h3 { font: 600 .85rem system-ui, sans-serif; color: var(--muted); margin: 1rem 0 .3rem; }
  ul.entities { display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: 0; list-style: none; }
  a.entity { display: inline-block; padding: .1rem .6rem; border: 1px solid var(--line); border-radius: 1rem; text-decoration: none; font: .9rem system-ui, sans-serif; }
  a.entity .n { color: var(--muted); font-size: .8rem; }
  figure.chart { margin: 1rem 0 1.5rem; max-width: 32rem; }
  figure.chart svg { display: block; width: 100%; height: auto; }
  figure.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
  figure.chart text.value { fill: var(--ink); font-weight: 600; }
  figure.chart .baseline { stroke: var(--line); }
  .chart-title { font: 600 .85rem system-ui, sans-serif; color: var(--muted); margin: 0 0 .4rem; }
  ul.legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; padding: 0; margin: .4rem 0 0; font: .85rem system-ui, sans-serif; }
  .swatch { display: inline-block; width: .8em; height: .8em; border-radius: .15em; margin-right: .35em; vertical-align: -.05em; }
  ol.bars { list-style: none; padding: 0; margin: 0; }
  ol.bars li { margin: .35rem 0; font: .9rem system-ui, sans-serif; }
  ol.bars svg { height: .6rem; }
  ol.sources .n { grid-row: span 2; font: 700 .8rem/1.9 system-ui, sans-serif; color: var(--accent); }
  nav.site { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
  nav.pages .meta { align-self: center; }
  ul.entities.small { margin: .3rem 0 0; }
  ol.results ul.entities li { margin: 0; }
  ul.entities.small a.entity { font-size: .8rem; padding: 0 .5rem; }
  .lead { margin: .25rem 0; }
  .grew { display: inline-block; padding: 0 .5em; border-radius: 1em; background: #dff3e4; color: #1e6b34; font: 700 .72rem/1.6 system-ui, sans-serif; }
  .folded-singles { border-top: 1px solid var(--line); padding-top: .8rem; font: .95rem system-ui, sans-serif; }
  form.filters { display: flex; flex-wrap: wrap; gap: .5rem .8rem; align-items: end; font: .9rem system-ui, sans-serif; margin: .5rem 0 1rem; }
  form.filters label { display: flex; flex-direction: column; gap: .15rem; color: var(--muted); min-width: 0; }
  form.filters input, form.filters select { font: inherit; color: var(--ink); padding: .25rem .4rem; border: 1px solid #bbb; border-radius: .3rem; max-width: 100%; }
  form.filters button, form.inline button { font: inherit; padding: .3rem .8rem; border: 0; border-radius: .3rem; background: var(--ink); color: #fff; cursor: pointer; }
  form.inline { display: inline; }
  form.inline button.danger { background: #a3261b; }
  .sorts { font: .9rem system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: .2rem .8rem; margin: .3rem 0 .8rem; }
  .sorts [aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
  .group { border-left: 3px solid var(--line); padding-left: .8rem; margin: 1.2rem 0; }
  .group > .group-head { font: .9rem system-ui, sans-serif; margin-bottom: .3rem; }
  .group ol.results li { margin: .6rem 0; }
  aside.live { font: .92rem system-ui, sans-serif; background: #f4f6f9; border-left: 3px solid #1e6b34; padding: .5rem .8rem; margin: .8rem 0; }
  aside.live ul { margin: .3rem 0 0; padding-left: 1.1rem; list-style: disc; }
  ol.events { list-style: none; padding: 0; }
  ol.events li { display: grid; grid-template-columns: 9rem minmax(0, 1fr); gap: .8rem; padding: .45rem 0 .45rem .8rem; border-left: 2px solid var(--line); }
  ol.events time { font: 700 .85rem/1.7 system-ui, sans-serif; color: var(--accent); }
  table.sources-health { width: 100%; border-collapse: collapse; font: .9rem system-ui, sans-serif; }
  table.sources-health td, table.sources-health th { border-top: 1px solid var(--line); padding: .4rem .3rem; text-align: left; vertical-align: top; }
  table.sources-health th { font-weight: 600; color: var(--muted); font-size: .75rem; text-transform: uppercase; }
  .health { display: inline-block; padding: 0 .5em; border-radius: 1em; font: 700 .72rem/1.6 system-ui, sans-serif; white-space: nowrap; }
  .health.ok { background: #dff3e4; color: #1e6b34; }
  .health.failing { background: #fff1c7; color: #7a5a00; }
  .health.disabled { background: #fde0dd; color: #a3261b; }
  .health.paused, .health.new { background: #eceef1; color: #4a4f55; }
  code.url { overflow-wrap: anywhere; font-size: .85em; }
  .feed-link { font: .85rem system-ui, sans-serif; }
  @media (max-width: 600px) {
    table.sources-health thead { display: none; }
    table.sources-health tr { display: block; border-top: 1px solid var(--line); padding: .4rem 0; }
    table.sources-health td { display: block; border: 0; padding: .1rem 0; }
    ol.events li { grid-template-columns: minmax(0, 1fr); gap: 0; }
    body { font-size: 16px; }
    h1 { font-size: 1.5rem; }
    ul.timeline li { grid-template-columns: minmax(0, 1fr); gap: 0; }
    table.claims th:first-child, table.claims td:first-child { width: 1%; }
  }
`;

/** What a page adds to the shell: the search box's text, and a feed to announce. */
export interface PageOptions {
  readonly query?: string;
  /** An Atom feed of this page's content, announced with <link rel="alternate">. */
  readonly feed?: { readonly href: string; readonly title: string };
}

/** The sections of the site, as the header links them. */
const NAV: readonly (readonly [string, string])[] = [
  ['/stories', 'Wydarzenia'], ['/stories?level=storyline', 'Wątki'], ['/articles', 'Artykuły'], ['/watches', 'Obserwowane'], ['/sources', 'Źródła'],
];

/** A whole page: shell, navigation, search box, and the body. */
export function page(title: string, body: SafeHtml, options: PageOptions | string = {}): string {
  const { query = '', feed } = typeof options === 'string' ? { query: options } : options;
  return '<!doctype html>\n' + html`<html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Kronika</title>${feed ? html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}">` : ''}<style>${trusted(STYLE)}</style></head>
<body><header><a class="home" href="/">Kronika</a><nav class="site" aria-label="działy">${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}</nav>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="${query}" placeholder="Szukaj: Władywostok, &quot;Korea Północna&quot;, woj*" maxlength="1000" aria-label="Szukaj w artykułach">
<button type="submit">Szukaj</button></form></header>
<main>${body}</main></body></html>`.value;
}
