/**
 * Time expressions and timeline events (DESIGN §3, issue 5 items 2–3).
 *
 * findTimeExpressions:
 *   1. match expressions with the language's month/weekday/relative-time vocabulary (patterns.ts);
 *   2. resolve each against the publication date, or, when that is unknown, the latest absolute
 *      date seen earlier in the text, keeping the anchor's precision honest (resolve.ts).
 * timelineEvents turns each dated sentence into one event. Sentence splitting is left to src/text.
 */
import type { Language, Published, Span } from '../../types.ts';
import { timeLexicon, type TimeLexicon } from './lexicon.ts';
import { matchTimes } from './patterns.ts';
import { formatAnchor, parseAnchor, resolveTime, timeSortKey, type Anchor, type Granularity, type Relation } from './resolve.ts';

export type { Granularity, Relation } from './resolve.ts';

/** The part of a sentence record this stage reads; its index is its position in the array. */
export type SentenceLike = Span;

export interface TimeInput {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly SentenceLike[];
  readonly published?: Published;
}

export interface TimeExpression extends Span {
  readonly text: string;
  /** ISO prefix at `granularity`: '2019', '2019-04', '2019-06-30', '2023-W37'; '' when unresolvable. */
  readonly value: string;
  readonly granularity: Granularity;
  /** What the value cannot say: 'weekday: wtorek', 'end of month', 'since', 'unresolved: no anchor'. */
  readonly note?: string;
  /** The anchor value a relative expression was resolved against. */
  readonly anchor?: string;
  readonly relation: Relation;
  readonly sentence: number;
}

/**
 * Every time expression in the text, resolved to a calendar value.
 * @example findTimeExpressions({ text: 'W sierpniu…', language: 'pl', sentences, published: { value: '2023-09', precision: 'month' } })
 *   // → [{ text: 'W sierpniu', value: '2023-08', granularity: 'month', relation: 'relative', anchor: '2023-09', … }]
 */
export function findTimeExpressions(input: TimeInput): TimeExpression[] {
  const { text, sentences } = input;
  const lexicon = timeLexicon(input.language === 'en' ? 'en' : 'pl');
  const published = input.published ? parseAnchor(input.published.value) : undefined;
  let textAnchor: Anchor | undefined;
  const out: TimeExpression[] = [];
  for (const match of matchTimes(text, lexicon)) {
    // Deictic words ("we wtorek", "wczoraj", "w zeszłym roku") count from the moment of writing,
    // so only the publication date anchors them; a bare month or day ("pod koniec lipca") may
    // continue the narrative and falls back to the last absolute date in the text.
    // A month of a year said from the moment of writing ("do czerwca bieżącego roku") counts from
    // the publication date only, like a weekday: a year earlier in the text is not "this year".
    // So is a day of such a year ("29 marca ub.r.").
    const deictic = (match.time.kind === 'month' || match.time.kind === 'date') && match.time.yearShift !== undefined;
    const anchor = published ?? (ANAPHORIC.has(match.time.kind) && !deictic ? textAnchor : undefined);
    const sentence = sentenceAt(sentences, match.start);
    const resolved = resolveTime(match.time, anchor, speaksOfFuture(text, clauseAround(text, match, sentences[sentence]), lexicon));
    const base = { start: match.start, end: match.end, text: text.slice(match.start, match.end), sentence };
    if (!resolved) {
      out.push({ ...base, value: '', granularity: granularityOf(match.time.kind), relation: match.time.kind === 'weekday' ? 'weekday' : 'relative', note: 'unresolved: no anchor' });
      continue;
    }
    const { absolute, ...fields } = resolved;
    out.push({ ...base, ...fields, ...(absolute || !anchor ? {} : { anchor: formatAnchor(anchor) }) });
    // The end or start of a span ("do 2040 roku", "od 2005 roku") is no date the text goes on
    // from: "Podpisana w czerwcu umowa" after "przedłużyła do 2040 roku" is not June 2040.
    if (absolute && !published && !opensOrCloses(base.text, lexicon)) textAnchor = parseAnchor(resolved.value);
  }
  return out;
}

