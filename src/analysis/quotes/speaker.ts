/**
 * Who said it: the entity mention in the attribution region of a quote (before the verb for
 * "X powiedział, że", after it for "- dodał Y"), checked against the verb's gender; a
 * description when no name is there ("Jeden z urzędników prezydenta"); and, when the subject is
 * dropped ("- dodał.") or only a role noun ("Polityk podkreślił"), the last fitting name before.
 */
import type { EntityType, Span } from '../../types.ts';
import type { Agreement, QuoteCues } from './cues.ts';

/** The part of an entity mention this stage reads (src/analysis/entities Mention fits). */
export interface MentionLike extends Span {
  readonly text: string;
  readonly base: string;
  readonly type: EntityType;
  readonly key?: string;
}

export interface Speaker {
  readonly name: string;
  readonly key?: string;
  readonly type?: EntityType;
  /** The role words around the name ("rzecznik Departamentu Stanu USA"), or the whole description. */
  readonly description?: string;
  readonly start?: number;
  readonly end?: number;
}

export interface SpeakerContext {
  readonly text: string;
  readonly mentions: readonly MentionLike[];
  readonly sentences: readonly Span[];
  readonly cues: QuoteCues;
  /** Direct quote texts found so far: names inside someone's words are not speakers. */
  readonly quoted: readonly Span[];
  /** Speakers of the quotes found so far, by offset, for back references ("Agencja zauważa"). */
  readonly spoken: readonly { readonly at: number; readonly speaker: Speaker }[];
}

/** How many sentences back a dropped subject may refer (the seeds' "- dodał" reach 2). */
const LOOKBACK_SENTENCES = 3;
/** A described speaker longer than this is a clause, not a role noun phrase worth resolving. */
const MAX_ROLE_WORDS = 5;
/**
 * Longest description kept as a speaker: the seeds' longest true one has 7 words ("biuro
 * prezydenta Korei Południowej Yoon Suk Yeol"); longer ones on BSNLP dev were clauses.
 */
const MAX_DESCRIPTION_WORDS = 8;

const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;

export function wordsIn(text: string, from: number, to: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    // A full stop after a word ends the sentence more often than an abbreviation.
    const end = Math.min(m.index + m[0].length - (m[0].endsWith('.') ? 1 : 0), to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
  }
  return out;
}

/**
 * The speaker named in `region`; `side` says where the region lies relative to the verb, so the
 * name nearest the verb wins. Undefined when the region holds neither a name nor a description.
 */
export function speakerInRegion(ctx: SpeakerContext, whole: Span, agreement: Agreement, side: 'before' | 'after', sentence: number): Speaker | undefined {
  const region = side === 'before' ? withoutVerbGroup(ctx, whole) : whole;
  const named = namedSpeaker(ctx, region, agreement, side);
  if (named) return named;
  const description = describe(ctx, region);
  if (!description) {
    // "- czytamy w oświadczeniu": the organisation that issued the statement, the article's main one.
    const document = wordsIn(ctx.text, region.start, region.end).some((w) => ctx.cues.documents.has(w.text.toLowerCase()));
    return document ? lookBack(ctx, sentence, '?', 'ORG', { prominent: true }) : undefined;
  }
  const head = description.words[0]!.text.toLowerCase();
  if (ctx.cues.relatives.has(head)) return antecedent(ctx, region.start, agreement, sentence);
  // A long "description" is a clause the attribution pattern swallowed, not a noun phrase.
  if (description.words.length > MAX_DESCRIPTION_WORDS) return undefined;
  const roleType = ctx.cues.roles.get(head);
  if (roleType && description.words.length <= MAX_ROLE_WORDS) {
    const earlier = lookBack(ctx, sentence, agreement, roleType, roleType === 'ORG' ? { prominent: true } : { nominative: true });
    if (earlier) return { ...earlier, description: description.text };
  }
  return { name: description.text, description: description.text, start: description.start, end: description.end };
}

