/** Self-contained HTML rendering of a story report: inline CSS, no scripts, no external assets. */
import type { StoryReport } from './types.ts';
import { reportView } from './view.ts';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ddd;margin-top:2rem}
.byline{color:#666}.label{font-weight:600;margin-right:.4em}.cite{color:#05a;font-size:.85em;margin-left:.3em}
li{margin:.3em 0}`;

/** Escapes the five HTML specials, so article text is always text (no `<script>` survives). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The report as one HTML page; source numbers link to the source list.
 * @example renderHtml(report).includes('<style>') // → true
 */
export function renderHtml(report: StoryReport): string {
  const view = reportView(report);
  const sections = view.sections.map((section) => {
    const items = section.items.map((item, i) => {
      const help = item.help ? ` title="${escapeHtml(item.help)}"` : '';
      const label = item.label ? `<span class="label"${help}>${escapeHtml(item.label)}</span>` : '';
      const cites = item.sources.map((n) => `<a class="cite" href="#source-${n}">[${n}]</a>`).join('');
      const id = section.title === 'Sources' ? ` id="source-${i + 1}"` : '';
      return `<li${id}>${label}${escapeHtml(item.text)}${cites}</li>`;
    });
    return `<section><h2>${escapeHtml(section.title)}</h2><ul>${items.join('')}</ul></section>`;
  });
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(view.title)}</h1>`,
    `<p class="byline">${escapeHtml(view.byline)}</p>`,
    ...sections,
    '</body></html>',
  ].join('\n') + '\n';
}
