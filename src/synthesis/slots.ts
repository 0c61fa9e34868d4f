/**
 * Slot values: what each sentence says about a happening's place, date, numbers and people, read
 * for the conflicts step (conflicts.ts compares them).
 * - place: a place after a locative preposition close after a word naming the happening (meeting,
 *   talks, strike: resources synthesis-event-words), or the place named by the sentence after
 *   "Miejsce spotkania …"; a participant verb ("spotkać się z …") naming none of the story's main
 *   people reports another meeting and is skipped, and so is an event word counted as several
 *   ("serii spotkań", "cztery spotkania");
 * - places: a list of two or more places ("w Hiszpanii, Portugalii i Belgii");
 * - number: a figure with its unit (numbers.ts), unless it is part of a breakdown (two figures of one
 *   unit in one sentence: "200 do Hiszpanii i po 50 do Belgii"); a rate ("300 każdego dnia",
 *   resources synthesis-measures) is compared only with rates of its period;
 * - duration: "spędziła osiem lat", kept with the verbs next to it (durations compare within one verb);
 * - date: a time expression in a happening sentence;
 * - facility: the town of the story's prison or hospital ("z więzienia w Lahaur"), conflict-grammar.txt;
 * - whereabouts: where the story's main person is ("jest w samolocie", "przewieziona w bezpieczne
 *   miejsce na terenie Pakistanu"), for disputes (resources synthesis-whereabouts);
 * - person: the named speaker of one quote given differently by two articles.
 * Each value keeps what tells happenings apart (its day, its people) and how it is reported
 * (expected or done), for the conflicts step.
 */
import type { Citation, ConflictSlot } from './types.ts';
import { isQuestion, mentionAt, similarity, wordIndexAt, type SentenceFeatures, type StoryFeatures } from './features.ts';
import { functionWords, keyedLines, keyedWords, synthesisLexicon, perLanguage } from './resources.ts';
import { straightApostrophe, verbTable, type VerbTable } from './verbs-en.ts';
import { placeKey, placeNames, placeSignature } from './places.ts';
import { isDuration, type Figure } from './numbers.ts';

/**
 * Words between the event word and the place's preposition: "spotka się z Władimirem Putinem w
 * rosyjskim mieście portowym Władywostok" spans 5; 10 leaves room for a title and a name.
 */
const EVENT_TO_PLACE_WORDS = 10;
/** Words allowed between the preposition and the place name (adjectives: "rosyjskim mieście portowym"). */
const PREPOSITION_TO_PLACE_WORDS = 4;
/** People mentioned in the most articles are the event's participants. */
const MAIN_PARTICIPANTS = 2;
/** Words after a whereabouts verb searched for the place or the noun. */
const WHEREABOUTS_WORDS = 8;
/** Letters a whereabouts noun and a word share to be one ("samolot", "samolocie"). */
const NOUN_STEM = 5;

export type SlotKind = ConflictSlot | 'places' | 'whereabouts';

export interface SlotValue {
  readonly slot: SlotKind;
  /** Identity of the value (place key, normalised date, unit and number, set of places). */
  readonly key: string;
  readonly label: string;
  /** What the value is of, for comparing values (an event word's lemma, a unit's key, a fixed kind): may be internal. */
  readonly subject: string;
  /** The subject as a reader finds it in the text ("km", "gazociąg") where `subject` is an internal key. */
  readonly shown?: string;
  readonly sentence: SentenceFeatures;
  /** The sentence that reports the happening (for a place answered by the next sentence, the question's). */
  readonly reported: SentenceFeatures;
  readonly citation: Citation;
  readonly figure?: Figure;
  /** The whole a figure is a share of ("6 procent z ponad 2400 lotów": 2400 flights), set by conflicts.ts. */
  readonly whole?: Figure;
  /** Content lemmas next to a duration ("spędziła osiem lat" → spędzić): durations compare within one predicate. */
  readonly predicates?: ReadonlySet<string>;
  /** Place keys of a list. */
  readonly places?: readonly string[];
  /** The period a figure is a rate of ("rok" for "13 mld euro rocznie", resources synthesis-measures). */
  readonly rate?: string;
  /**
   * Said of another happening than the story's (a meeting of people none of whom is the story's):
   * it says which articles name the value, and is compared with nothing.
   */
  readonly aside?: boolean;
}

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();

export function citationOf(s: SentenceFeatures): Citation {
  return { article: s.article.id, start: s.sentence.start, end: s.sentence.end };
}

export function mainParticipants(features: StoryFeatures, count = MAIN_PARTICIPANTS): Set<string> {
  const articles = new Map<string, Set<number>>();
  for (const s of features.sentences) {
    for (const m of s.mentions) {
      if (m.type !== 'PER') continue;
      let set = articles.get(m.key);
      if (!set) {
        set = new Set<number>();
        articles.set(m.key, set);
      }
      set.add(s.articleIndex);
    }
  }
  return new Set(
    [...articles.entries()]
      .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
      .slice(0, count)
      .map(([key]) => key),
  );
}

/** Year and month of the earliest publication date: values before it are background. */
function storyStart(features: StoryFeatures): string | undefined {
  const dates = features.byArticle
    .map((list) => list[0]?.article.published?.value)
    .filter((v): v is string => v !== undefined)
    .sort();
  return dates[0]?.slice(0, 7);
}

