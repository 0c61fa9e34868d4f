/**
 * Quotes and reported speech with their speakers (DESIGN §3–4, issue 5 item 1).
 *
 * findQuotes, strictest evidence first; later steps skip text an earlier step claimed:
 *   1. quotation marks with an attribution after ("…" - ocenia AP) or before ("powiedział, że "…"",
 *      "said: "…""); unattributed marked spans count only when sentence-like, so titles
 *      ("The Washington Post") and place phrases ("na Dalekim Wschodzie Rosji") are not quotes;
 *   2. Polish dash speech: "- Korea Północna jest naszym sąsiadem - dodał.";
 *   3. reports closed by a dash attribution without an opening dash ("… - donosiło CNN.");
 *   4. indirect speech: "X powiedział, że …", "Jak zapowiedział X, …", "Według X, …",
 *      "X said (that) …", "According to X, …".
 * Speakers come from the entity mentions given as input (speaker.ts). Sentence splitting and
 * entity recognition are left to src/text and src/analysis/entities.
 */
import type { Language, Span } from '../../types.ts';
import { quoteCues, type Agreement, type QuoteCues, type VerbCue } from './cues.ts';
import { findMarkedSpans, type MarkedSpan } from './marks.ts';
import { sentenceAt } from '../time/index.ts';
import { lookBack, speakerForPhrase, speakerInRegion, wordsIn, type MentionLike, type Speaker, type SpeakerContext } from './speaker.ts';

export type { MentionLike, Speaker } from './speaker.ts';

