/** Step 1: quotes in quotation marks, with their attribution after or before the marks. */
import { sentenceAt } from '../time/index.ts';
import { closingAttribution, cueOf, inClaimed, lastIndexWhere, MAX_VERB_THAT_GAP, MIN_SPEECH_WORDS, speakerOrLookBack, subjectSpeaker, trimSpan, verbCue, type Context, type Keep, type Word } from './context.ts';
import type { VerbCue } from './cues.ts';
import type { MarkedSpan } from './marks.ts';
import { speakerInRegion, wordsIn } from './speaker.ts';

/**
 * A marked span without a reporting cue is a quote only from this many words on. The seeds'
 * titles and scare quotes have at most 4 words ("na Dalekim Wschodzie Rosji"); unattributed
 * speech fragments in news run to clause length. Tune together with the title test below.
 */
const MIN_UNATTRIBUTED_WORDS = 8;
/** Marked words of a mixed quote fewer than this are a fragment: the quote is its whole reported clause. */
const MIN_MIXED_WORDS = 6;
/** A title in marks ("The New York Times") is short and capitalised word by word. */
const MAX_TITLE_WORDS = 6;
export function markedQuote(ctx: Context, span: MarkedSpan, keep: Keep): void {
  const inner = wordsIn(ctx.text, span.innerStart, span.innerEnd);
  if (inner.length === 0) return;
  const sentenceIndex = sentenceAt(ctx.sentences, span.start);
  const sentence = ctx.sentences[sentenceIndex];
  const closingIndex = sentenceAt(ctx.sentences, span.end - 1);
  const own = ctx.sentences[closingIndex];
  if (!sentence || !own) return;
  // Quoted words that end their sentence may be attributed by the next one, a dash and a
  // reporting verb, even across a paragraph break ("„…”\n\n– napisał polityk."): read it as after the marks.
  const next = ctx.sentences[closingIndex + 1];
  const attributedNext = next !== undefined && /^[\s.]*$/u.test(ctx.text.slice(span.end, own.end))
    && verbCue(ctx, { text: /^[\s.]*[-–—]\s+(\p{Ll}+)/u.exec(ctx.text.slice(own.end, next.end))?.[1] ?? '', start: 0, end: 0 }, false) !== undefined;
  const closing = attributedNext ? { start: own.start, end: next.end } : own;
  const base = { start: span.innerStart, end: span.innerEnd, text: ctx.text.slice(span.innerStart, span.innerEnd), sentence: sentenceIndex };
  const title = inner.length <= MAX_TITLE_WORDS && inner.every((w) => /^[\p{Lu}\p{N}]/u.test(w.text));
  if (title) return;

  // After the marks: "…" - ocenia AP.  /  "…," said the minister.  /  "…," the minister said.
  // English puts the comma inside the marks ("…," he said), Polish a dash outside ("…" - dodał).
  const innerPunct = /[,!?]$/u.test(ctx.text.slice(span.innerStart, span.end - 1).trimEnd());
  // Without a dash only a verb right after the marks attributes them ("…” oświadczył rzecznik").
  const bare = !innerPunct && /^\s+$/u.test(/^\s*/u.exec(ctx.text.slice(span.end, closing.end))![0]);
  const after = (innerPunct || bare ? /^\s+/u : /^\s*[,.!?]?\s*(?:[-–—]\s*|,\s*)/u).exec(ctx.text.slice(span.end, closing.end));
  if (after && after[0].length > 0) {
    const tailStart = span.end + after[0].length;
    const tailWords = wordsIn(ctx.text, tailStart, closing.end).slice(0, bare ? 1 : MAX_VERB_THAT_GAP);
    const vi = tailWords.findIndex((w) => verbCue(ctx, w, false));
    if (vi >= 0) {
      const verb = tailWords[vi]!;
      const cue = verbCue(ctx, verb, false)!;
      const speaker = vi === 0
        ? speakerInRegion(ctx, { start: verb.end, end: closing.end }, cue.agreement, 'after', sentenceIndex)
        : speakerInRegion(ctx, { start: tailStart, end: verb.start }, cue.agreement, 'before', sentenceIndex);
      keep({ ...base, kind: 'direct', cue: cueOf(verb), ...speakerOrLookBack(ctx, speaker, cue, sentenceIndex, { until: span.start, dropped: vi === 0 }) }, { start: span.start, end: closing.end });
      return;
    }
  }

  // Before the marks: "X powiedział, że "…"" (mixed) or "X powiedział: "…"" (direct).
  const prefixWords = wordsIn(ctx.text, sentence.start, span.start);
  const vi = lastIndexWhere(prefixWords, (w, i) => introducing(ctx, prefixWords, i, span) !== undefined && !inClaimed(ctx, w.start));
  if (vi >= 0) {
    const verb = prefixWords[vi]!;
    const { cue, object } = introducing(ctx, prefixWords, vi, span)!;
    const between = prefixWords.slice(vi + 1);
    const mixed = between.some((w) => ctx.cues.that.has(w.text.toLowerCase()));
    const introduced = /[:,]\s*$/u.test(ctx.text.slice(verb.end, span.start)) || between.length === 0;
    if (mixed || introduced) {
      // Dash speech closed earlier in the sentence ("- Dlaczego …? - spytał Juncker … i uznał, że
      // "…"") is its own quote; the subject of this verb is that attribution's, after the dash.
      const closed = prefixWords.slice(0, vi).findLast((w) => /[-–—]\s+$/u.test(ctx.text.slice(Math.max(sentence.start, w.start - 3), w.start)) && verbCue(ctx, w, false) !== undefined);
      const from = closed ? closed.end : sentence.start;
      // The verb itself may close dash speech that opens the sentence ("– Nikt nie chce … – mówi
      // Alessandro Monteduro i pyta: „…”"): its subject follows it or is dropped, and the dash speech
      // stays for step 2. A dash closing an aside ("Michael Roth - jak relacjonował Reuters -
      // powiedział") leaves the subject before it.
      const near = Math.max(sentence.start, verb.start - 3);
      const dash = vi > 0 && !closed && /^\s*[-–—]\s/u.test(ctx.text.slice(sentence.start, verb.start)) ? /[-–—]\s+$/u.exec(ctx.text.slice(near, verb.start)) : null;
      const closes = dash ? near + dash.index : undefined;
      const that = between.find((w) => ctx.cues.that.has(w.text.toLowerCase()));
      const speaker = closes !== undefined
        ? speakerInRegion(ctx, { start: verb.end, end: that?.start ?? span.start }, cue.agreement, 'after', sentenceIndex)
        : subjectSpeaker(ctx, from, verb, cue, sentenceIndex) ?? (introduced && !mixed && !object ? speakerInRegion(ctx, { start: verb.end, end: span.start }, cue.agreement, 'after', sentenceIndex) : undefined);
      // A few marked words inside a reported clause ("że zapis ten odbierze rządowi „czek in
      // blanco”") say nothing alone: the quote is the clause, with the marked words in it. So are
      // marked words the clause opened before ("że … Kim Dzong Un „w najbliższych dniach złoży
      // oficjalną wizytę…”", "że wiele krajów obserwuje szczyt pomiędzy „Koreą Północną, …”"):
      // alone they lack the clause's subject or verb.
      const opened = that !== undefined && between.at(-1) !== that;
      const clause = mixed && that && (inner.length < MIN_MIXED_WORDS || opened) ? trimSpan(ctx.text, that.end, closing.end) : undefined;
      const words = clause ? { start: clause.start, end: clause.end, text: ctx.text.slice(clause.start, clause.end) } : {};
      keep({ ...base, ...words, kind: mixed ? 'mixed' : 'direct', cue: cueOf(verb), ...speakerOrLookBack(ctx, speaker, cue, sentenceIndex, { dropped: vi === 0 || closes !== undefined }) }, { start: closes ?? (closed ? closed.start : sentence.start), end: closing.end });
      return;
    }
  }
  if (namedInMarks(ctx, span, prefixWords, sentenceIndex, keep)) return;
  if (splitByAttribution(ctx, span, keep)) return;
  if (inner.length >= MIN_UNATTRIBUTED_WORDS) keep({ ...base, kind: 'direct' }, span);
}