const ANAPHORIC: ReadonlySet<string> = new Set(['date', 'month']);

/** Whether an expression opens with a preposition of a span's start or end ("od", "do", "since", "until"). */
function opensOrCloses(text: string, lexicon: TimeLexicon): boolean {
  const first = /^[\p{L}]+/u.exec(text)?.[0];
  return first !== undefined && (lexicon.value('since', first) !== undefined || lexicon.value('until', first) !== undefined);
}

const WORDS = /[\p{L}]+/gu;

/** Whether a stretch of text holds a future cue ("będzie", "odbędzie", "will", "expected"). */
function speaksOfFuture(text: string, clause: Span, lexicon: TimeLexicon): boolean {
  // exec on the shared regex rather than matchAll (a copy of the regex and an iterator per call).
  const slice = text.slice(clause.start, clause.end);
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(slice); m !== null; m = WORDS.exec(slice)) if (lexicon.value('future', m[0]) !== undefined) return true;
  return false;
}

/** Punctuation that ends a clause (clauseAround); one regex for every character tested. */
const CLAUSE_MARK = /[,;:]/u;

/**
 * The clause around an expression, between punctuation marks: in "oświadczył w czwartek, że
 * stopy nie zostaną obniżone" the weekday dates the past reporting clause, not the future content.
 */
function clauseAround(text: string, span: Span, sentence: Span | undefined): Span {
  const from = sentence?.start ?? 0;
  const to = sentence?.end ?? text.length;
  let start = span.start;
  while (start > from && !CLAUSE_MARK.test(text[start - 1]!)) start--;
  let end = span.end;
  while (end < to && !CLAUSE_MARK.test(text[end]!)) end++;
  return { start, end };
}

export interface TimelineEvent extends Span {
  readonly value: string;
  readonly granularity: Granularity;
  readonly sentence: number;
  /** The dated sentence. */
  readonly text: string;
  /** The time expression that dates it. */
  readonly time: string;
}

export interface TimelineInput {
  readonly text: string;
  readonly sentences: readonly SentenceLike[];
  readonly times: readonly TimeExpression[];
  readonly language?: Language;
}

/**
 * One event per dated sentence and distinct date in it, in chronological order (ties keep text
 * order). A date that only coarsens another in the same sentence ("2019" beside "2019-04") adds
 * nothing; two different dates in one sentence ("W lipcu 2023 roku … 30 czerwca 2019 r.", often
 * two sentences the splitter joined) make two events.
 * @example timelineEvents({ text, sentences, times }).map((e) => e.value) // → ['2011', '2019-04', '2023-07']
 */
export function timelineEvents(input: TimelineInput): TimelineEvent[] {
  const bySentence = new Map<number, TimeExpression[]>();
  for (const t of input.times) {
    if (!t.value || t.sentence < 0) continue;
    bySentence.set(t.sentence, [...(bySentence.get(t.sentence) ?? []), t]);
  }
  const events: TimelineEvent[] = [];
  for (const [index, dated] of bySentence) {
    const s = input.sentences[index]!;
    const seen = new Set<string>();
    for (const t of dated) {
      const coarser = dated.some((o) => o.value !== t.value && o.value.startsWith(t.value));
      if (coarser || seen.has(t.value)) continue;
      seen.add(t.value);
      events.push({ value: t.value, granularity: t.granularity, sentence: index, start: s.start, end: s.end, text: input.text.slice(s.start, s.end).trim(), time: t.text });
    }
  }
  return events.sort((a, b) => compare(timeSortKey(a.value), timeSortKey(b.value)) || a.sentence - b.sentence);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function granularityOf(kind: string): Granularity {
  return kind === 'year' ? 'year' : kind === 'month' ? 'month' : 'day';
}

/** Index of the sentence containing `offset` (the last one starting at or before it). */
export function sentenceAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
