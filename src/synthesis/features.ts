/**
 * Per-sentence features every synthesis step shares: weighted content stems and entity keys
 * (for "same claim?" and "redundant?"), the figures it states (numbers.ts), lists of places, its
 * polarity and tense, epistemic status, and whether it can be a claim or stand alone in a summary.
 * Built once per story so later steps stay cheap.
 */
import type { Article, EntityType, Span } from '../types.ts';
import type { EpistemicStatus, InputMention, InputQuote, InputSentence, InputStatus, InputTime, SynthesisArticle } from './input.ts';
import { synthesisLexicon, type SynthesisLexicon } from './resources.ts';
import { figures, mayStateFigures, type Figure } from './numbers.ts';
import { placeKey } from './places.ts';

/**
 * Content words are compared by their first STEM_LENGTH letters when no lemma merges them:
 * Polish inflection lives in the last 1–3 letters ("pocisków"/"pocisk", "milionów"/"milion").
 * 6 merged the seed paraphrases without merging unrelated words on the seeds (2026-11, by eye).
 */
const STEM_LENGTH = 6;
/** Fewer words than this reads as a fragment or headline, not a summary sentence. */
const MIN_SUMMARY_WORDS = 6;
/** A claim needs fewer: "Ryanair lata w 37 krajach." states a fact in five words. */
const MIN_CLAIM_WORDS = 4;
/**
 * A paragraph that ends without terminal punctuation is a headline scraped into the body when it
 * is this short; a longer one is body text whose last line lost its full stop.
 */
const MAX_HEADLINE_WORDS = 25;
/**
 * More words than this is usually two sentences the splitter could not part (a report glued to
 * the dash speech after it); such a sentence is still a claim but too long for the summary.
 * The seeds' longest clean sentences run to ~40 words (2026-11).
 */
const MAX_SUMMARY_WORDS = 45;

export interface SentenceFeatures {
  /** Position in `StoryFeatures.sentences`. */
  readonly id: number;
  readonly articleIndex: number;
  readonly article: Article;
  readonly sentence: InputSentence;
  readonly language: Article['language'];
  /** Content stems and `e:<entity key>` features. */
  readonly terms: ReadonlySet<string>;
  readonly entityKeys: ReadonlySet<string>;
  readonly mentions: readonly InputMention[];
  readonly times: readonly InputTime[];
  readonly quotes: readonly InputQuote[];
  /** Lower-cased words, in order (for cue matching). */
  readonly words: readonly string[];
  /** Lemmas (or lower-cased words when the text layer gave none), parallel to `words`. */
  readonly lemmas: readonly string[];
  /** Start offsets of `words` in the article text. */
  readonly wordStarts: readonly number[];
  /** `words` as written (case kept). */
  readonly surfaces: readonly string[];
  readonly digits: readonly { readonly value: string; readonly unit: string }[];
  /** Counts and amounts the sentence states ("około 600 lotów"), dates and years left out. */
  readonly figures: readonly Figure[];
  /** Coordinated places ("w Hiszpanii, Portugalii i Belgii"): place keys in text order, two or more. */
  readonly placeLists: readonly PlaceList[];
  /** A negation bears on the sentence ("nie zgadzają się"), not a contrast ("prawa lokalnego, a nie irlandzkiego"). */
  readonly negated: boolean;
  /** A verb in the past tense outside hearsay "miał": the sentence reports what happened. */
  readonly past: boolean;
  readonly epistemic: EpistemicStatus;
  /** Position of the sentence in its article, 0 = lead, 1 = last. */
  readonly position: number;
  readonly standalone: boolean;
  /** Body text stating something (not a headline or a fragment): may be (part of) a claim. */
  readonly claimable: boolean;
  /**
   * An article may be cited for it: a claimable sentence, or a headline or a lede the page cut off
   * ("…przewoźnik odwołał m.in. rejsy do..."), which state a fact without being a claim's wording
   * (claims.ts `completeCitations`); never a credit line or a fragment of fewer than MIN_CLAIM_WORDS.
   */
  readonly citable: boolean;
  /** Standalone, short enough and free of glued dash speech: may be a summary sentence. */
  readonly summarisable: boolean;
  /**
   * The sentence begins inside words quoted from the sentence before (the splitter parted one
   * quote: "…krajami UE” – powiedział Vaičiūnas." after "„Zarówno Litwa…"), or its quotation marks
   * do not pair up: shown alone it starts mid-speech, without the quote's opening.
   */
  readonly opensInsideQuote: boolean;
  /**
   * Where the quote the sentence opens inside began: the start of the sentence holding its opening
   * mark, so that the words can be shown whole ("„Zarówno Litwa … UE” – powiedział Vaičiūnas.").
   */
  readonly quoteOpening?: number;
  /**
   * A hedged sentence whose every hedge lies in what a speaker named before the reporting verb is
   * said to have said ("Boris Johnson … ostrzega, że po brexicie Londyn może…"): the start of that
   * reporting cue. The act of saying is stated; only its content is uncertain.
   */
  readonly reportedHedge?: number;
}