/** Words between a verb that gives marked words after a colon and the colon: its object ("m.in. słowa", "sprawę następująco"). */
const MAX_COLON_OBJECT_WORDS = 3;

/**
 * Whether the prefix word `i` introduces the marked words, and with what cue: a reporting verb, or a
 * verb that gives words after its object and a colon ("wypowiedziała m.in. słowa: „…”", "przysłał
 * poniższe oświadczenie: „…”"; resources/pl/reporting-verbs.txt `colon-`). `object`: the words after
 * such a verb are its object, never the speaker ("m.in. słowa").
 */
function introducing(ctx: Context, words: readonly Word[], i: number, span: MarkedSpan): { cue: VerbCue; object?: boolean } | undefined {
  const w = words[i]!;
  const cue = verbCue(ctx, w, i === 0);
  if (cue) return { cue };
  if (i > 0 && /^\p{Lu}/u.test(w.text)) return undefined;
  const colon = ctx.cues.colonVerb(w.text);
  if (!colon) return undefined;
  const object = wordsIn(ctx.text, w.end, span.start);
  return object.length > 0 && object.length <= MAX_COLON_OBJECT_WORDS && /^[^:]*:\s*$/u.test(ctx.text.slice(w.end, span.start)) ? { cue: colon, object: true } : undefined;
}

