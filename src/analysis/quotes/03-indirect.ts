/** Step 4: indirect speech inside one sentence ("X powiedział, że …", "Według X, …", "Jak zapowiedział X, …"). */
import type { Span } from '../../types.ts';
import { findMarkedSpans } from './marks.ts';
import type { Agreement, VerbCue } from './cues.ts';
import { cueOf, inClaimed, MAX_VERB_THAT_GAP, MIN_SPEECH_WORDS, overlapsClaimed, speakerOrLookBack, subjectSpeaker, trimSpan, verbCue, type Context, type Keep, type Word } from './context.ts';
import { lastSpeaker, lookBack, speakerForPhrase, speakerInRegion, wordsIn, type MentionLike, type Speaker } from './speaker.ts';

/** 4. Indirect speech inside one sentence. */
export function indirectSpeech(ctx: Context, index: number, keep: Keep): void {
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
    const who = cue ? speakerOrLookBack(ctx, speaker, cue, index, { dropped: cueWord.start === first.start }) : speaker ? { speaker } : {};
    // A reported clause holding the speaker's own words in marks ("to „nie leczenie, ale gaszenie
    // pożaru”") is mixed speech (docs/SCHEMA.md), whichever cue reported it.
    const kind = findMarkedSpans(ctx.text.slice(span.start, span.end)).some((m) => wordsIn(ctx.text, span.start + m.start, span.start + m.end).length >= MIN_SPEECH_WORDS) ? 'mixed' : 'indirect';
    keep({ ...span, text: ctx.text.slice(span.start, span.end), kind, cue: cueOf(cueWord), sentence: index, ...who }, { start: cueWord.start, end: s.end });
  };

  // "Jak zapowiedział rzecznik Kremla Dmitrij Pieskow, omówione zostaną…" / "As X said, …"
  if (ctx.cues.as.has(first.text.toLowerCase())) {
    const comma = ctx.text.indexOf(',', first.end);
    const vi = words.findIndex((w, i) => i > 0 && w.start < comma && verbCue(ctx, w, false) !== undefined);
    // "Jak informuje agencja Reutera, Merkel dodała, że …": the clause after the comma is itself
    // reported by its own subject, which the next rule reads.
    const reported = words.some((w, i) => w.start > comma && verbCue(ctx, w, false) !== undefined && words.slice(i + 1, i + 1 + MAX_VERB_THAT_GAP).some((x) => ctx.cues.that.has(x.text.toLowerCase()))
      // … and named: "tekst porozumienia nie stwierdza, że" is no one reporting.
      && ctx.mentions.some((m) => m.start > comma && m.end <= w.start && m.text === m.base && !/[,;:]/u.test(ctx.text.slice(m.end, w.start))));
    if (comma > 0 && comma < s.end && vi > 0 && !reported) {
      const verb = words[vi]!;
      const cue = verbCue(ctx, verb, false)!;
      const speaker = vi === 1
        ? speakerInRegion(ctx, { start: verb.end, end: comma }, cue.agreement, 'after', index)
        : speakerInRegion(ctx, { start: first.end, end: verb.start }, cue.agreement, 'before', index);
      build({ start: comma + 1, end: s.end }, verb, speaker, cue);
      return;
    }
  }

  // "Według agencji AP, …", "Zdaniem analityków w skład…", "According to officials, …"; not inside
  // a clause a verb already reports ("Przedstawiciele związku poinformowali, że zamierzają
  // strajkować z powodu warunków, które ich zdaniem są gorsze"): the verb's subject speaks it all.
  // The verb's clause starts after its "że", unless the sentence opens a "Jak …" aside.
  const report = verbReport(ctx, words, first);
  const reportedFrom = ctx.cues.as.has(first.text.toLowerCase()) ? undefined : report?.that?.end;
  const ai = words.findIndex((w) => ctx.cues.according.has(w.text.toLowerCase()) && (reportedFrom === undefined || w.start < reportedFrom));
  const pronoun = ai >= 0 ? pronounSource(ctx, words, ai) : undefined;
  if (pronoun) {
    // "Według niego nakaz wydano…", "Co gorsza, jego zdaniem, Polska…": the person just named, of
    // the pronoun's gender, else the last speaker of that gender ("- … - zapewniła Zacharowa.
    // Według niej …", a name the entity stage typed otherwise); the reported words are the longer
    // side of the phrase.
    const before = { start: s.start, end: pronoun.start };
    const after = { start: pronoun.end, end: s.end };
    const content = pronoun.start > first.start && wordsIn(ctx.text, before.start, before.end).length >= MIN_SPEECH_WORDS ? before : after;
    build(content, words[ai]!, pronoun.agreement === 'p' ? pluralSubject(ctx, index) : (lookBack(ctx, index, pronoun.agreement, 'PER') ?? lastSpeaker(ctx, index, pronoun.agreement, 'PER')));
    return;
  }
  if (ai >= 0) {
    const source = sourcePhrase(ctx, words, ai);
    if (source) {
      // A source noun with its possessor ("ekonomistów banku PKO") is a description: the bank owns it.
      const found = source.described ? { name: ctx.text.slice(source.start, source.end), description: ctx.text.slice(source.start, source.end), start: source.start, end: source.end } : speakerForPhrase(ctx, source, index);
      // "według ekspertów" names "eksperci": a description is reported in the nominative.
      const speaker = found && !found.key && found.description === found.name ? (roleHolder(ctx, found, index) ?? inNominative(ctx, found)) : found;
      const content = ai === 0 || words[ai]!.start === first.start ? { start: source.end, end: s.end } : { start: s.start, end: words[ai]!.start };
      build(content, words[ai]!, speaker);
      return;
    }
  }

  // "Dlatego – jak czytamy w „Guardianie” – jeśli umowa …", "— jak informuje związek Forsa— chodzi o …".
  const aside = asideSource(ctx, words, s, index);
  if (aside) {
    build(aside.content, aside.verb, aside.speaker, aside.cue);
    return;
  }

  // "X powiedział, że …", "X said (that) …"
  if (report) build({ start: report.that ? report.that.end : report.verb.end, end: s.end }, report.verb, subjectSpeaker(ctx, first.start, report.verb, report.cue, index), report.cue);
}

