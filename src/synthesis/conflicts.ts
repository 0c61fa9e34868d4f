/**
 * Conflicts: one happening reported with different values of one slot by different sources. The
 * values come from slots.ts; this step pairs them and tells the kinds apart.
 *
 * 1. Values of one slot are grouped by identity (a place, a day, a figure: approximate values of one
 *    figure are one value, numbers.ts; a set of places).
 * 2. Two value groups are compared only within one happening: some pair of their sentences has
 *    compatible days (within HAPPENING_DAYS, an undated sentence standing for its article's day),
 *    compatible people (the smaller set of people named is inside the larger), and, for figures and
 *    lists, sentences about the same thing (CONTEXT_SIMILARITY). A meeting in Washington in May and
 *    one in Brussels in July, or the Irish pilots' strike and the cabin crew's, never meet.
 * 3. They conflict only when some article reports the first without the second and another the
 *    second without the first ("we wtorek lub w środę" is one source's uncertainty).
 * 4. The kind: `refinement` when one value lies inside the other (a city in its region, a day in its
 *    month; chains keep only direct links); `update` when the earlier value was only expected and a
 *    later report states the other — later by publication day where both are dated to the day,
 *    else by tense (all the first value's reports expected — hedged or with a future auxiliary —
 *    and not done, the second's done); a count describing a person ("matka czworga dzieci") is
 *    never updated;
 *    `dispute` when the second value's source denies the first (a denial in the sentence);
 *    else `contradiction`. Place lists conflict when each has a place the other lacks; a list that
 *    only adds places is an update when all of it is later, else no conflict (fewer details).
 *    Figures: two shares of one whole ("6 procent z 2400 lotów", "17 proc. z 2400") are compared
 *    however their sentences are worded, unless they add up to it (its two sides); figures of
 *    different places ("104 loty do i z Belgii", "22 loty z Holandii") are different measures, and
 *    so are a whole ("cała inwestycja … do ok. 13 mld euro") and a smaller figure not given as one.
 *    A range ("10-12 mld euro", ./conflicts-ranges.ts) is one value: a figure inside it, or one
 *    farther from it than it is wide, is none of its conflicts; a rate ("rocznie") meets only
 *    rates of its period (slots.ts `figureValues`) and is ordered by no publication day.
 * 5. Updates chain (a → b and b → c give a → c). Values that are no source's statement of the happening are left out (words in
 *    resources/<lang>/conflict-grammar.txt): the whole of a count ("190 z 2400 lotów" compares
 *    190 flights), a date read
 *    from the publication day ("dziś") or dating a statement ("powiedział we wtorek"), a speaker the
 *    sentence does not name, whereabouts in a relative clause about someone else ("Mulook, który
 *    … jest w Holandii"); and a sentence naming both of two exclusive places opposes neither.
 * 6. An expected happening a later report says did not or cannot take place ("opuści Pakistan" →
 *    "nie może opuścić Pakistanu") is an `event` update (src/synthesis/updates.ts): no slot value
 *    differs, the happening itself was overtaken.
 */
import type { Conflict, ConflictKind, ConflictSlot } from './types.ts';
import type { EpistemicStatus } from './input.ts';
import { containment, wordIndexAt, type SentenceFeatures, type StoryFeatures } from './features.ts';
import { synthesisLexicon, futureWords } from './resources.ts';
import { placeKey } from './places.ts';
import { APPROXIMATE_TOLERANCE, sameFigure, type Figure } from './numbers.ts';
import { conflictGrammar, durationValues, eventValues, facilityValues, figureValues, isLocalWhereabouts, WHOLE_GAP, listValues, paraphraseNameValues, personValues, whereaboutsValues, type SlotValue } from './slots.ts';
import { dayOf, normalisedText, periodOf, type SentenceGroup } from './claims.ts';
import { eventUpdates } from './updates.ts';
import { actDates, happeningDate, objectActDates } from './act-dates.ts';
import { asRange, beyondRange, isRange, sameAmount, withinRange } from './conflicts-ranges.ts';

export { placeKey } from './places.ts';

/**
 * Days apart at most for two reports to be of one happening. A strike's coverage runs from its
 * announcement a week before to the day after (BSNLP ryanair, July 2018: 18–26 July); different
 * meetings in a storyline are weeks or months apart.
 */
export const HAPPENING_DAYS = 14;
/**
 * Figures and lists compared only between sentences at least this alike (features.ts `containment`,
 * the shorter one's shared weight counting at CONTEXT_OVERLAP when they share CONTEXT_MIN_SHARED words).
 */
const CONTEXT_SIMILARITY = 0.2;
/**
 * Two rates of one unit and period ("13 mld euro rocznie", "rocznie 10-12 mld euro") already share
 * what a total's sentence must show by its words: what is counted and over what time. Where one of
 * them is an estimate given as a range (./conflicts-ranges.ts), the other sources' amounts are
 * estimates of the same, told in their own words ("wyrwę w unijnej kasie" / "lukę w budżecie
 * Unii"), so their sentences need share less. Two exact rates keep CONTEXT_SIMILARITY: a first
 * version without the range condition added a false alarm (docs/QUALITY.md, fifteenth round).
 */
const RATE_CONTEXT_SIMILARITY = 0.15;
const CONTEXT_OVERLAP = 0.8;
const CONTEXT_MIN_SHARED = 2;
export const DAY_MS = 86_400_000;

// Plain toLowerCase: Polish has no locale-specific casing (unlike Turkish), and the locale form is ~10× slower.
const lower = (s: string): string => s.toLowerCase();


/** When a sentence's happening is: its own time expression, else its article's publication date. */
function whenOf(s: SentenceFeatures): [number, number] | undefined {
  if (whenCache.has(s)) return whenCache.get(s);
  let when: [number, number] | undefined;
  for (const t of s.times) {
    when = periodOf(t.value);
    if (when) break;
  }
  when ??= periodOf(s.article.published?.value);
  whenCache.set(s, when);
  return when;
}

/** Periods and people are asked for every pair of values: computed once per sentence. */
const whenCache = new WeakMap<SentenceFeatures, [number, number] | undefined>();
const peopleCache = new WeakMap<SentenceFeatures, Set<string>>();

/** Periods within HAPPENING_DAYS of each other (or unknown). */
export function samePeriod(a: SentenceFeatures, b: SentenceFeatures): boolean {
  const pa = whenOf(a);
  const pb = whenOf(b);
  if (!pa || !pb) return true;
  const gap = Math.max(0, pa[0] - pb[1], pb[0] - pa[1]);
  return gap <= HAPPENING_DAYS * DAY_MS;
}

/**
 * Two date values are of one period when the dates themselves are: a sentence's first time may date
 * another of its acts ("uruchomiła procedurę … 29 marca ub.r. i powinna opuścić UE 29 marca 2019
 * roku"), and a date value is the time of its own happening.
 */