export interface PlaceList extends Span {
  readonly keys: readonly string[];
  readonly labels: readonly string[];
}

export interface StoryFeatures {
  readonly sentences: readonly SentenceFeatures[];
  /** Inverse document frequency of each term over the story's sentences. */
  readonly idf: ReadonlyMap<string, number>;
  readonly byArticle: readonly (readonly SentenceFeatures[])[];
}

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

export function stemOf(word: string): string {
  return lower(word).slice(0, STEM_LENGTH);
}

interface WordToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly lemma?: string;
}

function wordTokens(sentence: InputSentence): WordToken[] {
  if (sentence.tokens.length > 0) {
    // Plain loops here and below: every report runs these once per word of its story, mostly
    // before the JIT has compiled them, where a callback per element costs more than the test.
    const out: WordToken[] = [];
    for (const t of sentence.tokens) if (t.kind === 'word' || t.kind === 'number') out.push(t);
    return out;
  }
  // Hand-built analyses may leave tokens out; split on letters and digits.
  return [...sentence.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    text: m[0],
    start: sentence.start + m.index,
    end: sentence.start + m.index + m[0].length,
  }));
}

const TERMINAL = /[.!?…]["”»']?\s*$/;

/** Headlines glued into the text, dash/quote speech and credits do not stand alone. */
function isStandalone(text: string, wordCount: number, headline: boolean): boolean {
  if (headline || wordCount < MIN_SUMMARY_WORDS) return false;
  if (/^[\s\-–—„"«»'”]/.test(text)) return false;
  if (!TERMINAL.test(text)) return false;
  return /^\p{Lu}/u.test(text.trim()) || /^\p{N}/u.test(text.trim());
}

/**
 * What a sentence's words alone decide: shared by its copies in other articles (syndicated text).
 * `standalone`, `claimable` and `summarisable` as body text (a headline paragraph's sentences are
 * none of these).
 */
interface Wording extends Pick<SentenceFeatures, 'words' | 'lemmas' | 'surfaces' | 'negated' | 'past' | 'standalone' | 'claimable' | 'citable' | 'summarisable'> {
  /** Terms by the places and keys of the sentence's mentions and times (sentenceTerms): one per layout met. */
  readonly layouts: TermsOfLayout[];
}

/** The terms of a wording's copy with these mentions and times, at offsets from `start`. */
interface TermsOfLayout {
  readonly start: number;
  readonly mentions: readonly InputMention[];
  readonly times: readonly InputTime[];
  readonly shared: SharedTerms;
}

interface SharedTerms {
  readonly terms: ReadonlySet<string>;
  readonly entityKeys: ReadonlySet<string>;
  readonly digits: readonly { readonly value: string; readonly unit: string }[];
}

function wordingOf(text: string, tokens: readonly WordToken[], lexicon: SynthesisLexicon, wordings: Map<string, Wording>): Wording {
  let wording = wordings.get(text);
  if (!wording) {
    // One pass, arrays filled in order (packed, not holey).
    const words: string[] = [];
    const lemmas: string[] = [];
    const surfaces: string[] = [];
    for (const t of tokens) {
      const word = lower(t.text);
      words.push(word);
      // Most lemmas are the lower-cased word itself (the stored form's "0"): no second lower-casing.
      lemmas.push(!t.lemma || t.lemma === word ? word : lower(t.lemma));
      surfaces.push(t.text);
    }
    const standalone = isStandalone(text, words.length, false);
    const citable = words.length >= MIN_CLAIM_WORDS && !isCredit(text, words, lexicon);
    wording = {
      words,
      lemmas,
      surfaces,
      negated: isNegated(words, lexicon),
      past: isPast(words, lemmas, lexicon),
      standalone,
      claimable: citable && !/(?:\.\.\.|…)["”]?\s*$/u.test(text),
      citable,
      summarisable: standalone && words.length <= MAX_SUMMARY_WORDS && !/[.!?]["”]?\s+[-–—]\s/.test(text),
      layouts: [],
    };
    wordings.set(text, wording);
  }
  return wording;
}

/** Content stems and entity keys of a sentence, and its bare digits (see `SentenceFeatures`). */
function sentenceTerms(
  tokens: readonly WordToken[],
  words: readonly string[],
  lemmas: readonly string[],
  mentions: readonly InputMention[],
  times: readonly InputTime[],
  lexicon: SynthesisLexicon,
): SharedTerms {
  const terms = new Set<string>();
  const digits: { value: string; unit: string }[] = [];
  // Words inside a mention count once, as its entity key: as stems too ("Putinem" → "putine")
  // they would make every sentence naming the participants look alike. Digits of a date are the
  // date's ("25 i 26 lipca"): compared by datesAligned, not as shared terms.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (inside(t, mentions) || inside(t, times)) continue;
    const c = t.text.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\p{N}+$/u.test(t.text)) {
      // Figures are compared as figures (numbers.ts, claims.ts), not as shared words: two sentences
      // giving different numbers must not look alike for it, nor two giving one number for it alone.
      const next = words[i + 1];
      digits.push({ value: t.text, unit: next ? stemOf(next) : '' });
      continue;
    }
    const lemma = lemmas[i]!;
    if (lemma.length < 3 || lexicon.stopwords.has(lemma) || lexicon.stopwords.has(words[i]!)) continue;
    terms.add(lemma.slice(0, STEM_LENGTH));
  }
  const entityKeys = new Set(mentions.map((m) => m.key));
  for (const key of entityKeys) terms.add(`e:${key}`);
  return { terms, entityKeys, digits };
}

function starts(tokens: readonly WordToken[]): number[] {
  const out: number[] = [];
  for (const t of tokens) out.push(t.start);
  return out;
}

/** Whether a token lies inside one of these spans. */
function inside(t: WordToken, spans: readonly Span[]): boolean {
  for (const x of spans) if (x.start <= t.start && t.end <= x.end) return true;
  return false;
}

/**
 * Whether two sentences' mentions and times sit at the same places relative to their starts
 * (mentions with the same keys): copies of a wording that agree so share their terms.
 */
function sameLayout(a: TermsOfLayout, start: number, mentions: readonly InputMention[], times: readonly InputTime[]): boolean {
  if (a.mentions.length !== mentions.length || a.times.length !== times.length) return false;
  for (let i = 0; i < mentions.length; i++) {
    const x = a.mentions[i]!;
    const y = mentions[i]!;
    if (x.start - a.start !== y.start - start || x.end - a.start !== y.end - start || x.key !== y.key) return false;
  }
  for (let i = 0; i < times.length; i++) {
    const x = a.times[i]!;
    const y = times[i]!;
    if (x.start - a.start !== y.start - start || x.end - a.start !== y.end - start) return false;
  }
  return true;
}

function sentenceFeatures(
  a: SynthesisArticle,
  articleIndex: number,
  sentence: InputSentence,
  id: number,
  lexicon: SynthesisLexicon,
  mentionsBySentence: Map<number, InputMention[]>,
  timesBySentence: Map<number, InputTime[]>,
  quotesBySentence: Map<number, InputQuote[]>,
  statusBySentence: Map<number, InputStatus>,
  headlineParagraphs: ReadonlySet<number>,
  wordings: Map<string, Wording>,
): SentenceFeatures {
  const tokens = wordTokens(sentence);
  const text = a.article.text.slice(sentence.start, sentence.end);
  const wording = wordingOf(text, tokens, lexicon, wordings);
  const { words, lemmas } = wording;
  const mentions = mentionsBySentence.get(sentence.index) ?? [];
  const times = timesBySentence.get(sentence.index) ?? [];
  // Copies of a sentence with the same names and times in the same places share their terms.
  let layout: TermsOfLayout | undefined;
  for (const l of wording.layouts) {
    if (!sameLayout(l, sentence.start, mentions, times)) continue;
    layout = l;
    break;
  }
  if (!layout) {
    layout = { start: sentence.start, mentions, times, shared: sentenceTerms(tokens, words, lemmas, mentions, times, lexicon) };
    wording.layouts.push(layout);
  }
  const { terms, entityKeys, digits } = layout.shared;
  const count = a.sentences.length;
  const headline = headlineParagraphs.has(sentence.paragraph) && !statesHappening(wording, tokens, mentions, lexicon);
  const opening = a.quotes.find((q) => q.start < sentence.start && q.end > sentence.start)?.start;
  return {
    id,
    articleIndex,
    article: a.article,
    sentence,
    language: a.article.language,
    terms,
    entityKeys,
    mentions,
    times,
    quotes: quotesBySentence.get(sentence.index) ?? [],
    words,
    lemmas,
    wordStarts: starts(tokens),
    surfaces: wording.surfaces,
    digits,
    figures: mayStateFigures(words, a.article.language)
      ? figures(a.article.text, tokens.map((t, i) => ({ text: t.text, lemma: lemmas[i]!, start: t.start, end: t.end })), a.article.language, times)
      : [],
    placeLists: placeLists(a.article.text, mentions, a.article.language, lexicon),
    negated: wording.negated,
    past: wording.past,
    epistemic: statusBySentence.get(sentence.index)?.status ?? 'asserted',
    position: count > 1 ? sentence.index / (count - 1) : 0,
    standalone: !headline && wording.standalone,
    claimable: !headline && wording.claimable,
    citable: wording.citable,
    summarisable: !headline && wording.summarisable,
    opensInsideQuote: opening !== undefined || unpairedMarks(text),
    ...(opening !== undefined && { quoteOpening: a.sentences.findLast((x) => x.start <= opening)?.start ?? opening }),
    ...reportedHedgeOf(statusBySentence.get(sentence.index), mentions, text, sentence.start),
  };
}

/**
 * A closing typographic mark before any opening one ("…biznesowe” – informuje DW."), or an odd
 * number of marks that open and close alike (straight ones, or ” used for both: "Solidarność
 * europejska ma sens" - napisał…): the quote began in another sentence.
 */
function unpairedMarks(text: string): boolean {
  let straight = 0;
  let closing = 0;
  let opening = 0;
  let closedFirst = false;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (ch === '„' || ch === '“') opening++;
    else if (ch === '”') {
      if (opening === 0 && closing === 0) closedFirst = true;
      closing++;
    }
  }
  if (straight % 2 === 1) return true;
  return opening === 0 ? closing % 2 === 1 : closedFirst;
}

/**
 * Two or more places in one coordination ("w Hiszpanii, Portugalii i Belgii"): consecutive place
 * mentions with only a comma or a conjunction between them.
 */
function placeLists(text: string, mentions: readonly InputMention[], language: Article['language'], lexicon: SynthesisLexicon): PlaceList[] {
  const places = mentions.filter((m) => m.type === 'LOC').sort((x, y) => x.start - y.start);
  const out: PlaceList[] = [];
  let run: InputMention[] = [];
  const flush = (): void => {
    if (run.length >= 2) {
      out.push({ start: run[0]!.start, end: run.at(-1)!.end, keys: run.map((m) => placeKey(m.base, language)), labels: run.map((m) => m.base) });
    }
    run = [];
  };
  for (const m of places) {
    const previous = run.at(-1);
    const gap = previous ? lower(text.slice(previous.end, m.start)) : '';
    if (previous && !lexicon.listJoiners.some((j) => gap.trim() === j)) flush();
    run.push(m);
  }
  flush();
  return out;
}

/** A credit line ("Źródło: Express Bydgoski - …", "Fot. PAP"): metadata about the article, not a claim. */
function isCredit(text: string, words: readonly string[], lexicon: SynthesisLexicon): boolean {
  return words.length > 0 && lexicon.credits.has(words[0]!) && /^\s*\p{L}+\s*[:.]/u.test(text);
}

/** A negation particle that is not a contrast ("a nie", "nie tylko") or inside a fixed phrase. */
export function isNegated(words: readonly string[], lexicon: SynthesisLexicon): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (lexicon.negations.has(w) && !lexicon.contrasts.has(`${words[i - 1] ?? ''} ${w}`) && !lexicon.contrasts.has(`${w} ${words[i + 1] ?? ''}`)) return true;
  }
  return false;
}

