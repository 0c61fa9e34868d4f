/**
 * Text cleaning: normalises whitespace into paragraphs and removes scraped boilerplate (adverts,
 * video teasers, photo credits, related-link blocks, share / cookie / newsletter lines).
 * The patterns are data in resources/<lang>/boilerplate.txt; this module only applies them.
 * Every removed block is returned, so cleaning stays auditable.
 */
import { loadResource, RESOURCE_LANGUAGES, type ResourceLanguage } from '../resources.ts';
import type { Language, RemovedBlock, RemovedKind } from '../types.ts';

export interface CleanResult {
  /** Paragraphs joined by exactly "\n\n"; no leading or trailing whitespace. */
  readonly text: string;
  readonly removed: readonly RemovedBlock[];
}

/**
 * Longest paragraph still taken for a related-link headline after a "Czytaj też:" marker.
 * BSNLP-pl-dev raw titles (885 articles, measured 2026-11): median 9 words, 95th percentile 21.
 */
export const MAX_HEADLINE_WORDS = 22;

/**
 * A paragraph ending in a photo credit is a caption only if it is caption-sized; a longer one is
 * body text with a credit glued on, and keeps its text. Captions run one sentence (seed 000's is
 * 128 characters before "Fot."); 200 leaves room for a long one, while a three-sentence body
 * paragraph is longer.
 */
export const MAX_CAPTION_CHARS = 200;

const REMOVED_KINDS: ReadonlySet<string> = new Set<RemovedKind>([
  'advert', 'video', 'related', 'photo-credit', 'share', 'cookie', 'newsletter', 'other',
]);

interface Rule {
  readonly kind: RemovedKind;
  readonly pattern: RegExp;
}

interface RuleSet {
  readonly drops: readonly Rule[];
  /** Openings cut from a paragraph whose rest is body text (a link teaser glued to the front). */
  readonly cuts: readonly Rule[];
  /** All related markers of the language as one global regex, to find glued occurrences. */
  readonly marker?: RegExp;
}

const ruleSets = new Map<string, RuleSet>();

/** Parses boilerplate resource lines; a malformed line throws, naming the line. */
export function parseBoilerplate(lines: readonly string[], label: string): RuleSet {
  const drops: Rule[] = [];
  const cuts: Rule[] = [];
  const markers: string[] = [];
  for (const line of lines) {
    const match = /^(drop|cut|marker)\s+(\S+)\s+(.+)$/.exec(line);
    if (!match || !REMOVED_KINDS.has(match[2])) throw new Error(`${label}: bad boilerplate rule: ${line}`);
    const [, mode, kind, source] = match;
    if (mode === 'drop') drops.push({ kind: kind as RemovedKind, pattern: new RegExp(source, 'iu') });
    else if (mode === 'cut') cuts.push({ kind: kind as RemovedKind, pattern: new RegExp(`^(?:${source})`, 'iu') });
    else markers.push(`(?:${source})`);
  }
  const marker = markers.length > 0 ? new RegExp(markers.join('|'), 'giu') : undefined;
  return { drops, cuts, marker };
}

function rulesFor(language: Language): RuleSet {
  const key = language === 'und' ? 'all' : language;
  let rules = ruleSets.get(key);
  if (!rules) {
    // An unidentified language gets every language's rules: boilerplate is short and distinctive.
    const languages: readonly ResourceLanguage[] = language === 'und' ? RESOURCE_LANGUAGES : [language];
    const lines = languages.flatMap((lang) => loadResource(lang, 'boilerplate'));
    rules = parseBoilerplate(lines, `resources/${key}/boilerplate.txt`);
    ruleSets.set(key, rules);
  }
  return rules;
}

/**
 * Splits text into paragraphs at blank lines, with NBSP, zero-width characters, soft hyphens,
 * CR/CRLF and runs of spaces normalised; lines inside a paragraph are joined with a space.
 * @example splitParagraphs('a\r\nb\n\n\n c\u00a0 d') // → ['a b', 'c d']
 */
export function splitParagraphs(text: string): string[] {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n\n');
  const paragraphs: string[] = [];
  for (const block of normalised.split(/\n[ ]*\n/)) {
    const paragraph = block.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
  }
  return paragraphs;
}

/** A paragraph piece after splitting at related markers. */
type Piece =
  | { readonly kind: 'text'; readonly text: string; readonly afterMarker: boolean }
  | { readonly kind: 'marker'; readonly text: string };

/** Cuts a paragraph at every related marker, so glued markers ("wynikiCzytaj też:") separate. */
function splitAtMarkers(paragraph: string, marker: RegExp | undefined): Piece[] {
  if (!marker) return [{ kind: 'text', text: paragraph, afterMarker: false }];
  const pieces: Piece[] = [];
  let last = 0;
  marker.lastIndex = 0;
  for (let m = marker.exec(paragraph); m; m = marker.exec(paragraph)) {
    const before = paragraph.slice(last, m.index).trim();
    if (before) pieces.push({ kind: 'text', text: before, afterMarker: last > 0 });
    pieces.push({ kind: 'marker', text: m[0].trim() });
    last = m.index + m[0].length;
  }
  const rest = paragraph.slice(last).trim();
  if (rest) pieces.push({ kind: 'text', text: rest, afterMarker: last > 0 });
  return pieces;
}