function isBefore(value: string, start: string | undefined): boolean {
  if (!start) return false;
  const v = /^(\d{4})(?:-(\d{2}))?/.exec(value);
  const s = /^(\d{4})(?:-(\d{2}))?/.exec(start);
  if (!v || !s) return false;
  if (v[1] !== s[1]) return v[1]! < s[1]!;
  return v[2] !== undefined && s[2] !== undefined && v[2] < s[2];
}

function eventWordIndexes(s: SentenceFeatures, stems: readonly string[]): number[] {
  const out: number[] = [];
  s.words.forEach((w, i) => {
    if (stems.some((stem) => w.startsWith(stem))) out.push(i);
  });
  return out;
}

/** The event words of a sentence that may carry the main event's slots. */
function eventAnchors(s: SentenceFeatures, participants: ReadonlySet<string>, start: string | undefined): number[] {
  const lexicon = synthesisLexicon(s.language);
  const anchors = eventWordIndexes(s, lexicon.eventWords).filter((i) => !counted(s, i));
  if (anchors.length === 0) return [];
  if (s.times.some((t) => isBefore(t.value, start))) return [];
  const verbs = s.words.filter((w) => lexicon.eventVerbs.includes(w));
  const namesParticipant = [...s.entityKeys].some((k) => participants.has(k));
  if (verbs.length > 0 && !namesParticipant) return [];
  return anchors;
}

/**
 * An event word counted as several ("podczas serii spotkań w Londynie, Birmingham…", "planują
 * cztery spotkania - w Inverness…", "4 spotkania"): several happenings, each with its own place
 * and day, so none of them is the venue or the day of the story's one happening.
 */
function counted(s: SentenceFeatures, at: number): boolean {
  if (at === 0) return false;
  const { several, wholeOf } = conflictGrammar(s.language);
  // "a series of meetings", "rounds of talks": the count may stand before "of".
  const before = at >= 2 && wholeOf.has(s.words[at - 1]!) ? at - 2 : at - 1;
  if (several.has(s.words[before]!) || several.has(lower(s.lemmas[before] ?? ''))) return true;
  // A count in digits ("4 spotkania"): digits are no words; the figure counts the event word (its
  // unit) or, unitless, ends right before it.
  const start = s.wordStarts[at]!;
  const adjacent = (f: Figure): boolean => f.unit === '' && s.sentence.text.slice(f.end - s.sentence.start, start - s.sentence.start).trim() === '';
  return s.figures.some((f) => f.start < start && (f.end > start || adjacent(f)));
}

const isCapitalised = (word: string | undefined): boolean => word !== undefined && /^\p{Lu}/u.test(word);

/**
 * The place named from word `at`: the entity layer's mention when there is one (any type but a
 * person: the layer may tag a city as an organisation), else the run of capitalised words, with
 * its base form from the place resource when known.
 */
function placeAt(s: SentenceFeatures, at: number): { key: string; label: string } | undefined {
  const offset = s.wordStarts[at]!;
  const mention = s.mentions.find((m) => m.start <= offset && offset < m.end);
  if (mention) return mention.type === 'PER' ? undefined : { key: placeKey(mention.base, s.language), label: mention.base };
  let end = at;
  while (end + 1 < s.surfaces.length && end - at < 3 && isCapitalised(s.surfaces[end + 1])) end++;
  const run = s.surfaces.slice(at, end + 1).join(' ');
  return { key: placeKey(run, s.language), label: placeNames(s.language).known.get(placeSignature(run)) ?? run };
}

/** An adjective or a place head noun ("rosyjskim", "mieście") may precede the name. */
function mayPrecedePlace(word: string, between: readonly string[]): boolean {
  return between.some((b) => (b.startsWith('-') ? word.endsWith(b.slice(1)) : word.startsWith(b)));
}

function subjectOf(s: SentenceFeatures, anchor: number): string {
  return s.lemmas[anchor] ?? s.words[anchor] ?? '';
}

/** A figure's unit word as written ("374 km" → "km", "ponad 1000 lotów" → "lotów"), not the unit's key. */
export function unitWord(f: Figure): string {
  return f.text.match(/\p{L}+\.?$/u)?.[0] ?? f.text;
}

/**
 * The happening a value is of, as the sentence words it: the nearest content word before word
 * `at` that is not part of a name nor a Polish adjective ("magistrali gazowej … z Ust-Ługi" →
 * "magistrala"), else the
 * sentence's first one. Function words are resources/<lang>/function-words.txt.
 */
export function happeningWord(s: SentenceFeatures, at: number): string {
  const skip = functionWords(s.language);
  const content = (i: number): boolean => {
    const l = lower(s.lemmas[i] ?? '');
    // A Polish adjective's lemma ends in -y/-i ("gazowy", "pokładowy"): the noun it qualifies names the thing.
    const adjective = s.language === 'pl' && /[yi]$/u.test(l);
    return l.length >= MIN_PREDICATE_LETTERS && /^\p{L}+$/u.test(l) && !skip.has(l) && !adjective && !isCapitalised(s.surfaces[i]);
  };
  const before = [...s.words.keys()].slice(0, Math.max(0, at)).reverse().find(content);
  const i = before ?? [...s.words.keys()].find(content) ?? 0;
  return lower(s.lemmas[i] ?? s.words[i] ?? '');
}