/**
 * A headline paragraph's sentence that is a whole statement of what happened — a name, then its
 * past finite verb, closed by a full stop ("Władimir Putin spotkał się z Kim Dzong Unem.") — reads
 * as a sentence anywhere, so it is body text: the seeds' only report that the meeting took place
 * is such a headline. Section names, teasers and cut headlines ("Czytaj także", "Mieli rozmawiać
 * o…") open with no name and past verb, or end unterminated, and stay headlines.
 */
function statesHappening(wording: Wording, tokens: readonly WordToken[], mentions: readonly InputMention[], lexicon: SynthesisLexicon): boolean {
  const subject = mentions[0];
  if (!wording.summarisable || !wording.past || subject === undefined || tokens[0] === undefined || subject.start !== tokens[0].start) return false;
  if (subject.type !== 'PER' && subject.type !== 'ORG') return false;
  const verb = tokens.findIndex((t) => t.start >= subject.end);
  return verb > 0 && isPast(wording.words.slice(verb, verb + 2), wording.lemmas.slice(verb, verb + 2), lexicon);
}

/**
 * A finite verb in the past tense ("odwołał", "spotkali się", "było"): a form ending like one whose
 * lemma is an infinitive. Hearsay "miał(a) + infinitive" reports no past happening.
 */