export interface QuoteInput {
  readonly text: string;
  readonly language: Language;
  /** Sentence spans in text order; a quote's `sentence` is an index into this array. */
  readonly sentences: readonly Span[];
  /** Entity mentions (src/analysis/entities), used to name speakers. */
  readonly mentions?: readonly MentionLike[];
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Cue extends Span {
  readonly text: string;
}

export interface Quote extends Span {
  /** The reported words: verbatim inside quotation marks (without them), else the reported clause. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** The reporting verb or "według"/"according" that attributes it. */
  readonly cue?: Cue;
  readonly speaker?: Speaker;
  readonly sentence: number;
}

/**
 * A marked span without a reporting cue is a quote only from this many words on. The seeds'
 * titles and scare quotes have at most 4 words ("na Dalekim Wschodzie Rosji"); unattributed
 * speech fragments in news run to clause length. Tune together with the title test below.
 */
const MIN_UNATTRIBUTED_WORDS = 8;
/** A title in marks ("The New York Times") is short and capitalised word by word. */
const MAX_TITLE_WORDS = 6;
/** Reporting verb and complementiser may be this many words apart ("poinformowało agencję Reuters, że"). */
const MAX_VERB_THAT_GAP = 7;
/** Dash speech and reports shorter than this are headings or list items, not speech. */
const MIN_SPEECH_WORDS = 3;

interface Context extends SpeakerContext {
  readonly language: Language;
  /** Quote and attribution spans already taken by an earlier, stricter step. */
  readonly claimed: Span[];
  readonly quoted: Span[];
  readonly spoken: { at: number; speaker: Speaker }[];
}

/**
 * All quotes in one article, in text order.
 * @example findQuotes({ text: '- Jesteśmy gotowi - powiedział Jan Kowalski.', language: 'pl', sentences, mentions })
 *   // → [{ text: 'Jesteśmy gotowi', kind: 'direct', speaker: { name: 'Jan Kowalski', … }, … }]
 */
export function findQuotes(input: QuoteInput): Quote[] {
  const cues = quoteCues(input.language === 'en' ? 'en' : 'pl');
  const ctx: Context = { text: input.text, language: input.language, sentences: input.sentences, mentions: input.mentions ?? [], cues, claimed: [], quoted: [], spoken: [] };
  const quotes: Quote[] = [];
  const keep = (q: Quote | undefined, claim: Span): void => {
    if (!q) return;
    quotes.push(q);
    ctx.claimed.push(claim);
    if (q.kind !== 'indirect') ctx.quoted.push(q);
    if (q.speaker) ctx.spoken.push({ at: q.start, speaker: q.speaker });
  };
  // 1.
  for (const span of findMarkedSpans(ctx.text)) markedQuote(ctx, span, keep);
  // 2.
  dashSpeech(ctx, keep);
  // 3. and 4., sentence by sentence
  ctx.sentences.forEach((_, index) => {
    dashReport(ctx, index, keep);
    indirectSpeech(ctx, index, keep);
    commaReport(ctx, index, keep);
  });
  quotes.sort((a, b) => a.start - b.start);
  return inheritSpeakers(quotes);
}

type Keep = (q: Quote | undefined, claim: Span) => void;

interface Word extends Span {
  readonly text: string;
}

function markedQuote(ctx: Context, span: MarkedSpan, keep: Keep): void {
  const inner = wordsIn(ctx.text, span.innerStart, span.innerEnd);
  if (inner.length === 0) return;
  const sentenceIndex = sentenceAt(ctx.sentences, span.start);
  const sentence = ctx.sentences[sentenceIndex];
  const closing = ctx.sentences[sentenceAt(ctx.sentences, span.end - 1)];
  if (!sentence || !closing) return;
  const base = { start: span.innerStart, end: span.innerEnd, text: ctx.text.slice(span.innerStart, span.innerEnd), sentence: sentenceIndex };
  const title = inner.length <= MAX_TITLE_WORDS && inner.every((w) => /^[\p{Lu}\p{N}]/u.test(w.text));
  if (title) return;

  // After the marks: "…" - ocenia AP.  /  "…," said the minister.  /  "…," the minister said.
  // English puts the comma inside the marks ("…," he said), Polish a dash outside ("…" - dodał).
  const innerPunct = /[,!?]$/u.test(ctx.text.slice(span.innerStart, span.end - 1).trimEnd());
  const after = (innerPunct ? /^\s+/u : /^\s*[,.!?]?\s*(?:[-–—]\s*|,\s*)/u).exec(ctx.text.slice(span.end, closing.end));
  if (after && after[0].length > 0) {
    const tailStart = span.end + after[0].length;
    const tailWords = wordsIn(ctx.text, tailStart, closing.end).slice(0, MAX_VERB_THAT_GAP);
    const vi = tailWords.findIndex((w) => verbCue(ctx, w, false));
    if (vi >= 0) {
      const verb = tailWords[vi]!;
      const cue = verbCue(ctx, verb, false)!;
      const speaker = vi === 0
        ? speakerInRegion(ctx, { start: verb.end, end: closing.end }, cue.agreement, 'after', sentenceIndex)
        : speakerInRegion(ctx, { start: tailStart, end: verb.start }, cue.agreement, 'before', sentenceIndex);
      keep({ ...base, kind: 'direct', cue: cueOf(verb), ...speakerOrLookBack(ctx, speaker, cue, sentenceIndex) }, { start: span.start, end: closing.end });
      return;
    }
  }

  // Before the marks: "X powiedział, że "…"" (mixed) or "X powiedział: "…"" (direct).
  const prefixWords = wordsIn(ctx.text, sentence.start, span.start);
  const vi = lastIndexWhere(prefixWords, (w, i) => verbCue(ctx, w, i === 0) !== undefined && !inClaimed(ctx, w.start));
  if (vi >= 0) {
    const verb = prefixWords[vi]!;
    const cue = verbCue(ctx, verb, vi === 0)!;
    const between = prefixWords.slice(vi + 1);
    const mixed = between.some((w) => ctx.cues.that.has(w.text.toLowerCase()));
    const introduced = /[:,]\s*$/u.test(ctx.text.slice(verb.end, span.start)) || between.length === 0;
    if (mixed || introduced) {
      const speaker = subjectSpeaker(ctx, sentence.start, verb, cue, sentenceIndex)
        ?? (introduced && !mixed ? speakerInRegion(ctx, { start: verb.end, end: span.start }, cue.agreement, 'after', sentenceIndex) : undefined);
      keep({ ...base, kind: mixed ? 'mixed' : 'direct', cue: cueOf(verb), ...speakerOrLookBack(ctx, speaker, cue, sentenceIndex) }, { start: sentence.start, end: closing.end });
      return;
    }
  }
  if (inner.length >= MIN_UNATTRIBUTED_WORDS) keep({ ...base, kind: 'direct' }, span);
}

/** 2. "- Treść wypowiedzi - dodał." at a paragraph start or right after a sentence end. */
function dashSpeech(ctx: Context, keep: Keep): void {
  const opening = /(?:^|\n|[.!?…"”]\s+)([-–—])\s+/gu;
  for (let m = opening.exec(ctx.text); m; m = opening.exec(ctx.text)) {
    const dash = m.index + m[0].indexOf(m[1]!);
    if (inClaimed(ctx, dash)) continue;
    const contentStart = m.index + m[0].length;
    const paragraphEnd = paragraphEndAt(ctx.text, contentStart);
    const closing = closingAttribution(ctx, contentStart, paragraphEnd);
    const contentEnd = closing ? closing.dash : nextOpening(ctx.text, contentStart, paragraphEnd);
    const content = trimSpan(ctx.text, contentStart, contentEnd);
    if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS) continue;
    const sentence = sentenceAt(ctx.sentences, content.start);
    const base = { ...content, text: ctx.text.slice(content.start, content.end), kind: 'direct' as const, sentence };
    if (!closing) {
      keep(base, { start: dash, end: contentEnd });
      continue;
    }
    const speaker = speakerInRegion(ctx, closing.tail, closing.cue.agreement, 'after', sentence);
    keep({ ...base, cue: cueOf(closing.verb), ...speakerOrLookBack(ctx, speaker, closing.cue, sentence) }, { start: dash, end: closing.tail.end });
  }
}

/** 3. "Biały Dom potwierdził spotkanie - donosiło CNN." */
function dashReport(ctx: Context, index: number, keep: Keep): void {
  const s = ctx.sentences[index]!;
  if (/^\s*[-–—]/u.test(ctx.text.slice(s.start, s.end)) || inClaimed(ctx, s.start)) return;
  const closing = closingAttribution(ctx, s.start, s.end);
  if (!closing || inClaimed(ctx, closing.dash)) return;
  const content = trimSpan(ctx.text, s.start, closing.dash);
  if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS) return;
  const speaker = speakerInRegion(ctx, closing.tail, closing.cue.agreement, 'after', index);
  keep({ ...content, text: ctx.text.slice(content.start, content.end), kind: 'indirect', cue: cueOf(closing.verb), sentence: index, ...speakerOrLookBack(ctx, speaker, closing.cue, index) }, { start: s.start, end: s.end });
}

/** A closing attribution after a comma is short: "…, officials said.", "…, podała agencja PAP." */
const MAX_COMMA_ATTRIBUTION_WORDS = 7;
/** "South Korean intelligence said on Monday": at most a short adverbial after the verb. */
const MAX_TRAILING_ADVERBIAL_WORDS = 3;

/** 5. "Moscow may host talks, diplomats said." — an attribution after the last comma. */
function commaReport(ctx: Context, index: number, keep: Keep): void {
  const s = ctx.sentences[index]!;
  if (overlapsClaimed(ctx, s)) return;
  const body = ctx.text.slice(s.start, s.end);
  const comma = body.lastIndexOf(',');
  if (comma < 0) return;
  const tail = wordsIn(ctx.text, s.start + comma + 1, s.end);
  // "…, a w czerwcu potwierdził plan" is a second clause, not an attribution.
  if (tail.length === 0 || tail.length > MAX_COMMA_ATTRIBUTION_WORDS || ctx.cues.connectors.has(tail[0]!.text.toLowerCase())) return;
  if (tail.some((w) => ctx.cues.that.has(w.text.toLowerCase()))) return;
  const vi = tail.findIndex((w) => verbCue(ctx, w, false) !== undefined);
  // After "officials said" only an adverbial may follow ("on Monday"), not an object.
  if (vi < 0 || (vi > 0 && tail.length - vi - 1 > MAX_TRAILING_ADVERBIAL_WORDS)) return;
  const verb = tail[vi]!;
  const cue = verbCue(ctx, verb, false)!;
  const content = trimSpan(ctx.text, s.start, s.start + comma);
  if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS || overlapsClaimed(ctx, content)) return;
  const speaker = vi === 0
    ? speakerInRegion(ctx, { start: verb.end, end: s.end }, cue.agreement, 'after', index)
    : speakerInRegion(ctx, { start: tail[0]!.start, end: verb.start }, cue.agreement, 'before', index);
  keep({ ...content, text: ctx.text.slice(content.start, content.end), kind: 'indirect', cue: cueOf(verb), sentence: index, ...speakerOrLookBack(ctx, speaker, cue, index) }, { start: s.start, end: s.end });
}