/** Index of the word starting at or after character `start` of the article. */
function wordAtOrAfter(s: SentenceFeatures, start: number): number {
  const i = wordIndexAt(s, start);
  return i < 0 ? s.words.length : i;
}

function placeValue(s: SentenceFeatures, at: number, subject: string, reported: SentenceFeatures = s): SlotValue[] {
  const place = placeAt(s, at);
  return place ? [{ slot: 'place', key: place.key, label: place.label, subject, sentence: s, reported, citation: citationOf(s) }] : [];
}

/** Places after a locative preposition shortly (`reach` words at most) after an event word. */
function placesIn(s: SentenceFeatures, anchors: readonly number[], reach = EVENT_TO_PLACE_WORDS): SlotValue[] {
  const { placePrepositions, placeBetween } = synthesisLexicon(s.language);
  const { relatives } = conflictGrammar(s.language);
  const out: SlotValue[] = [];
  s.words.forEach((w, prep) => {
    if (!placePrepositions.has(w)) return;
    const anchor = anchors.filter((a) => a < prep && prep - a <= reach).pop();
    if (anchor === undefined) return;
    // The window ends at the first word that can be neither the name nor lead up to it.
    const window: number[] = [];
    for (let i = prep + 1; i < s.words.length && i <= prep + 1 + PREPOSITION_TO_PLACE_WORDS; i++) {
      // A relative pronoun after the preposition opens a clause ("negocjacji warunków, na jakich
      // Londyn opuści UE"): the name after it is the clause's subject, not the event's place.
      if (i === prep + 1 && relatives.has(s.words[i]!)) {
        window.length = 0;
        break;
      }
      window.push(i);
      if (!isCapitalised(s.surfaces[i]) && !mayPrecedePlace(s.words[i]!, placeBetween)) break;
    }
    // A tagged name wins over an untagged capitalised word ("the Austrian capital Vienna").
    const tagged = window.find((i) => s.mentions.some((m) => m.type !== 'PER' && m.start === s.wordStarts[i]));
    const at = tagged ?? window.find((i) => isCapitalised(s.surfaces[i]));
    if (at !== undefined) out.push(...placeValue(s, at, subjectOf(s, anchor)));
  });
  return out;
}

/** "Miejsce spotkania było tajemnicą. Wostocznyj to kosmodrom…": the next sentence names the place. */
function placeAnsweredNext(s: SentenceFeatures, next: SentenceFeatures | undefined, anchors: readonly number[]): SlotValue[] {
  if (!next || next.words.length < 2) return [];
  const { placeCues, copulas } = synthesisLexicon(s.language);
  const cue = s.words.findIndex((w, i) => placeCues.has(w) && anchors.includes(i + 1));
  if (cue < 0) return [];
  const tagged = next.mentions.some((m) => m.type !== 'PER' && m.start === next.wordStarts[0]);
  // An untagged leading name counts only in a defining sentence ("X to …"), not any sentence start.
  const copula = next.words.findIndex((w, i) => i > 0 && i <= 3 && copulas.has(w));
  if (!tagged && copula < 0) return [];
  return placeValue(next, 0, subjectOf(s, cue + 1), s);
}

/** Places and dates of the happenings the story's sentences report. */
export function eventValues(features: StoryFeatures): SlotValue[] {
  const participants = mainParticipants(features);
  const start = storyStart(features);
  const values: SlotValue[] = [];
  for (const list of features.byArticle) {
    // Background is judged against the article's own date: a long-running story spans months.
    const own = list[0]?.article.published?.value.slice(0, 7) ?? start;
    list.forEach((s, i) => {
      const anchors = eventAnchors(s, participants, own);
      if (anchors.length === 0) return;
      // A meeting of other people ("Podczas spotkania w Warszawie … Morawiecki, jak i … Merkel" in
      // a story of the EU summit): a sentence naming people, none of them the story's, reports
      // another happening. Its article still names the place, so it is no source of another value.
      const aside = ![...s.entityKeys].some((k) => participants.has(k)) && s.mentions.some((m) => m.type === 'PER');
      const mark = (v: SlotValue): SlotValue => (aside ? { ...v, aside } : v);
      const places = placesIn(s, anchors);
      values.push(...(places.length > 0 ? places : placeAnsweredNext(s, list[i + 1], anchors)).map(mark));
      for (const t of s.times) {
        if (!t.value || isBefore(t.value, own)) continue;
        values.push(mark({ slot: 'date', key: t.value, label: t.value, subject: subjectOf(s, anchors[0]!), sentence: s, reported: s, citation: citationOf(s) }));
      }
    });
  }
  return values;
}

interface SlotLexicon {
  /** Rate phrases, each with its period ("rok": "rocznie"), as lower-cased words. */
  readonly measures: readonly { readonly period: string; readonly words: readonly string[] }[];
  readonly verbs: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly nouns: readonly string[];
  /** Nouns that place someone on the way out ("samolot", "lotnisko"); the others say no country. */
  readonly travel: ReadonlySet<string>;
  /** Words that open another clause after the verb ("wiara jest silna i modlę się do…"). */
  readonly clauseBreaks: ReadonlySet<string>;
}

