/** Renders highlight offsets as marked text; the caller picks the marks (and escapes, for HTML). */
import type { Span } from '../types.ts';

/**
 * `text` with each span wrapped in `open`/`close`; `escape` is applied to every piece of text
 * (marks are inserted as given), so an HTML caller passes an escaper and tag strings.
 * @example markHighlights('Jechał pociągiem.', [{ start: 7, end: 16 }], '[', ']') // → 'Jechał [pociągiem].'
 */
export function markHighlights(
  text: string, spans: readonly Span[], open: string, close: string, escape: (s: string) => string = (s) => s,
): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length || span.end <= span.start) continue;
    out += escape(text.slice(at, span.start)) + open + escape(text.slice(span.start, span.end)) + close;
    at = span.end;
  }
  return out + escape(text.slice(at));
}