/** The first reporting verb of a sentence that introduces a clause: "X powiedział, że …", "X said (that) …". */
function verbReport(ctx: Context, words: readonly Word[], first: Word): { verb: Word; cue: VerbCue; that?: Word } | undefined {
  for (let vi = 0; vi < words.length; vi++) {
    const verb = words[vi]!;
    const cue = verbCue(ctx, verb, verb.start === first.start);
    if (!cue || inClaimed(ctx, verb.start)) continue;
    const rest = words.slice(vi + 1, vi + 1 + MAX_VERB_THAT_GAP);
    const that = rest.find((w) => ctx.cues.that.has(w.text.toLowerCase()));
    // "Jak informuje agencja Reutera, Merkel dodała, że": the verb nearest "że" reports the clause.
    if (that && rest.some((w) => w.start < that.start && verbCue(ctx, w, false) !== undefined)) continue;
    // English often drops "that": "He said the talks would resume."
    const bare = !that && ctx.cues.bare.has(verb.text.toLowerCase()) && rest.length >= MIN_SPEECH_WORDS && !ctx.cues.prepositions.has(rest[0]!.text.toLowerCase());
    if (!that && !bare) continue;
    return { verb, cue, ...(that && { that }) };
  }
  return undefined;
}

/** A source set off in mid-sentence names a few words: "jak informuje związek Forsa", "jak czytamy w „Guardianie”". */
const MAX_ASIDE_SOURCE_WORDS = 5;

/**
 * A source set off by dashes or commas in mid-sentence, "jak" and a reporting verb first ("W
 * przypadku Irlandczyków — jak informuje związek Forsa— chodzi o brak zgody …"): the words after
 * it, to the sentence end, are that source's report, as after "Jak informuje X, …" opening a sentence.
 */