const slotLexicon = perLanguage((lang): SlotLexicon => {
  const whereabouts = keyedLines(lang, 'synthesis-whereabouts');
  const words = (key: string): string[] => keyedWords(whereabouts, key).map(lower);
  return {
    measures: [...keyedLines(lang, 'synthesis-measures')].flatMap(([period, phrases]) => phrases.map((p) => ({ period, words: lower(p).split(/\s+/u) }))),
    verbs: new Set(words('verb')),
    prepositions: new Set(words('preposition')),
    nouns: [...new Set(words('noun'))],
    travel: new Set(words('travel')),
    clauseBreaks: new Set(words('clause-break')),
  };
});

/**
 * Whether a whereabouts value is a noun that names no country and no way out ("więzienie",
 * "bezpieczne miejsce"): it cannot contradict a named place, where that prison or place may well be.
 */
export function isLocalWhereabouts(label: string, language: SentenceFeatures['language']): boolean {
  const lex = slotLexicon(language);
  return lex.nouns.includes(label) && !lex.travel.has(label);
}

interface ConflictGrammar {
  readonly wholeOf: ReadonlySet<string>;
  /** Units of a share (their numbers.ts unit keys: "proc"): a share before a whole word is a part of it. */
  readonly shareUnits: ReadonlySet<string>;
  /** Quantifiers before a whole ("wielu z 37 rynków"): the whole's figure is no value. */
  readonly partOf: ReadonlySet<string>;
  /** Words giving figures to different things in turn ("100 i 200 osób, odpowiednio"). */
  readonly respectively: ReadonlySet<string>;
  readonly relatives: ReadonlySet<string>;
  readonly deictic: ReadonlySet<string>;
  /** Verbs of a medium citing words ("przytacza portal"): a day beside one dates the report. */
  readonly citingVerbs: ReadonlySet<string>;
  /** Lemmas of nouns a count describes a person by ("matka czworga dzieci"): a standing description. */
  readonly standingNouns: ReadonlySet<string>;
  readonly ago: ReadonlySet<string>;
  readonly auxiliaries: ReadonlySet<string>;
  /** Words that mark a list as examples ("m.in.", "między innymi"), each as its words. */
  readonly partial: readonly (readonly string[])[];
  /** Facility nouns by their stem (NOUN_STEM letters). */
  readonly facilities: ReadonlyMap<string, string>;
  /** Event updates (src/synthesis/updates.ts): verbs that make an infinitive expected, cue beginnings, country nouns. */
  readonly expectModals: ReadonlySet<string>;
  readonly expectCues: readonly string[];
  readonly possible: ReadonlySet<string>;
  readonly countryNouns: ReadonlySet<string>;
  /** Verb lemma → the first verb of its family (one happening named by several verbs). */
  readonly eventFamily: ReadonlyMap<string, string>;
  readonly notVerbEndings: readonly string[];
  /** A passive participle's ending and its verb's infinitive ending (`participle-ending`: "ty=ć"). */
  readonly participleEndings: readonly (readonly [string, string])[];
  readonly lemmaStemEndings: readonly string[];
  readonly notNegating: ReadonlySet<string>;
  /** Numerals and series nouns before an event word that make it several happenings ("serii spotkań", "cztery spotkania"). */
  readonly several: ReadonlySet<string>;
  /** Adjectives (lemmas) that give a figure as a whole, the sum of its parts ("cała inwestycja", "łączny koszt"). */
  readonly total: ReadonlySet<string>;
  readonly conditionAfter: ReadonlySet<string>;
  readonly notFiniteEndings: readonly string[];
  /** Words opening a clause that states no fact, each as its words. */
  readonly conditionals: readonly (readonly string[])[];
  /** Words before an infinitive ("to") and the lemmas before one that make it expected ("expected to"). */
  readonly infinitiveMarkers: ReadonlySet<string>;
  readonly expectBeforeMarker: ReadonlySet<string>;
  /** A language's table of verb forms (English: resources/en/irregular-verbs.txt), and the words a bare infinitive follows. */
  readonly verbTable?: VerbTable;
  readonly baseBefore: ReadonlySet<string>;
}

/** resources/<lang>/conflict-grammar.txt. */
export const conflictGrammar = perLanguage((lang): ConflictGrammar => {
    const lines = keyedLines(lang, 'conflict-grammar');
    const words = (key: string): Set<string> => new Set(keyedWords(lines, key).map(lower));
    return { wholeOf: words('whole-of'), shareUnits: words('share-unit'), partOf: words('part-of'), respectively: words('respectively'), relatives: words('relative'), deictic: words('deictic'), citingVerbs: words('citing-verb'), standingNouns: words('standing-noun'), ago: words('ago'), auxiliaries: words('auxiliary'), facilities: new Map([...words('facility')].map((w) => [w.slice(0, NOUN_STEM), w])), partial: [...words('partial')].map((p) => p.split('_')),
      expectModals: words('expect-modal'),
      expectCues: [...words('expect-cue')],
      possible: words('possible'),
      countryNouns: words('country-noun'),
      eventFamily: new Map([...words('event-family')].flatMap((family) => family.split('/').map((verb) => [verb, family.split('/')[0]!] as const))),
      notVerbEndings: [...words('not-verb-ending')],
      participleEndings: [...words('participle-ending')].map((e) => e.split('=') as [string, string]),
      lemmaStemEndings: [...words('lemma-stem-ending')],
      notNegating: words('not-negating'),
      several: words('several'),
      total: words('total'),
      conditionAfter: words('condition-after'),
      notFiniteEndings: [...words('not-finite-ending')],
      conditionals: [...words('conditional')].map((p) => p.split('_')),
      infinitiveMarkers: words('infinitive-marker'),
      expectBeforeMarker: words('expect-before-marker'),
      ...(keyedWords(lines, 'verb-table')[0] && { verbTable: verbTable(lang, keyedWords(lines, 'verb-table')[0]!) }),
      baseBefore: new Set([...words('base-before')].map(straightApostrophe)),
    };
});