/** Words between a naming verb and the marks: its object and "jako" ("tę propozycję", "UE jako"). */
const MAX_NAMED_OBJECT_WORDS = 3;

/**
 * "Ryanair nazwał żądania „bezcelowymi”", "określił UE jako „protekcjonistyczną”": marked words a
 * naming verb gives its object are the subject's judgement in the subject's words, however short.
 * The quote is mixed, from the object to the closing mark, and needs a speaker: unattributed, a
 * short marked word is a scare quote.
 */
function namedInMarks(ctx: Context, span: MarkedSpan, prefixWords: readonly Word[], sentenceIndex: number, keep: Keep): boolean {
  const vi = lastIndexWhere(prefixWords, (w) => /^\p{Ll}/u.test(w.text) && ctx.cues.namingVerb(w.text) !== undefined && !inClaimed(ctx, w.start));
  if (vi < 0) return false;
  const verb = prefixWords[vi]!;
  const between = prefixWords.slice(vi + 1);
  if (between.length > MAX_NAMED_OBJECT_WORDS || between.some((w) => ctx.cues.that.has(w.text.toLowerCase())) || /[,;:.!?]/u.test(ctx.text.slice(verb.end, span.start))) return false;
  const cue = ctx.cues.namingVerb(verb.text)!;
  const sentence = ctx.sentences[sentenceIndex]!;
  // The object may open the clause ("Brytyjczyków mieszkających w unijnych krajach nazwał „dziećmi
  // UE”"): a name in another case than the nominative in the verb's own clause is no subject, which
  // is dropped. Past a comma it may be a relative's antecedent ("Davida Davisa, który … – jak to określił –").
  const subject = subjectSpeaker(ctx, sentence.start, verb, cue, sentenceIndex);
  const inflected = subject?.start !== undefined && subject.start >= sentence.start
    && ctx.mentions.some((m) => m.start === subject.start && m.text !== m.base && !/[,–—-]/u.test(ctx.text.slice(m.end, verb.start)));
  const { speaker } = speakerOrLookBack(ctx, inflected ? undefined : subject, cue, sentenceIndex, { dropped: vi === 0 || inflected });
  if (!speaker) return false;
  // "– jak to określił – wielokrotne próby „…”": the dash closing the aside is not the words'.
  const words = trimSpan(ctx.text, verb.end + (/^[\s,]*[-–—]?/u.exec(ctx.text.slice(verb.end, span.start))?.[0].length ?? 0), span.end);
  keep({ ...words, text: ctx.text.slice(words.start, words.end), kind: 'mixed', cue: cueOf(verb), sentence: sentenceIndex, speaker }, { start: verb.start, end: span.end });
  return true;
}