function asideSource(ctx: Context, words: readonly Word[], s: Span, index: number): { content: Span; verb: Word; speaker: Speaker | undefined; cue: VerbCue } | undefined {
  for (let i = 1; i < words.length - 1; i++) {
    const as = words[i]!;
    if (!ctx.cues.as.has(as.text.toLowerCase()) || !/[-–—,]\s*$/u.test(ctx.text.slice(words[i - 1]!.end, as.start))) continue;
    const verb = words[i + 1]!;
    const cue = verbCue(ctx, verb, false);
    if (!cue || inClaimed(ctx, verb.start)) continue;
    const close = /[-–—,]/u.exec(ctx.text.slice(verb.end, s.end));
    if (!close) return undefined;
    const region = { start: verb.end, end: verb.end + close.index };
    const sourceWords = wordsIn(ctx.text, region.start, region.end);
    if (sourceWords.length === 0 || sourceWords.length > MAX_ASIDE_SOURCE_WORDS) return undefined;
    // "jak informuje w rozmowie z Deutsche Welle, Marion Seifert, …": whom they spoke to, the speaker comes later.
    if (!ctx.cues.firstPersonVerb(verb.text) && ctx.cues.prepositions.has(sourceWords[0]!.text.toLowerCase())) return undefined;
    // "jak czytamy w „Guardianie”": what the writer read, in the paper named after the preposition.
    const read = ctx.cues.firstPersonVerb(verb.text) ? ctx.mentions.find((m) => m.start >= region.start && m.end <= region.end && (m.type === 'ORG' || m.type === 'PRO')) : undefined;
    const speaker = read ? speakerForPhrase(ctx, read, index) : speakerInRegion(ctx, region, cue.agreement, 'after', index);
    return { content: { start: region.end + 1, end: s.end }, verb, speaker, cue };
  }
  return undefined;
}

/**
 * A pronoun as the source of "według"/"zdaniem": "według niego", "według jego słów", "jego
 * zdaniem". The phrase (from the pronoun to its noun) and the gender the pronoun shows.
 */
function pronounSource(ctx: Context, words: readonly Word[], ai: number): (Span & { agreement: Agreement }) | undefined {
  const next = words[ai + 1];
  const after = next && ctx.cues.pronouns.get(next.text.toLowerCase());
  // "według niego" (personal); "według jego słów" (possessive, with its noun).
  if (next && after) {
    const noun = after.possessive ? words[ai + 2] : undefined;
    // "według jego prawnika" is his lawyer's word, not his: only a noun of saying stands for him.
    if (after.possessive && !(noun && ctx.cues.speechNouns.has(noun.text.toLowerCase()))) return undefined;
    return { start: next.start, end: (noun ?? next).end, agreement: after.agreement };
  }
  // "jego zdaniem": a possessive before the noun.
  const previous = words[ai - 1];
  const before = previous && ctx.cues.pronouns.get(previous.text.toLowerCase());
  if (previous && before?.possessive) return { start: previous.start, end: words[ai]!.end, agreement: before.agreement };
  return undefined;
}

/** Words of a plural subject described, not named, at the start of a sentence ("Pakistańscy przywódcy duchowi"). */
const MAX_PLURAL_SUBJECT_WORDS = 3;

/**
 * "Ich zdaniem …" points at the plural subject that opens the sentence before ("Pakistańscy
 * przywódcy duchowi domagają się stracenia kobiety. Ich zdaniem …"): up to three words the dictionary
 * may read in the nominative, one of them a plural noun, then one it may not (the verb). A preposition or a
 * connector first opens no subject; none such, no speaker, as before.
 */
function pluralSubject(ctx: Context, index: number): Speaker | undefined {
  const previous = ctx.sentences[index - 1];
  if (!previous) return undefined;
  const words = wordsIn(ctx.text, previous.start, previous.end).slice(0, MAX_PLURAL_SUBJECT_WORDS + 1);
  const first = words[0]?.text.toLowerCase();
  if (first === undefined || ctx.cues.prepositions.has(first) || ctx.cues.connectors.has(first)) return undefined;
  const verb = words.findIndex((w) => ctx.cues.mayBeNominative(w.text) !== true);
  if (verb < 1 || ctx.cues.mayBeNominative(words[verb]!.text) !== false) return undefined;
  const subject = words.slice(0, verb);
  const end = subject.at(-1)!.end;
  if (/[,:;()]/u.test(ctx.text.slice(subject[0]!.start, end)) || !subject.some((w) => ctx.cues.mayBePluralSubject(w.text.toLowerCase()))) return undefined;
  const name = ctx.text.slice(subject[0]!.start, end);
  return { name, description: name, start: subject[0]!.start, end };
}

/**
 * "Zdaniem ministra, …" with no name: the role noun, in the genitive after "według"/"zdaniem",
 * names whoever the article just named in that role's place ("Chaudhry powiedział BBC…" two
 * sentences before); an organisation's role ("według przewoźnika") the article's main one.
 */
