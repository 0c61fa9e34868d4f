/**
 * Who said it: the entity mention in the attribution region of a quote (before the verb for
 * "X powiedział, że", after it for "- dodał Y"), checked against the verb's gender; a
 * description when no name is there ("Jeden z urzędników prezydenta"); and, when the subject is
 * dropped ("- dodał.") or only a role noun ("Polityk podkreślił"), the last fitting name before.
 */
import type { EntityType, Span } from '../../types.ts';
import type { Agreement, QuoteCues } from './cues.ts';
import { sentenceAt } from '../time/index.ts';

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

/** A quote's speaker found so far, with the agreement of its verb ("powiedziała": a woman). */
export interface Spoken {
  readonly at: number;
  readonly speaker: Speaker;
  readonly agreement: Agreement;
}

export interface SpeakerContext {
  readonly text: string;
  readonly mentions: readonly MentionLike[];
  readonly sentences: readonly Span[];
  readonly cues: QuoteCues;
  /** Direct quote texts found so far: names inside someone's words are not speakers. */
  readonly quoted: readonly Span[];
  /** Speakers of the quotes found so far, by offset, for back references ("Agencja zauważa"). */
  readonly spoken: readonly Spoken[];
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
export function speakerInRegion(ctx: SpeakerContext, full: Span, agreement: Agreement, side: 'before' | 'after', sentence: number): Speaker | undefined {
  // A comma right after the verb ends the attribution ("– zapowiedziała, podkreślając jednak, że rząd
  // chce „…”"): the subject was dropped, and what follows is another clause, not a name.
  if (side === 'after' && /^\s*,/u.test(ctx.text.slice(full.start, full.end))) return undefined;
  // A reporting verb inside the region is the subject's first verb ("Rzecznik ministerstwa
  // potwierdził, że … i powiedział, że", "podał przewoźnik w komunikacie i dodał"): the subject
  // stands before it. A verb in the first person there ("Zignorowałem to - stwierdził i powiedział")
  // is someone's own words, never a name ("na naszej antenie" is the outlet's phrase, not speech).
  const regionWords = wordsIn(ctx.text, full.start, full.end);
  const firstVerb = regionWords.findIndex((w, i) => (i > 0 || side === 'after') && /^\p{Ll}/u.test(w.text) && ctx.cues.verb(w.text) !== undefined);
  const whole = firstVerb > 0 ? { start: full.start, end: regionWords[firstVerb]!.start } : full;
  if (side === 'before' && wordsIn(ctx.text, whole.start, whole.end).some((w) => ctx.cues.firstPersonVerb(w.text))) return undefined;
  const region = side === 'before' ? withoutVerbGroup(ctx, whole) : fromRoleAfterVerb(ctx, whole);
  if (side === 'before' && openedByAsked(ctx, region)) return askedSubject(ctx, region, agreement);
  const held = heldRoleAfterVerb(ctx, region, side);
  const named = held ? undefined : namedSpeaker(ctx, region, agreement, side);
  if (named) return named;
  const described = describe(ctx, region);
  // "– dopytywała zaskoczona": one word saying how the speaker spoke is no speaker (the subject was dropped).
  const manner = side === 'after' && described !== undefined && described.words.length === 1 && !ctx.cues.roles.has(described.words[0]!.text.toLowerCase()) && ctx.cues.predicative(described.words[0]!.text);
  // "Michael O'Leary, szef Ryanaira, znów ostrzegł", "Zarazem poinformował": one word that is in no
  // case (an adverb, by the dictionary) names no one; the subject is before the comma, or dropped.
  const lone = described?.words.length === 1 ? described.words[0]!.text.toLowerCase() : undefined;
  const caseless = lone !== undefined && !ctx.cues.roles.has(lone) && ctx.cues.caseless(lone);
  // "– wyjaśnił zapytany o koszty …": who was asked is the dropped subject.
  const asked = side === 'after' && described !== undefined && ctx.cues.asked.has(described.words[0]!.text.toLowerCase());
  const description = described && !manner && !caseless && !asked && !(side === 'after' && circumstance(ctx, region, described.words)) ? described : undefined;
  if (!description) {
    // "- czytamy w oświadczeniu": the organisation that issued the statement, the article's main one.
    const regionWords = wordsIn(ctx.text, region.start, region.end);
    const document = regionWords.some((w) => ctx.cues.documents.has(w.text.toLowerCase()));
    if (!document) return undefined;
    // "czytamy w artykule wstępnym gazety": the paper the article named before ("dziennika „Dawn”").
    const medium = regionWords.some((w) => ctx.cues.media.has(w.text.toLowerCase()));
    return (medium ? namedMedium(ctx, sentence, region.start) : undefined) ?? lookBack(ctx, sentence, '?', 'ORG', { prominent: true });
  }
  const head = description.words[0]!.text.toLowerCase();
  if (ctx.cues.relatives.has(head)) return antecedent(ctx, region.start, agreement, sentence);
  // "– głosi komunikat": a document that speaks is its issuer's, the organisation named last as a
  // subject; "– głosi komunikat agencji", "komunikat przewoźnika": the article's main organisation
  // of that role, as for the role noun alone.
  if (ctx.cues.documentSubjects.has(head)) {
    const possessor = description.words[1] === undefined ? undefined : ctx.cues.nounLemma(description.words[1].text.toLowerCase());
    const issuer = possessor !== undefined && ctx.cues.roles.get(possessor) === 'ORG';
    return lookBack(ctx, sentence, '?', 'ORG', issuer ? { prominent: true } : {});
  }
  // A personal pronoun ("she added", "powiedziała ona") is never a name: the person named before,
  // else the speaker of the quote before ("a spokeswoman for the company … she added"), else no one.
  const pronoun = description.words.length === 1 ? ctx.cues.pronouns.get(head) : undefined;
  if (pronoun && !pronoun.possessive) return pronounSpeaker(ctx, sentence, pronoun.agreement);
  // A long "description" is a clause the attribution pattern swallowed, not a noun phrase.
  if (description.words.length > MAX_DESCRIPTION_WORDS) return undefined;
  // The role noun may follow its adjectives: "amerykański prezydent", "unijna komisarz".
  const roleAt = roleIndex(ctx, description.words);
  const roleWord = roleAt >= 0 ? description.words[roleAt]!.text.toLowerCase() : undefined;
  const roleType = roleWord !== undefined ? ctx.cues.roles.get(roleWord) : undefined;
  // "pomstował lider innej grupy fanatyków": another one than any named before.
  const other = description.words.some((w) => ctx.cues.others.has(w.text.toLowerCase()));
  if (roleType && roleWord && !other && description.words.length - roleAt <= MAX_ROLE_WORDS) {
    // A role a person possesses ("rzecznik premier Theresy May") is held by whom the article
    // introduced with it, never by the last person named, who is usually that possessor.
    const possessor = ctx.mentions.some((m) => m.start >= description.words[roleAt]!.end && m.end <= description.end && possessorOfRole(ctx, m, description.start));
    const earlier = sameRole(ctx, sentence, roleWord) ?? sameDescription(ctx, sentence, description.text) ?? (possessor ? undefined : lookBack(ctx, sentence, agreement, roleType, roleType === 'ORG' ? { prominent: true } : { nominative: true, ...(held && { role: roleWord }) }));
    if (earlier) return { ...earlier, description: description.text };
    // No one named before: the article may name them only after ("- … - przekonywał były przywódca
    // Partii Pracy. Wykorzystał też ten wywiad… Tony Blair wyraził przekonanie…").
    const later = roleType === 'PER' && !possessor && !other ? subjectAhead(ctx, description.start, agreement) : undefined;
    if (later) return { ...later, description: description.text };
  }
  const person = nameInDescription(ctx, description.words);
  if (person) return { ...person, description: description.text };
  return { name: description.text, description: description.text, start: description.start, end: description.end };
}

/** Whether the region before the verb opens, past connectives, with a participle of being asked ("Pytany przez dziennikarzy, czy …"). */
function openedByAsked(ctx: SpeakerContext, region: Span): boolean {
  const first = wordsIn(ctx.text, region.start, region.end).find((w) => !ctx.cues.connectors.has(w.text.toLowerCase()));
  return first !== undefined && ctx.cues.asked.has(first.text.toLowerCase());
}

/**
 * The subject after a clause of being asked: a person named after its last comma ("Zapytany przez
 * dziennikarza EurActiv o …, Szefczowicz powiedział"); the names inside the clause ("przez
 * dziennikarza TASS", "czy Polska …") asked or were asked about. None there: the subject was dropped.
 */
function askedSubject(ctx: SpeakerContext, region: Span, agreement: Agreement): Speaker | undefined {
  const comma = ctx.text.lastIndexOf(',', region.end - 1);
  const rest = { start: comma >= region.start ? comma + 1 : region.start, end: region.end };
  const named = namedSpeaker(ctx, rest, agreement, 'before');
  return named?.type === 'PER' ? named : undefined;
}

/** How many sentences after a described speaker's own the article may first name them. */
const LOOKAHEAD_SENTENCES = 2;

/**
 * The person who opens one of the sentences after `at` as its subject, in the nominative and of the
 * verb's gender, when none was named before the described speaker: the name the article gives
 * the role it spoke with ("przekonywał były przywódca Partii Pracy. … Tony Blair wyraził").
 * Only the first person named there counts: another one is someone else's turn.
 */
function subjectAhead(ctx: SpeakerContext, at: number, agreement: Agreement): Speaker | undefined {
  // Counted from the description's own sentence: a dash speech may open sentences before it.
  const sentence = sentenceAt(ctx.sentences, at);
  const current = ctx.sentences[sentence];
  const last = ctx.sentences[Math.min(ctx.sentences.length - 1, sentence + LOOKAHEAD_SENTENCES)];
  if (!current || !last || agreement === 'n' || agreement === 'p') return undefined;
  const first = ctx.mentions.find((m) => m.start >= current.end && m.end <= last.end && m.type === 'PER' && !isQuoted(ctx, m));
  if (!first || !nominative(first) || !opensSentence(ctx, first) || !agrees(ctx, first, agreement)) return undefined;
  return personalName(ctx, first);
}

/** Whom a personal pronoun subject refers to (speakerInRegion). */
function pronounSpeaker(ctx: SpeakerContext, sentence: number, agreement: Agreement): Speaker | undefined {
  const named = agreement === 'p' ? undefined : lookBack(ctx, sentence, agreement, 'PER', { nominative: true });
  return named ?? lastSpeaker(ctx, sentence, agreement);
}

/** The speaker of the last quote before `sentence`, within the look-back, that fits the verb's gender (and is of `type`, if given). */
export function lastSpeaker(ctx: SpeakerContext, sentence: number, agreement: Agreement, type?: EntityType): Speaker | undefined {
  const first = ctx.sentences[Math.max(0, sentence - LOOKBACK_SENTENCES)];
  const current = ctx.sentences[sentence];
  if (!first || !current) return undefined;
  const last = ctx.spoken.filter((s) => s.at >= first.start && s.at < current.start && agreesSpoken(ctx, s, agreement)).at(-1)?.speaker;
  return last && (type === undefined || last.type === type) ? last : undefined;
}

/** The last medium named with its noun before `before` ("dziennika „Dawn”", "gazety Times"), within the look-back. */
function namedMedium(ctx: SpeakerContext, sentence: number, before: number): Speaker | undefined {
  const first = ctx.sentences[Math.max(0, sentence - LOOKBACK_SENTENCES)];
  if (!first) return undefined;
  const title = /([\p{L}]+)\s+[„"“]?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/gu;
  title.lastIndex = first.start;
  let found: Speaker | undefined;
  for (let m = title.exec(ctx.text); m && m.index < before; m = title.exec(ctx.text)) {
    if (!ctx.cues.media.has(m[1]!.toLowerCase())) {
      title.lastIndex = m.index + m[1]!.length;
      continue;
    }
    const start = m.index + m[0].length - m[2]!.length;
    found = { name: m[2]!, type: 'ORG', start, end: start + m[2]!.length };
  }
  return found;
}

/**
 * After the verb, a phrase that opens with a preposition and whose rest can be no subject — no role
 * noun, no name, a first word that is in no case a subject takes — still says when, where or how it
 * was said ("mówiła w czasie swojego wystąpienia do zgromadzonych"): the subject was dropped, and is
 * found as one ("- dodała."); "poinformował w środę wrocławski port lotniczy" names the airport.
 */
function circumstance(ctx: SpeakerContext, region: Span, words: readonly { text: string }[]): boolean {
  const opening = wordsIn(ctx.text, region.start, region.end).find((w) => !ctx.cues.connectors.has(w.text.toLowerCase()));
  if (!opening || !ctx.cues.prepositions.has(opening.text.toLowerCase())) return false;
  if (words.some((w) => /^\p{Lu}/u.test(w.text) || ctx.cues.roles.has(w.text.toLowerCase()))) return false;
  return ctx.cues.mayBeNominative(words[0]!.text) === false;
}

/**
 * After the verb, words before a role noun that are no part of the speaker ("powiedziała późnym
 * popołudniem agencji dpa rzeczniczka związku …"): the speaker's phrase starts at the role noun.
 */
function fromRoleAfterVerb(ctx: SpeakerContext, region: Span): Span {
  const comma = ctx.text.slice(region.start, region.end).search(/[,:;(]/u);
  const words = wordsIn(ctx.text, region.start, comma >= 0 ? region.start + comma : region.end);
  if (roleIndex(ctx, words) >= 0) return region;
  const at = words.findIndex((w) => ctx.cues.roles.has(w.text.toLowerCase()));
  // Only when no name comes first: "dodał Jan Kowalski, rzecznik …" names him before the role.
  // An acronym reads the same in every case: before the role it is whom they spoke to ("powiedziała
  // FP rzecznik Departamentu Stanu", a paper in the dative), not a name that comes first.
  if (at <= 0 || ctx.mentions.some((m) => m.start >= region.start && m.start < words[at]!.start && (m.type === 'PER' || (nominative(m) && !ACRONYM.test(m.text))) && !afterPreposition(ctx, m))) return region;
  return { start: words[at]!.start, end: region.end };
}

/**
 * After the verb, a person's role whose name in the phrase is not a person in the nominative
 * ("napisał szef Rady Europejskiej", "napisał prawnik Asi Bibi"): the name is the role's
 * possessor, the speaker is whoever holds the role (resolved as a described speaker).
 */
function heldRoleAfterVerb(ctx: SpeakerContext, region: Span, side: 'before' | 'after'): boolean {
  if (side !== 'after') return false;
  let words = wordsIn(ctx.text, region.start, region.end);
  while (words.length > 1 && ctx.cues.connectors.has(words[0]!.text.toLowerCase())) words = words.slice(1);
  const at = roleIndex(ctx, words);
  if (at < 0 || ctx.cues.roles.get(words[at]!.text.toLowerCase()) !== 'PER') return false;
  const after = ctx.mentions.filter((m) => m.start >= words[at]!.end && m.end <= region.end && !isQuoted(ctx, m) && !afterPreposition(ctx, m));
  const next = after[0];
  // Only the role's own words between it and the name: "rzecznik tamtejszego MSZ", or a
  // prepositional phrase of names ("ekspert z Instytutu Stosunków Międzynarodowych Uniwersytetu
  // Warszawskiego": the university is where the expert works, not who speaks).
  if (!next) return false;
  const between = wordsIn(ctx.text, words[at]!.end, next.start);
  const named = (w: Span): boolean => ctx.mentions.some((m) => m.start <= w.start && w.end <= m.end);
  if (!between.every((w, i) => /^\p{Ll}+$/u.test(w.text) || (named(w) && i > 0 && between.slice(0, i).some((p) => ctx.cues.prepositions.has(p.text))))) return false;
  return !after.some((m) => personalName(ctx, m).type === 'PER' && nominative(m));
}

/** Adjectives that may precede a role noun: "amerykański prezydent", "unijna komisarz", "jej prawnik". */
const MAX_WORDS_BEFORE_ROLE = 2;

/** Where the role noun of a described speaker is: its first word, or after at most two lower-case modifiers. */
function roleIndex(ctx: SpeakerContext, words: readonly { text: string }[]): number {
  for (let i = 0; i < Math.min(words.length, MAX_WORDS_BEFORE_ROLE + 1); i++) {
    const w = words[i]!.text;
    if (ctx.cues.roles.has(w.toLowerCase())) return i;
    if (!/^\p{Ll}/u.test(w)) return -1;
  }
  return -1;
}

/**
 * A role noun names whoever the article introduced with that role a little earlier: "napisał
 * prawnik Asi Bibi" is the one "jej prawnik Saif ul-Mulook" of two sentences before, whichever
 * type the entity stage gave the name, and not Asia Bibi, the last person named.
 */
function sameRole(ctx: SpeakerContext, sentence: number, role: string): Speaker | undefined {
  const first = ctx.sentences[Math.max(0, sentence - LOOKBACK_SENTENCES)];
  const current = ctx.sentences[sentence];
  if (!first || !current) return undefined;
  const hasRole = (description: string | undefined): boolean => description !== undefined && description.toLowerCase().split(/\s+/u).includes(role);
  const spoken = ctx.spoken.filter((s) => s.at >= first.start && s.at < current.start && s.speaker.type !== undefined && hasRole(s.speaker.description)).at(-1);
  if (spoken) return spoken.speaker;
  // The role right before a name in the nominative ("jej prawnik Saif ul-Mulook", "rzecznik Kremla
  // Dmitrij Pieskow"); a name in another case is the role's possessor ("prawnik Asi Bibi").
  const introduced = ctx.mentions.filter((m) => m.start >= first.start && m.start < current.start && m.type !== 'LOC' && !isQuoted(ctx, m) && nominative(m)
    && roleBefore(ctx, m, first.start) === role);
  const m = introduced.at(-1);
  return m ? personalName(ctx, m) : undefined;
}

/**
 * A described speaker worded exactly as one the article resolved before ("- powiedział rzecznik
 * Kremla Dmitrij Pieskow" … "- powiedział rzecznik Kremla" five sentences on) is that speaker,
 * however far back: the article's own name for them, not the last person named in between.
 */
function sameDescription(ctx: SpeakerContext, sentence: number, description: string): Speaker | undefined {
  const current = ctx.sentences[sentence];
  if (!current || description.split(/\s+/u).length < 2) return undefined;
  const wanted = description.toLowerCase();
  return ctx.spoken.filter((s) => s.at < current.start && s.speaker.key !== undefined && s.speaker.description?.toLowerCase() === wanted).at(-1)?.speaker;
}

/** Words between a role noun and the name it introduces: an organisation's name ("rzecznik Kremla Dmitrij Pieskow"). */
const MAX_WORDS_ROLE_TO_NAME = 3;

/** The role noun introducing a mention, lower-case, if one stands right before it (past the holder's organisation). */
function roleBefore(ctx: SpeakerContext, m: Span, from: number): string | undefined {
  const before = wordsIn(ctx.text, Math.max(from, m.start - 80), m.start);
  if (before.length === 0 || !/^[ \t]+$/u.test(ctx.text.slice(before.at(-1)!.end, m.start))) return undefined;
  for (let i = before.length - 1; i >= Math.max(0, before.length - 1 - MAX_WORDS_ROLE_TO_NAME); i--) {
    const w = before[i]!.text.toLowerCase();
    if (ctx.cues.roles.has(w)) return w;
  }
  return undefined;
}

/**
 * Before the verb, a description after a comma may stand in apposition to the name before it
 * ("Caroline Lucas, współprzewodnicząca Partii Zielonych powiedziała", "Michael O'Leary, prezes
 * Ryanair oświadczył"): the person in the nominative right before the comma is the subject, the
 * description their role; the organisation in it is the role's possessor, not the speaker.
 */
export function apposedSubject(ctx: SpeakerContext, comma: number, clause: Span, agreement: Agreement): Speaker | undefined {
  const words = wordsIn(ctx.text, clause.start, clause.end);
  const head = words[0]?.text;
  if (!head || !/^\p{Ll}/u.test(head)) return undefined;
  const lower = head.toLowerCase();
  if ([ctx.cues.connectors, ctx.cues.relatives, ctx.cues.prepositions, ctx.cues.that].some((set) => set.has(lower))) return undefined;
  const name = ctx.mentions.find((m) => m.type === 'PER' && /^\s*$/u.test(ctx.text.slice(m.end, comma)) && m.end <= comma && nominative(m) && !isQuoted(ctx, m) && fitsApposition(ctx, m, agreement));
  if (!name) return undefined;
  const role = describe(ctx, clause);
  return { ...personalName(ctx, name), ...(role ? { description: role.text } : {}) };
}

/** A person fits the verb unless it is neuter or plural, or the article's verbs showed the other gender (a foreign first name shows none: "Caroline"). */
function fitsApposition(ctx: SpeakerContext, m: MentionLike, agreement: Agreement): boolean {
  if (agreement === 'n' || agreement === 'p') return false;
  // A group the entity stage typed as a person ("Brytyjczycy") is no subject of a singular verb.
  if (!/\s/u.test(m.base) && ctx.cues.pluralNoun(m.base)) return false;
  const shown = shownGender(ctx, m);
  return !shown || agreement === '?' || shown === agreement;
}

/** A name written in its base form (or as the last part of it: "Bibi" of "Asia Bibi") is in the nominative. */
function nominative(m: MentionLike): boolean {
  return m.text === m.base || m.base.endsWith(` ${m.text}`);
}

/**
 * A person's name the entity stage glued to the genitive before it ("Bundestagu Katrin
 * Goering-Eckardt" of "klubu poselskiego Zielonych w Bundestagu Katrin Goering-Eckardt wezwała") is
 * in the nominative when the words left after that genitive (fromMention cuts it) are as in the base form.
 */
function nominativeAfterPossessor(ctx: SpeakerContext, m: MentionLike): boolean {
  if (m.type !== 'PER') return false;
  const written = m.text.split(/\s+/u);
  const base = m.base.split(/\s+/u);
  const rest = withoutPossessor(ctx, written);
  return written.length === base.length && rest.length < written.length && rest.every((w, i) => w === base[written.length - rest.length + i]);
}

/**
 * A person's name as the article writes it in full: the entity stage may stop before a particle
 * joined by a hyphen ("Saif" of "Saif ul-Mulook", "Baszar" of "Baszar al-Asad"), and may type such a
 * name as an organisation. The longer name has no entity key: the story names it as written.
 */
export function personalName(ctx: SpeakerContext, m: MentionLike): Speaker {
  const tail = /^[ \t]+(\p{Ll}{1,3}-\p{Lu}[\p{L}'’-]*)/u.exec(ctx.text.slice(m.end, m.end + 40));
  if (!tail) return fromMention(m, ctx);
  const end = m.end + tail[0].length;
  return { name: `${m.base} ${tail[1]}`, type: 'PER', start: m.start, end };
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
  if (whole) return fromMention(whole, ctx);
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
  /**
   * The role of a holder named by the organisation it serves ("rzecznik Komisji …"): a person the
   * article introduced with another role ("komisarz … Marianne Thyssen") does not hold it.
   */
  readonly role?: string;
  /**
   * A dropped subject ("Dodał, że Merkel i Putin … Poinformował, że …") continues who spoke, never a
   * name inside the words someone reported (indirect ones too; direct words are never looked into).
   */
  readonly dropped?: boolean;
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
  const m = ctx.mentions.find((x) => x.type === 'PER' && x.start >= previous.start && x.start <= last.start && nominative(x) && !isQuoted(ctx, x));
  return m ? personalName(ctx, m) : undefined;
}

/** The last fitting name before `sentence`, for dropped subjects ("- dodał.") and role nouns ("Polityk"). */
export function lookBack(ctx: SpeakerContext, sentence: number, agreement: Agreement, type?: EntityType, options: LookBackOptions = {}): Speaker | undefined {
  const firstSentence = ctx.sentences[Math.max(0, sentence - LOOKBACK_SENTENCES)];
  const current = ctx.sentences[sentence];
  if (!firstSentence || !current) return undefined;
  const wanted = type ?? (agreement === 'n' || agreement === 'p' ? 'ORG' : 'PER');
  const end = options.until ?? current.start;
  const within = (at: number): boolean => at >= firstSentence.start && at < end;
  // In English a name before a common noun modifies it ("A South Korean official"): no one to refer back to.
  const otherRole = (m: Span): boolean => {
    const held = options.role === undefined ? undefined : roleBefore(ctx, m, firstSentence.start);
    return held !== undefined && held !== options.role;
  };
  const modifier = (m: Span): boolean => ctx.cues.premodifier && ctx.cues.roles.has(/^\s+(\p{Ll}+)/u.exec(ctx.text.slice(m.end, m.end + 40))?.[1] ?? '');
  // A name the entity stage typed as a product after an organisation's role noun is that organisation:
  // "Spółka Nord Stream 2 AG poinformowała", "dziennik „Kommiersant”".
  const typed = (m: MentionLike): boolean => m.type === wanted || (wanted === 'PER' && introducedPerson(ctx, m, firstSentence.start))
    || (wanted === 'ORG' && m.type === 'PRO' && ctx.cues.roles.get(roleBefore(ctx, m, firstSentence.start) ?? '') === 'ORG');
  const reported = (m: Span): boolean => options.dropped === true && inReportedClause(ctx, m);
  const candidates = ctx.mentions.filter((m) => within(m.start) && typed(m) && !isQuoted(ctx, m) && agrees(ctx, m, agreement) && !modifier(m) && !otherRole(m) && !reported(m));
  if (options.prominent && candidates.length > 0) {
    const count = (key: string | undefined): number => ctx.mentions.filter((m) => key !== undefined && m.key === key).length;
    const best = [...candidates].sort((a, b) => count(b.key) - count(a.key) || b.start - a.start)[0]!;
    return fromMention(best, ctx);
  }
  // A name whose surface is its base form is in the nominative, i.e. most likely a subject:
  // "Rzecznik Kremla Dmitrij Pieskow, zapytany o wizytę Kim Dzong Una…" → Pieskow, not Kim.
  const inNominative = candidates.filter((m) => m.text === m.base || nominativeAfterPossessor(ctx, m));
  // Of those, one that opens its sentence is its subject, the one a dropped subject continues
  // ("Andrzej Sikora, prezes ISE, zwraca uwagę, że … Nord Stream II … - To firmy… - mówi.").
  const subjects = inNominative.filter((m) => opensSentence(ctx, m));
  const mention = subjects.at(-1) ?? inNominative.at(-1) ?? (options.nominative ? undefined : candidates.at(-1));
  // An earlier quote's speaker of the same type counts too ("- ocenia Associated Press. Agencja zauważa…").
  const spoken = ctx.spoken.filter((s) => within(s.at) && s.speaker.type === wanted && agreesSpoken(ctx, s, agreement) && !(s.speaker.start !== undefined && otherRole({ start: s.speaker.start, end: s.speaker.end ?? s.speaker.start }))).sort((a, b) => a.at - b.at).at(-1);
  if (spoken && (!mention || spoken.at > mention.start)) return spoken.speaker;
  if (!mention) return undefined;
  const named = personalName(ctx, mention);
  return mention.type === wanted ? named : { ...named, type: 'PER' };
}

/** Words between a reporting verb and the complementiser opening what it reports ("powiedział w rozmowie z agencją NTB, że"), as the indirect step reads them (context.ts). */
const MAX_REPORTED_GAP = 7;

/**
 * Whether a name stands in a clause a reporting verb introduced with a complementiser earlier in
 * its sentence ("Dodał, że Merkel i Putin …", "sugerują, że zarówno Bibi …"): someone's reported
 * words, whatever step found them or will. After "Jak relacjonuje Reuter, O'Leary dał do
 * zrozumienia, że …" O'Leary stands outside: the agency relays, he speaks.
 */
function inReportedClause(ctx: SpeakerContext, m: Span): boolean {
  const s = ctx.sentences.find((x) => x.start <= m.start && m.start < x.end);
  if (!s) return false;
  const words = wordsIn(ctx.text, s.start, m.start);
  return words.some((w, i) => ctx.cues.that.has(w.text.toLowerCase()) && words.slice(Math.max(0, i - 1 - MAX_REPORTED_GAP), i).some((v) => /^\p{Ll}/u.test(v.text) || v.start === s.start ? ctx.cues.verb(v.text) !== undefined : false));
}

/**
 * A person's name the entity stage typed as an organisation, introduced by a person's role
 * ("Rzecznik firmy Robin Kiely wezwał … - Jako że … - powiedział."): in the nominative, two
 * capitalised words or more, the first a name the dictionary knows as a person's ("rzecznik MSZ",
 * "lider Plaid Cymru" stay organisations).
 */
function introducedPerson(ctx: SpeakerContext, m: MentionLike, from: number): boolean {
  if (m.type !== 'ORG' || m.text !== m.base) return false;
  const words = m.text.split(/\s+/u);
  if (words.length < MIN_NAME_WORDS || !ctx.cues.personalName(words[0]!) || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  const role = roleBefore(ctx, m, from);
  return role !== undefined && ctx.cues.roles.get(role) === 'PER';
}

/** Words before a subject that still let it open its sentence: connectives and a role ("Rzecznik Kremla Dmitrij Pieskow"). */
const MAX_WORDS_BEFORE_SUBJECT = 3;

/** Whether a mention stands first in its sentence, past connectives and at most a short role phrase. */
function opensSentence(ctx: SpeakerContext, m: Span): boolean {
  const s = ctx.sentences.find((x) => x.start <= m.start && m.start < x.end);
  if (!s) return false;
  const before = wordsIn(ctx.text, s.start, m.start).filter((w) => !ctx.cues.connectors.has(w.text.toLowerCase()));
  if (before.length === 0) return true;
  return before.length <= MAX_WORDS_BEFORE_SUBJECT && ctx.cues.roles.has(before[0]!.text.toLowerCase()) && !/[,:;]/u.test(ctx.text.slice(s.start, m.start));
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
  return m ? personalName(ctx, m) : undefined;
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
    // Szumlewicz"): the speaker is the name after it. So is a title a person's name follows ("mówi
    // „Rzeczpospolitej” Ian Bond"): the paper in the dative, he speaks.
    const closing = title?.end === undefined ? -1 : title.end + 1;
    const person = closing < 0 ? undefined : ctx.mentions.find((m) => m.type === 'PER' && m.start >= closing && m.end <= whole.end && /^\s*$/u.test(ctx.text.slice(closing, m.start)));
    if (person) return { ...personalName(ctx, person), description: ctx.text.slice(whole.start, person.start).trim() };
    if (title) {
      // The title as the entity stage read it, in its base form ("„Rzeczpospolitej”" → "Rzeczpospolita").
      const named = ctx.mentions.find((m) => m.start >= title.start! && m.end <= title.end! && m.end - m.start === title.end! - title.start!);
      return named ? { ...title, name: named.base } : title;
    }
  }
  const region = side === 'after' ? afterVerbPhrase(ctx, whole) : whole;
  // "czytamy w „The Sun”": what the writer read names its source after the preposition.
  const verb = /(\p{L}+)[\s,]*$/u.exec(ctx.text.slice(Math.max(0, whole.start - 30), whole.start))?.[1];
  const read = side === 'after' && verb !== undefined && ctx.cues.firstPersonVerb(verb);
  // A name a statement was given to ("czytamy w oświadczeniu dla „The Independent”") is its recipient, not what was read.
  const source = read ? ctx.mentions.find((m) => m.start >= region.start && m.end <= region.end && (m.type === 'ORG' || m.type === 'PRO') && !givenTo(ctx, m)) : undefined;
  if (source) return fromMention(source, ctx);
  const apposed = side === 'before' ? closedApposition(ctx, region, agreement) : undefined;
  if (apposed) return apposed;
  const inside = ctx.mentions.filter((m) => m.start >= region.start && m.end <= region.end && !afterPreposition(ctx, m, read) && !isQuoted(ctx, m)
    // Before the verb an organisation or place is the subject only in the nominative:
    // "Kreml przekazał" yes, "Rzecznik Kremla … powiedział" no.
    && (side === 'after' || ((m.type === 'PER' || (m.text === m.base && !heldBy(ctx, m)) || namedByRole(ctx, m, region.start)) && !modifiesNoun(ctx, m, region) && !possessorOfRole(ctx, m, region.start))));
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
  // A plural verb after people joined by "i" speaks for them all: "lider Jeremy Corbyn i minister … Keir Starmer ocenili".
  const joined = agreement === 'p' ? persons.filter((m, i) => coordinated(ctx, m, persons[i + 1])) : [];
  const chosen = pick(persons.filter((m) => agrees(ctx, m, agreement))) ?? (personal ? pick(persons) : undefined) ?? joined[0]
    ?? pick(inside.filter((m) => m.type === 'ORG'))
    ?? (side === 'before' ? inside.find((m) => m.type === 'PRO' && headTitle(ctx, m, region)) : undefined) ?? pick(inside.filter((m) => m.type === 'LOC'));
  if (chosen) {
    const roleWords = describe(ctx, { start: region.start, end: chosen.start });
    // An agency's name after its role noun ("Agencja Reutera zaznaczyła") is no woman's surname.
    const woman = side === 'before' && namedByRole(ctx, chosen, region.start) ? undefined : womanNamed(chosen, agreement);
    return { ...personalName(ctx, chosen), ...woman, ...(roleWords ? { description: roleWords.text } : {}) };
  }
  if (side === 'after') return titleAfterVerb(ctx, region);
  return undefined;
}

/**
 * Before the verb, a person in the nominative followed by a role phrase closed by a comma ("Tom
 * Williams, dyrektor operacyjny Airbus Commercial Aircraft, przypomniał", "Jan Nowak, doradca
 * premier May, powiedział") is the subject: names inside the apposition are whose the role is,
 * whatever type the entity stage gave them.
 */
function closedApposition(ctx: SpeakerContext, region: Span, agreement: Agreement): Speaker | undefined {
  if (!/,\s*$/u.test(ctx.text.slice(region.start, region.end))) return undefined;
  for (const m of ctx.mentions) {
    if (m.start < region.start || m.end > region.end || m.type !== 'PER' || !nominative(m) || isQuoted(ctx, m) || !agrees(ctx, m, agreement)) continue;
    const apposition = /^\s*,\s*(\p{Ll}[^,;:()„"“”–—-]*?)\s*,\s*$/u.exec(ctx.text.slice(m.end, region.end));
    if (!apposition) continue;
    const start = m.end + apposition[0].indexOf(apposition[1]!);
    const words = wordsIn(ctx.text, start, start + apposition[1]!.length);
    if (roleIndex(ctx, words) < 0) continue;
    return { ...personalName(ctx, m), description: apposition[1]! };
  }
  return undefined;
}

/**
 * Before the verb, a person's name in another case than the nominative right after a person's role
 * ("rzeczniczka Theresy May zapewniła", "rzeczniczka premier Theresy May oświadczyła") is whose the
 * role is: the role's holder speaks, not the possessor. A name that reads the same in every case
 * ("rzeczniczka May") cannot be told from an apposition and stays.
 */
function possessorOfRole(ctx: SpeakerContext, m: MentionLike, from: number): boolean {
  if (m.type !== 'PER' || !inflected(ctx, m)) return false;
  // Between the role and the name only the possessor's adjectives and role: "rzecznik brytyjskiej premier".
  const before = wordsIn(ctx.text, Math.max(from, m.start - 60), m.start);
  for (let i = before.length - 1, n = 0; i >= 0 && n <= MAX_WORDS_BEFORE_ROLE; i--, n++) {
    const w = before[i]!.text;
    if (ctx.cues.roles.get(w.toLowerCase()) === 'PER') return true;
    if (!/^\p{Ll}/u.test(w) || !ctx.cues.adjectiveEndings.some((e) => w.endsWith(e))) return false;
  }
  return false;
}

/**
 * A person's mention written in another case than the nominative: a word of it differs from its
 * base form, past a possessor the entity stage glued before it ("Brytyjczyków Christiaan …") and a
 * name the dictionary knows in the nominative ("Marek", which a wrong base made "Marki").
 */
function inflected(ctx: SpeakerContext, m: MentionLike): boolean {
  const text = m.text.split(/\s+/u);
  const base = m.base.split(/\s+/u);
  if (text.length !== base.length) return !nominative(m);
  return text.some((w, i) => w !== base[i] && !ctx.cues.possessor(w) && !ctx.cues.personalName(w));
}

/**
 * A title right before the verb, after nothing but its adjectives and a medium's noun, is the paper
 * that wrote it ("Brytyjski „The Guardian” donosi", "Dziennik „Kommiersant” podał"), whichever type
 * the entity stage gave it (a work's, PRO); after a person's noun it is theirs ("Dziennikarz „Daily
 * Telegraph” zauważył").
 */
function headTitle(ctx: SpeakerContext, m: MentionLike, region: Span): boolean {
  if (!/^[\s"”“»«']*$/u.test(ctx.text.slice(m.end, region.end))) return false;
  return wordsIn(ctx.text, region.start, m.start).every((w) => {
    const role = ctx.cues.roles.get(w.text.toLowerCase());
    return role === 'ORG' || ctx.cues.media.has(w.text.toLowerCase()) || (role === undefined && ctx.cues.adjective(w.text));
  });
}

/** An acronym: one word with two capitals or more ("KE", "MSZ", "MPiT"). */
const ACRONYM = /^\p{Lu}\p{L}*\p{Lu}\p{L}*$/u;

/**
 * Before the verb, an organisation's name in the genitive right after an organisation's role noun
 * in the nominative that opens the subject ("Agencja Reutera zaznaczyła", "dziennik „Guardiana”"):
 * the name is what the role noun calls the speaker, not its possessor.
 */
function namedByRole(ctx: SpeakerContext, m: MentionLike, from: number): boolean {
  if (m.type !== 'ORG' && m.type !== 'PRO') return false;
  const before = wordsIn(ctx.text, Math.max(from, m.start - 60), m.start);
  const role = before.at(-1);
  if (!role || ctx.cues.roles.get(role.text.toLowerCase()) !== 'ORG' || !/^[\s„"“]*$/u.test(ctx.text.slice(role.end, m.start))) return false;
  // Only lower-case modifiers may come before the role in the subject ("brytyjska agencja Reutera").
  const modifiers = before.slice(0, -1).filter((w) => !ctx.cues.connectors.has(w.text.toLowerCase()));
  return modifiers.length <= MAX_WORDS_BEFORE_ROLE && modifiers.every((w) => /^\p{Ll}/u.test(w.text) && !ctx.cues.prepositions.has(w.text));
}

/**
 * An acronym right after a person's role noun is the role's possessor, though it reads the same in
 * every case: "Szef KE przyznał", "rzecznik MSZ powiedział" ("Kanclerz Merkel" is hers).
 */
function heldBy(ctx: SpeakerContext, m: MentionLike): boolean {
  if (!ACRONYM.test(m.text)) return false;
  const before = /(\p{L}+)\s+$/u.exec(ctx.text.slice(Math.max(0, m.start - 40), m.start))?.[1];
  return before !== undefined && ctx.cues.roles.get(before.toLowerCase()) === 'PER';
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
  // A head that opens with a common noun describes someone ("prawnik Bibi", "mąż Bibi"); a
  // preposition opens a phrase about something else ("w nagraniu wideo").
  const opening = headWords[0]?.text;
  const headIsRole = opening !== undefined && (ctx.cues.roles.has(opening.toLowerCase()) || (/^\p{Ll}/u.test(opening) && !ctx.cues.prepositions.has(opening) && !ctx.cues.connectors.has(opening)));
  const tailName = ctx.mentions.find((m) => m.type === 'PER' && m.start >= tail.start && m.end <= tail.end);
  // "prawnik Bibi, Saiful Mulook", "mąż Bibi, Ashiq Masih": the name after the comma is the holder.
  const tailOpens = tailName !== undefined && tailWords[0]?.start === tailName.start && nominative(tailName);
  if (headIsRole && tailOpens) return { start: tailName.start, end: tailName.end };
  return head;
}

/** Names the entity stage may not know, right after the verb: "- ocenia Associated Press", "– przekazało "The New York Times"". */
function titleAfterVerb(ctx: SpeakerContext, region: Span): Speaker | undefined {
  const slice = ctx.text.slice(region.start, region.end);
  // A name may open with a particle ("ul-Malook", "al-Asad"), never in the middle of a word; an
  // apostrophe stays inside it ("O'Leary", "O’Leary").
  const m = /[„"“«»]([^"”“«»]+)["”«»]|(?<![\p{L}.'’-])((?:\p{Ll}{1,3}-)?(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u.exec(slice);
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

function describe(ctx: SpeakerContext, region: Span): { text: string; start: number; end: number; words: { text: string; start: number; end: number }[] } | undefined {
  // A relative clause or apposition after a comma is not part of the speaker's name; an
  // organisation's acronym in brackets is ("rzeczniczka Szkockiej Partii Narodowej (SNP) Jo Cherry").
  const comma = ctx.text.slice(region.start, region.end).search(/[,:;]|\((?!\p{Lu}{2,}\))/u);
  const end = comma >= 0 ? region.start + comma : region.end;
  let words = wordsIn(ctx.text, region.start, end);
  // Leading discourse words and prepositional phrases are no part of who speaks: "w środę
  // wrocławski port lotniczy" is the airport; "w oświadczeniu", "w rozmowie ze" name no one.
  // A preposition first: "z" opens "Z kolei" and "z „Bild am Sonntag”" alike.
  for (;;) {
    if (words.length && ctx.cues.prepositions.has(words[0]!.text.toLowerCase())) {
      const medium = words[1] !== undefined && ctx.cues.media.has(words[1].text.toLowerCase());
      const named = words[1] !== undefined && /^\p{Lu}/u.test(words[1].text);
      // A title in marks after the preposition is the phrase's whole object ("z „Bild am Sonntag”").
      const title = words[1] !== undefined && /[„"“«]\s*$/u.test(ctx.text.slice(words[0]!.end, words[1].start)) ? /["”«»]/u.exec(ctx.text.slice(words[1].end, end)) : null;
      if (title) {
        const closed = words[1]!.end + title.index;
        words = words.filter((w) => w.start > closed);
        continue;
      }
      words = words.slice(2);
      // "dla agencji AFP": the medium's name belongs to the phrase, whom they spoke or wrote to.
      if (medium) while (words.length && /^\p{Lu}/u.test(words[0]!.text)) words = words.slice(1);
      // So does the rest of a name after the preposition ("w Bloomberg Television"), up to a person's.
      else if (named) while (words.length && /^[\p{Lu}\p{N}]/u.test(words[0]!.text) && !ctx.mentions.some((m) => m.type === 'PER' && m.start === words[0]!.start)) words = words.slice(1);
    } else if (words.length > 1 && ctx.cues.that.has(words[0]!.text.toLowerCase()) && !ctx.cues.prepositions.has(words[1]!.text.toLowerCase())) {
      // A complementiser opens a clause ("jest to, że 67 proc. badanych uważa"): its subject, if
      // it has one, follows; a verb there ("odpiera zarzut, że jest lobbystą … i twierdzi") is the
      // clause's own, and the speaker is the sentence's subject before it. (After "że na początku
      // marca" where the subject starts is not known: the clause stays whole, a description.)
      words = words.slice(1);
      if (/^\p{Ll}/u.test(words[0]!.text) && ctx.cues.mayBeNominative(words[0]!.text) === false) return undefined;
    } else if (words.length && (ctx.cues.connectors.has(words[0]!.text.toLowerCase()) || ctx.cues.reflexives.has(words[0]!.text.toLowerCase()))) words = words.slice(1);
    // An adverb saying how it was said ("– zapytał retorycznie pakistański działacz") is no part of
    // who said it; alone it is no one (speakerInRegion). Before a preposition it may say where the
    // words were read ("czytamy dalej w komunikacie"), whose issuer is not known from the phrase.
    else if (words.length > 1 && /^\p{Ll}/u.test(words[0]!.text) && ctx.cues.caseless(words[0]!.text) && !ctx.cues.that.has(words[0]!.text.toLowerCase()) && !ctx.cues.prepositions.has(words[1]!.text.toLowerCase())) words = words.slice(1);
    else break;
  }
  // A preposition after a name ends the phrase: "prawnik Asi Bibi w wiadomości dla agencji AFP" is
  // the lawyer; what follows says where or to whom ("komisarz do spraw zatrudnienia" stays whole).
  const cut = words.findIndex((w, i) => i > 1 && ctx.cues.prepositions.has(w.text.toLowerCase()) && /^\p{Lu}/u.test(words[i - 1]!.text));
  if (cut > 0) words = words.slice(0, cut);
  while (words.length && (/^\p{N}/u.test(words.at(-1)!.text) || ctx.cues.connectors.has(words.at(-1)!.text.toLowerCase()))) words = words.slice(0, -1);
  // A reporting verb ("Dodał, że prezydent …") is no one's description: the subject lies elsewhere.
  if (!words.length || ctx.cues.verb(words[0]!.text) !== undefined) return undefined;
  const start = words[0]!.start;
  const stop = words.at(-1)!.end;
  return { text: ctx.text.slice(start, stop), start, end: stop, words };
}

function afterPreposition(ctx: SpeakerContext, m: Span, read = false): boolean {
  // Past an English possessive name: "Officials at Kyiv's Boryspil Airport said" puts the
  // airport after "at" too.
  const window = ctx.text.slice(Math.max(0, m.start - 60), m.start);
  const before = /([\p{L}.]+)\s+(?:(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s\s+)?$/u.exec(window);
  if (before !== null && ctx.cues.prepositions.has(before[1]!.toLowerCase())) return true;
  // Past the part of a name the entity stage cut off ("w Bloomberg Television": "Bloomberg" and
  // "Television" may be two mentions) or the open title it stands in ("w rozmowie z „Bild am
  // Sonntag”"): any words after an opening mark, else capitalised words no other kind of name
  // covers ("w Brukseli Donald Tusk" keeps Tusk, "w Berlinie MSZ" the ministry).
  const cut = /([\p{L}.]+)\s+(?:[„"“«][^„"“”«».!?]*|(?:\p{Lu}[\p{L}-]*\s+){1,3})$/u.exec(window);
  if (!read && cut !== null && ctx.cues.prepositions.has(cut[1]!.toLowerCase())) {
    const from = m.start - window.length + cut.index + cut[1]!.length;
    const type = (m as Partial<MentionLike>).type;
    const opened = /[„"“«]/u.test(cut[0]);
    if (opened || (type !== 'PER' && !ctx.mentions.some((x) => x.start < m.start && x.end > from && x.type !== type))) return true;
  }
  // A name after a preposition and a medium's noun is whom they spoke or wrote to ("w wiadomości
  // do agencji AFP", "w rozmowie z dziennikiem X"), not who speaks.
  const gap = /([\p{L}.]+)\s+(\p{Ll}+)\s+$/u.exec(window);
  return gap !== null && ctx.cues.prepositions.has(gap[1]!.toLowerCase()) && ctx.cues.media.has(gap[2]!);
}

/** Whether a name stands right after a preposition of whom something was given to ("dla", "do"). */
function givenTo(ctx: SpeakerContext, m: Span): boolean {
  const before = /(\p{Ll}+)\s+[„"“«]?$/u.exec(ctx.text.slice(Math.max(0, m.start - 20), m.start))?.[1];
  return before !== undefined && ctx.cues.recipients.has(before);
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
  // A group the entity stage typed as a person ("Brytyjczycy") is no subject of a singular verb.
  if (!/\s/u.test(m.base) && ctx.cues.pluralNoun(m.base)) return false;
  const shown = shownGender(ctx, m);
  if (shown) return shown === agreement;
  const feminineWord = (name: string): boolean => {
    const first = name.split(/\s+/)[0]!.toLowerCase();
    return ctx.cues.feminineNameEndings.some((e) => first.endsWith(e));
  };
  // A lone surname ("Bibi") has the gender of the full name the article gave its person ("Aasię Bibi").
  const full = m.base.includes(' ') || m.key === undefined ? m.base
    : (ctx.mentions.find((x) => x.key === m.key && x.type === 'PER' && x.base.includes(' ') && x.base.split(/\s+/u).at(-1) === m.base)?.base ?? m.base);
  if (agreement === 'f') return feminineWord(full);
  return !(feminineWord(m.base) && m.text === m.base);
}

/**
 * The subject of a feminine verb written as one word in -a whose base the entity stage read as a
 * man's genitive ("zapewniła Zacharowa" → "Zacharow"): a woman's surname, in the nominative as
 * written, a person whichever type it was given.
 */
function womanNamed(m: MentionLike, agreement: Agreement): { name: string; type: EntityType } | undefined {
  if (agreement !== 'f' || /\s/u.test(m.text) || !m.text.endsWith('a') || m.base !== m.text.slice(0, -1)) return undefined;
  return { name: m.text, type: 'PER' };
}

/** Whether the words between two names open with a conjunction ("Corbyn i minister … Starmer"). */
function coordinated(ctx: SpeakerContext, m: Span, next: Span | undefined): boolean {
  if (!next) return false;
  const first = wordsIn(ctx.text, m.end, next.start)[0];
  return first !== undefined && ctx.cues.conjunctions.has(first.text.toLowerCase());
}

/** A gender the verb shows ('m', 'f'), or undefined. */
const gendered = (a: Agreement): 'm' | 'f' | undefined => (a === 'm' || a === 'f' ? a : undefined);

/**
 * An earlier speaker fits a verb unless the two show different genders, or a person's first name
 * shows another one (a woman "Maria X" who "powiedziała" nothing yet is no "jego").
 */
function agreesSpoken(ctx: SpeakerContext, s: Spoken, agreement: Agreement): boolean {
  const was = gendered(s.agreement);
  const now = gendered(agreement);
  if (was && now) return was === now;
  if (!now || s.speaker.type !== 'PER' || s.speaker.name.split(/\s+/u).length < 2) return true;
  const feminine = ctx.cues.feminineNameEndings.some((e) => s.speaker.name.split(/\s+/u)[0]!.toLowerCase().endsWith(e));
  return now === 'f' || !feminine;
}

/**
 * A person's gender as the article's verbs showed it: one who "powiedziała" is a woman, whatever
 * her first name ends with ("Marianne Thyssen"), and so never the subject of "komentował".
 */
function shownGender(ctx: SpeakerContext, m: MentionLike): 'm' | 'f' | undefined {
  if (m.key === undefined) return undefined;
  for (const s of ctx.spoken) if (s.speaker.key === m.key && gendered(s.agreement)) return gendered(s.agreement);
  return subjectGender(ctx, m.key);
}

/**
 * A person's gender shown by the past-tense verb right after their name as its subject ("Katrin
 * Goering-Eckardt wezwała niemiecki rząd"), or by the reporting verb right before it in an
 * attribution after the words ("…, dodała Listhaug": a first name like "Sylvi" shows none), when
 * every such verb shows the same one. A name in another case, or right after a role noun
 * ("rzecznik Merkel powiedział"), is a possessor the verb does not agree with.
 */
function subjectGender(ctx: SpeakerContext, key: string): 'm' | 'f' | undefined {
  const shown = new Set<'m' | 'f'>();
  for (const x of ctx.mentions) {
    if (x.key !== key || x.type !== 'PER' || !(x.text === x.base || nominativeAfterPossessor(ctx, x))) continue;
    const before = /(\p{L}+)\s+$/u.exec(ctx.text.slice(Math.max(0, x.start - 40), x.start))?.[1];
    if (before !== undefined && ctx.cues.roles.has(before.toLowerCase())) continue;
    const verb = /^\s+(\p{Ll}+)/u.exec(ctx.text.slice(x.end, x.end + 40))?.[1];
    const gender = verb === undefined ? undefined : ctx.cues.pastGender(verb);
    if (gender) shown.add(gender);
    // An attribution after the words puts the verb first: "…, dodała Listhaug", "– powiedział Damberg".
    const inverted = /[,\-–—]\s*(\p{Ll}+)\s+$/u.exec(ctx.text.slice(Math.max(0, x.start - 40), x.start))?.[1];
    const after = inverted === undefined || ctx.cues.verb(inverted) === undefined ? undefined : ctx.cues.pastGender(inverted);
    if (after) shown.add(after);
  }
  return shown.size === 1 ? [...shown][0] : undefined;
}

function fromMention(m: MentionLike, ctx: SpeakerContext): Speaker {
  const glued = m.type === 'PER' ? undefined : gluedPerson(ctx, m.base.split(/\s+/u)) ?? personAfterPossessor(ctx, m);
  if (glued) return { name: glued.join(' '), ...(m.key ? { key: m.key } : {}), type: 'PER', start: m.start, end: m.end };
  const titled = m.type === 'PER' ? withoutTitle(ctx, m) : undefined;
  if (titled) return titled;
  // The possessor is told by the words as written ("ds. Kampanii Liz Blackshaw": "Kampanii" is a
  // genitive), though its base form ("Kampania") reads as a nominative.
  const base = m.base.split(/\s+/u);
  const written = m.text.split(/\s+/u);
  const cut = m.type === 'PER' && written.length === base.length ? written.length - withoutPossessor(ctx, written).length : 0;
  return { name: m.type === 'PER' ? withoutPossessor(ctx, base.slice(cut)).join(' ') : m.base, ...(m.key ? { key: m.key } : {}), type: m.type, start: m.start, end: m.end };
}

/** A given name: capitalised, then lower case (hyphenated parts too: "Karl-Heinz"), never an acronym ("PE"). */
/**
 * A person's name the entity stage read with the role noun that opens its sentence ("Kanclerz
 * Kurz powiedział", key and all): the person is the name after it, keyed as the article names them
 * in full elsewhere ("Sebastian Kurz"), the role their description.
 */
function withoutTitle(ctx: SpeakerContext, m: MentionLike): Speaker | undefined {
  const words = m.base.split(/\s+/u);
  if (words.length < 2 || !/^\p{Lu}/u.test(words[0]!) || ctx.cues.roles.get(words[0]!.toLowerCase()) !== 'PER' || !words.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return undefined;
  const name = words.slice(1).join(' ');
  const full = ctx.mentions.find((x) => x.type === 'PER' && x.key !== undefined && x.key !== m.key && (x.base === name || x.base.endsWith(` ${name}`)));
  if (!full) return undefined;
  return { name, key: full.key!, type: 'PER', description: words[0]!.toLowerCase(), start: m.start, end: m.end };
}

export const GIVEN_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;

/**
 * A person's name the entity stage glued to an acronym before it and typed as an organisation
 * ("KE Alexander Winterstein" of "Rzecznik KE Alexander Winterstein oświadczył"): the words after
 * the acronym, two at least, capitalised, the first shaped like a given name the dictionary knows
 * as no common word ("PKO Bank Polski" stays a bank).
 */
function gluedPerson(ctx: SpeakerContext, words: readonly string[]): string[] | undefined {
  if (words.length < MIN_NAME_WORDS + 1 || !ACRONYM.test(words[0]!)) return undefined;
  let rest = words.slice(1);
  // The acronym's own genitive may follow it: "MSZ Niemiec Heiko Maas".
  while (rest.length > MIN_NAME_WORDS && ctx.cues.mayBeGenitive(rest[0]!)) rest = rest.slice(1);
  if (!GIVEN_NAME.test(rest[0]!) || ctx.cues.commonWord(rest[0]!) || !rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w))) return undefined;
  return rest;
}

/**
 * A person's name the entity stage glued to the genitive of the organisation before it and typed
 * as an organisation, after a person's role: "spiker Izby Gmin John Bercow" → "John Bercow". The
 * leading words are common nouns the dictionary reads in the genitive ("Izby", "Gmin"); the rest,
 * two capitalised words at least, opens with a name the dictionary knows as a person's and is
 * written in its base form (the person is the role's holder, in the nominative).
 */
function personAfterPossessor(ctx: SpeakerContext, m: MentionLike): string[] | undefined {
  const role = roleBefore(ctx, m, 0);
  if (role === undefined || ctx.cues.roles.get(role) !== 'PER') return undefined;
  const surface = m.text.split(/\s+/u);
  const base = m.base.split(/\s+/u);
  if (surface.length !== base.length) return undefined;
  const at = genitiveRun(ctx, surface);
  const rest = surface.slice(at);
  if (at === 0 || !rest.every((w, i) => w === base[at + i])) return undefined;
  return rest;
}

/**
 * How many capitalised common nouns in the genitive open a name before a person's name the
 * dictionary knows, two capitalised words at least left ("Izby Gmin John Bercow" → 2); 0 when the
 * words are no such run ("Unii Europejskiej", "Kim Dzong Un").
 */
function genitiveRun(ctx: SpeakerContext, words: readonly string[]): number {
  let at = 0;
  while (words.length - at > MIN_NAME_WORDS && /^\p{Lu}/u.test(words[at]!) && ctx.cues.commonWord(words[at]!) && ctx.cues.mayBeGenitive(words[at]!)) at++;
  const rest = words.slice(at);
  if (at === 0 || !ctx.cues.personalName(rest[0]!) || !rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return 0;
  return at;
}

/** A person's name has at least this many words left after a glued possessor is cut off. */
const MIN_NAME_WORDS = 2;

/**
 * A person's name without the genitive the entity stage glued before it ("Liberałów Vince Cable" of
 * "Lider Liberałów Vince Cable", "Komisji Margaritis Schinas" of "rzecznik Komisji …"): leading
 * nouns the dictionary reads in the genitive and never in the nominative, while at least two words
 * are left ("Kim Dzong Un" stays: "kim" is no genitive). Words it does not know (most foreign names) stay.
 */
function withoutPossessor<T extends string | { readonly text: string }>(ctx: SpeakerContext, words: readonly T[]): T[] {
  let at = 0;
  const text = (w: T): string => (typeof w === 'string' ? w : w.text);
  while (words.length - at > MIN_NAME_WORDS && /^\p{Lu}/u.test(text(words[at]!)) && (ctx.cues.possessor(text(words[at]!)) || ACRONYM.test(text(words[at]!)))) at++;
  // Or an office's name in the genitive that is also a plural ("Izby Gmin John Bercow": "Izby" is
  // no possessor by the test above), when a given name follows it.
  return words.slice(Math.max(at, genitiveRun(ctx, words.map(text))));
}

/**
 * A description that ends with a person's name the entity stage did not mark ("rzecznik Komisji
 * Margaritis Schinas"): its capitalised tail after the role's possessor, when two words or more of
 * it may be a name in the nominative.
 */
function nameInDescription(ctx: SpeakerContext, words: readonly { text: string; start: number; end: number }[]): Speaker | undefined {
  let first = words.length;
  while (first > 0 && /^\p{Lu}/u.test(words[first - 1]!.text)) first--;
  // A person's role ("rzecznik"), not an office that speaks ("biuro prezydenta … Yoon Suk Yeol").
  if (!words.slice(0, first).some((w) => ctx.cues.roles.get(w.text.toLowerCase()) === 'PER')) return undefined;
  const tail = withoutPossessor(ctx, words.slice(first));
  // Past the possessor's adjectives and acronym the entity stage may not cut ("Szkockiej Partii
  // Narodowej (SNP) Jo Cherry"): the name is the run after the last word that is no nominative.
  const notName = (w: { readonly text: string }): boolean => ctx.cues.mayBeNominative(w.text) === false || /^\p{Lu}{2,}$/u.test(w.text);
  const name = tail.slice(tail.findLastIndex(notName) + 1);
  if (name.length < MIN_NAME_WORDS) return undefined;
  // A person the entity stage read in another case is the role's possessor ("Rzecznik brytyjskiej premier Theresy May").
  if (ctx.mentions.some((m) => m.start <= name[0]!.start && name[0]!.start < m.end && possessorOfRole(ctx, m, words[0]!.start))) return undefined;
  return { name: name.map((w) => w.text).join(' '), type: 'PER', start: name[0]!.start, end: name.at(-1)!.end };
}