/** 4. Indirect speech inside one sentence. */
function indirectSpeech(ctx: Context, index: number, keep: Keep): void {
  const s = ctx.sentences[index]!;
  let words = wordsIn(ctx.text, s.start, s.end);
  while (words.length && ctx.cues.connectors.has(words[0]!.text.toLowerCase())) words = words.slice(1);
  if (!words.length) return;
  const first = words[0]!;
  const build = (content: Span, cueWord: Word, speaker: Speaker | undefined, cue?: VerbCue): void => {
    // A sentence the splitter ran into a following dash quote stops where that quote starts.
    const next = ctx.claimed.filter((c) => c.start > content.start && c.start < content.end).map((c) => c.start);
    const span = trimSpan(ctx.text, content.start, Math.min(content.end, ...next));
    if (wordsIn(ctx.text, span.start, span.end).length < MIN_SPEECH_WORDS || inClaimed(ctx, span.start) || overlapsClaimed(ctx, span)) return;
    const who = cue ? speakerOrLookBack(ctx, speaker, cue, index) : speaker ? { speaker } : {};
    keep({ ...span, text: ctx.text.slice(span.start, span.end), kind: 'indirect', cue: cueOf(cueWord), sentence: index, ...who }, { start: cueWord.start, end: s.end });
  };

  // "Jak zapowiedział rzecznik Kremla Dmitrij Pieskow, omówione zostaną…" / "As X said, …"
  if (ctx.cues.as.has(first.text.toLowerCase())) {
    const comma = ctx.text.indexOf(',', first.end);
    const vi = words.findIndex((w, i) => i > 0 && w.start < comma && verbCue(ctx, w, false) !== undefined);
    if (comma > 0 && comma < s.end && vi > 0) {
      const verb = words[vi]!;
      const cue = verbCue(ctx, verb, false)!;
      const speaker = vi === 1
        ? speakerInRegion(ctx, { start: verb.end, end: comma }, cue.agreement, 'after', index)
        : speakerInRegion(ctx, { start: first.end, end: verb.start }, cue.agreement, 'before', index);
      build({ start: comma + 1, end: s.end }, verb, speaker, cue);
      return;
    }
  }

  // "Według agencji AP, …", "Zdaniem analityków w skład…", "According to officials, …"
  const ai = words.findIndex((w) => ctx.cues.according.has(w.text.toLowerCase()));
  if (ai >= 0) {
    const source = sourcePhrase(ctx, words, ai);
    if (source) {
      const speaker = speakerForPhrase(ctx, source, index);
      const content = ai === 0 || words[ai]!.start === first.start ? { start: source.end, end: s.end } : { start: s.start, end: words[ai]!.start };
      build(content, words[ai]!, speaker);
      return;
    }
  }

  // "X powiedział, że …", "X said (that) …"
  for (let vi = 0; vi < words.length; vi++) {
    const verb = words[vi]!;
    const cue = verbCue(ctx, verb, verb.start === first.start);
    if (!cue || inClaimed(ctx, verb.start)) continue;
    const rest = words.slice(vi + 1, vi + 1 + MAX_VERB_THAT_GAP);
    const that = rest.find((w) => ctx.cues.that.has(w.text.toLowerCase()));
    // English often drops "that": "He said the talks would resume."
    const bare = !that && ctx.cues.bare.has(verb.text.toLowerCase()) && rest.length >= MIN_SPEECH_WORDS && !ctx.cues.prepositions.has(rest[0]!.text.toLowerCase());
    if (!that && !bare) continue;
    const speaker = subjectSpeaker(ctx, first.start, verb, cue, index);
    build({ start: that ? that.end : verb.end, end: s.end }, verb, speaker, cue);
    return;
  }
}