function isPast(words: readonly string[], lemmas: readonly string[], lexicon: SynthesisLexicon): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lemma = lemmas[i]!;
    if (lemma === w || !endsWithAny(w, lexicon.pastEndings) || !isInfinitive(lemma, lexicon)) continue;
    if (!(lemma === lexicon.reportativeVerb && isInfinitive(lemmas[i + 1] ?? '', lexicon))) return true;
  }
  return false;
}

/** Whether a lemma is a verb's infinitive (a language without infinitive endings: any lemma). */
export function isInfinitive(lemma: string, lexicon: SynthesisLexicon): boolean {
  return lexicon.infinitiveEndings.length === 0 || endsWithAny(lemma, lexicon.infinitiveEndings);
}

/** Who can be said to have said something: a person or an organisation (a committee, a government). */
const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(['PER', 'ORG']);

/**
 * Where a hedged sentence's reporting cue begins when every hedge cue comes after it and a person
 * or an organisation is named as its speaker ("Szef MSZ … Boris Johnson powiedział, że po brexicie
 * może nastąpić zapaść"):
 * the hedge is in the reported words, the saying is the outlet's statement.
 */
function reportedHedgeOf(status: InputStatus | undefined, mentions: readonly InputMention[], text: string, sentenceStart: number): { reportedHedge?: number } {
  if (status?.status !== 'hedged') return {};
  const hedges = status.cues.filter((c) => c.kind === 'hedge');
  // The speaker stands before the verb ("Boris Johnson … ostrzega, że") or right after it in an
  // opening "Jak ostrzega Komitet Regionów, …", the name right after the verb.
  const named = (c: InputStatus['cues'][number]): boolean =>
    mentions.some((m) => SPEAKER_TYPES.has(m.type) && (m.end <= c.start || (m.start >= c.end && text.slice(c.end - sentenceStart, m.start - sentenceStart).trim() === '')));
  const cue = status.cues.find((c) => c.kind === 'attribution' && named(c));
  return cue !== undefined && hedges.length > 0 && hedges.every((h) => h.start > cue.start) && status.cues.every((c) => c.kind === 'hedge' || c.kind === 'attribution') ? { reportedHedge: cue.start } : {};
}

