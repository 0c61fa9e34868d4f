/**
 * Steps 2, 3 and 5: speech whose attribution follows it: Polish dash speech ("- … - dodał."),
 * reports closed by a dash attribution ("… - donosiło CNN."), and by a comma attribution
 * ("…, officials said.").
 */
import type { Span } from '../../types.ts';
import { sentenceAt } from '../time/index.ts';
import { closingAttribution, cueOf, inClaimed, MIN_SPEECH_WORDS, nextOpening, overlapsClaimed, paragraphEndAt, speakerOrLookBack, trimSpan, verbCue, type Closing, type Context, type Keep } from './context.ts';
import { previousSubject, speakerInRegion, wordsIn, type Speaker } from './speaker.ts';

/** 2. "- Treść wypowiedzi - dodał." at a paragraph start or right after a sentence end. */
export function dashSpeech(ctx: Context, keep: Keep): void {
  // Scraped text may lose the space between a full stop and the dash ("Thyssen.- Jednolity rynek…").
  // A dash right after a closing mark is that quote's attribution ("„…” – te słowa miała
  // wypowiedzieć…"), even when step 1 read no reporting verb there: never new speech.
  // After a scraped link's label ("… zobacz więcej - Porozumienie, które…") speech starts anew too.
  const links = ctx.cues.linkLabels.map((l) => `${l.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s+`).join('|');
  const opening = new RegExp(`(?:^|\\n|[.!?…]\\s+|[.!?…](?=[-–—]\\s+\\p{Lu})${links ? `|${links}` : ''})([-–—])\\s+`, 'gu');
  for (let m = opening.exec(ctx.text); m; m = opening.exec(ctx.text)) {
    const dash = m.index + m[0].indexOf(m[1]!);
    if (inClaimed(ctx, dash)) continue;
    const contentStart = m.index + m[0].length;
    // "- napisał na Twitterze X." after the words it closes: an attribution, not new speech.
    if (closesPrecedingWords(ctx, dash, contentStart, keep)) continue;
    const paragraphEnd = paragraphEndAt(ctx.text, contentStart);
    const closing = closingAttribution(ctx, contentStart, paragraphEnd) ?? commaClosing(ctx, contentStart, nextOpening(ctx.text, contentStart, paragraphEnd));
    const contentEnd = closing ? closing.dash : nextOpening(ctx.text, contentStart, paragraphEnd);
    const content = trimSpan(ctx.text, contentStart, contentEnd);
    if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS) continue;
    const sentence = sentenceAt(ctx.sentences, content.start);
    const base = { ...content, text: ctx.text.slice(content.start, content.end), kind: 'direct' as const, sentence };
    if (!closing) {
      const speaker = previousSubject(ctx, sentence);
      keep({ ...base, ...(speaker && { speaker }) }, { start: dash, end: contentEnd });
      continue;
    }
    const speaker = speakerInRegion(ctx, closing.tail, closing.cue.agreement, 'after', sentence);
    keep({ ...base, cue: cueOf(closing.verb), ...speakerOrLookBack(ctx, speaker, closing.cue, sentence, { dropped: true }) }, { start: dash, end: closing.tail.end });
  }
}

/** Words after the verb of a comma attribution closing dash speech (", dodała Sylvi Listhaug."). */
const MAX_COMMA_CLOSING_TAIL = 4;

/**
 * Dash speech some writers close with a comma instead of a second dash ("- To klasyczny przykład
 * sytuacji, w której możemy pomóc, powiedziała."): a sentence of the speech ending in a comma, a
 * reporting verb and at most a short name is its attribution, as a closing dash would be.
 */
function commaClosing(ctx: Context, from: number, to: number): Closing | undefined {
  for (const s of ctx.sentences) {
    if (s.end <= from || s.start >= to) continue;
    const end = Math.min(s.end, to);
    const body = ctx.text.slice(Math.max(s.start, from), end);
    const m = /,\s+(\p{Ll}+)([^,.!?]*)[.!?]?\s*$/u.exec(body);
    if (!m) continue;
    const at = Math.max(s.start, from) + m.index;
    const wordStart = at + m[0].indexOf(m[1]!);
    const verb = { text: m[1]!, start: wordStart, end: wordStart + m[1]!.length };
    const cue = verbCue(ctx, verb, false);
    if (!cue || wordsIn(ctx.text, verb.end, end).length > MAX_COMMA_CLOSING_TAIL) continue;
    const stop = /[.!?]?\s*$/u.exec(ctx.text.slice(verb.end, end))!;
    return { dash: at, verb, cue, tail: { start: verb.end, end: verb.end + stop.index } };
  }
  return undefined;
}

