/**
 * Spans between quotation marks: „…”, "…", «…», »…«, “…”, and '…' (only when the marks stand
 * apart from letters, so apostrophes in "Reuters' report" never open a span). One paragraph at
 * most: an unclosed mark does not swallow the rest of the article.
 */
import type { Span } from '../../types.ts';

export interface MarkedSpan extends Span {
  /** Offsets of the words inside the marks. */
  readonly innerStart: number;
  readonly innerEnd: number;
}

// „…” is often closed with a straight " or “ in scraped Polish text.
const PAIRS: readonly RegExp[] = [
  /„([^„”"“\n]+)[”"“]/gu,
  /“([^“”\n]+)”/gu,
  /«([^«»\n]+)»/gu,
  /»([^»«\n]+)«/gu,
  // Straight marks look the same both ways: an opening one follows a space or bracket and
  // precedes a non-space, so a closing mark and the next opening one never pair up.
  /(?<=^|[\s([—–-])"(?=\S)([^"\n]+?)(?<=\S)"(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}])'([^'\n]+)'(?![\p{L}\p{N}])/gu,
];

export function findMarkedSpans(text: string): MarkedSpan[] {
  const found: MarkedSpan[] = [];
  for (const re of PAIRS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (found.some((f) => m!.index < f.end && f.start < end)) continue;
      const inner = m[1]!;
      const lead = inner.length - inner.trimStart().length;
      found.push({ start: m.index, end, innerStart: m.index + 1 + lead, innerEnd: m.index + 1 + inner.trimEnd().length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
