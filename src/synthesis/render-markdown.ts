/** Markdown rendering of a story report (the same sections as render-html.ts). */
import type { StoryReport } from './types.ts';
import { terminalSafe } from '../text/terminal.ts';
import { reportView } from './view.ts';

/**
 * Markdown's inline specials, escaped so article text cannot become links, emphasis or HTML.
 * Brackets stay readable ("[2]"): without a "(" right after "]" they cannot form an inline link,
 * and no line of the report can define a reference link, so only "](" is broken up.
 */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}<>|#]/g, (c) => `\\${c}`).replace(/\]\(/g, ']\\(').replace(/\s+/g, ' ').trim();
}

/**
 * The report as Markdown, citations as [n] pointing at the numbered sources.
 * @example renderMarkdown(synthesizeStory(story)).startsWith('# ')
 */
export function renderMarkdown(report: StoryReport): string {
  const view = reportView(report);
  const lines = [`# ${escapeMarkdown(view.title)}`, '', `_${escapeMarkdown(view.byline)}_`];
  for (const section of view.sections) {
    lines.push('', `## ${section.title}`, '');
    for (const item of section.items) {
      const label = item.label ? `**${escapeMarkdown(item.label)}** ` : '';
      const cites = item.sources.map((n) => `[${n}]`).join('');
      lines.push(`- ${label}${escapeMarkdown(item.text)}${cites ? ` ${cites}` : ''}`);
    }
  }
  // Read in terminals and editors alike: no escape sequence from an article survives (src/text/terminal.ts).
  return terminalSafe(lines.join('\n')) + '\n';
}