/** Sentences before a stand-alone dash attribution that still belong to the words it closes. */
const MAX_CLOSED_SENTENCES = 3;

/**
 * A dash that opens with a reporting verb ("Solidarność europejska ma sens. - napisał na Twitterze
 * Donald Tusk.", a paragraph "— tłumaczył." after a quoted one) closes the words before it, which a
 * scraped page lost the marks or the opening dash of: the sentence right before it, in its own or
 * the previous paragraph, and the sentences before that one speaking in the first person
 * ("Udało nam się …"), or the whole paragraph when the attribution stands in a paragraph of its
 * own. Direct when the words speak in the first person or form such a block, else a report.
 */
function closesPrecedingWords(ctx: Context, dash: number, contentStart: number, keep: Keep): boolean {
  const first = wordsIn(ctx.text, contentStart, Math.min(ctx.text.length, contentStart + 40))[0];
  if (!first || first.start !== contentStart) return false;
  const cue = verbCue(ctx, first, false);
  if (!cue) return false;
  const before = sentenceAt(ctx.sentences, Math.max(0, dash - 1));
  const attribution = sentenceAt(ctx.sentences, contentStart);
  const own = ctx.sentences[before];
  if (!own || own.start >= dash) return false;
  // The words end at the dash, or at the end of the sentence before it when the dash opens its own.
  const end = Math.min(dash, own.end);
  let start = own.start;
  // An attribution in a paragraph of its own closes the paragraph before it, a quoted block.
  const block = ctx.text.slice(own.end, dash).includes('\n');
  let firstPerson = block || speaksInFirstPerson(ctx, own.start, end);
  for (let i = before - 1; i >= Math.max(0, before - MAX_CLOSED_SENTENCES + 1); i--) {
    const s = ctx.sentences[i]!;
    // One paragraph break may separate the words from their attribution, not the words from each other.
    if (ctx.text.slice(s.end, start).includes('\n') || !(block || speaksInFirstPerson(ctx, s.start, s.end))) break;
    start = s.start;
    firstPerson = true;
  }
  const content = trimSpan(ctx.text, start, end);
  if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS || overlapsClaimed(ctx, content)) return false;
  const tailEnd = Math.min(ctx.sentences[attribution]?.end ?? ctx.text.length, paragraphEndAt(ctx.text, first.end));
  const stop = /[.!?](?=\s|$)/u.exec(ctx.text.slice(first.end, tailEnd));
  const tail = { start: first.end, end: stop ? first.end + stop.index : tailEnd };
  const sentence = sentenceAt(ctx.sentences, content.start);
  const speaker = speakerInRegion(ctx, tail, cue.agreement, 'after', attribution) ?? continuedSpeaker(ctx, content.start, cue);
  keep(
    { ...content, text: ctx.text.slice(content.start, content.end), kind: firstPerson ? 'direct' : 'indirect', cue: cueOf(first), sentence, ...speakerOrLookBack(ctx, speaker, cue, sentence, { dropped: true }) },
    { start: content.start, end: tail.end },
  );
  return true;
}

/** Sentences back a dropped subject may continue the last quote's speaker ("… - powiedział adwokat. … - zaznaczył."). */
const CONTINUED_SENTENCES = 2;

/** The speaker of the quote just before, when it is near and its verb's gender does not differ. */
function continuedSpeaker(ctx: Context, before: number, cue: { readonly agreement: string }): Speaker | undefined {
  const last = ctx.spoken.filter((s) => s.at < before).sort((a, b) => a.at - b.at).at(-1);
  if (!last) return undefined;
  const near = sentenceAt(ctx.sentences, before) - sentenceAt(ctx.sentences, last.at) <= CONTINUED_SENTENCES;
  const gender = (a: string): string | undefined => (a === 'm' || a === 'f' ? a : undefined);
  const clash = gender(last.agreement) !== undefined && gender(cue.agreement) !== undefined && gender(last.agreement) !== gender(cue.agreement);
  return near && !clash ? last.speaker : undefined;
}