/**
 * The noun phrase naming the source after "według"/"zdaniem"/"according to": a name, or
 * genitive adjectives plus their noun ("zachodnich obserwatorów"), plus a name in apposition
 * ("agencji AP"). Undefined for non-sources ("według doniesień" is a hedge, not a quote).
 */
function sourcePhrase(ctx: Context, words: readonly Word[], ai: number): Span | undefined {
  let i = ai + 1;
  if (ctx.language === 'en' && words[i]?.text.toLowerCase() === 'to') i++;
  // A lower-case determiner is skipped; a capitalised one starts a title ("The Washington Post").
  while (words[i] && ctx.cues.determiners.has(words[i]!.text)) i++;
  const head = words[i];
  if (!head || ctx.cues.nonsource.has(head.text.toLowerCase())) return undefined;
  const mentionAt = (w: Word | undefined): MentionLike | undefined => (w ? ctx.mentions.find((m) => m.start === w.start) : undefined);
  const named = mentionAt(head);
  // A capitalised run is a name even where the entity stage cut it ("The Washington Post").
  let k = i;
  while (k + 1 < words.length && /^\p{Lu}/u.test(words[k + 1]!.text) && /^\p{Lu}/u.test(head.text)) k++;
  const runEnd = words[k]!.end;
  if (named || k > i) return { start: head.start, end: Math.max(runEnd, named?.end ?? 0) };
  let j = i;
  while (j < words.length - 1 && ctx.cues.adjectiveEndings.some((e) => words[j]!.text.toLowerCase().endsWith(e))) j++;
  const apposition = mentionAt(words[j + 1]);
  return { start: head.start, end: apposition ? apposition.end : words[j]!.end };
}