/**
 * "“A – mówi Monteduro. – B”": a dash attribution inside the marks, with the words going on after
 * another dash, splits one speaker's words in two; both are that speaker's.
 */
function splitByAttribution(ctx: Context, span: MarkedSpan, keep: Keep): boolean {
  const closing = closingAttribution(ctx, span.innerStart, span.innerEnd);
  if (!closing || closing.tail.end >= span.innerEnd) return false;
  const going = /^[.,]?\s*[-–—]\s+/u.exec(ctx.text.slice(closing.tail.end, span.innerEnd));
  if (!going) return false;
  const first = trimSpan(ctx.text, span.innerStart, closing.dash);
  const second = trimSpan(ctx.text, closing.tail.end + going[0].length, span.innerEnd);
  if ([first, second].some((part) => wordsIn(ctx.text, part.start, part.end).length < MIN_SPEECH_WORDS)) return false;
  const sentence = sentenceAt(ctx.sentences, closing.verb.start);
  const who = speakerOrLookBack(ctx, speakerInRegion(ctx, closing.tail, closing.cue.agreement, 'after', sentence), closing.cue, sentence, { dropped: true });
  for (const [part, claim] of [[first, { start: span.start, end: closing.tail.end }], [second, { start: closing.tail.end, end: span.end }]] as const) {
    keep({ ...part, text: ctx.text.slice(part.start, part.end), kind: 'direct', cue: cueOf(closing.verb), sentence: sentenceAt(ctx.sentences, part.start), ...who }, claim);
  }
  return true;
}


/** A quote cut at its start by the page or the writer shows only its closing mark; its words run from the sentence start. */
const CLOSING_ONLY = /(\S)\s*([”"])(?=\s*[-–—,]?\s*(\p{Ll}+))/gu;

/**
 * Quotes whose opening mark is missing ("… na terenie Pakistanu” oświadczył rzecznik MSZ", a
 * paragraph that starts mid-quote and ends `" - mówił …`): a closing mark outside every marked span,
 * right before a reporting verb, closes words that start where its sentence starts. Read as marked
 * quotes, with the attribution after the mark.
 */
export function closingOnlySpans(ctx: Context, marked: readonly MarkedSpan[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  CLOSING_ONLY.lastIndex = 0;
  for (let m = CLOSING_ONLY.exec(ctx.text); m; m = CLOSING_ONLY.exec(ctx.text)) {
    const mark = m.index + m[0].length - 1;
    if (marked.some((s) => mark >= s.start && mark < s.end) || !verbCue(ctx, { text: m[3]!, start: 0, end: 0 }, false)) continue;
    const sentence = ctx.sentences[sentenceAt(ctx.sentences, m.index)];
    if (!sentence) continue;
    // An opening mark earlier in the sentence would have paired with it: this one is a stray.
    const before = ctx.text.slice(sentence.start, mark);
    if (/[„“"«»]/u.test(before)) continue;
    const lead = /^[\s\-–—]*/u.exec(before)![0].length;
    const innerStart = sentence.start + lead;
    const innerEnd = m.index + m[1]!.length;
    if (wordsIn(ctx.text, innerStart, innerEnd).length < MIN_CLOSING_ONLY_WORDS) continue;
    out.push({ start: innerStart, end: mark + 1, innerStart, innerEnd });
  }
  return out;
}

/** Fewer words than this before a stray closing mark are a title or a name, not speech. */
const MIN_CLOSING_ONLY_WORDS = 4;