/** The index of the sentence's first word starting at or after a text offset; -1 when none does. */
export function wordIndexAt(s: SentenceFeatures, offset: number): number {
  return s.wordStarts.findIndex((w) => w >= offset);
}

/** Whether `word` ends with one of `endings` (a plain loop: asked of most words of a story). */
export function endsWithAny(word: string, endings: readonly string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

/** A question ("Czym jest bluźnierstwo w Pakistanie?") asks what happened: it states nowhere and never leads. */
export function isQuestion(s: SentenceFeatures): boolean {
  return s.article.text.slice(s.sentence.start, s.sentence.end).trimEnd().endsWith('?');
}

/** The mention (of one of `types`, any type if none given) that covers the sentence's word `i`. */
export function mentionAt(s: SentenceFeatures, i: number, types?: readonly EntityType[]): InputMention | undefined {
  const at = s.wordStarts[i]!;
  return s.mentions.find((m) => m.start <= at && at < m.end && (types === undefined || types.includes(m.type)));
}

/** Whether two sets have a member in common (the smaller one walked). */
export function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** Whether `word` starts with one of `starts`. */
export function startsWithAny(word: string, starts: readonly string[]): boolean {
  for (const x of starts) if (word.startsWith(x)) return true;
  return false;
}

function groupBySentence<T extends { readonly sentence: number }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.sentence);
    if (list) list.push(item);
    else map.set(item.sentence, [item]);
  }
  return map;
}