function sameDatePeriod(a: SlotValue, b: SlotValue): boolean {
  const pa = periodOf(a.key);
  const pb = periodOf(b.key);
  if (!pa || !pb) return samePeriod(a.reported, b.reported);
  return Math.max(0, pa[0] - pb[1], pb[0] - pa[1]) <= HAPPENING_DAYS * DAY_MS;
}

function peopleOf(s: SentenceFeatures): Set<string> {
  let people = peopleCache.get(s);
  if (!people) {
    people = new Set(s.mentions.filter((m) => m.type === 'PER').map((m) => m.key));
    peopleCache.set(s, people);
  }
  return people;
}

/**
 * A standing description: no time of its own and no past tense ("Nord Stream 2 to projekt … z
 * Wyborga w Rosji"): it says how things are, whatever day it was published.
 */
const timeless = (s: SentenceFeatures): boolean => s.times.length === 0 && !s.past;

/**
 * The spans of years a sentence gives ("w latach 2014-2020", "na lata 2021–2027"), which the time
 * layer does not read: a figure told over one is a total for the span, another measure than a figure
 * told over another span or none ("straciła już 40 mld funtów" vs "w latach 2014-2020 … 48,5 mld").
 */
function yearSpans(s: SentenceFeatures): string {
  let spans = spanCache.get(s);
  if (spans === undefined) {
    spans = [...s.sentence.text.matchAll(YEAR_SPAN)].filter((m) => Number(m[2]) > Number(m[1])).map((m) => `${m[1]}-${m[2]}`).sort().join(',');
    spanCache.set(s, spans);
  }
  return spans;
}

const YEAR_SPAN = /(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)/gu;
const spanCache = new WeakMap<SentenceFeatures, string>();

/**
 * Periods within HAPPENING_DAYS and one set of people inside the other. `standing`: two timeless
 * wordings of one description are compared whenever they were published.
 */
function sameHappening(a: SlotValue, b: SlotValue, standing = false): boolean {
  if (!(a.slot === 'date' ? sameDatePeriod(a, b) : samePeriod(a.reported, b.reported)) && !(standing && timeless(a.reported) && timeless(b.reported))) return false;
  if (a.slot === 'number' && yearSpans(a.reported) !== yearSpans(b.reported)) return false;
  // Two people named in one position are the values compared, not the happening's participants.
  const others = (v: SlotValue): Set<string> => (v.slot === 'person' ? new Set([...peopleOf(v.reported)].filter((p) => p !== a.key && p !== b.key)) : peopleOf(v.reported));
  const pa = others(a);
  const pb = others(b);
  const [small, large] = pa.size <= pb.size ? [pa, pb] : [pb, pa];
  if (small.size > 0 && ![...small].every((p) => large.has(p))) return false;
  return !overBefore(a, b) && !overBefore(b, a);
}

/**
 * A happening told as over by its article's day ("W minionym tygodniu strajkowali piloci w
 * Dublinie oraz personel pokładowy we Włoszech…", 3 August: past tense, stated, no time after the
 * article's day) is not the one another report dates after that day ("10 sierpnia mają
 * zastrajkować piloci w Belgii, Szwecji i Irlandii"): the sources tell two happenings, whatever
 * HAPPENING_DAYS allows between their days.
 */
function overBefore(done: SlotValue, other: SlotValue): boolean {
  const over = overBy(done);
  const dated = datedFrom(other.reported);
  return over !== undefined && dated !== undefined && dated > over;
}

/** The end of the day a value's happening is told as over by, if it is (`overBefore`), once per value. */
function overBy(v: SlotValue): number | undefined {
  if (!overCache.has(v)) overCache.set(v, overByOf(v));
  return overCache.get(v);
}
const overCache = new WeakMap<SlotValue, number | undefined>();

function overByOf(v: SlotValue): number | undefined {
  const s = v.reported;
  if (!s.past || v.sentence.epistemic === 'hedged') return undefined;
  const published = dayOf(s.article.published?.value);
  if (published === undefined || expected(v)) return undefined;
  const end = published + DAY_MS;
  return s.times.every((t) => (periodOf(t.value)?.[1] ?? Infinity) <= end) ? end : undefined;
}

/** Where a sentence's first time expression with a period begins (`overBefore`), once per sentence. */
function datedFrom(s: SentenceFeatures): number | undefined {
  if (!datedCache.has(s)) datedCache.set(s, s.times.map((t) => periodOf(t.value)).find((p) => p !== undefined)?.[0]);
  return datedCache.get(s);
}
const datedCache = new WeakMap<SentenceFeatures, number | undefined>();

/** What `sameHappening` and `related` read of a report: its wording and its article's date. */
const reportKey = (s: SentenceFeatures): string => `${normalisedText(s)}\u0000${s.article.published?.value ?? ''}`;

interface ValueGroup {
  readonly key: string;
  readonly label: string;
  /** The values' subject key (slots.ts): what pairs and chains compare. */
  readonly subject: string;
  readonly items: SlotValue[];
  readonly articles: Set<string>;
}

/** Groups by identity; figures of one unit within tolerance are one value (numbers.ts). */
function groupValues(values: readonly SlotValue[]): ValueGroup[] {
  const groups: ValueGroup[] = [];
  const byKey = new Map<string, ValueGroup>();
  for (const v of values) {
    let g = v.figure
      ? groups.find((x) => x.subject === v.subject && x.items[0]!.figure!.unit === v.figure!.unit && sameAmount(x.items[0]!.figure!, v.figure!))
      : byKey.get(v.key);
    if (!g) {
      g = { key: v.key, label: v.label, subject: v.subject, items: [], articles: new Set() };
      groups.push(g);
      byKey.set(v.key, g);
    }
    g.items.push(v);
    g.articles.add(v.sentence.article.id);
  }
  // The label most sources use ("600 lotów" over "ok. 600 lotów").
  return groups.map((g) => ({ ...g, label: mostCommon(g.items.map((i) => i.label)) }));
}

export function mostCommon(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0];
}

/**
 * Figures this many times apart count different things (the four flights cancelled at one airport,
 * not the 600 of the strike): a contradiction is between figures of one order of magnitude.
 */
const MAX_FIGURE_RATIO = 10;

function apart(a: ValueGroup, b: ValueGroup): boolean {
  const x = a.items[0]!.figure!.value;
  const y = b.items[0]!.figure!.value;
  return Math.max(x, y) > MAX_FIGURE_RATIO * Math.min(x, y) || (floors(a) && floors(b));
}

/**
 * Every report of the figure gives it as a floor ("ponad 5700 osób"): two floors both hold of any
 * count above the larger ("Petycję … podpisało ponad 5700 osób" and "… petycję podpisało ponad 1900
 * osób", two petitions), so neither contradicts nor updates the other.
 */