interface Closing {
  readonly dash: number;
  readonly verb: Word;
  readonly cue: VerbCue;
  /** From after the verb to the end of its sentence: where the speaker is named. */
  readonly tail: Span;
}

/** The first " - <reporting verb>" between `from` and `to`. */
function closingAttribution(ctx: Context, from: number, to: number): Closing | undefined {
  const re = /\s([-–—])\s+(\p{L}+)/gu;
  re.lastIndex = from;
  for (let m = re.exec(ctx.text); m && m.index < to; m = re.exec(ctx.text)) {
    const wordStart = m.index + m[0].length - m[2]!.length;
    const verb = { text: m[2]!, start: wordStart, end: wordStart + m[2]!.length };
    const cue = verbCue(ctx, verb, false);
    if (!cue) continue;
    const sentence = ctx.sentences[sentenceAt(ctx.sentences, verb.start)];
    // The attribution ends at its own full stop even when the splitter ran on into the next
    // dash quote ("- donosiło CNN. - Mamy informacje…").
    const stop = /[.!?](?=\s|$)/u.exec(ctx.text.slice(verb.end, to + 400));
    const end = Math.min(sentence ? sentence.end : to, paragraphEndAt(ctx.text, verb.end), stop ? verb.end + stop.index : Infinity);
    return { dash: m.index + 1, verb, cue, tail: { start: verb.end, end } };
  }
  return undefined;
}

