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
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem; color: #1d1d1f; }
  header { display: flex; gap: 1rem; align-items: center; border-bottom: 1px solid #ddd; padding-bottom: .5rem; }
  header a.home { font-weight: 700; text-decoration: none; color: inherit; font-size: 1.2rem; }
  form.search { display: flex; gap: .5rem; flex: 1; }
  form.search input[type=search] { flex: 1; padding: .3rem .5rem; font-size: 1rem; }
  ol.results { list-style: none; padding: 0; }
  ol.results li { margin: 1rem 0; }
  .meta { color: #666; font-size: .85rem; }
  mark { background: #ffe58a; }
  mark.passage { background: #cde8ff; }
  .text { white-space: pre-wrap; }
  .error { color: #a00; }
  nav.pages { display: flex; justify-content: space-between; margin: 1rem 0; }
  table.meta td { padding: 0 1rem 0 0; vertical-align: top; }
`;

/** A whole page: shell, search box, and the body. */
export function page(title: string, body: SafeHtml, query = ''): string {
  return '<!doctype html>\n' + html`<html lang="pl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Kronika</title><style>${trusted(STYLE)}</style></head>
<body><header><a class="home" href="/">Kronika</a><a href="/stories">Wydarzenia</a>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="${query}" placeholder="Szukaj: Władywostok, &quot;Korea Północna&quot;, woj*" maxlength="1000" aria-label="search">
<button type="submit">Szukaj</button></form></header>
<main>${body}</main></body></html>`.value;
}
