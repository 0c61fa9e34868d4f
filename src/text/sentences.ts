/**
 * Sentence splitting: paragraphs first (blank lines), then `Intl.Segmenter` inside each paragraph
 * (ICU's segmenter is quadratic on long inputs, so it never sees the whole text), then two fixes
 * ICU does not know about:
 *   1. re-join after abbreviations and initials ("m.in. Putin", "prof. Nowak", "Władimir W. Putin"),
 *      except sentence-final-capable ones ("w 2019 r. Potem") before a capitalised word;
 *   2. split after an ellipsis "…" before a capitalised word, before a dash speech line after a
 *      full stop ("…krajów. - Dziękujemy…") and before a number after a full stop
 *      ("…pandemii. 30 czerwca 2019 r. doszło…"), and re-join soft line wraps.
 * Abbreviation lists are data: resources/<lang>/abbreviations.txt.
 */
import { loadList } from '../resources.ts';
import type { Language, Span } from '../types.ts';

export interface SentenceSpan extends Span {
  /** Index of the blank-line separated block the sentence lies in. */
  readonly paragraph: number;
}

interface AbbreviationSet {
  /** Never end a sentence. Keys: entries as written, plus lower-case keys for lower-case entries. */
  readonly never: ReadonlySet<string>;
  /** May end a sentence; a following capitalised word starts a new one. */
  readonly final: ReadonlySet<string>;
}

const abbreviationCache = new Map<Language, AbbreviationSet>();

function abbreviations(language: Language): AbbreviationSet {
  let set = abbreviationCache.get(language);
  if (set) return set;
  const never = new Set<string>();
  const final = new Set<string>();
  const languages: Array<'pl' | 'en'> = language === 'en' ? ['en'] : language === 'pl' ? ['pl'] : ['pl', 'en'];
  for (const lang of languages) {
    for (const entry of loadList(lang, 'abbreviations')) {
      const [abbr, marker] = entry.split(/\s+/);
      (marker === 'final' ? final : never).add(abbr);
    }
  }
  set = { never, final };
  abbreviationCache.set(language, set);
  return set;
}

/**
 * A lower-case entry ("prof.") also matches its capitalised use ("Prof."); an entry with a capital
 * ("No.", "U.S.") matches only as written, so English "said no. Then" still splits.
 */
function inSet(set: ReadonlySet<string>, word: string): boolean {
  return set.has(word) || set.has(word.toLowerCase());
}