const floors = (g: ValueGroup): boolean => g.items.every((v) => v.figure!.bound === 'above');

/**
 * True when some article reports `a` without `b` and some other article `b` without `a`, and not
 * every one of them gives the other value too somewhere in its text (`states`): articles that each
 * give both figures report two measures, whichever of the two the slot reader kept.
 */
function disputed(a: ValueGroup, b: ValueGroup, states?: (article: string, g: ValueGroup) => boolean): boolean {
  const onlyA = [...a.articles].filter((x) => !b.articles.has(x));
  const onlyB = [...b.articles].filter((x) => !a.articles.has(x));
  if (onlyA.length === 0 || onlyB.length === 0) return false;
  return !states || onlyA.some((x) => !states(x, b)) || onlyB.some((x) => !states(x, a));
}

/**
 * Whether an article gives a group's figure in any claimable sentence: "63 proc. pytanych chce
 * pozostać w Unii" and, in the same article, "Największe poparcie … wśród studentów (65 proc.)" are
 * one writer's two figures, not two sources' one (the slot reader keeps only the larger of the two).
 */
function statesFigure(byArticle: ReadonlyMap<string, readonly Figure[]>): (article: string, g: ValueGroup) => boolean {
  return (article, g) => {
    if (g.articles.has(article)) return true;
    const f = g.items[0]!.figure;
    return f !== undefined && (byArticle.get(article) ?? []).some((h) => h.unit === f.unit && sameAmount(h, f));
  };
}

/**
 * What else two values' sentences must share to be about one happening; `paraphrase`: none, the
 * two are near-identical wordings (slots.ts paraphraseNameValues), and standing descriptions meet
 * across time.
 */
type Evidence = 'none' | 'paraphrase' | 'context' | 'people';

function related(x: SlotValue, y: SlotValue, idf: ReadonlyMap<string, number>, evidence: Evidence): boolean {
  if (evidence === 'none' || evidence === 'paraphrase') return true;
  const a = x.reported;
  const b = y.reported;
  const pa = peopleOf(a);
  const samePerson = [...peopleOf(b)].some((p) => pa.has(p));
  // A figure's sentences are about one thing when one mostly holds the other's words ("odwołał ok.
  // 400 lotów" inside "odwołano ponad 600 lotów, w tym z Polski"), or when they name the same person.
  if (evidence === 'context') {
    if (x.predicates && y.predicates) return [...x.predicates].some((p) => y.predicates!.has(p));
    if (x.whole && y.whole && sameFigure(x.whole, y.whole)) return !complementary(x.figure!, y.figure!, x.whole);
    // A whole and a smaller figure not given as one are its part and the whole, different measures
    // ("koszt położenia przyłączy … 3,1 mld euro" against "cała inwestycja … wzrośnie do ok. 13 mld euro").
    if (x.figure && y.figure) {
      const [tx, ty] = [givenAsWhole(x), givenAsWhole(y)];
      if (tx !== ty && (tx ? x : y).figure!.value > (tx ? y : x).figure!.value) return false;
    }
    // Figures of different places are different measures ("104 loty do i z Belgii", "22 loty z Holandii").
    const px = placeKeysOf(a, 'LOC');
    const py = placeKeysOf(b, 'LOC');
    if (px.size > 0 && py.size > 0 && ![...px].some((p) => [...py].some((q) => samePlaceName(p, q)))) return false;
    // Two standing descriptions of which one names an owner ("Ryanair lata w 37 krajach z 86 baz",
    // "Ryanair dysponuje 87 bazami") count one thing exactly when both name it, however few words
    // they share. "Airbus zatrudnia około 14 tys. osób" and "Brytyjskie fabryki zatrudniają ok. 6,3
    // tys. osób" (BMW's, named a sentence earlier) count two employers' staff, however alike the
    // words. Where neither names one (a forecast in the perfective future reads as present: "spadnie
    // o 300 osób") the words decide, as before.
    if (x.figure && y.figure && standingValue(x) && standingValue(y)) {
      // An owner named a sentence earlier only keeps two counts apart; it joins none.
      const [oa, ob] = [ownersOf(a), ownersOf(b)];
      if ((oa.size > 0 || ob.size > 0) && ![...oa].some((k) => ob.has(k))) return false;
      if (namesOwner(a) || namesOwner(b)) return sharesOwner(a, b);
    }
    const floor = x.rate !== undefined && x.rate === y.rate && (isRange(x.figure!) || isRange(y.figure!)) ? RATE_CONTEXT_SIMILARITY : CONTEXT_SIMILARITY;
    return samePerson || containment(a, b, idf, CONTEXT_OVERLAP, CONTEXT_MIN_SHARED) >= floor;
  }
  // Dates: the same people, positively ("rozmowy prezydentów" in Helsinki is not Trump's NATO meeting).
  return samePerson;
}

/**
 * Two place keys of one place: equal, or one the other's last word (a name written in part:
 * "Brytanii" for "Wielkiej Brytanii", keyed "bryt" and "wiel bryt").
 */
function samePlaceName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return !short.includes(' ') && long.endsWith(` ${short}`);
}

/** Stated as how things are: present tense, no time of its own, not expected (`timeless`, `expected`). */
const standingValue = (v: SlotValue): boolean => timeless(v.reported) && !expected(v);

/** Names that are no place: the owners a standing count may be of ("Ryanair", "Airbus"). */
const ownNames = (s: SentenceFeatures): Set<string> => new Set(s.mentions.filter((m) => m.type !== 'LOC').map((m) => m.key));
const namesOwner = (s: SentenceFeatures): boolean => s.mentions.some((m) => m.type !== 'LOC');

/** Whether two sentences name one owner of what they count: a name both give that is no place. */
function sharesOwner(a: SentenceFeatures, b: SentenceFeatures): boolean {
  return a.mentions.some((m) => m.type !== 'LOC' && b.mentions.some((n) => n.key === m.key));
}

/** The sentence before each sentence of its article, set per story by `findConflicts`. */
const previousSentence = new WeakMap<SentenceFeatures, SentenceFeatures>();

/**
 * The owners a standing count is of: the names its sentence gives, or, where it gives none, those of
 * the sentence before it in its article ("BMW ma też zakłady w Swindon i Hams Hall. Brytyjskie
 * fabryki zatrudniają ok. 6,3 tys. osób": BMW's staff, not Airbus's).
 */
function ownersOf(s: SentenceFeatures): Set<string> {
  const own = ownNames(s);
  if (own.size > 0) return own;
  const before = previousSentence.get(s);
  return before ? ownNames(before) : own;
}

/** Characters that end a clause before a figure: what stands before them qualifies another figure. */
const CLAUSE_BREAK = /[,;:()–—-]/gu;