/**
 * A region before the verb without the auxiliaries and adverbs that end it: the subject of
 * "Washington has repeatedly warned" is "Washington", not "Washington has repeatedly".
 */
function withoutVerbGroup(ctx: SpeakerContext, region: Span): Span {
  const words = wordsIn(ctx.text, region.start, region.end);
  let n = words.length;
  while (n > 0 && ctx.cues.verbGroup.has(words[n - 1]!.text)) n--;
  if (n === words.length) return region;
  return { start: region.start, end: n > 0 ? words[n - 1]!.end : region.start };
}

/**
 * The speaker named by a source phrase ("agencji AP", "The Washington Post"): a mention covering
 * it, else the phrase itself when it is a capitalised title, else as a region after a cue.
 */
export function speakerForPhrase(ctx: SpeakerContext, phrase: Span, sentence: number): Speaker | undefined {
  const whole = ctx.mentions.find((m) => m.start === phrase.start && m.end === phrase.end);
  if (whole) return fromMention(whole);
  const words = wordsIn(ctx.text, phrase.start, phrase.end);
  if (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w.text))) return { name: ctx.text.slice(phrase.start, phrase.end), start: phrase.start, end: phrase.end };
  return speakerInRegion(ctx, phrase, '?', 'after', sentence);
}

export interface LookBackOptions {
  /** Look up to here instead of the sentence start: a dropped subject's name may open its own sentence ("Sędzia X … zacytował: "…" - napisał."). */
  readonly until?: number;
  /**
   * A role noun ("przewoźnik", "linie") refers to the article's main actor of that type, not to the
   * last one named ("z lotniska Zaventem… We wtorek linie ogłosiły" is the airline).
   */
  readonly prominent?: boolean;
  /**
   * Only a name in the nominative: a role noun ("oświadczył sędzia") names who holds the role, and
   * an earlier name in another case is what someone did something to ("za obrazę Mahometa"). With
   * none, the role stays a description, which the story may resolve (src/synthesis/quotes.ts).
   */
  readonly nominative?: boolean;
}

/**
 * Who speaks an unattributed dash paragraph: the person who opens the sentence before it, in the
 * nominative ("Bibi nie była obecna…, ale udzieliła komentarza agencji AFP. - Nie mogę uwierzyć…").
 */
export function previousSubject(ctx: SpeakerContext, sentence: number): Speaker | undefined {
  const previous = ctx.sentences[sentence - 1];
  if (!previous) return undefined;
  const opening = wordsIn(ctx.text, previous.start, previous.end).slice(0, 3);
  const last = opening.at(-1);
  if (!last) return undefined;
  // Nominative: the surface is the base form, or its last part (a surname: "Bibi" of "Asia Bibi").
  const m = ctx.mentions.find((x) => x.type === 'PER' && x.start >= previous.start && x.start <= last.start && (x.text === x.base || x.base.endsWith(` ${x.text}`)) && !isQuoted(ctx, x));
  return m ? fromMention(m) : undefined;
}