/**
 * Short paragraphs that end without terminal punctuation are headlines scraped into the body
 * ("Władimir Putin spotkał się z Kim Dzong Unem. Mieli rozmawiać o…"): none of their sentences
 * stands alone, even one that happens to end with a full stop. A long paragraph missing only its
 * last full stop is body text.
 */
function headlineParagraphs(a: SynthesisArticle): Set<number> {
  const last = new Map<number, InputSentence>();
  for (const s of a.sentences) last.set(s.paragraph, s);
  const out = new Set<number>();
  for (const [paragraph, s] of last) {
    // Words are counted only for the few paragraphs that end without terminal punctuation.
    if (!TERMINAL.test(a.article.text.slice(s.start, s.end)) && paragraphWords(a.sentences, paragraph) <= MAX_HEADLINE_WORDS) out.add(paragraph);
  }
  return out;
}

function paragraphWords(sentences: readonly InputSentence[], paragraph: number): number {
  let words = 0;
  for (const s of sentences) if (s.paragraph === paragraph) words += s.text.split(/\s+/u).length;
  return words;
}

/**
 * A name that is another of the story's names of the same type followed by where it is ("Sąd
 * Najwyższy w Pakistanie" beside "Sąd Najwyższy"): one entity to compare claims by. Its key maps
 * to the shorter name's key.
 */