/** Whether a span speaks in the first person: "nam", "obawiam się", "zrobiliśmy" (resources/<lang>/reporting-verbs.txt `first-person`). */
function speaksInFirstPerson(ctx: Context, start: number, end: number): boolean {
  return wordsIn(ctx.text, start, end).some((w) => {
    const lower = w.text.toLowerCase();
    return ctx.cues.firstPerson.has(lower) || ctx.cues.firstPersonEndings.some((e) => lower.endsWith(e) && lower.length > e.length + 2);
  });
}

/** 3. "Biały Dom potwierdził spotkanie - donosiło CNN." */
export function dashReport(ctx: Context, index: number, keep: Keep): void {
  const s = ctx.sentences[index]!;
  if (/^\s*[-–—]/u.test(ctx.text.slice(s.start, s.end)) || inClaimed(ctx, s.start)) return;
  const closing = closingAttribution(ctx, s.start, s.end);
  if (!closing || inClaimed(ctx, closing.dash)) return;
  // A verb that opens a reported clause of its own ("Ciaran Shannon, dyrektor … – grupy pracującej
  // … – mówi, że …") closes an apposition set off by dashes, not the words before: the subject
  // speaks what follows, and the indirect step reads it.
  if (thatFollows(ctx, closing.verb.end)) return;
  const content = trimSpan(ctx.text, s.start, closing.dash);
  if (wordsIn(ctx.text, content.start, content.end).length < MIN_SPEECH_WORDS) return;
  const speaker = speakerInRegion(ctx, closing.tail, closing.cue.agreement, 'after', index);
  if (speaker?.type !== 'PER' && reportsItself(ctx, content)) return;
  keep({ ...content, text: ctx.text.slice(content.start, content.end), kind: 'indirect', cue: cueOf(closing.verb), sentence: index, ...speakerOrLookBack(ctx, speaker, closing.cue, index, { dropped: true }) }, { start: s.start, end: s.end });
}

/** Whether "że" (", że") follows right after `at`: a reporting verb introducing its own clause. */
function thatFollows(ctx: Context, at: number): boolean {
  const next = /^\s*,?\s*(\p{L}+)/u.exec(ctx.text.slice(at, at + 20))?.[1];
  return next !== undefined && ctx.cues.that.has(next.toLowerCase());
}

/** Words before the verb of a report's own attribution ("Przewoźnik twierdzi, że"): a short subject. */
const MAX_INNER_SUBJECT_WORDS = 4;

/**
 * A report whose words open with their own speaker and verb before "że" ("Przewoźnik twierdzi, że
 * propozycje są uczciwe - podaje agencja Associated Press"): an agency or paper after the dash
 * relays what the subject says, as in "Jak informuje agencja, Merkel dodała, że"; the indirect step
 * names the subject. A person after the dash ("rząd jasno stwierdził, że … - powiedział Damberg")
 * is the one speaking, and tells what someone else said.
 */
function reportsItself(ctx: Context, content: Span): boolean {
  const words = wordsIn(ctx.text, content.start, content.end).slice(0, MAX_INNER_SUBJECT_WORDS + 2);
  return words.some((w, i) => i > 0 && i <= MAX_INNER_SUBJECT_WORDS && verbCue(ctx, w, false) !== undefined && ctx.cues.that.has(words[i + 1]?.text.toLowerCase() ?? ''));
}

/** A closing attribution after a comma is short: "…, officials said.", "…, podała agencja PAP." */
export const MAX_COMMA_ATTRIBUTION_WORDS = 7;
/** "South Korean intelligence said on Monday": at most a short adverbial after the verb. */
export const MAX_TRAILING_ADVERBIAL_WORDS = 3;

/** 5. "Moscow may host talks, diplomats said." — an attribution after the last comma. */
export function commaReport(ctx: Context, index: number, keep: Keep): void {
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
  keep({ ...content, text: ctx.text.slice(content.start, content.end), kind: 'indirect', cue: cueOf(verb), sentence: index, ...speakerOrLookBack(ctx, speaker, cue, index, { dropped: vi === 0 }) }, { start: s.start, end: s.end });
}

