/**
 * What the quote-finding steps share: the working context (text, cues, mentions and the spans
 * earlier steps claimed), word and span helpers, and the attribution pieces several steps use
 * (closing "- powiedział X", the subject before a verb, the fall-back to an earlier speaker).
 */
import type { Language, Span } from '../../types.ts';
import { endsWithOpenAbbreviation } from '../../text/sentences.ts';
import { sentenceAt } from '../time/index.ts';
import type { VerbCue } from './cues.ts';
import type { Cue, Quote } from './index.ts';
import { apposedSubject, lookBack, speakerInRegion, wordsIn, type MentionLike, type Speaker, type SpeakerContext, type Spoken } from './speaker.ts';

/** Reporting verb and complementiser may be this many words apart ("poinformowało agencję Reuters, że"). */
export const MAX_VERB_THAT_GAP = 7;
/** Dash speech and reports shorter than this are headings or list items, not speech. */
export const MIN_SPEECH_WORDS = 3;

export interface Context extends SpeakerContext {
  readonly language: Language;
  /** Quote and attribution spans already taken by an earlier, stricter step. */
  readonly claimed: Span[];
  readonly quoted: Span[];
  readonly spoken: Spoken[];
}

export type Keep = (q: Quote | undefined, claim: Span) => void;

export interface Word extends Span {
  readonly text: string;
}

export interface Closing {
  readonly dash: number;
  readonly verb: Word;
  readonly cue: VerbCue;
  /** From after the verb to the end of its sentence: where the speaker is named. */
  readonly tail: Span;
}

/** A character neither a space nor a letter: where a closing attribution's verb has ended. */
const AFTER_DASH_WORD = /[^\s\p{L}]/u;