/** Words between a count's "z" and its whole: "z jego 2400", "z łącznie ponad 2400" (the approximation word belongs to the figure). */
export const WHOLE_GAP = 2;

/** Whether `whole` follows `part` as its whole: "190 z 2400 lotów", "250 lotów z prawie 2400". */
function wholeOfPart(s: SentenceFeatures, part: Figure, whole: Figure): boolean {
  if (whole.start <= part.end) return false;
  const { wholeOf } = conflictGrammar(s.language);
  const between = s.words.filter((_, i) => s.wordStarts[i]! >= part.end && s.wordStarts[i]! < whole.start);
  return between.length >= 1 && between.length <= 1 + WHOLE_GAP && wholeOf.has(between[0]!);
}

/** The period of a rate phrase (synthesis-measures) among `words`, if one is there. */
function ratePeriod(words: readonly string[], language: SentenceFeatures['language']): string | undefined {
  return slotLexicon(language).measures.find((m) => words.some((_, i) => m.words.every((w, k) => words[i + k] === w)))?.period;
}

/**
 * What closes a clause: a comma (not a decimal one, "4,9 mld"), a semicolon, a colon, a bracket, or
 * a spaced dash (not a range's "12–15"). A rate word beyond one qualifies another figure.
 */
const CLAUSE_BREAK = /,(?!\d)|[;:()]|\s[-–—]\s/gu;

/**
 * The period a figure is a rate of: a rate phrase within three words after it or the word before it
 * ("300 lotów każdego dnia", "codziennych"), else one in its own clause ("Rocznie brytyjski udział
 * … na poziomie 12-15 mld euro"), not beyond a comma or dash ("Firma – która rocznie wpłaca … 2 mld
 * funtów podatków, zatrudniając ok. 14 tys. osób": the staff is no rate).
 */
function rateOf(s: SentenceFeatures, f: Figure): string | undefined {
  const first = wordIndexAt(s, f.start);
  let last = first;
  while (last + 1 < s.words.length && s.wordStarts[last + 1]! < f.end) last++;
  const near = ratePeriod(s.words.slice(Math.max(0, first - 1), last + 4), s.language);
  if (near) return near;
  const text = s.sentence.text;
  const [at, end] = [f.start - s.sentence.start, f.end - s.sentence.start];
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => m.index);
  const from = s.sentence.start + Math.max(0, ...breaks.filter((b) => b < at).map((b) => b + 1));
  const to = s.sentence.start + Math.min(text.length, ...breaks.filter((b) => b >= end));
  return ratePeriod(s.words.filter((_, i) => s.wordStarts[i]! >= from && s.wordStarts[i]! < to), s.language);
}

/**
 * Figures that can conflict: counts with a unit (not durations: "osiem lat"), not part of a
 * breakdown (two figures of one unit in one sentence: "200 do Hiszpanii i po 50 do Belgii"), and not
 * a part of a larger total the same article gives for the same period ("W sumie jest to 200 lotów"
 * after "300 odwołanych lotów"). A rate ("300 każdego dnia", "13 mld euro rocznie", resources
 * synthesis-measures) is a measure of its own: its subject carries its period, so it meets only
 * rates of that period, never a total.
 */
export function figureValues(features: StoryFeatures, samePeriod: (a: SentenceFeatures, b: SentenceFeatures) => boolean): SlotValue[] {
  const out: SlotValue[] = [];
  for (const list of features.byArticle) {
    const candidates: { s: SentenceFeatures; f: Figure; rate: string | undefined }[] = [];
    for (const s of list) {
      if (!s.claimable) continue;
      const counted = s.figures.filter((f) => f.unit !== '' && !isDuration(f.unit, s.language));
      for (const f of counted) {
        // A count and its whole ("250 lotów z 2400") are no breakdown: the conflicts step reads the count.
        if (counted.some((g) => g !== f && g.unit === f.unit && !wholeOfPart(s, f, g) && !wholeOfPart(s, g, f))) continue;
        candidates.push({ s, f, rate: rateOf(s, f) });
      }
    }
    for (const { s, f, rate } of candidates) {
      const part = candidates.some((o) => o.f.unit === f.unit && o.rate === rate && o.f.value > f.value && samePeriod(o.s, s) && !(o.s === s && wholeOfPart(s, f, o.f)));
      if (part) continue;
      out.push({ slot: 'number', key: `${f.unit}:${f.value}`, label: f.text, subject: rate ? `${f.unit} ${rate}` : f.unit, shown: unitWord(f), sentence: s, reported: s, citation: citationOf(s), figure: f, ...(rate && { rate }) });
    }
  }
  return out;
}