/** The last fitting name before `sentence`, for dropped subjects ("- dodał.") and role nouns ("Polityk"). */
export function lookBack(ctx: SpeakerContext, sentence: number, agreement: Agreement, type?: EntityType, options: LookBackOptions = {}): Speaker | undefined {
  const firstSentence = ctx.sentences[Math.max(0, sentence - LOOKBACK_SENTENCES)];
  const current = ctx.sentences[sentence];
  if (!firstSentence || !current) return undefined;
  const wanted = type ?? (agreement === 'n' || agreement === 'p' ? 'ORG' : 'PER');
  const end = options.until ?? current.start;
  const within = (at: number): boolean => at >= firstSentence.start && at < end;
  const candidates = ctx.mentions.filter((m) => within(m.start) && m.type === wanted && !isQuoted(ctx, m) && agrees(ctx, m, agreement));
  if (options.prominent && candidates.length > 0) {
    const count = (key: string | undefined): number => ctx.mentions.filter((m) => key !== undefined && m.key === key).length;
    const best = [...candidates].sort((a, b) => count(b.key) - count(a.key) || b.start - a.start)[0]!;
    return fromMention(best);
  }
  // A name whose surface is its base form is in the nominative, i.e. most likely a subject:
  // "Rzecznik Kremla Dmitrij Pieskow, zapytany o wizytę Kim Dzong Una…" → Pieskow, not Kim.
  const nominative = candidates.filter((m) => m.text === m.base);
  const mention = nominative.at(-1) ?? (options.nominative ? undefined : candidates.at(-1));
  // An earlier quote's speaker of the same type counts too ("- ocenia Associated Press. Agencja zauważa…").
  const spoken = ctx.spoken.filter((s) => within(s.at) && s.speaker.type === wanted).sort((a, b) => a.at - b.at).at(-1);
  if (spoken && (!mention || spoken.at > mention.start)) return spoken.speaker;
  return mention ? fromMention(mention) : undefined;
}

/**
 * A name followed by a common noun that closes the subject is its modifier ("South Korean
 * official[,] said"), not the subject; "Pieskow cytowany przez media powiedział" keeps Pieskow.
 * In English any common word right after the name makes it a modifier (cues.premodifier).
 */
function modifiesNoun(ctx: SpeakerContext, m: Span, region: Span): boolean {
  const after = ctx.text.slice(m.end, region.end);
  if (/^\s+\p{Ll}\p{L}*\s*(?:,|$)/u.test(after)) return true;
  if (!ctx.cues.premodifier) return false;
  // English: any lower-case word right after the name, unless it starts a phrase of its own
  // ("Peskov on Monday said", "Kim and Putin said", "Peskov, who…").
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
  const { prepositions, connectors, verbGroup, relatives } = ctx.cues;
  return next !== undefined && ![prepositions, connectors, verbGroup, relatives].some((set) => set.has(next));
}

/** The name a relative pronoun refers to: the last fitting mention before it in its sentence. */
function antecedent(ctx: SpeakerContext, before: number, agreement: Agreement, sentence: number): Speaker | undefined {
  const s = ctx.sentences[sentence];
  // A place is never the one who speaks ("pracownicy z Włoch, którzy zapewniają").
  const m = ctx.mentions.filter((x) => s && x.type !== 'LOC' && x.start >= s.start && x.end <= before && !isQuoted(ctx, x) && agrees(ctx, x, agreement)).at(-1);
  return m ? fromMention(m) : undefined;
}

function isQuoted(ctx: SpeakerContext, m: Span): boolean {
  return ctx.quoted.some((q) => m.start >= q.start && m.end <= q.end);
}