/**
 * Headlines are short and, unlike body paragraphs, rarely end in a full stop or open with a dash:
 * in BSNLP-pl-dev 53 of 885 titles end in "." while 1,091 of the 1,203 body paragraphs ending in
 * "." are longer than MAX_HEADLINE_WORDS. Text sharing the marker's line is the link itself, so
 * there only the length counts; a longer tail is body text run into the marker and stays.
 */
function looksLikeHeadline(text: string, onMarkerLine: boolean): boolean {
  if (/^[-–—]/.test(text) || /[:;,]$/.test(text) || (!onMarkerLine && text.endsWith('.'))) return false;
  return text.split(' ').length <= MAX_HEADLINE_WORDS;
}

interface Drop {
  readonly kind: RemovedKind;
  /** Text to keep when only the tail of the paragraph is boilerplate. */
  readonly keep?: string;
  readonly removed: string;
}

/** A credit's label and the agency-style words after it: all capitals or holding a slash ("EPA/PAUL MCERLANE/PAP"). */
const CREDIT_PREFIX = /^\S+:?(?:\s+(?:\S*\/\S*|[\p{Lu}\d][\p{Lu}\d.&-]*(?=\s|$)))*\s*/u;

function matchDrop(paragraph: string, drops: readonly Rule[]): Drop | undefined {
  for (const rule of drops) {
    const match = rule.pattern.exec(paragraph);
    if (!match) continue;
    if (rule.kind === 'photo-credit' && match.index === 0 && paragraph.length > MAX_CAPTION_CHARS) {
      // A credit glued to the front of body text (teaser pages: "Foto: EPA/PAP Rachunek za…"): only
      // the credit goes — its label and the agency-style words after it (capitals, slashes).
      const credit = CREDIT_PREFIX.exec(paragraph)?.[0] ?? match[0];
      return { kind: rule.kind, keep: paragraph.slice(credit.length).trimStart(), removed: credit.trimEnd() };
    }
    if (rule.kind === 'photo-credit' && match.index > MAX_CAPTION_CHARS) {
      // The credit proper starts at its first letter; the sentence end before it stays.
      const start = match.index + Math.max(0, match[0].search(/[\p{L}(]/u));
      return { kind: rule.kind, keep: paragraph.slice(0, start).trimEnd(), removed: paragraph.slice(start) };
    }
    return { kind: rule.kind, removed: paragraph };
  }
  return undefined;
}

/**
 * A boilerplate opening glued to the front of body text (a link teaser: "Węgiel kamienny, ropa
 * naftowa i gaz ziemny - to surowce, które Polska w ogromnyc... zobacz więcej Polska jest jednym…"):
 * the opening goes, the body after it stays.
 */
function cutOpening(paragraph: string, cuts: readonly Rule[]): Drop | undefined {
  for (const rule of cuts) {
    const match = rule.pattern.exec(paragraph);
    if (match) return { kind: rule.kind, keep: paragraph.slice(match[0].length).trimStart(), removed: match[0].trimEnd() };
  }
  return undefined;
}

/**
 * Cleans article text in three steps:
 * 1. normalise whitespace and split into paragraphs;
 * 2. cut paragraphs at related-link markers, dropping each marker and the headline-like text
 *    after it, on its line and in the paragraphs that follow;
 * 3. cut boilerplate openings glued to body text, and drop whole paragraphs matching the
 *    language's boilerplate rules.
 * @example cleanText('Tekst.\n\nREKLAMA\n\nDalej.', 'pl').text // → 'Tekst.\n\nDalej.'
 */
export function cleanText(text: string, language: Language): CleanResult {
  const rules = rulesFor(language);
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  let inRelated = false;
  for (const paragraph of splitParagraphs(text)) {
    for (const piece of splitAtMarkers(paragraph, rules.marker)) {
      if (piece.kind === 'marker') {
        removed.push({ kind: 'related', text: piece.text });
        inRelated = true;
        continue;
      }
      if ((piece.afterMarker || inRelated) && looksLikeHeadline(piece.text, piece.afterMarker)) {
        removed.push({ kind: 'related', text: piece.text });
        continue;
      }
      inRelated = false;
      const cut = cutOpening(piece.text, rules.cuts);
      if (cut) removed.push({ kind: cut.kind, text: cut.removed });
      const text = cut?.keep ?? piece.text;
      if (!text) continue;
      const drop = matchDrop(text, rules.drops);
      if (drop) {
        removed.push({ kind: drop.kind, text: drop.removed });
        if (drop.keep) kept.push(drop.keep);
        // A related heading on its own line starts a block of headlines, like a marker.
        inRelated = drop.kind === 'related';
      } else {
        kept.push(text);
      }
    }
  }
  return { text: kept.join('\n\n'), removed };
}