/** Words before and after a duration read as its predicate: "Bibi spędziła osiem lat", "osiem lat spędziła". */
const PREDICATE_BEFORE = 2;
const PREDICATE_AFTER = 1;
/** Shorter lemmas are mostly pronouns and particles the function-word list may miss. */
const MIN_PREDICATE_LETTERS = 4;

/**
 * Durations a source states of a happening ("spędziła osiem lat w celi śmierci", "Spędziła 10 lat
 * w więzieniu"): each keeps the verbs next to it (not the auxiliaries of conflict-grammar.txt:
 * "ma potrwać" keeps "potrwać"), and two compare only when they share one,
 * so "od dziewięciu lat cierpią" never meets "przez osiem lat pozostawała". A point in time
 * ("dziewięć lat temu", "cztery lata później": the `ago` words of conflict-grammar.txt) is none.
 */
export function durationValues(features: StoryFeatures): SlotValue[] {
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    if (!s.claimable) continue;
    const { ago, auxiliaries } = conflictGrammar(s.language);
    const skip = functionWords(s.language);
    // A Polish verb's lemma is its infinitive ("spędzić", "trwać", "móc"); English lemmas carry no mark.
    const verbLemma = s.language === 'en' ? /^\p{L}+$/u : /^(?!.*(?:ość|ęść)$).*ć$/u;
    for (const f of s.figures) {
      if (f.unit === '' || !isDuration(f.unit, s.language)) continue;
      const first = wordIndexAt(s, f.start);
      let last = first;
      while (last + 1 < s.words.length && s.wordStarts[last + 1]! < f.end) last++;
      if (first < 0 || ago.has(s.words[last + 1] ?? '')) continue;
      const near = [...s.lemmas.slice(Math.max(0, first - PREDICATE_BEFORE), first), ...s.lemmas.slice(last + 1, last + 1 + PREDICATE_AFTER)];
      const predicates = new Set(near.map(lower).filter((l) => l.length >= MIN_PREDICATE_LETTERS && !skip.has(l) && !auxiliaries.has(l) && verbLemma.test(l)));
      if (predicates.size === 0) continue;
      out.push({ slot: 'number', key: `${f.unit}:${f.value}`, label: f.text, subject: f.unit, shown: unitWord(f), sentence: s, reported: s, citation: citationOf(s), figure: f, predicates });
    }
  }
  return out;
}

/**
 * The words a person's name stands between, two before and one after ("samorządu lokalnego |
 * wykluczał"); '' at a sentence's edge. A name changed in a copied text keeps them all; two people
 * told in like words ("zabrał głos również Guy Verhofstadt." / "głos zabrał również Jean-Claude
 * Juncker.") do not.
 */
function copiedAround(s: SentenceFeatures, m: { readonly start: number; readonly end: number }): string {
  const at = wordIndexAt(s, m.start);
  const after = s.words[wordIndexAt(s, m.end)];
  return at < 2 || after === undefined ? '' : `${s.words[at - 2]} ${s.words[at - 1]} | ${after}`;
}

/**
 * Places (or, with `person`, people) that differ between two near-identical sentences of one claim, in the same position ("z
 * Wyborga w Rosji do Greifswaldu" vs "z Ust-Ługi w Rosji do Greifswaldu"): the same word before
 * each, and neither sentence names the other's place. One list per pair of wordings and publication
 * days: copies of a wording published the same day are read once and cited together. With `person`,
 * the people named so between the same words (`copiedAround`: "samorządu lokalnego Dominic Raab
 * wykluczał" vs "… Dominic Rudd wykluczał").
 */
export function paraphraseNameValues(groups: readonly { readonly members: readonly SentenceFeatures[] }[], idf: ReadonlyMap<string, number>, minSimilarity: number, slot: 'place' | 'person' = 'place'): SlotValue[][] {
  const out: SlotValue[][] = [];
  // The entity layer may type a place as an organisation ("Ust-Ługi"): any name but a person's.
  const named = slot === 'person' ? (type: string) => type === 'PER' : (type: string) => type !== 'PER' && type !== 'PRO' && type !== 'EVT';
  const placesOf = (s: SentenceFeatures) => {
    const mentions = s.mentions.filter((m) => named(m.type));
    const keys = mentions.map((m) => (slot === 'person' ? m.key : placeKey(m.base, s.language)));
    return { s, mentions, keys, keySet: new Set(keys), before: mentions.map((m) => (slot === 'person' ? copiedAround(s, m) : s.words[wordIndexAt(s, m.start) - 1] ?? '')) };
  };
  for (const g of groups) {
    // Wording → publication day → its copies.
    const copies = new Map<string, Map<string, SentenceFeatures[]>>();
    for (const m of g.members) {
      if (!m.mentions.some((x) => named(x.type))) continue;
      const byDay = copies.get(m.sentence.text) ?? new Map<string, SentenceFeatures[]>();
      copies.set(m.sentence.text, byDay);
      const day = m.article.published?.value ?? '';
      byDay.set(day, [...(byDay.get(day) ?? []), m]);
    }
    const wordings = [...copies.values()].map((byDay) => placesOf([...byDay.values()][0]![0]!)).filter((w) => w.mentions.length > 0);
    for (let i = 0; i < wordings.length; i++) {
      for (let j = i + 1; j < wordings.length; j++) {
        const a = wordings[i]!;
        const b = wordings[j]!;
        a.mentions.forEach((pa, x) => {
          const keyA = a.keys[x]!;
          if (b.keySet.has(keyA) || a.before[x] === '') return;
          const y = b.mentions.findIndex((_, k) => !a.keySet.has(b.keys[k]!) && b.before[k] === a.before[x]);
          if (y < 0 || similarity(a.s, b.s, idf) < minSimilarity) return;
          const pb = b.mentions[y]!;
          const keyB = b.keys[y]!;
          if (sameName(pa.base, pb.base) || (slot === 'person' && sameSurname(pa.base, pb.base))) return;
          for (const ca of copies.get(a.s.sentence.text)!.values()) {
            for (const cb of copies.get(b.s.sentence.text)!.values()) {
              out.push([
                ...ca.map((s): SlotValue => ({ slot, key: keyA, label: pa.base, subject: slot, shown: happeningWord(s, wordAtOrAfter(s, pa.start)), sentence: s, reported: s, citation: citationOf(s) })),
                ...cb.map((s): SlotValue => ({ slot, key: keyB, label: pb.base, subject: slot, shown: happeningWord(s, wordAtOrAfter(s, pb.start)), sentence: s, reported: s, citation: citationOf(s) })),
              ]);
            }
          }
        });
      }
    }
  }
  return out;
}