/** The subject before a verb ("Rzecznik Kremla Dymitri Pieskow … powiedział"); undefined when dropped. */
function subjectSpeaker(ctx: Context, from: number, verb: Word, cue: VerbCue, sentence: number): Speaker | undefined {
  const region = wordsIn(ctx.text, from, verb.start);
  let start = 0;
  while (start < region.length && ctx.cues.connectors.has(region[start]!.text.toLowerCase())) start++;
  // "Jak informuje X, …": the source follows the verb.
  if (start < region.length && ctx.cues.as.has(region[start]!.text.toLowerCase())) return undefined;
  // An opening phrase closed by a comma ("In a speech on Wednesday, President Biden said") is not the subject.
  const lastComma = ctx.text.lastIndexOf(',', verb.start);
  if (start < region.length && ctx.cues.prepositions.has(region[start]!.text.toLowerCase()) && lastComma > region[start]!.start) {
    start = region.findIndex((w) => w.start > lastComma);
    if (start < 0) return undefined;
  }
  // A prepositional phrase with no comma ("Podczas konferencji w Białym Domu wyraził…") means the
  // subject was dropped.
  if (start >= region.length || ctx.cues.prepositions.has(region[start]!.text.toLowerCase())) return undefined;
  // In a second clause ("Police estimated …, while organisers claimed that") the subject follows
  // the last comma; when nothing does ("Jeden z urzędników, który…, powiedział") it opens the sentence.
  const lastClause = region.slice(start).filter((w) => w.start > lastComma);
  let clauseStart = 0;
  while (clauseStart < lastClause.length && ctx.cues.connectors.has(lastClause[clauseStart]!.text.toLowerCase())) clauseStart++;
  if (lastComma > region[start]!.start && clauseStart < lastClause.length) {
    const inClause = speakerInRegion(ctx, { start: lastClause[clauseStart]!.start, end: verb.start }, cue.agreement, 'before', sentence);
    if (inClause) return inClause;
  }
  return speakerInRegion(ctx, { start: region[start]!.start, end: verb.start }, cue.agreement, 'before', sentence);
}

function speakerOrLookBack(ctx: Context, speaker: Speaker | undefined, cue: VerbCue, sentence: number): { speaker?: Speaker } {
  if (speaker) return { speaker };
  if (cue.impersonal) return {};
  const earlier = lookBack(ctx, sentence, cue.agreement);
  return earlier ? { speaker: earlier } : {};
}

/**
 * Subjectless quotes ("Jak dodano, …", "poinformowano, że …") continue the previous quote's
 * speaker when that quote is in the same or the previous sentence.
 */
function inheritSpeakers(quotes: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const previous = out.at(-1);
    if (!q.speaker && q.cue && previous?.speaker && q.sentence - previous.sentence <= 1) out.push({ ...q, speaker: previous.speaker });
    else out.push(q);
  }
  return out;
}

/** Reporting verbs are lower-case except as the first word of a sentence. */
function verbCue(ctx: Context, w: Word, sentenceInitial: boolean): VerbCue | undefined {
  if (!sentenceInitial && /^\p{Lu}/u.test(w.text)) return undefined;
  return ctx.cues.verb(w.text);
}

function cueOf(w: Word): Cue {
  return { text: w.text, start: w.start, end: w.end };
}

function inClaimed(ctx: Context, offset: number): boolean {
  return ctx.claimed.some((c) => offset >= c.start && offset < c.end);
}

function overlapsClaimed(ctx: Context, span: Span): boolean {
  return ctx.claimed.some((c) => span.start < c.end && c.start < span.end);
}

function paragraphEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Where an unattributed dash paragraph ends: the next opening dash, else the paragraph end. */
function nextOpening(text: string, from: number, paragraphEnd: number): number {
  const m = /[.!?…]\s+[-–—]\s/u.exec(text.slice(from, paragraphEnd));
  return m ? from + m.index + 1 : paragraphEnd;
}

/** Trims spaces, a trailing comma or full stop, and enclosing dashes from a span. */
function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,:]/u.test(text[start]!)) start++;
  while (end > start && /[\s,.;:]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}

export type { Agreement, QuoteCues };