function placedNameAliases(articles: readonly SynthesisArticle[]): Map<string, string> {
  const byBase = new Map<string, string>();
  for (const a of articles) for (const m of a.mentions) byBase.set(`${m.type}:${lower(m.base)}`, m.key);
  const aliases = new Map<string, string>();
  for (const a of articles) {
    const { placePrepositions } = synthesisLexicon(a.article.language);
    for (const m of a.mentions) {
      const words = m.base.split(/\s+/u);
      const at = words.findIndex((w, i) => i > 0 && i < words.length - 1 && placePrepositions.has(lower(w)));
      if (at < 0) continue;
      const head = byBase.get(`${m.type}:${lower(words.slice(0, at).join(' '))}`);
      if (head !== undefined && head !== m.key) aliases.set(m.key, head);
    }
  }
  return aliases;
}

/** Features of every sentence of a story, with term weights over the whole story. */
export function storyFeatures(articles: readonly SynthesisArticle[]): StoryFeatures {
  const aliases = placedNameAliases(articles);
  const sentences: SentenceFeatures[] = [];
  const byArticle: SentenceFeatures[][] = [];
  const wordings = new Map<string, Map<string, Wording>>();
  articles.forEach((a, articleIndex) => {
    const lexicon = synthesisLexicon(a.article.language);
    const ofLanguage = wordings.get(a.article.language) ?? new Map<string, Wording>();
    wordings.set(a.article.language, ofLanguage);
    const mentions = groupBySentence(aliases.size === 0 ? a.mentions : a.mentions.map((m) => (aliases.has(m.key) ? { ...m, key: aliases.get(m.key)! } : m)));
    const times = groupBySentence(a.times);
    const quotes = groupBySentence(a.quotes);
    const statuses = new Map(a.statuses.map((s) => [s.sentence, s] as const));
    const own: SentenceFeatures[] = [];
    const headlines = headlineParagraphs(a);
    for (const sentence of a.sentences) {
      const f = sentenceFeatures(a, articleIndex, sentence, sentences.length, lexicon, mentions, times, quotes, statuses, headlines, ofLanguage);
      sentences.push(f);
      own.push(f);
    }
    byArticle.push(own);
  });
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  const n = sentences.length;
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / d));
  return { sentences, idf, byArticle };
}

/**
 * How much two sentences state alike: the cosine of their idf-weighted term sets, or, when the
 * shorter one is mostly inside the longer one ("Ryanair lata w 37 krajach" inside a sentence that
 * also gives last year's passengers), the share of the shorter one's weight they share, damped by
 * `overlapWeight` and only when at least `minShared` terms are shared.
 */
export function containment(a: SentenceFeatures, b: SentenceFeatures, idf: ReadonlyMap<string, number>, overlapWeight: number, minShared: number): number {
  const wa = claimWeights(a, idf);
  const wb = claimWeights(b, idf);
  const [small, large] = wa.terms.length <= wb.terms.length ? [wa, wb] : [wb, wa];
  let dot = 0;
  let sharedWords = 0;
  for (let i = 0; i < small.terms.length; i++) {
    if (!large.set.has(small.terms[i]!)) continue;
    dot += small.weights[i]!;
    if (small.words[i]) sharedWords++;
  }
  return containmentOf(dot, sharedWords, wa, wb, overlapWeight, minShared);
}

/**
 * `containment` from what two sentences share: the sum of the squared claim weights of their
 * shared terms (`dot`) and how many of those are words. Summed in another order than
 * `containment` sums it, the result may differ from it in the last bits only.
 */
