/**
 * Quotes and reported speech with their speakers (docs/SCHEMA.md).
 *
 * findQuotes, strictest evidence first; later steps skip text an earlier step claimed:
 *   1. quotation marks with an attribution after ("…" - ocenia AP) or before ("powiedział, że "…"",
 *      "said: "…""); unattributed marked spans count only when sentence-like, so titles
 *      ("The Washington Post") and place phrases ("na Dalekim Wschodzie Rosji") are not quotes;
 *   2. Polish dash speech: "- Korea Północna jest naszym sąsiadem - dodał.";
 *   3. reports closed by a dash attribution without an opening dash ("… - donosiło CNN.");
 *   4. indirect speech: "X powiedział, że …", "Jak zapowiedział X, …", "Według X, …",
 *      "X said (that) …", "According to X, …";
 *   5. reports closed by a comma attribution ("…, officials said.").
 * Steps live in 01-marked.ts (1), 02-attributed-after.ts (2, 3, 5) and 03-indirect.ts (4).
 * Speakers come from the entity mentions given as input (speaker.ts). Sentence splitting and
 * entity recognition are left to src/text and src/analysis/entities.
 */
import type { Language, Span } from '../../types.ts';
import { closingOnlySpans, markedQuote } from './01-marked.ts';
import { commaReport, dashReport, dashSpeech } from './02-attributed-after.ts';
import { indirectSpeech } from './03-indirect.ts';
import { sentenceAt } from '../time/index.ts';
import type { Context } from './context.ts';
import { quoteCues, type QuoteCues } from './cues.ts';
import { findMarkedSpans } from './marks.ts';
import { lookBack, type MentionLike, type Speaker, type Spoken } from './speaker.ts';

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
 * All quotes in one article, in text order.
 * @example findQuotes({ text: '- Jesteśmy gotowi - powiedział Jan Kowalski.', language: 'pl', sentences, mentions })
 *   // → [{ text: 'Jesteśmy gotowi', kind: 'direct', speaker: { name: 'Jan Kowalski', … }, … }]
 */
export function findQuotes(input: QuoteInput): Quote[] {
  const cues = quoteCues(input.language === 'en' ? 'en' : 'pl');
  const first = quotesOnce(input, cues, []);
  // The steps run strictest first, so a marked quote's dropped subject ("„…” – powiedział.",
  // "Dodał następnie: „…”") or role noun ("– oświadczył minister") was resolved before the indirect
  // step found who spoke the sentence before ("Rzecznik … – James Slack oświadczył, że …", "Jak
  // zapewnił, …"): read once more with every speaker the first reading found.
  // Only a person named as a subject is read again: an organisation ("według UE") or a name in
  // another case ("według posła Arkadiusza Mularczyka", "gabinet Angeli Merkel") is too often not
  // who speaks on.
  // A role noun resolved by looking back ("– podkreślił amerykański prezydent" → the last name,
  // right or not) is read again only when the name stands by the words.
  // A first reading that never asked who spoke before is one the speakers it found cannot change.
  if (!first.lookedBack) return first.quotes;
  const named = first.quotes.flatMap((q) => (q.speaker && subjectNamed(input, q, q.speaker) ? [spokenOf(q, q.speaker, cues)] : []));
  return named.length === 0 ? first.quotes : quotesOnce(input, cues, named).quotes;
}

/** How many sentences after a quote's first one its speaker may be named: marked words may run over several before "– powiedział X". */
const NAMED_WITHIN = 2;

/** A person's name written where the speaker was found, in its base form: the nominative of a subject. */
function subjectNamed(input: QuoteInput, q: Quote, s: Speaker): boolean {
  if (s.type !== 'PER' || s.key === undefined || s.start === undefined || s.end === undefined || input.text.slice(s.start, s.end) !== s.name) return false;
  if (s.description === undefined) return true;
  const at = sentenceAt(input.sentences, s.start);
  return at >= q.sentence - 1 && at <= q.sentence + NAMED_WITHIN;
}

function spokenOf(q: Quote, speaker: Speaker, cues: QuoteCues): Spoken {
  return { at: q.start, speaker, agreement: (q.cue && cues.verb(q.cue.text)?.agreement) ?? '?' };
}

/**
 * One reading of an article's quotes, given the speakers known beforehand, and whether any step
 * looked at the speakers found so far (a dropped subject, a role noun, a demonym): only such a
 * reading can come out otherwise when more speakers are known.
 */
function quotesOnce(input: QuoteInput, cues: QuoteCues, known: readonly Spoken[]): { quotes: Quote[]; lookedBack: boolean } {
  const spoken: Spoken[] = [...known];
  let lookedBack = false;
  const ctx: Context = {
    text: input.text, language: input.language, sentences: input.sentences, mentions: input.mentions ?? [], cues, claimed: [], quoted: [],
    get spoken() {
      lookedBack = true;
      return spoken;
    },
  };
  const quotes: Quote[] = [];
  const keep = (q: Quote | undefined, claim: Span): void => {
    // A scraped link's teaser ("…obywatele U... zobacz więcej") is no one's words.
    if (!q || cues.linkLabels.some((l) => q.text.endsWith(l))) return;
    quotes.push(q);
    ctx.claimed.push(claim);
    if (q.kind !== 'indirect') ctx.quoted.push(q);
    if (q.speaker) spoken.push(spokenOf(q, q.speaker, cues));
  };
  // 1.
  const marked = findMarkedSpans(ctx.text);
  for (const span of marked) markedQuote(ctx, span, keep);
  for (const span of closingOnlySpans(ctx, marked)) if (!ctx.claimed.some((c) => span.start < c.end && c.start < span.end)) markedQuote(ctx, span, keep);
  // 2.
  dashSpeech(ctx, keep);
  // 3. and 4., sentence by sentence
  ctx.sentences.forEach((_, index) => {
    dashReport(ctx, index, keep);
    indirectSpeech(ctx, index, keep);
    commaReport(ctx, index, keep);
  });
  quotes.sort((a, b) => a.start - b.start);
  return { quotes: demonymSpeakers(namedAfter(inheritSpeakers(quotes, ctx.sentences, cues), cues), ctx), lookedBack };
}