const PARAGRAPH_BREAK = /\n[ \t\r]*\n\s*/g;
/** The last whitespace-free chunk before a break, without opening brackets/quotes glued to it. */
const LAST_WORD = /[(\[„"«»“'‘]*([^\s(\[„"«»“'‘]+)\s*$/u;
/** Initials: "W.", "J.R.R." — a name continues after them. */
const INITIALS = /^(?:\p{Lu}\.)+$/u;
const STARTS_CAPITALISED = /^[\s"„“«»'‘(\[]*[\p{Lu}\p{Lt}]/u;
/** A new speech line ("– Dziękujemy…") starts a sentence like a capital does. */
const STARTS_SPEECH_DASH = /^\s*[–—-]\s/u;
const ENDS_SENTENCE_PUNCT = /[.!?…:;"”»)]\s*$/u;
/** "…"/"..." followed by a capitalised word, not inside "(…)" / "[…]" (elided quotation). */
const ELLIPSIS_BREAK = /(?<![(\[])(?:…|\.\.\.)(?![)\]])(\s+)(?=[\s"„“«]*\p{Lu})/gu;

/**
 * A speech line after a full stop: "…krajów. - Dziękujemy…". ICU treats "-" as SContinue
 * (UAX #29 rule SB8a) and never breaks before it, but Polish news writes dialogue this way.
 */
const DASH_SPEECH_BREAK = /[.!?…]["”»)]?(\s+)(?=[-–—]\s+["„“«]?\p{Lu})/gu;

/**
 * A sentence opening with a number after a full stop: "…pandemii. 30 czerwca 2019 r. doszło…".
 * ICU keeps these together (UAX #29 rule SB8: no break after ATerm when a lower-case word follows
 * before the next capital). Only a candidate: "ok. 50 osób", "w 2019 r. 5 razy" re-join through the
 * abbreviation check, which treats a digit as not capitalised.
 */
const NUMBER_BREAK = /[.!?…]["”»)]?(\s+)(?=["„“«(]?\d)/gu;

/** Context judged around a break: longer than any abbreviation plus quotes/brackets glued to it. */
const LOOK_BEHIND = 48;
const LOOK_AHEAD = 16;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: Language): Intl.Segmenter {
  const locale = language === 'und' ? 'pl' : language;
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * A fronted date or amount ("30 czerwca 2019 r.", "Od 2020 r.", "W 2019 r.", "W sierpniu 2016 r.")
 * is never a sentence of its own: a capitalised word after its sentence-final-capable abbreviation
 * continues it ("30 czerwca 2019 r. Trump przekroczył…"). At most a short preposition and one
 * lower-case word (a month: "sierpniu"), then a number, then up to three more words.
 */
const FRONTED_NUMBER = /^\s*(?:\p{L}{1,3}\s+)?(?:\p{Ll}+\s+)?\d\S*(?:\s+\S+){0,3}\s*$/u;

/**
 * Should the ICU break between `before` and `after` be removed? `whole` tells that `before` is the
 * entire sentence so far, not just its tail.
 */
function joinAcross(before: string, after: string, abbr: AbbreviationSet, whole: boolean): boolean {
  // Soft line wrap inside a paragraph: "…w\nponiedziałek" is one sentence.
  if (/\n\s*$/.test(before) && !ENDS_SENTENCE_PUNCT.test(before) && !STARTS_CAPITALISED.test(after)
      && !STARTS_SPEECH_DASH.test(after)) return true;
  // "UE-Wlk." ends in the abbreviation "Wlk.": judge the part after the last hyphen.
  const word = LAST_WORD.exec(before)?.[1]?.split(/[-–]/).pop();
  if (!word || !word.endsWith('.')) return false;
  if (inSet(abbr.never, word)) return true;
  const capitalised = STARTS_CAPITALISED.test(after) || STARTS_SPEECH_DASH.test(after);
  // Exact-case "U.S." is an abbreviation; otherwise a capital + dot is an initial ("W." in
  // "Władimir W. Putin"), even though lower-case "w." (wiek) may end a sentence.
  const continues = !capitalised || (whole && FRONTED_NUMBER.test(before));
  if (abbr.final.has(word)) return continues;
  if (INITIALS.test(word)) return true;
  if (inSet(abbr.final, word)) return continues;
  return false;
}

/**
 * Does `text` end in an abbreviation's or an initial's dot ("…w 2019 r.", "…referendum ws.",
 * "…w W.") rather than in a full stop alone? Headlines are cut and trimmed with this
 * (src/text/headline.ts), so a title never ends inside "ws. Brexitu".
 */
export function endsWithAbbreviation(text: string, language: Language): boolean {
  const word = LAST_WORD.exec(text)?.[1]?.split(/[-–]/).pop();
  if (!word || !word.endsWith('.')) return false;
  const abbr = abbreviations(language);
  return inSet(abbr.never, word) || inSet(abbr.final, word) || INITIALS.test(word);
}

/**
 * Does `text` end in an abbreviation that never ends a sentence ("…minister ds.", "…prof.")? A
 * name after it still belongs to the words before (src/analysis/quotes/context.ts reads an
 * attribution up to its full stop: "– przekazał minister ds. przedsiębiorczości … Mikael Damberg.").
 */
export function endsWithOpenAbbreviation(text: string, language: Language): boolean {
  const word = LAST_WORD.exec(text)?.[1]?.split(/[-–]/).pop();
  return word !== undefined && word.endsWith('.') && inSet(abbreviations(language).never, word);
}

/**
 * ICU's segmenter slows down quadratically on long inputs (measured: 8 kB 9 ms, 33 kB 54 ms), and
 * scraped text sometimes has no blank lines at all, so long paragraphs are cut into windows of at
 * most MAX_SEGMENTER_INPUT characters, preferably after sentence punctuation, else at a space.
 */
const MAX_SEGMENTER_INPUT = 2000;
const WINDOW_CUT = /[.!?…]["”»)]?\s+/g;

function segmenterWindows(paragraph: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  let start = 0;
  while (paragraph.length - start > MAX_SEGMENTER_INPUT) {
    const slice = paragraph.slice(start, start + MAX_SEGMENTER_INPUT);
    let cut = 0;
    for (const m of slice.matchAll(WINDOW_CUT)) cut = m.index + m[0].length;
    if (cut === 0) cut = slice.lastIndexOf(' ') + 1;
    if (cut <= 0) cut = MAX_SEGMENTER_INPUT;
    windows.push([start, start + cut]);
    start += cut;
  }
  windows.push([start, paragraph.length]);
  return windows;
}

/** Break offsets (relative to the paragraph) after the fixes; always ends with paragraph.length. */
function paragraphBreaks(paragraph: string, language: Language, abbr: AbbreviationSet): number[] {
  const candidates = new Set<number>();
  for (const [from, to] of segmenterWindows(paragraph)) {
    for (const seg of segmenter(language).segment(paragraph.slice(from, to))) {
      if (seg.index > 0) candidates.add(from + seg.index);
    }
    // A window edge is only a candidate: the abbreviation check below may still join across it.
    if (to < paragraph.length) candidates.add(to);
  }
  for (const pattern of [ELLIPSIS_BREAK, DASH_SPEECH_BREAK, NUMBER_BREAK]) {
    for (const m of paragraph.matchAll(pattern)) candidates.add(m.index + m[0].length);
  }
  const sorted = [...candidates].sort((a, b) => a - b);
  const kept: number[] = [];
  let from = 0;
  for (const at of sorted) {
    if (at >= paragraph.length) break;
    // Judge against the text since the last *kept* break, so chains of joins work.
    // Only the tail matters (the last word); an end-anchored regex over the whole sentence would
    // rescan it from every start position.
    const tailFrom = Math.max(from, at - LOOK_BEHIND);
    if (joinAcross(paragraph.slice(tailFrom, at), paragraph.slice(at, at + LOOK_AHEAD), abbr, tailFrom === from)) continue;
    kept.push(at);
    from = at;
  }
  kept.push(paragraph.length);
  return kept;
}

/**
 * Sentence spans with offsets into `text` (trimmed of surrounding whitespace) and the index of
 * their blank-line separated paragraph.
 * @example splitSentences('W 2019 r. Potem m.in. Putin przyjechał.', 'pl')
 *   // → [{start:0,end:9,paragraph:0}, {start:10,end:39,paragraph:0}]
 */
export function splitSentences(text: string, language: Language): SentenceSpan[] {
  const abbr = abbreviations(language);
  const out: SentenceSpan[] = [];
  let paragraph = 0;
  let start = 0;
  const emit = (pStart: number, pEnd: number) => {
    const body = text.slice(pStart, pEnd);
    if (!body.trim()) return;
    let from = 0;
    for (const to of paragraphBreaks(body, language, abbr)) {
      const chunk = body.slice(from, to);
      const lead = chunk.length - chunk.trimStart().length;
      const trimmed = chunk.trim();
      if (trimmed) out.push({ start: pStart + from + lead, end: pStart + from + lead + trimmed.length, paragraph });
      from = to;
    }
    paragraph++;
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    emit(start, m.index);
    start = m.index + m[0].length;
  }
  emit(start, text.length);
  return out;
}