function roleHolder(ctx: Context, found: Speaker, sentence: number): Speaker | undefined {
  const words = found.name.split(/\s+/u);
  if (words.length !== 1 || found.end === undefined) return undefined;
  // "według prawnika chrześcijanki Saifa ul-Mulooka": a name right after the role is its holder or
  // possessor, which the role alone cannot tell apart; the description stays.
  if (/^\s+(?:\p{Ll}+\s+){0,2}\p{Lu}/u.test(ctx.text.slice(found.end, found.end + 60))) return undefined;
  const lemma = ctx.cues.nounLemma(words[0]!);
  const type = lemma === undefined ? undefined : ctx.cues.roles.get(lemma);
  if (!type || !lemma) return undefined;
  const holder = lookBack(ctx, sentence, '?', type, type === 'ORG' ? { prominent: true } : { nominative: true });
  return holder ? { ...holder, description: lemma } : undefined;
}

function inNominative(ctx: Context, speaker: Speaker): Speaker {
  // By the dictionary, the phrase as a whole; else word by word (resources/pl/speaker-nominative.txt).
  const byDictionary = ctx.cues.nominativePhrase(speaker.name.split(/\s+/u));
  const name = byDictionary?.join(' ') ?? speaker.name.split(/(\s+)/u).map((w) => (/^\s+$/u.test(w) ? w : ctx.cues.nominative(w))).join('');
  return { ...speaker, name, description: name };
}

/**
 * The noun phrase naming the source after "według"/"zdaniem"/"according to": a name, or
 * genitive adjectives plus their noun ("zachodnich obserwatorów"), plus a name in apposition
 * ("agencji AP"). Undefined for non-sources ("według doniesień" is a hedge, not a quote).
 */
export function sourcePhrase(ctx: Context, words: readonly Word[], ai: number): (Span & { readonly described?: boolean }) | undefined {
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
  // Not past the name into the next one, though: "Według Kuzia Wielka Brytania wydaje się…".
  const nextName = named && ctx.mentions.some((m) => m.start > named.end && m.start < runEnd);
  if (named || k > i) return { start: head.start, end: nextName ? named.end : Math.max(runEnd, named?.end ?? 0) };
  let j = i;
  while (j < words.length - 1 && ctx.cues.adjectiveEndings.some((e) => words[j]!.text.toLowerCase().endsWith(e))) j++;
  // A noun that can only be a genitive after the source noun is its possessor, part of the
  // source: "Według autorów sondażu wynik …" is the poll's authors, not any authors.
  let end = j;
  while (end - j < MAX_SOURCE_POSSESSORS && end + 1 < words.length && /^\p{Ll}/u.test(words[end + 1]!.text) && !/[,:;]/u.test(ctx.text.slice(words[end]!.end, words[end + 1]!.start)) && ctx.cues.possessor(words[end + 1]!.text)) end++;
  // The noun after the adjectives, or its possessor, may be no source either: "według hiszpańskich
  // umów" is a document, "według części doniesień" a hedge.
  if (words.slice(i, end + 1).some((w) => ctx.cues.nonsource.has(w.text.toLowerCase()))) return undefined;
  // A name in apposition ("agencji AP") follows with no punctuation: after a comma the reported clause starts.
  const next = words[end + 1];
  // After a possessor a name is the clause's subject ("według zwolenników projektu Gazociąg Północny ma…"), unless a person's or an organisation's.
  const after = next && !/[,:;]/u.test(ctx.text.slice(words[end]!.end, next.start)) ? mentionAt(next) : undefined;
  const apposition = after && (end === j || after.type === 'PER' || after.type === 'ORG') ? after : undefined;
  const span = { start: head.start, end: apposition ? apposition.end : words[end]!.end };
  // A possessor makes the phrase a description ("ekspertów banku PKO": the bank owns it), unless a person is named in it.
  const person = ctx.mentions.some((m) => m.type === 'PER' && m.start >= span.start && m.end <= span.end);
  return { ...span, ...(end > j && !person && { described: true }) };
}

/** Genitive nouns read as the source's possessors ("autorów sondażu", "rzecznika rządu"): one is what the sample met. */
const MAX_SOURCE_POSSESSORS = 1;