/** How many sentences back the person a demonym describes may have spoken or been named. */
const DEMONYM_SENTENCES = 3;

/**
 * A demonym in the singular nominative as the speaker ("– powiedział Irlandczyk", "zadeklarował
 * Amerykanin"; the entity stage keys it to its country) describes a person as a role noun does:
 * the speaker of the quote just before, of the verb's gender ("szef Ryanair Michael O'Leary
 * ostrzegł, że … – … – powiedział Irlandczyk"), else the person named before as a subject
 * ("Sekretarz energii USA Rick Perry …"). Read once every quote is found: the quote just before may
 * be one a later step finds. With no one there it stays as written; a group ("36 proc. Polaków
 * uznaje") is no one person.
 */
function demonymSpeakers(quotes: readonly Quote[], ctx: Context): Quote[] {
  const gender = (q: Quote | undefined): 'm' | 'f' | undefined => {
    const a = q?.cue && ctx.cues.verb(q.cue.text)?.agreement;
    return a === 'm' || a === 'f' ? a : undefined;
  };
  const out: Quote[] = [];
  for (const q of quotes) {
    const s = q.speaker;
    const own = gender(q);
    const demonym = s?.type === 'PER' && s.key?.startsWith('geo-') && s.start !== undefined && !/\s/u.test(s.name) && ctx.text.slice(s.start, s.end) === s.name && !ctx.cues.pluralNoun(s.name);
    if (!demonym) {
      out.push(q);
      continue;
    }
    // "Jego zdaniem …" shows no gender of its own: the quote before is the same person's.
    const previous = out.findLast((p) => p.speaker?.type === 'PER' && !p.speaker.key?.startsWith('geo-') && q.sentence - p.sentence <= DEMONYM_SENTENCES);
    const fits = previous !== undefined && (own === undefined || (gender(previous) ?? own) === own);
    const before = fits ? previous.speaker : own === undefined ? undefined : lookBack(ctx, q.sentence, own, 'PER', { nominative: true });
    out.push(before && before.key !== s.key ? { ...q, speaker: { ...before, description: s.name } } : q);
  }
  return out;
}

/** How far into an article words opening it may wait for their speaker's name (sentences). */
const OPENING_SENTENCES = 2;

/**
 * An article that opens with someone's words ("– Wyraźnie stwierdziłam, że … – powiedziała w
 * Berlinie …") names the speaker only after them: a dropped subject with no one named before takes
 * the speaker of the next quote, within the next sentence, when both verbs show the same gender
 * ("Jak informuje agencja, Merkel dodała, że …").
 */
function namedAfter(quotes: readonly Quote[], cues: QuoteCues): Quote[] {
  const out = [...quotes];
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!;
    if (q.speaker || !q.cue || q.sentence >= OPENING_SENTENCES || out.slice(0, i).some((p) => p.speaker)) continue;
    const own = cues.verb(q.cue.text);
    if (!own || own.impersonal || (own.agreement !== 'm' && own.agreement !== 'f')) continue;
    const next = out.slice(i + 1).find((n) => n.speaker && n.cue);
    if (!next || next.sentence - q.sentence > 1 || cues.verb(next.cue!.text)?.agreement !== own.agreement) continue;
    out[i] = { ...q, speaker: next.speaker! };
  }
  return out;
}

/**
 * Subjectless quotes ("Jak dodano, …", "poinformowano, że …") continue the previous quote's
 * speaker when that quote ends in the same or the previous sentence: words in marks may run over
 * several sentences before their attribution ("„Obecnie … Pierwszy polega …” - wyjaśnił Schinas.
 * Dodał przy tym, że …").
 */
function inheritSpeakers(quotes: readonly Quote[], sentences: readonly Span[], cues: QuoteCues): Quote[] {
  const out: Quote[] = [];
  // A person's verbs of the other gender are someone else's ("– dodawał Karnowski. – … – mówiła …").
  const gender = (q: Quote): string | undefined => {
    const a = q.cue && cues.verb(q.cue.text)?.agreement;
    return a === 'm' || a === 'f' ? a : undefined;
  };
  for (const q of quotes) {
    const previous = out.at(-1);
    const ends = previous ? Math.max(previous.sentence, sentenceAt(sentences, Math.max(previous.start, previous.end - 1))) : -1;
    const otherGender = previous?.speaker?.type === 'PER' && gender(q) !== undefined && gender(previous) !== undefined && gender(q) !== gender(previous);
    if (!q.speaker && q.cue && previous?.speaker && !otherGender && q.sentence - ends <= 1) out.push({ ...q, speaker: previous.speaker });
    else out.push(q);
  }
  return out;
}