/**
 * One person however much of the name is given: "Johnson" keyed as Boris Johnson in an article that
 * names him in full and on its own in another, "May" and "Theresa May", end alike.
 */
const sameSurname = (x: string, y: string): boolean => lower(x.split(/\s+/u).at(-1)!) === lower(y.split(/\s+/u).at(-1)!);

/**
 * Two ways of writing one name: an acronym of the other ("UE", "Unia Europejska"), also after
 * words both share ("Trybunał Sprawiedliwości UE", "Trybunał Sprawiedliwości Unii Europejskiej"),
 * or its first words ("Federalny Urząd", "Federalny Urząd Żeglugi").
 */
export function sameName(x: string, y: string): boolean {
  // Hyphenated names compare part by part: "Saif" is a short form of "Saif-Ul-Mulook".
  const wx = x.trim().split(/[\s-]+/u);
  const wy = y.trim().split(/[\s-]+/u);
  const [short, long] = wx.length <= wy.length ? [wx, wy] : [wy, wx];
  // The words both begin with are one name's; an acronym may stand for the rest.
  let shared = 0;
  while (shared < short.length - 1 && lower(short[shared]!) === lower(long[shared]!)) shared++;
  const acronym = short[shared]!;
  if (shared === short.length - 1 && /^\p{Lu}{2,}$/u.test(acronym)) {
    const initials = long.slice(shared).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    if (initials === acronym) return true;
  }
  return short.length < long.length && short.every((w, i) => lower(w) === lower(long[i]!));
}

/** Lists of two or more places ("w Hiszpanii, Portugalii i Belgii"), not in background sentences dated before their article's month. */
export function listValues(features: StoryFeatures): SlotValue[] {
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    // Background: "W lipcu strajkowali pracownicy w Hiszpanii, …" in an August article sums up past happenings.
    const own = s.article.published?.value.slice(0, 7);
    if (!s.claimable || s.times.some((t) => t.value && isBefore(t.value, own))) continue;
    for (const list of s.placeLists) {
      const keys = [...new Set(list.keys)].sort();
      if (keys.length < 2) continue;
      out.push({ slot: 'places', key: keys.join('|'), label: list.labels.join(', '), subject: 'places', shown: happeningWord(s, wordAtOrAfter(s, list.start)), sentence: s, reported: s, citation: citationOf(s), places: keys });
    }
  }
  return out;
}

/** Words between a facility noun and its place's preposition: "więzienia w Multan", "więzienie to w Lahaur". */
const FACILITY_TO_PLACE_WORDS = 2;

/**
 * Where a facility of the story is: a noun of conflict-grammar.txt `facility` ("więzienie",
 * "szpital") with a place right after it ("z więzienia w Lahaur", "więzienia w mieście Multan").
 * Sources that put the one prison or hospital of the story in different towns disagree; a town
 * and its region ("w Multan w Pendżabie") are a refinement.
 */
export function facilityValues(features: StoryFeatures): SlotValue[] {
  const main = mainParticipants(features, 1);
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    if (!s.claimable) continue;
    const { facilities } = conflictGrammar(s.language);
    // The story's person's facility: a sentence about someone else's prison or hospital is another's.
    const people = s.mentions.filter((m) => m.type === 'PER');
    if (people.length > 0 && !people.some((m) => main.has(m.key))) continue;
    for (let i = 0; i < s.lemmas.length; i++) {
      const noun = facilities.get(lower(s.lemmas[i]!).slice(0, NOUN_STEM));
      if (noun) out.push(...placesIn(s, [i], FACILITY_TO_PLACE_WORDS).map((v) => ({ ...v, subject: noun })));
    }
  }
  return out;
}