export function containmentOf(dot: number, sharedWords: number, wa: ClaimWeights, wb: ClaimWeights, overlapWeight: number, minShared: number): number {
  // Sentences that share only who and where ("w Belgii i Portugalii") do not state one thing.
  if (wa.norm === 0 || wb.norm === 0 || sharedWords < MIN_SHARED_WORDS) return 0;
  const cosine = dot / Math.sqrt(wa.norm * wb.norm);
  return sharedWords >= minShared ? Math.max(cosine, (overlapWeight * dot) / Math.min(wa.norm, wb.norm)) : cosine;
}

export interface ClaimWeights {
  readonly set: ReadonlySet<string>;
  /** The terms in the set's order, their squared weights, and whether each is a word (not an entity key). */
  readonly terms: readonly string[];
  readonly weights: Float64Array;
  readonly words: Uint8Array;
  readonly norm: number;
}

/** By term set: copies of a sentence share theirs (storyFeatures), and so their weights. */
const weightCache = new WeakMap<ReadonlySet<string>, ClaimWeights>();

/** Squared claim weights of a sentence's terms (entity keys damped), computed once per sentence. */
export function claimWeights(s: SentenceFeatures, idf: ReadonlyMap<string, number>): ClaimWeights {
  let cached = weightCache.get(s.terms);
  if (!cached) {
    const terms = [...s.terms];
    const weights = new Float64Array(terms.length);
    const words = new Uint8Array(terms.length);
    let norm = 0;
    terms.forEach((t, i) => {
      const w = termWeight(t, idf);
      weights[i] = w * w;
      words[i] = t.startsWith('e:') ? 0 : 1;
      norm += w * w;
    });
    cached = { set: s.terms, terms, weights, words, norm };
    weightCache.set(s.terms, cached);
  }
  return cached;
}

/**
 * Entity keys weigh less than words in claim similarity: two sentences naming the same countries
 * or people are about the same story, not necessarily the same fact.
 */
const ENTITY_WEIGHT = 0.5;
/** Content words (not names or numbers) two sentences must share to state one thing. */
export const MIN_SHARED_WORDS = 2;

function termWeight(t: string, idf: ReadonlyMap<string, number>): number {
  const w = idf.get(t) ?? 0;
  return t.startsWith('e:') ? w * ENTITY_WEIGHT : w;
}

/** Cosine similarity of two sentences' idf-weighted term sets. */
export function similarity(a: SentenceFeatures, b: SentenceFeatures, idf: ReadonlyMap<string, number>): number {
  const wa = plainWeights(a.terms, idf);
  const other = b.terms;
  let dot = 0;
  for (let i = 0; i < wa.terms.length; i++) if (other.has(wa.terms[i]!)) dot += wa.squares[i]!;
  const na = wa.norm;
  const nb = plainWeights(other, idf).norm;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** A term set's terms in its order, their squared idf weights and the sum of those (`similarity`). */
interface PlainWeights {
  readonly idf: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  readonly squares: Float64Array;
  readonly norm: number;
}

/** By term set, as `claimWeights`: a summary or a claim's representative asks for one sentence thousands of times. */
const plainCache = new WeakMap<ReadonlySet<string>, PlainWeights>();

function plainWeights(terms: ReadonlySet<string>, idf: ReadonlyMap<string, number>): PlainWeights {
  let cached = plainCache.get(terms);
  if (!cached || cached.idf !== idf) {
    const list = [...terms];
    const squares = new Float64Array(list.length);
    let norm = 0;
    for (let i = 0; i < list.length; i++) {
      const w = idf.get(list[i]!) ?? 0;
      squares[i] = w * w;
      norm += w * w;
    }
    cached = { idf, terms: list, squares, norm };
    plainCache.set(terms, cached);
  }
  return cached;
}