/** The first " - <reporting verb>" between `from` and `to` (scraped text may lose the space before the dash: "Mahometowi– podaje BBC"). */
export function closingAttribution(ctx: Context, from: number, to: number): Closing | undefined {
  const re = /(?:\s|(?<=[\p{L}.!?"”]))([-–—])\s+(\p{L}+)/gu;
  re.lastIndex = from;
  // Searched up to the first character after `to` that can be neither the dash's spaces nor its
  // word: a match starting before `to` ends there at the latest. Over the whole text, the last
  // search ran on to the next dash of the article at every call.
  const tail = AFTER_DASH_WORD.exec(ctx.text.slice(to + 1));
  const text = tail ? ctx.text.slice(0, to + 1 + tail.index) : ctx.text;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const wordStart = m.index + m[0].length - m[2]!.length;
    const verb = { text: m[2]!, start: wordStart, end: wordStart + m[2]!.length };
    const cue = verbCue(ctx, verb, false);
    if (!cue) continue;
    const sentence = ctx.sentences[sentenceAt(ctx.sentences, verb.start)];
    // The attribution ends at its own full stop even when the splitter ran on into the next
    // dash quote ("- donosiło CNN. - Mamy informacje…").
    const stop = fullStop(ctx, verb.end, to + 400);
    const end = Math.min(sentence ? sentence.end : to, paragraphEndAt(ctx.text, verb.end), stop ? verb.end + stop.index : Infinity);
    return { dash: m.index + m[0].indexOf(m[1]!), verb, cue, tail: { start: verb.end, end } };
  }
  return undefined;
}

/** The first full stop from `from` (before `to`) that is no abbreviation's dot ("minister ds. przedsiębiorczości"), relative to `from`. */
function fullStop(ctx: Context, from: number, to: number): { readonly index: number } | null {
  const text = ctx.text.slice(from, to);
  const stop = /[.!?](?=\s|$)/gu;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    if (m[0] !== '.' || !endsWithOpenAbbreviation(ctx.text.slice(Math.max(0, from + m.index - 40), from + m.index + 1), ctx.language)) return m;
  }
  return null;
}

/** The subject before a verb ("Rzecznik Kremla Dymitri Pieskow … powiedział"); undefined when dropped. */
export function subjectSpeaker(ctx: Context, from: number, verb: Word, cue: VerbCue, sentence: number): Speaker | undefined {
  const region = wordsIn(ctx.text, from, verb.start);
  let start = 0;
  while (start < region.length && ctx.cues.connectors.has(region[start]!.text.toLowerCase())) start++;
  // An opening phrase closed by a comma ("In a speech on Wednesday, President Biden said") is not the subject.
  const lastComma = ctx.text.lastIndexOf(',', verb.start);
  // "Jak informuje X, …": the source follows the verb; "Jak informuje agencja, Merkel dodała, że":
  // the subject after the comma speaks, the agency relays.
  if (start < region.length && ctx.cues.as.has(region[start]!.text.toLowerCase())) {
    const after = region.findIndex((w) => w.start > lastComma);
    if (lastComma < region[start]!.start || after < 0) return undefined;
    start = after;
  }
  // "Zapowiadając, że zagłosuje …, podkreślił": an adverbial participle's clause runs to a comma;
  // the subject, if any, follows the last one.
  // Without a comma the clause's end is unknown ("Powołując się na własne źródła gazeta podkreśla").
  if (start < region.length && ctx.cues.adverbialParticiple(region[start]!.text) && lastComma > region[start]!.start) {
    const after = region.findIndex((w) => w.start > lastComma);
    if (after < 0) return undefined;
    start = after;
  }
  if (start < region.length && ctx.cues.prepositions.has(region[start]!.text.toLowerCase()) && lastComma > region[start]!.start) {
    start = region.findIndex((w) => w.start > lastComma);
    if (start < 0) return undefined;
  }
  // A prepositional phrase with no comma ("Podczas konferencji w Białym Domu wyraził…") means the
  // subject was dropped, unless a role noun follows it ("We wtorek wieczorem linie ogłosiły").
  if (start < region.length && ctx.cues.prepositions.has(region[start]!.text.toLowerCase())) {
    // Or a counted group right before the verb: "W sondażu ośrodka X 53 proc. respondentów powiedziało".
    const counted = countedSubject(ctx, region.slice(start + 1), verb);
    if (counted) return counted;
    const role = region.findIndex((w, i) => i > start && ctx.cues.roles.has(w.text.toLowerCase()));
    // Or a person in the nominative right before the verb: "Na grudniowym szczycie Unii Theresa May
    // zapowiedziała", "W ubiegły czwartek przedstawicielka … Sandra Oudkirk oświadczyła".
    const subject = role < 0 ? subjectBeforeVerb(ctx, region[start]!.start, verb) : undefined;
    if (role < 0 && !subject) return undefined;
    start = role >= 0 ? role : region.findIndex((w) => w.start === subject!.start);
    if (start < 0) return undefined;
  }
  if (start >= region.length) return undefined;
  // In a second clause ("Police estimated …, while organisers claimed that") the subject follows
  // the last comma; when nothing does ("Jeden z urzędników, który…, powiedział") it opens the sentence.
  const lastClause = region.slice(start).filter((w) => w.start > lastComma);
  let clauseStart = 0;
  while (clauseStart < lastClause.length && ctx.cues.connectors.has(lastClause[clauseStart]!.text.toLowerCase())) clauseStart++;
  if (lastComma > region[start]!.start && clauseStart < lastClause.length) {
    const clause = { start: lastClause[clauseStart]!.start, end: verb.start };
    const apposed = apposedSubject(ctx, lastComma, clause, cue.agreement);
    if (apposed) return apposed;
    const inClause = speakerInRegion(ctx, { start: lastClause[clauseStart]!.start, end: verb.start }, cue.agreement, 'before', sentence);
    if (inClause) return inClause;
  }
  // A sentence opening with a past verb of its own ("Oskarżył Blaira o to, że przejawia – jak to
  // określił – …") dropped its subject: a name after that verb in another case is its object.
  const opening = region[start]!;
  if (opening.start === region[0]!.start && ctx.cues.pastGender(opening.text) !== undefined && ctx.cues.mayBeNominative(opening.text) === false
    && !ctx.mentions.some((m) => m.type === 'PER' && m.start > opening.end && m.end <= verb.start && m.text === m.base)) return undefined;
  return speakerInRegion(ctx, { start: region[start]!.start, end: verb.start }, cue.agreement, 'before', sentence);
}

/**
 * A person's name in the nominative that ends right before the verb (nothing but the verb group
 * between), after an opening prepositional phrase: the subject that phrase came before.
 */
/**
 * A counted group right before the verb, its subject: a number, at most one unit word ("proc.",
 * "%", "tys."), a lower-case noun ("53 proc. respondentów powiedziało"). A number takes a neuter
 * verb in Polish, so without this the subject looked dropped and the last organisation spoke.
 */
function countedSubject(ctx: Context, words: readonly Word[], verb: Word): Speaker | undefined {
  for (const unit of [1, 0]) {
    const at = words.length - 2 - unit;
    const number = words[at];
    const noun = words.at(-1);
    if (at < 0 || !number || !noun || !/^\p{N}[\p{N},.]*$/u.test(number.text) || !/^\p{Ll}+$/u.test(noun.text)) continue;
    if (unit && !/(?:\.|%)$|^\p{Ll}{1,7}$/u.test(words[at + 1]!.text)) continue;
    if (!/^\s*$/u.test(ctx.text.slice(noun.end, verb.start))) continue;
    const text = ctx.text.slice(number.start, noun.end);
    return { name: text, description: text, start: number.start, end: noun.end };
  }
  return undefined;
}

function subjectBeforeVerb(ctx: Context, from: number, verb: Word): MentionLike | undefined {
  return ctx.mentions.find((m) => {
    if (m.start <= from || m.end > verb.start || m.text !== m.base) return false;
    if (!wordsIn(ctx.text, m.end, verb.start).every((w) => ctx.cues.verbGroup.has(w.text)) || !/^[\s\p{L}]*$/u.test(ctx.text.slice(m.end, verb.start))) return false;
    // After "z" + a common noun in no nominative the name is whom they spoke with: "w rozmowie ze
    // swoim odpowiednikiem Taro Kono dodał" is not Kono's word ("W liście do … parlamentu Simon
    // Milner pisze" is Milner's).
    const words = wordsIn(ctx.text, from, m.start);
    const before = words.at(-1);
    // An organisation right after a document's noun issued it and speaks: "W wydanym oświadczeniu
    // Ryanair napisał „…”" (subject or the statement's possessor, the same speaker either way);
    // after any other noun it may be where or whom ("Na antenie TVN24 powiedział").
    if (m.type !== 'PER') return m.type === 'ORG' && before !== undefined && ctx.cues.documents.has(before.text.toLowerCase());
    const preposition = words.filter((w) => ctx.cues.prepositions.has(w.text.toLowerCase())).at(-1);
    // "z" with a genitive is "of" ("W czasie jednej z rozmów Corbyn przekazał" is Corbyn's word):
    // only a noun that may be an instrumental is someone spoken with.
    return !(before && preposition && ctx.cues.comitative.has(preposition.text.toLowerCase()) && /^\p{Ll}/u.test(before.text) && ctx.cues.mayBeNominative(before.text) === false && ctx.cues.mayBeInstrumental(before.text) !== false);
  });
}

/**
 * The speaker found, else (a dropped subject) the last fitting name before `until` (default: the
 * sentence); `dropped` when nothing stands before the verb ("- dodał.", "Dodał, że …").
 */
export function speakerOrLookBack(ctx: Context, speaker: Speaker | undefined, cue: VerbCue, sentence: number, options: { readonly until?: number; readonly dropped?: boolean } = {}): { speaker?: Speaker } {
  if (speaker) return { speaker };
  if (cue.impersonal) return {};
  const earlier = lookBack(ctx, sentence, cue.agreement, undefined, options);
  return earlier ? { speaker: earlier } : {};
}

/** Reporting verbs are lower-case except as the first word of a sentence. */
export function verbCue(ctx: Context, w: Word, sentenceInitial: boolean): VerbCue | undefined {
  if (!sentenceInitial && /^\p{Lu}/u.test(w.text)) return undefined;
  return ctx.cues.verb(w.text);
}

export function cueOf(w: Word): Cue {
  return { text: w.text, start: w.start, end: w.end };
}

export function inClaimed(ctx: Context, offset: number): boolean {
  return ctx.claimed.some((c) => offset >= c.start && offset < c.end);
}

export function overlapsClaimed(ctx: Context, span: Span): boolean {
  return ctx.claimed.some((c) => span.start < c.end && c.start < span.end);
}

export function paragraphEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Where an unattributed dash paragraph ends: the next opening dash, else the paragraph end. */
export function nextOpening(text: string, from: number, paragraphEnd: number): number {
  const m = /[.!?…]\s+[-–—]\s/u.exec(text.slice(from, paragraphEnd));
  return m ? from + m.index + 1 : paragraphEnd;
}

/** Trims spaces, a trailing comma or full stop, and enclosing dashes from a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s,:]/u.test(text[start]!)) start++;
  while (end > start && /[\s,.;:]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

export function lastIndexWhere<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}