/**
 * Where the story's main person is said to be: a whereabouts verb, then a place (a place mention
 * within a few words) or one of the nouns ("samolot", "więzienie"). The sentence names the person
 * or no one else.
 */
export function whereaboutsValues(features: StoryFeatures): SlotValue[] {
  const main = mainParticipants(features, 1);
  const out: SlotValue[] = [];
  for (const s of features.sentences) {
    // A question states nowhere ("Czym jest bluźnierstwo w Pakistanie?").
    if (!s.claimable || isQuestion(s)) continue;
    const { verbs, prepositions, nouns, clauseBreaks } = slotLexicon(s.language);
    const people = s.mentions.filter((m) => m.type === 'PER');
    if (people.length > 0 && !people.some((m) => main.has(m.key))) continue;
    const verb = s.words.findIndex((w) => verbs.has(w));
    if (verb < 0) continue;
    const window = [...s.words.keys()].slice(verb + 1, verb + 1 + WHEREABOUTS_WORDS);
    const prep = window.find((i) => prepositions.has(s.words[i]!));
    if (prep === undefined) continue;
    // The place must belong to the verb's own clause, not to a clause after it.
    if (window.some((i) => i < prep && clauseBreaks.has(s.words[i]!)) || /[,;:–—]/u.test(s.article.text.slice(s.wordStarts[verb]!, s.wordStarts[prep]!))) continue;
    const after = window.filter((i) => i > prep);
    const m = after.map((i) => mentionAt(s, i, ['LOC'])).find((x) => x !== undefined);
    if (m !== undefined) {
      out.push({ slot: 'whereabouts', key: placeKey(m.base, s.language), label: m.base, subject: 'whereabouts', shown: lower(s.lemmas[verb] ?? s.words[verb]!), sentence: s, reported: s, citation: citationOf(s) });
      continue;
    }
    // Nouns compared by their first letters: "samolocie" is "samolot" whatever the lemmatiser says.
    const nounOf = (i: number): string | undefined => nouns.find((n) => s.lemmas[i]!.startsWith(n.slice(0, NOUN_STEM)));
    const noun = after.find((i) => nounOf(i) !== undefined);
    if (noun !== undefined) {
      const label = nounOf(noun)!;
      out.push({ slot: 'whereabouts', key: placeKey(label, s.language), label, subject: 'whereabouts', shown: lower(s.lemmas[verb] ?? s.words[verb]!), sentence: s, reported: s, citation: citationOf(s) });
    }
  }
  return out;
}

/**
 * Quotes sharing at least this Jaccard overlap of word stems are one quote. 0.6 lets outlets
 * trim or re-punctuate a quote while two different statements by one speaker stay apart.
 */
const SAME_QUOTE = 0.6;
/** Shorter quotes ("to błąd") are too generic to pin on one speaker. */
const MIN_QUOTE_WORDS = 5;

function quoteStems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 6)));
}

/** A comparable speaker identity: the surname of a named speaker; descriptions ("rzecznik") none. */
function speakerIdentity(speaker: { readonly name: string } | undefined): string | undefined {
  if (!speaker) return undefined;
  const words = speaker.name.trim().split(/\s+/);
  // A first name and a surname: one-word speakers are mostly agencies and outlets ("AFP",
  // "Reuters") that relay a quote rather than say it.
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  // Five letters of the surname: "Pieskow"/"Pieskowa", "Sullivan"/"Sullivana" meet.
  return lower(words[words.length - 1]!).slice(0, 5);
}

/** The same quote attributed to different people by different articles, one list per quote. */
export function personValues(features: StoryFeatures): SlotValue[][] {
  const items: { s: SentenceFeatures; text: string; stems: Set<string>; speaker: string; label: string }[] = [];
  for (const s of features.sentences) {
    for (const q of s.quotes) {
      const speaker = speakerIdentity(q.speaker);
      if (!speaker) continue;
      const stems = quoteStems(q.text);
      if (stems.size < MIN_QUOTE_WORDS) continue;
      items.push({ s, text: q.text, stems, speaker, label: q.speaker!.name });
    }
  }
  const clusters: (typeof items)[] = [];
  // A quote repeated word for word joins where its first copy went: only new wordings are compared.
  const byText = new Map<string, typeof items>();
  for (const item of items) {
    const home =
      byText.get(item.text) ??
      clusters.find((c) => {
        const first = c[0]!;
        // Speed only: the overlap is at most the smaller set over the larger (and so, rounded, too).
        if (Math.min(item.stems.size, first.stems.size) / Math.max(item.stems.size, first.stems.size) < SAME_QUOTE) return false;
        let inter = 0;
        for (const x of item.stems) if (first.stems.has(x)) inter++;
        return inter / (item.stems.size + first.stems.size - inter) >= SAME_QUOTE;
      });
    if (home) home.push(item);
    else clusters.push([item]);
    if (!byText.has(item.text)) byText.set(item.text, home ?? clusters.at(-1)!);
  }
  return clusters
    .filter((c) => new Set(c.map((i) => i.speaker)).size > 1)
    .map((c) => {
      const subject = `„${c[0]!.text.split(/\s+/).slice(0, 6).join(' ')}…”`;
      return c.map((i) => ({ slot: 'person' as const, key: i.speaker, label: i.label, subject, sentence: i.s, reported: i.s, citation: citationOf(i.s) }));
    });
}