function namedSpeaker(ctx: SpeakerContext, whole: Span, agreement: Agreement, side: 'before' | 'after'): Speaker | undefined {
  // A title in marks after the verb names the outlet whole ("The New York Times"), which the
  // entity stage may have cut ("New York Times").
  if (side === 'after' && /[„"“«»]/u.test(ctx.text.slice(whole.start, whole.end))) {
    const title = titleAfterVerb(ctx, whole);
    // A title after a preposition is whom they spoke to ("w rozmowie ze „Strefą Biznesu” Piotr
    // Szumlewicz"): the speaker is the name after it.
    if (title) return title;
  }
  const region = side === 'after' ? afterVerbPhrase(ctx, whole) : whole;
  const inside = ctx.mentions.filter((m) => m.start >= region.start && m.end <= region.end && !afterPreposition(ctx, m) && !isQuoted(ctx, m)
    // Before the verb an organisation or place is the subject only in the nominative:
    // "Kreml przekazał" yes, "Rzecznik Kremla … powiedział" no.
    && (side === 'after' || ((m.type === 'PER' || m.text === m.base) && !modifiesNoun(ctx, m, region))));
  // Before the verb a name in the nominative is the subject; an inflected one is usually an
  // object or possessor ("Oliver Krischer oskarżył gabinet Angeli Merkel i podkreślił").
  const pick = (pool: readonly MentionLike[]): MentionLike | undefined => {
    if (side === 'after') return pool[0];
    return pool.filter((m) => m.text === m.base).at(-1) ?? pool.at(-1);
  };
  const persons = inside.filter((m) => m.type === 'PER');
  // Gender breaks ties between names; foreign names ("Adrienne") do not show it, so it never empties the list.
  // A neuter or plural verb never has one person as its subject ("biuro prezydenta X stwierdziło").
  const personal = agreement !== 'n' && agreement !== 'p';
  const chosen = pick(persons.filter((m) => agrees(ctx, m, agreement))) ?? (personal ? pick(persons) : undefined)
    ?? pick(inside.filter((m) => m.type === 'ORG')) ?? pick(inside.filter((m) => m.type === 'LOC'));
  if (chosen) {
    const roleWords = describe(ctx, { start: region.start, end: chosen.start });
    return { ...fromMention(chosen), ...(roleWords ? { description: roleWords.text } : {}) };
  }
  if (side === 'after') return titleAfterVerb(ctx, region);
  return undefined;
}

/**
 * The noun phrase after a verb that names the speaker. After a comma comes an apposition or a
 * relative clause: "prawnik Bibi, Saiful Mulook" is Mulook (the role's name), not Bibi (a possessor
 * in the genitive); "sędzia, który przewodniczył składowi SN" is the judge, not the court.
 */
function afterVerbPhrase(ctx: SpeakerContext, region: Span): Span {
  const comma = ctx.text.slice(region.start, region.end).indexOf(',');
  if (comma < 0) return region;
  const head = { start: region.start, end: region.start + comma };
  const tail = { start: region.start + comma + 1, end: region.end };
  const tailWords = wordsIn(ctx.text, tail.start, tail.end);
  if (tailWords.length && ctx.cues.relatives.has(tailWords[0]!.text.toLowerCase())) return head;
  const headWords = wordsIn(ctx.text, head.start, head.end);
  const headIsRole = headWords.length > 0 && ctx.cues.roles.has(headWords[0]!.text.toLowerCase());
  const tailName = ctx.mentions.find((m) => m.type === 'PER' && m.start >= tail.start && m.end <= tail.end);
  // "prawnik Bibi, Saiful Mulook": the name after the comma is the role's holder.
  const tailOpens = tailName !== undefined && tailWords[0]?.start === tailName.start;
  if (headIsRole && tailOpens) return { start: tailName.start, end: tailName.end };
  return head;
}

/** Names the entity stage may not know, right after the verb: "- ocenia Associated Press", "– przekazało "The New York Times"". */
function titleAfterVerb(ctx: SpeakerContext, region: Span): Speaker | undefined {
  const slice = ctx.text.slice(region.start, region.end);
  const m = /[„"“«»]([^"”“«»]+)["”«»]|((?:\p{Lu}[\p{L}.-]*)(?:\s+\p{Lu}[\p{L}.-]*)*)/u.exec(slice);
  if (!m) return undefined;
  const name = (m[1] ?? m[2])!.trim().replace(/\.+$/u, '');
  const start = region.start + m.index + (m[1] ? 1 : 0);
  const roleWords = ctx.text.slice(region.start, region.start + m.index).trim();
  // After a preposition a name is a place or a recipient ("w Berlinie", "w rozmowie ze „Strefą
  // Biznesu”"), never who speaks.
  const roleList = roleWords.split(/\s+/u).map((w) => w.toLowerCase());
  const lastWord = roleList.at(-1);
  if (lastWord && ctx.cues.prepositions.has(lastWord)) return undefined;
  // Or after a preposition and a medium's noun: "w wiadomości dla agencji AFP" is the recipient.
  const beforeNoun = roleList.at(-2);
  if (beforeNoun && lastWord && ctx.cues.prepositions.has(beforeNoun) && ctx.cues.media.has(lastWord)) return undefined;
  return { name, type: 'ORG', start, end: start + name.length, ...(roleWords ? { description: roleWords } : {}) };
}

function describe(ctx: SpeakerContext, region: Span): { text: string; start: number; end: number; words: { text: string }[] } | undefined {
  // A relative clause or apposition after a comma is not part of the speaker's name.
  const comma = ctx.text.slice(region.start, region.end).search(/[,:;(]/);
  const end = comma >= 0 ? region.start + comma : region.end;
  let words = wordsIn(ctx.text, region.start, end);
  // Leading discourse words and prepositional phrases are no part of who speaks: "w środę
  // wrocławski port lotniczy" is the airport; "w oświadczeniu", "w rozmowie ze" name no one.
  for (;;) {
    if (words.length && ctx.cues.connectors.has(words[0]!.text.toLowerCase())) words = words.slice(1);
    else if (words.length && ctx.cues.prepositions.has(words[0]!.text.toLowerCase())) {
      const medium = words[1] !== undefined && ctx.cues.media.has(words[1].text.toLowerCase());
      words = words.slice(2);
      // "dla agencji AFP": the medium's name belongs to the phrase, whom they spoke or wrote to.
      if (medium) while (words.length && /^\p{Lu}/u.test(words[0]!.text)) words = words.slice(1);
    } else break;
  }
  while (words.length && (/^\p{N}/u.test(words.at(-1)!.text) || ctx.cues.connectors.has(words.at(-1)!.text.toLowerCase()))) words = words.slice(0, -1);
  if (!words.length) return undefined;
  const start = words[0]!.start;
  const stop = words.at(-1)!.end;
  return { text: ctx.text.slice(start, stop), start, end: stop, words };
}

function afterPreposition(ctx: SpeakerContext, m: Span): boolean {
  // Past an English possessive name: "Officials at Kyiv's Boryspil Airport said" puts the
  // airport after "at" too.
  const window = ctx.text.slice(Math.max(0, m.start - 60), m.start);
  const before = /([\p{L}.]+)\s+(?:(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s\s+)?$/u.exec(window);
  if (before !== null && ctx.cues.prepositions.has(before[1]!.toLowerCase())) return true;
  // A name after a preposition and a medium's noun is whom they spoke or wrote to ("w wiadomości
  // do agencji AFP", "w rozmowie z dziennikiem X"), not who speaks.
  const gap = /([\p{L}.]+)\s+(\p{Ll}+)\s+$/u.exec(window);
  return gap !== null && ctx.cues.prepositions.has(gap[1]!.toLowerCase()) && ctx.cues.media.has(gap[2]!);
}

/**
 * Whether a person's name fits the verb's gender. Polish feminine first names end in -a in the
 * base form; a man is ruled out only when his surface form is that base too, because an
 * inflected name may get a wrong base ("Dymitria" for "Dymitri").
 */
function agrees(ctx: SpeakerContext, m: MentionLike, agreement: Agreement): boolean {
  if (agreement === '?') return true;
  // Organisations take any agreement: "Kreml przekazał", "agencja przekazała", "biuro stwierdziło", "USA opublikowały".
  if (m.type !== 'PER') return true;
  if (agreement === 'n' || agreement === 'p') return false;
  const feminineWord = (name: string): boolean => {
    const first = name.split(/\s+/)[0]!.toLowerCase();
    return ctx.cues.feminineNameEndings.some((e) => first.endsWith(e));
  };
  if (agreement === 'f') return feminineWord(m.base);
  return !(feminineWord(m.base) && m.text === m.base);
}

function fromMention(m: MentionLike): Speaker {
  return { name: m.base, ...(m.key ? { key: m.key } : {}), type: m.type, start: m.start, end: m.end };
}