/**
 * Whether a figure's own clause gives it as a whole (conflict-grammar.txt `total`: "a cała
 * inwestycja … wzrośnie do ok. 13 mld euro"); a word of another clause ("40 procent całkowitego
 * budżetu UE, czyli około 58 mld euro") does not.
 */
function givenAsWhole(v: SlotValue): boolean {
  const s = v.sentence;
  const { total } = conflictGrammar(s.language);
  const before = s.sentence.text.slice(0, v.figure!.start - s.sentence.start);
  const clauseStart = s.sentence.start + Math.max(-1, ...[...before.matchAll(CLAUSE_BREAK)].map((m) => m.index)) + 1;
  return s.words.some((w, i) => s.wordStarts[i]! >= clauseStart && s.wordStarts[i]! < v.figure!.start && (total.has(w) || total.has(lower(s.lemmas[i] ?? ''))));
}

/**
 * Whether some pair of the two groups' reports is of one happening. `exclusive`: values that cannot
 * both hold (two places neither inside the other), so a sentence naming both ("w Brukseli" and
 * "wyjścia W. Brytanii") opposes neither.
 */
function comparable(a: ValueGroup, b: ValueGroup, idf: ReadonlyMap<string, number>, evidence: Evidence, exclusive = false): boolean {
  // Values reported by the same wording on the same day decide alike (syndicated copies): each
  // such pair is looked at once.
  const seen = new Set<string>();
  for (const x of a.items) {
    for (const y of b.items) {
      const pair = `${reportKey(x.reported)}\u0001${reportKey(y.reported)}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      // Copies of one sentence ("W ubiegłą środę … Tusk poinformował" published on two days) tell
      // one thing: a day word read from each copy's publication day sets no two dates.
      if (normalisedText(x.reported) === normalisedText(y.reported)) continue;
      if (exclusive && (placeKeysOf(x.sentence).has(b.key) || placeKeysOf(y.sentence).has(a.key))) continue;
      if (sameHappening(x, y, evidence === 'paraphrase') && related(x, y, idf, evidence)) return true;
    }
  }
  return false;
}

/** Publication days of a value's reports, when every one is dated to the day. */
function reportDays(g: ValueGroup): number[] | undefined {
  const days = g.items.map((i) => dayOf(i.reported.article.published?.value));
  return days.every((d) => d !== undefined) ? (days as number[]) : undefined;
}

/** Reported as done: a past-tense statement that is not hedged, or a plain statement in an article that reports the happening done. */
function done(v: SlotValue, doneArticles: ReadonlySet<string>): boolean {
  const s = v.reported;
  if (s.epistemic === 'hedged' || v.sentence.epistemic === 'hedged') return false;
  return s.past || doneArticles.has(s.article.id);
}

/**
 * How two values may be ordered: `paraphrase`, two wordings of one description (publication days
 * order no standing description); `growing`, a list that may grow (a tie day is allowed).
 */
interface Ordering {
  readonly paraphrase?: boolean;
  readonly growing?: boolean;
}

/** Whether `later` supersedes `earlier` (the module comment, step 4). */
function supersedes(earlier: ValueGroup, later: ValueGroup, doneArticles: ReadonlySet<string>, { paraphrase = false, growing = false }: Ordering = {}): boolean {
  // A person described by a count ("matka czworga dzieci", days later "matka pięciorga dzieci")
  // has not changed in between: the sources disagree.
  if ([...earlier.items, ...later.items].every(describesPerson)) return false;
  const de = reportDays(earlier);
  const dl = reportDays(later);
  // Two wordings of one standing description ("X to projekt … z Wyborga") are not ordered by the
  // days they were published: a later one corrects nothing an earlier one expected.
  // Nor are two counts told as standing descriptions ("Ryanair lata w 37 krajach z 86 baz", two
  // days later "Ryanair dysponuje 87 bazami"): a count said to be so, not to have changed.
  const all = [...earlier.items, ...later.items];
  // Nor are rates ("13 mld euro rocznie", a week later "rocznie 10-12 mld euro"): an amount per
  // period is said to be so, as a standing count is, whatever was published first.
  const standing = paraphrase ? all.every((i) => timeless(i.reported)) : all.every((i) => (i.figure !== undefined && standingValue(i) && namesOwner(i.reported)) || i.rate !== undefined);
  if (de && dl && !standing) {
    // A finished period told in the past tense by both ("spędziła osiem lat", then "spędziła 10
    // lat") cannot have grown since: the later report contradicts the earlier, unlike a running
    // count ("odwołał już 6 procent", later 17) or an announced list that spreads.
    // Only the reports of the verb both tell count: "spędziła dziewięć lat" against "spędziła osiem
    // lat", whatever a third wording ("przez dziewięć lat przetrzymywanej") says beside them.
    const toldPast = (g: ValueGroup, other: ValueGroup): boolean => {
      const verbs = new Set(other.items.flatMap((i) => [...(i.predicates ?? [])]));
      const shared = g.items.filter((i) => i.predicates !== undefined && [...i.predicates].some((p) => verbs.has(p)));
      return shared.length > 0 && shared.every((i) => i.reported.past && i.sentence.epistemic !== 'hedged');
    };
    const bothDone = toldPast(earlier, later) && toldPast(later, earlier);
    const stated = !bothDone && later.items.some((i) => i.sentence.epistemic !== 'hedged');
    const [firstE, lastE, firstL, lastL] = [Math.min(...de), Math.max(...de), Math.min(...dl), Math.max(...dl)];
    if (lastE < firstL) return stated;
    // A list that grows: the day the longer list first appears may still carry the shorter one (a
    // slower outlet) when the shorter began earlier and is not reported after that day.
    if (growing && lastE === firstL && firstE < firstL && lastE < lastL) return stated;
    if (lastE !== firstL) return false;
  }
  // Told on one day, an earlier value is only overtaken where it was an expectation (hedged: "ma się
  // spotkać"; or with a future auxiliary: "zostanie odwołanych"): a present or perfective statement
  // ("Ryanair lata w 37 krajach", "dotkną 100 tys. pasażerów") is one source's figure against another's.
  return earlier.items.every((i) => !done(i, doneArticles) && expected(i)) && later.items.some((i) => done(i, doneArticles));
}

/** A count right after a noun describing a person by it (conflict-grammar.txt `standing-noun`). */
function describesPerson(v: SlotValue): boolean {
  if (!v.figure) return false;
  const s = v.sentence;
  const k = wordIndexAt(s, v.figure!.start);
  return k > 0 && conflictGrammar(s.language).standingNouns.has(lower(s.lemmas[k - 1]!));
}

/** Hedged, or told with a future auxiliary (resources/<lang>/synthesis-future.txt). */
function expected(v: SlotValue): boolean {
  const s = v.reported;
  if (s.epistemic === 'hedged' || v.sentence.epistemic === 'hedged') return true;
  const future = futureWords(s.language);
  return s.words.some((w) => future.has(w));
}

/** A conflict as found, with the subject key its values compared by (slots.ts `subject`), dropped before the report. */
type Found = Conflict & { readonly topic?: string; readonly figures?: readonly Figure[] };

function toConflict(slot: ConflictSlot, kind: ConflictKind, pair: readonly ValueGroup[], states?: readonly ('superseded' | 'current')[]): Found {
  return {
    slot,
    // A reader's word ("km", "gazociąg"), never an internal key ("kilome", "place").
    subject: pair.some((g) => g.items.some((i) => i.shown)) ? mostCommon(pair.flatMap((g) => g.items.flatMap((i) => i.shown ?? []))) : pair[0]!.subject,
    topic: pair[0]!.subject,
    ...(pair.every((g) => g.items[0]!.figure) && { figures: pair.map((g) => g.items[0]!.figure!) }),
    kind,
    values: pair.map((g, i) => {
      const unique = new Map<string, SlotValue>();
      for (const v of g.items) unique.set(`${v.citation.article}:${v.citation.start}`, v);
      const items = [...unique.values()];
      return {
        value: g.label,
        citations: items.map((v) => v.citation),
        epistemic: items.map((v): EpistemicStatus => v.sentence.epistemic),
        ...(states && { state: states[i]! }),
      };
    }),
  };
}

/** Contradiction, update or dispute for two groups that cannot both hold. */
function opposed(slot: ConflictSlot, a: ValueGroup, b: ValueGroup, doneArticles: ReadonlySet<string>, ordering: Ordering = {}): Conflict {
  if (supersedes(a, b, doneArticles, ordering)) return toConflict(slot, 'update', [a, b], ['superseded', 'current']);
  if (supersedes(b, a, doneArticles, ordering)) return toConflict(slot, 'update', [b, a], ['superseded', 'current']);
  const denies = (g: ValueGroup): boolean => g.items.some((i) => i.sentence.epistemic === 'denied');
  if (denies(b) && !denies(a)) return toConflict(slot, 'dispute', [a, b]);
  if (denies(a) && !denies(b)) return toConflict(slot, 'dispute', [b, a]);
  return toConflict(slot, 'contradiction', [a, b]);
}

interface PairingContext {
  readonly idf: ReadonlyMap<string, number>;
  readonly doneArticles: ReadonlySet<string>;
  /** Figures of each article's claimable sentences, by article id (`statesFigure`). */
  readonly figures: ReadonlyMap<string, readonly Figure[]>;
}

function pairConflicts(
  slot: ConflictSlot,
  values: readonly SlotValue[],
  ctx: PairingContext,
  contains: (outer: ValueGroup, inner: ValueGroup) => boolean,
  evidence: Evidence,
  regions: ReadonlySet<string> = new Set(),
): Conflict[] {
  const groups = groupValues(values);
  const out: Conflict[] = [];
  // Values said of another happening (slots.ts `aside`) count only for which articles name a value.
  const own = (g: ValueGroup): ValueGroup => (g.items.some((v) => v.aside) ? { ...g, items: g.items.filter((v) => !v.aside) } : g);
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (slot === 'number' && (groups[i]!.subject !== groups[j]!.subject || apart(groups[i]!, groups[j]!) || withinRange(groups[i]!.items[0]!.figure!, groups[j]!.items[0]!.figure!) || beyondRange(groups[i]!.items[0]!.figure!, groups[j]!.items[0]!.figure!))) continue;
      if (slot === 'date' && datesApart(groups[i]!.key, groups[j]!.key)) continue;
      // One place written in full and in part ("Europy" and "XXI Europy", a modifier read into the name) is no second place.
      if (slot === 'place' && samePlaceName(groups[i]!.key, groups[j]!.key)) continue;
      if (!disputed(groups[i]!, groups[j]!, slot === 'number' ? statesFigure(ctx.figures) : undefined)) continue;
      const a = own(groups[i]!);
      const b = own(groups[j]!);
      if (a.items.length === 0 || b.items.length === 0) continue;
      if (slot === 'date' && (!a.items.some(happeningDate) || !b.items.some(happeningDate))) continue;
      const [outer, inner] = contains(a, b) ? [a, b] : contains(b, a) ? [b, a] : [undefined, undefined];
      if (!comparable(a, b, ctx.idf, evidence, slot === 'place' && !outer)) continue;
      if (!outer || !inner) {
        // A region of the story ("Pendżab", which holds Multan) may hold the other place too.
        if (regions.has(a.key) || regions.has(b.key)) continue;
        out.push(opposed(slot, a, b, ctx.doneArticles, { paraphrase: evidence === 'paraphrase' }));
        continue;
      }
      // A chain city ⊂ region ⊂ country keeps only its direct links.
      const implied = groups.some((m) => m !== outer && m !== inner && contains(outer, m) && contains(m, inner));
      if (!implied) out.push(toConflict(slot, 'refinement', [inner, outer]));
    }
  }
  return out;
}

/**
 * Sources that disagree on the date of one happening disagree by days ("17 lipca" vs "18 lipca");
 * dates this far apart are two happenings (the talks on 20 March and the exit on 29 March 2019).
 */
const MAX_DATE_CONFLICT_DAYS = 31;

/** Whether two date keys ("2018-03-20", "2019-03", "2019") begin more than MAX_DATE_CONFLICT_DAYS apart. */
export function datesApart(a: string, b: string): boolean {
  const start = (key: string): number | undefined => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(key);
    return m ? Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) : undefined;
  };
  const x = start(a);
  const y = start(b);
  if (x === undefined || y === undefined) return false;
  // A year or month contains its days: "2019" and "2019-03-29" are no two happenings.
  if (a.startsWith(b) || b.startsWith(a)) return false;
  return Math.abs(x - y) > MAX_DATE_CONFLICT_DAYS * 86_400_000;
}

/**
 * Lists an article restates more fully: "z pięciu krajów: Hiszpanii, Belgii, Portugalii i Holandii"
 * (a name lost to a typo) beside the article's full list of five is the same article's partial
 * restatement, not a second report. Lists inside a larger list of their own article are left out.
 */
function fullestLists(values: readonly SlotValue[]): SlotValue[] {
  const byArticle = new Map<string, SlotValue[]>();
  for (const v of values) byArticle.set(v.sentence.article.id, [...(byArticle.get(v.sentence.article.id) ?? []), v]);
  return values.filter((v) => !byArticle.get(v.sentence.article.id)!.some((o) => o.places!.length > v.places!.length && v.places!.every((p) => o.places!.includes(p))));
}

/**
 * Place lists, those given as examples ("m.in.") left out. Against the most widely reported list, both-way differences conflict ("Hiszpania,
 * Portugalia, Belgia" vs "Belgia, Portugalia, Holandia") when the sentences are about one thing.
 * Between any two lists, one wholly inside a longer one reported later is an update: a strike that
 * spreads ("w Irlandii, Szwecji i Belgii" on one day, "w Niemczech, Belgii, Szwecji i Irlandii"
 * the next); three or more shared places (MIN_UPDATED_LIST), more than half of the longer list,
 * within HAPPENING_DAYS are the happening's evidence. A longer list reported alongside or before
 * is only a fuller one (fewer details, no conflict).
 */
/**
 * Places a list must name to be updated by a longer one: two places are mostly examples picked
 * from a longer list ("najwięcej w Niemczech, w Belgii ponad 100"; "z Barcelony i Alicante").
 */
const MIN_UPDATED_LIST = 3;

/** A list given as examples ("m.in. Polska, Ukraina i USA"): conflict-grammar.txt `partial`. */
function examplesOnly(v: SlotValue): boolean {
  const s = v.sentence;
  const { partial } = conflictGrammar(s.language);
  return s.words.some((_, i) => partial.some((p) => p.every((w, k) => s.words[i + k] === w)));
}

/**
 * Every one of `keys` is named in the value's sentence, outside its list too (a place or one inside
 * it: "strajkowali piloci w Dublinie oraz personel we Włoszech, Hiszpanii…" names Ireland).
 */
function namesAll(v: SlotValue, keys: readonly string[], ancestors: (key: string) => Set<string>): boolean {
  const named = new Set<string>();
  for (const k of placeKeysOf(v.sentence)) {
    named.add(k);
    for (const a of ancestors(k)) named.add(a);
  }
  return keys.every((k) => named.has(k));
}

function listConflicts(values: readonly SlotValue[], ctx: PairingContext, ancestors: (key: string) => Set<string>): Conflict[] {
  const groups = groupValues(fullestLists(values).filter((v) => !examplesOnly(v))).sort((a, b) => b.articles.size - a.articles.size);
  const out: Conflict[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]!;
      const b = groups[j]!;
      if (!disputed(a, b)) continue;
      const ap = a.items[0]!.places!;
      const bp = b.items[0]!.places!;
      // Lists of one happening share places; "Wielka Brytania, Irlandia" is another strike's.
      if (!ap.some((p) => bp.includes(p))) continue;
      const onlyA = ap.filter((p) => !bp.includes(p));
      const onlyB = bp.filter((p) => !ap.includes(p));
      if (onlyA.length > 0 && onlyB.length > 0) {
        // A list is partial where its own sentence names the other's extra places beside it: only
        // sentences that leave them out disagree.
        const a2 = { ...a, items: a.items.filter((v) => !namesAll(v, onlyB, ancestors)) };
        const b2 = { ...b, items: b.items.filter((v) => !namesAll(v, onlyA, ancestors)) };
        if (i === 0 && a2.items.length > 0 && b2.items.length > 0 && comparable(a2, b2, ctx.idf, 'context')) out.push(opposed('place', a, b, ctx.doneArticles));
        continue;
      }
      const [small, large] = onlyB.length > 0 ? [a, b] : [b, a];
      // A list grows by a few places; three of ten member states are another list's.
      const [fewer, more] = [small.items[0]!.places!.length, large.items[0]!.places!.length];
      if (fewer < MIN_UPDATED_LIST || 2 * fewer <= more) continue;
      if (supersedes(small, large, ctx.doneArticles, { growing: true }) && comparable(small, large, ctx.idf, 'none')) {
        out.push(toConflict('place', 'update', [small, large], ['superseded', 'current']));
      }
    }
  }
  return out;
}

/** Whereabouts of the main person: a conflict only where a source denies another's account. */
function whereaboutsConflicts(values: readonly SlotValue[], ctx: PairingContext): Conflict[] {
  const groups = groupValues(values);
  const out: Conflict[] = [];
  for (const denial of groups.filter((g) => g.items.some((i) => i.sentence.epistemic === 'denied'))) {
    for (const other of groups) {
      if (other === denial || !disputed(denial, other) || !comparable(denial, other, ctx.idf, 'none')) continue;
      // "w bezpieczne miejsce" or "więzienie" against "Pakistan": the place may be in that country.
      const language = denial.items[0]!.sentence.language;
      if (isLocalWhereabouts(denial.label, language) || isLocalWhereabouts(other.label, language)) continue;
      out.push(toConflict('place', 'dispute', [other, denial]));
    }
  }
  return out;
}

const isCountry = (entityKey: string): boolean => entityKey.startsWith('geo-');

/**
 * Ancestors of a place, by place key: the resource's containment plus "A w B" written in the story
 * ("Bajkonuru w Kazachstanie").
 */
function placeAncestors(features: StoryFeatures): { ancestors: (key: string) => Set<string>; regions: ReadonlySet<string> } {
  const parents = new Map<string, Set<string>>();
  // Places the story writes as holding another ("w Multan w Pendżabie"): regions of its own.
  const regions = new Set<string>();
  const link = (child: string, parent: string): void => {
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  };
  for (const s of features.sentences) {
    const { placePrepositions } = synthesisLexicon(s.language);
    const places = s.mentions.filter((m) => m.type !== 'PER');
    for (let i = 0; i + 1 < places.length; i++) {
      const gap = s.sentence.text.slice(places[i]!.end - s.sentence.start, places[i + 1]!.start - s.sentence.start).trim();
      if (!placePrepositions.has(lower(gap))) continue;
      // A country lies in no other country: "wizyty sekretarza stanu USA w Rosji" is a visit, and
      // countries carry the entity layer's country keys (src/analysis/entities/gazetteer.ts).
      if (isCountry(places[i]!.key) && isCountry(places[i + 1]!.key)) continue;
      const parent = placeKey(places[i + 1]!.base, s.language);
      link(placeKey(places[i]!.base, s.language), parent);
      regions.add(parent);
    }
  }
  const language = features.sentences[0]?.language ?? 'pl';
  for (const [child, parent] of synthesisLexicon(language).placeParents) link(placeKey(child, language), placeKey(parent, language));
  const ancestors = (key: string): Set<string> => {
    const out = new Set<string>();
    const queue = [key];
    while (queue.length > 0) {
      for (const p of parents.get(queue.pop()!) ?? []) {
        if (out.has(p)) continue;
        out.add(p);
        queue.push(p);
      }
    }
    return out;
  };
  return { ancestors, regions };
}

function bySubject(values: readonly SlotValue[]): SlotValue[][] {
  const groups = new Map<string, SlotValue[]>();
  for (const v of values) {
    const group = groups.get(v.subject);
    if (group) group.push(v);
    else groups.set(v.subject, [v]);
  }
  return [...groups.values()];
}

function dateContains(outer: string, inner: string): boolean {
  return inner.length > outer.length && inner.startsWith(outer);
}

/**
 * Articles that report the story's happening as done: a plain past-tense sentence naming it
 * ("Na spotkanie dyktator przyjechał…", "odwołano 250 lotów"). Their plain present-tense sentences
 * ("Wostocznyj to kosmodrom…") then describe the happening as it was, not as expected.
 */
function doneArticles(features: StoryFeatures): Set<string> {
  const out = new Set<string>();
  for (const s of features.sentences) {
    if (!s.past || s.epistemic === 'hedged') continue;
    const { eventWords } = synthesisLexicon(s.language);
    if (s.words.some((w) => eventWords.some((stem) => w.startsWith(stem)))) out.add(s.article.id);
  }
  return out;
}


/**
 * A figure that is the whole of a count before it ("190 z 2400 lotów", "niecałe 200 z łącznie
 * ponad 2400 swych lotów") counts all of the day's flights, not those of the happening: the value
 * compared is the count, in the whole's unit ("190 lotów"). `undefined` keeps the figure as it is;
 * `null` drops it (a whole after a count that is no figure).
 */
function asPart(v: SlotValue): SlotValue | null | undefined {
  const s = v.sentence;
  const { wholeOf, partOf, respectively, shareUnits } = conflictGrammar(s.language);
  // Figures given to different things in turn ("o 100 i 200 osób, odpowiednio") count none of them.
  if (s.words.some((w) => respectively.has(w))) return null;
  const k = wordIndexAt(s, v.figure!.start);
  for (let j = k - 1; j >= Math.max(1, k - 1 - WHOLE_GAP); j--) {
    if (!wholeOf.has(s.words[j]!)) continue;
    const end = s.wordStarts[j - 1]! + s.surfaces[j - 1]!.length;
    const count = s.figures.find((f) => f.end === end && f.unit === '');
    // "na wielu z 37 rynków": a quantifier's whole, no value.
    if (!count && partOf.has(s.words[j - 1]!)) return null;
    // The whole of a share ("6 procent z ponad 2400 lotów"): the share is the value (wholeAfter).
    // A count of another thing that is a preposition's object ("lata w 37 krajach z 86 baz": the
    // bases the flights start from) has no whole after it: the figure stays a value of its own.
    // Without the preposition "z" may still open a whole of another unit ("30 osób spośród 3 tys.
    // pracowników").
    const before = s.figures.find((f) => f.end === end);
    const governed = before !== undefined && synthesisLexicon(s.language).placePrepositions.has(s.words[wordIndexAt(s, before.start) - 1] ?? '');
    if (before && governed && before.unit !== '' && before.unit !== v.figure!.unit && !shareUnits.has(before.unit)) return undefined;
    if (!count) return /^\d/u.test(s.words[j - 1]!) || before ? null : undefined;
    const unitWord = v.figure!.text.split(/\s+/u).at(-1)!;
    const figure = { ...count, unit: v.figure!.unit, text: `${count.text} ${unitWord}` };
    return { ...v, key: `${figure.unit}:${figure.value}`, label: figure.text, figure };
  }
  return undefined;
}

/** A figure that ends a range ("10-12 mld euro") as the range (./conflicts-ranges.ts). */
function ranged(v: SlotValue): SlotValue {
  const figure = asRange(v.sentence, v.figure!);
  return figure === v.figure ? v : { ...v, figure, key: `${figure.unit}:${figure.text}`, label: figure.text };
}

/**
 * A share with its whole: "6 procent z ponad 2400 lotów", "17 proc. z łącznie ponad 2400
 * rozkładowych lotów". Two shares of one whole measure the same thing, however differently the
 * sentences around them are worded (`related`).
 */
function withWhole(v: SlotValue): SlotValue {
  const s = v.sentence;
  const { wholeOf } = conflictGrammar(s.language);
  const after = wordIndexAt(s, v.figure!.end);
  if (after < 0 || !wholeOf.has(s.words[after]!)) return v;
  const limit = s.wordStarts[Math.min(s.words.length - 1, after + 1 + WHOLE_GAP)]!;
  const whole = s.figures.find((f) => f.start > s.wordStarts[after]! && f.start <= limit && f.unit !== '');
  return whole ? { ...v, whole } : v;
}

/**
 * Two counts of one whole that add up to it are its two sides ("2150 z 2400 lotów odbędzie się",
 * "250 lotów z 2400 odwołano"), not two reports of one count.
 */
function complementary(a: Figure, b: Figure, whole: Figure): boolean {
  return a.unit === b.unit && Math.abs(a.value + b.value - whole.value) <= APPROXIMATE_TOLERANCE * whole.value;
}

/**
 * Whether the text at `offset` stands in a clause opened by a relative pronoun: the clause starts
 * after the nearest comma, dash or bracket, and one of its first two words is the pronoun.
 */
function inRelativeClause(s: SentenceFeatures, offset: number): boolean {
  const before = s.sentence.text.slice(0, offset - s.sentence.start);
  const cut = Math.max(...[...',;:()–—'].map((c) => before.lastIndexOf(c)));
  if (cut < 0) return false;
  const { relatives } = conflictGrammar(s.language);
  return (before.slice(cut + 1).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 2).some((w) => relatives.has(w));
}

/** Whereabouts said of someone else, in a relative clause ("Mulook, który … jest w Holandii"). */
function describesAnother(v: SlotValue): boolean {
  const s = v.sentence;
  const m = s.mentions.find((x) => x.base === v.label) ?? s.mentions.find((x) => placeKey(x.base, s.language) === v.key);
  const at = m?.start ?? s.wordStarts[s.lemmas.findIndex((l) => l.startsWith(v.label.slice(0, 5)))];
  return at !== undefined && inRelativeClause(s, at);
}

/**
 * Whether a speaker value is named in its own sentence: a speaker the quote layer resolved from
 * elsewhere (a role, an earlier sentence, a wrong guess) is the engine's reading, not the source's.
 */
function namedInSentence(v: SlotValue): boolean {
  return lower(v.sentence.sentence.text).includes(v.key);
}

/** Place keys a sentence names: any name but a person's (the entity layer may type a city as an organisation), or locations only. */
const placeKeysCache = { any: new WeakMap<SentenceFeatures, Set<string>>(), LOC: new WeakMap<SentenceFeatures, Set<string>>() };
function placeKeysOf(s: SentenceFeatures, only: 'any' | 'LOC' = 'any'): Set<string> {
  const cache = placeKeysCache[only];
  let keys = cache.get(s);
  if (!keys) {
    keys = new Set(s.mentions.filter((m) => (only === 'LOC' ? m.type === 'LOC' : m.type !== 'PER')).map((m) => placeKey(m.base, s.language)));
    cache.set(s, keys);
  }
  return keys;
}

/**
 * Updates chain: a forecast overtaken by a first count, itself overtaken by the count on the day
 * ("ponad 600 lotów" → 190 → 250), is overtaken by the last one too, even where the two reports
 * share too few words to be compared directly.
 */
function chainUpdates(conflicts: readonly Conflict[]): Conflict[] {
  const updates = conflicts.filter((c) => c.kind === 'update');
  const paired = (a: string, b: string): boolean => conflicts.some((c) => c.values.some((v) => v.value === a) && c.values.some((v) => v.value === b));
  const out = [...conflicts];
  for (const first of updates) {
    for (const second of updates) {
      const topic = (c: Found): string => c.topic ?? c.subject;
      if (first === second || first.slot !== second.slot || topic(first) !== topic(second)) continue;
      const [earliest, middle] = first.values;
      const [middle2, latest] = second.values;
      if (middle!.value !== middle2!.value || earliest!.value === latest!.value || paired(earliest!.value, latest!.value)) continue;
      // A figure inside the other's range ("13" in "12-15 mld euro") is no disagreement, chained or not.
      const [from, to] = [(first as Found).figures?.[0], (second as Found).figures?.[1]];
      if (from && to && withinRange(from, to)) continue;
      out.push({ ...first, values: [earliest!, latest!], ...((first as Found).figures && to && { figures: [(first as Found).figures![0]!, to] }) });
    }
  }
  return out;
}

/** One conflict found through several pairs of sentences (the same two values, the same kind, a contradiction's in either order) is reported once, citing them all. */
function mergeSame(conflicts: readonly Conflict[]): Conflict[] {
  const byKey = new Map<string, Conflict>();
  for (const found of conflicts) {
    // A contradiction has no order: "Wyborg vs Ust-Ługa" found through one pair of sentences and
    // "Ust-Ługa vs Wyborg" through another are one conflict.
    const c = found.kind === 'contradiction' && found.values.length === 2 && found.values[0]!.value > found.values[1]!.value ? { ...found, values: [found.values[1]!, found.values[0]!] } : found;
    const key = [c.slot, c.kind, ...c.values.map((v) => `${v.value}\u0000${v.state ?? ''}`)].join('\u0001');
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, c);
      continue;
    }
    byKey.set(key, {
      ...seen,
      values: seen.values.map((v, i) => {
        const more = c.values[i]!;
        const citations = [...v.citations];
        const epistemic = [...v.epistemic];
        more.citations.forEach((cit, k) => {
          if (citations.some((x) => x.article === cit.article && x.start === cit.start)) return;
          citations.push(cit);
          epistemic.push(more.epistemic[k]!);
        });
        return { ...v, citations, epistemic };
      }),
    });
  }
  return [...byKey.values()];
}

/**
 * At most this many conflicts per slot, the best supported first: a single-event story has few
 * competing values (the seeds: 4 place pairs), while a loose multi-event cluster (BSNLP's
 * month-long "brexit" topic gave 90 place pairs, 2026-11) would bury the real dispute in noise.
 */
const MAX_CONFLICTS_PER_SLOT = 6;

function support(c: Conflict): number {
  const articles = c.values.map((v) => new Set(v.citations.map((x) => x.article)).size);
  return Math.min(...articles) * 100 + articles.reduce((a, b) => a + b, 0);
}

const KIND_ORDER: Readonly<Record<ConflictKind, number>> = { dispute: 0, contradiction: 1, update: 2, refinement: 3 };

/** Conflicts over the story's places, dates, figures and quoted people, disputes and contradictions first. */
/** Near-identical sentences of one claim that differ in a place (a route: "z Wyborga" vs "z Ust-Ługi"). */
const PARAPHRASE_SIMILARITY = 0.5;

export function findConflicts(features: StoryFeatures, groups: readonly SentenceGroup[]): Conflict[] {
  for (const list of features.byArticle) list.forEach((s, i) => i > 0 && previousSentence.set(s, list[i - 1]!));
  const figures = new Map<string, Figure[]>();
  for (const s of features.sentences) if (s.claimable && s.figures.length > 0) figures.set(s.article.id, [...(figures.get(s.article.id) ?? []), ...s.figures.map((f) => asRange(s, f))]);
  const ctx: PairingContext = { idf: features.idf, doneArticles: doneArticles(features), figures };
  const events = eventValues(features);
  const { ancestors, regions } = placeAncestors(features);
  const placeContains = (outer: ValueGroup, inner: ValueGroup): boolean => ancestors(inner.key).has(outer.key);
  const conflicts = [
    ...pairConflicts('place', events.filter((v) => v.slot === 'place'), ctx, placeContains, 'none'),
    ...mergeSame(paraphraseNameValues(groups, features.idf, PARAPHRASE_SIMILARITY).flatMap((pair) => pairConflicts('place', pair, ctx, placeContains, 'paraphrase'))),
    ...pairConflicts('place', facilityValues(features), ctx, placeContains, 'none', regions),
    ...listConflicts(listValues(features), ctx, ancestors),
    ...whereaboutsConflicts(whereaboutsValues(features).filter((v) => !describesAnother(v)), ctx),
    ...pairConflicts('date', events.filter((v) => v.slot === 'date'), ctx, (o, i) => dateContains(o.key, i.key), 'people'),
    ...mergeSame(bySubject(actDates(features)).flatMap((values) => pairConflicts('date', values, ctx, (o, i) => dateContains(o.key, i.key), 'none'))),
    ...mergeSame(bySubject(objectActDates(features)).flatMap((values) => pairConflicts('date', values, ctx, (o, i) => dateContains(o.key, i.key), 'none'))),
    ...pairConflicts('number', figureValues(features, samePeriod).flatMap((v) => {
      const value = ranged(v);
      const part = asPart(value);
      return part === null ? [] : [withWhole(part ?? value)];
    }), ctx, () => false, 'context'),
    ...pairConflicts('number', durationValues(features), ctx, () => false, 'context'),
    ...personValues(features).flatMap((list) => pairConflicts('person', list.filter(namedInSentence), ctx, () => false, 'none')),
    ...mergeSame(paraphraseNameValues(groups, features.idf, PARAPHRASE_SIMILARITY, 'person').flatMap((pair) => pairConflicts('person', pair, ctx, () => false, 'paraphrase'))),
    ...eventUpdates(features),
  ];
  const kept: Conflict[] = [];
  for (const slot of ['place', 'date', 'number', 'person', 'event'] as const) {
    const ofSlot = chainUpdates(conflicts.filter((c) => c.slot === slot));
    kept.push(...ofSlot.sort((a, b) => support(b) - support(a)).slice(0, MAX_CONFLICTS_PER_SLOT));
  }
  return kept.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).map(({ topic: _topic, figures: _figures, ...c }: Found): Conflict => c);
}
