/**
 * Claims: sentences from different articles that state the same thing, every article that states
 * it cited, and nothing that only shares the topic.
 *
 * A sentence takes part as one or more units: one for its wording, and one per figure ("600 lotów")
 * or list of places ("Hiszpania, Portugalia, Belgia") it states, because one sentence often carries
 * two facts ("odwołuje 600 lotów, a konsekwencje dotkną 50 tys. pasażerów") and each fact's claim
 * must cite it.
 * 1. Identical sentences (syndicated copies) are one unit at once; only one of them takes part in
 *    the pairwise steps, which keeps the cost proportional to distinct sentences.
 * 2. Figure and list units join their own kind: the same figure of the same unit (approximate values
 *    within tolerance: numbers.ts), or the same set of places, in a sentence that is about the same
 *    thing at least a little (CONTEXT_SIMILARITY) and with aligned dates; units met on a day, a
 *    meeting or a list of places must not state other numbers of one unit either.
 * 3. Wording units join by similarity (idf-weighted stems and entity keys, candidate pairs from an
 *    inverted index, not all pairs) when numbers, dates, places and polarity agree: "100 tys.
 *    pasażerów" and "50 tys." never meet, nor "dziesiątki tysięcy osób" and "100 tys. osób", nor
 *    "nie zgadzają się na X" and "chcą X". Two sentences
 *    that already share a figure meet through it, not again through their wording.
 * 4. Joining is greedy, best first, and a claim holds at most one sentence per article (an article
 *    states a fact once, and the rule stops chains "A≈B≈C" from gluing a story into one claim); a
 *    wording merge also needs the two groups to be similar on average, not only at one pair.
 * 5. The same joining runs at two mean similarities (`groupClaimsAt`): the report lists and cites the
 *    looser claims, the summary ranks the stricter ones (CITATION_GROUP_SIMILARITY).
 * Status is decided later (status.ts), once conflicts are known.
 */
import { MIN_SHARED_WORDS, claimWeights, containment, containmentOf, similarity, stemOf, type SentenceFeatures, type StoryFeatures } from './features.ts';
import { loadResource } from '../resources.ts';
import { APPROXIMATE_TOLERANCE, mayStateFigures, sameFigure, unitOf, type Figure } from './numbers.ts';
import { synthesisLexicon, resourceLanguage, perLanguage } from './resources.ts';
import { clausesOf } from './clauses.ts';
import { frameOf, framesAgree, type Frame } from './frames.ts';

/**
 * Similarity (features.ts `containment`) above which two wordings state one claim. Set on the tuning
 * stories (eval/data/synthesis, split "tune"; 2026-11-24), citation precision / recall there: 0.2 →
 * 0.92 / 0.68, 0.25 → 0.93 / 0.68, 0.3 → 0.93 / 0.66. Set again on all seven older stories (tune and
 * old held-out, 2026-12-06; precision / recall): 0.25 → tune 0.929 / 0.702, held-out 1 / 0.600; 0.22
 * → 0.930 / 0.709, 1 / 0.611; 0.2 → 0.922 / 0.715 (precision drops).
 */
export const CLAIM_SIMILARITY = 0.22;
/**
 * A shorter sentence mostly inside a longer one states its fact: the share of its weight they share
 * counts at this weight, when they share MIN_SHARED content words (0 → recall 0.66, 0.8 → 0.68 on
 * the tuning stories at the threshold above). 1 raised recall on all seven older stories (tune 0.709
 * → 0.728, old held-out 0.611 → 0.644) but joined a plan to discuss shell deliveries to an estimate of
 * the shells North Korea holds (test/synthesis/seeds.test.ts): kept at 0.8.
 */
const OVERLAP_WEIGHT = 0.8;
const MIN_SHARED = 3;
/** A wording merge also needs this mean similarity between the two groups' members (chains). */
export const GROUP_SIMILARITY = 0.2;
/**
 * The mean similarity a wording merge needs in the claims a report lists and cites (index.ts):
 * looser than the summary's grouping (GROUP_SIMILARITY), whose claims rank the summary's sentences.
 * A shorter wording of one fact ("Demonstranci zablokowali drogi do głównych miast w Pakistanie"
 * beside "Radykałowie zablokowali drogi m.in. w miastach Karaczi i Lahore" and "Od środy setki
 * zwolenników islamistycznych partii blokowały główne drogi…") joins the listed claim and is cited,
 * and a claim grown that way never outranks the summary's lead (a single loose grouping moved one
 * tuning story's lead). Pairwise agreement (numbers, dates, places, polarity) is asked as before.
 * Citation precision / recall of the twelve scored stories (docs/QUALITY.md, "Fifth round:
 * citations"): 0.2 → 0.976 / 0.695; 0.18 → 0.976 / 0.700; 0.17 → 0.976 / 0.713; 0.16 → 0.976 /
 * 0.715; 0.15 → 0.970 / 0.715 (precision falls); held-out recall 0.633 → 0.644 from 0.18 down.
 */
export const CITATION_GROUP_SIMILARITY = 0.17;
/** Two sentences sharing a figure state one claim when they share at least this much else. */
const CONTEXT_SIMILARITY = 0.08;
/** A day is shared by many facts of a day's news: sentences meeting on one need more in common. */
const DAY_CONTEXT_SIMILARITY = 0.15;
/** Figures below this need a unit to be an anchor ("2" alone says nothing; "50 tys." does). */
const BARE_FIGURE_MIN = 1000;
/** Figures and lists one sentence contributes as units: more is a table, not a statement. */
const MAX_ANCHORS = 3;
/**
 * Terms in more than this share of a story's sentences do not generate candidate pairs (their
 * idf is too low to lift a pair over CLAIM_SIMILARITY alone). The cap is for speed on big stories
 * only, so it never goes below MIN_POSTING_CAP.
 */
const MAX_POSTING_SHARE = 0.25;
const MIN_POSTING_CAP = 64;

export type Anchor =
  | { readonly kind: 'figure'; readonly figure: Figure }
  | { readonly kind: 'places'; readonly keys: readonly string[]; readonly labels: readonly string[] }
  | { readonly kind: 'day'; readonly value: string }
  /** A happening named by an event word ("spotkanie", "rozmowy") between the same two or more people. */
  | { readonly kind: 'event'; readonly people: string }
  /** Who did what: a predicate with its agent or its theme (frames.ts), "A|~uniewin|e:sąd najwyższy". */
  | { readonly kind: 'frame'; readonly link: string };

export interface SentenceGroup {
  readonly members: readonly SentenceFeatures[];
  /** The figure or list the group is about, when it was joined through one. */
  readonly anchor?: Anchor;
}

interface Unit {
  readonly id: number;
  readonly sentence: SentenceFeatures;
  readonly anchor?: Anchor;
}

/** Lower-cased, whitespace-collapsed text: identical sentences share it. */
export function normalisedText(s: SentenceFeatures): string {
  let text = normalisedCache.get(s);
  if (text === undefined) {
    text = s.sentence.text.toLowerCase().replace(/\s+/g, ' ').trim();
    normalisedCache.set(s, text);
  }
  return text;
}

/** Asked for by claims, origins and the report for every sentence: computed once per sentence. */
const normalisedCache = new WeakMap<SentenceFeatures, string>();

/** One text on one publication day: copies with this key agree on everything `datesAligned` reads. */
function copyKey(s: SentenceFeatures): string {
  return `${s.article.published?.value ?? ''}|${normalisedText(s)}`;
}

/** An undated sentence dated to a day is this many days from its article's publication at most. */
const UNDATED_WINDOW_DAYS = 3;
const DAY_MS = 86_400_000;

/** The day (ms) an ISO value names, if it names one; shared with conflicts.ts. */
export function dayOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  // Asked for every candidate pair, and stories hold few distinct values.
  if (days.has(value)) return days.get(value);
  const day = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value.slice(0, 10)) : undefined;
  if (days.size > MAX_CACHED_DAYS) days.clear();
  days.set(value, day);
  return day;
}

const days = new Map<string, number | undefined>();
const MAX_CACHED_DAYS = 10_000;

/**
 * Sentences dated to different times state different facts ("he came to Russia in April 2019" vs
 * "he is in Russia now"): when both carry dates, one must contain the other. An undated sentence
 * stands for its article's day: a call "dziś" (17 April) is not the call reported on 10 April.
 */
export function datesAligned(a: SentenceFeatures, b: SentenceFeatures): boolean {
  if (a.times.length === 0 && b.times.length === 0) return true;
  const va = timeValues(a);
  const vb = timeValues(b);
  if (va.length > 0 && vb.length > 0) return va.some((x) => vb.some((y) => sameTime(x, y)));
  const [dated, undated] = va.length > 0 ? [va, b] : vb.length > 0 ? [vb, a] : [[], undefined];
  const published = dayOf(undated?.article.published?.value);
  if (!undated || published === undefined) return true;
  return dated.some((v) => {
    const day = dayOf(v);
    return day === undefined || Math.abs(day - published) <= UNDATED_WINDOW_DAYS * DAY_MS;
  });
}

/**
 * Two time values can name one time: one contains the other as written ("2018-07" and
 * "2018-07-25"), or, when one is a week ("zaplanowanych na przyszły tydzień" → "2018-W30"), their
 * periods overlap (the week holds 25 July).
 */
function sameTime(x: string, y: string): boolean {
  if (x.startsWith(y) || y.startsWith(x)) return true;
  if (!x.includes('-W') && !y.includes('-W')) return false;
  const px = periodOf(x);
  const py = periodOf(y);
  return px !== undefined && py !== undefined && px[0] <= py[1] && py[0] <= px[1];
}

const timeValueCache = new WeakMap<SentenceFeatures, string[]>();

/** The sentence's time values, once per sentence (asked for every candidate pair). */
function timeValues(s: SentenceFeatures): string[] {
  let values = timeValueCache.get(s);
  if (!values) {
    values = s.times.map((t) => t.value).filter(Boolean);
    timeValueCache.set(s, values);
  }
  return values;
}

/**
 * The sentence says its content is not so: a negation bears on it ("nie zgadzają się na X") or it
 * reports a denial ("Bibi zawsze zaprzeczała, że bluźniła", epistemic status "denied"). Such a
 * sentence is never cited for a claim saying the content is so (`completeCitations`). The grouping
 * itself compares only negation: keeping denials apart there too lowered citation figures through
 * the claims it regrouped (docs/QUALITY.md, "Third round: citations").
 */
export function denies(s: SentenceFeatures): boolean {
  return s.negated !== (s.epistemic === 'denied');
}

const isAnchorFigure = (f: Figure): boolean => f.unit !== '' || f.value >= BARE_FIGURE_MIN;
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Figures of one unit that all differ: the two sentences disagree on a number. */
export function figuresDisagree(a: SentenceFeatures, b: SentenceFeatures): boolean {
  for (const fa of a.figures) {
    const same = b.figures.filter((fb) => fb.unit === fa.unit && fa.unit !== '');
    if (same.length > 0 && !same.some((fb) => sameFigure(fa, fb))) return true;
  }
  return false;
}

interface VagueQuantity {
  readonly least: number;
  readonly most: number;
  readonly unit: string;
}

interface VaguePhrase {
  readonly words: readonly string[];
  readonly least: number;
  readonly most: number;
}

const vagueLists = new Map<string, ReadonlyMap<string, readonly VaguePhrase[]>>();

/**
 * Phrases naming a count by its order of magnitude (resources/<lang>/synthesis-vague-quantities.txt),
 * by first word, longest first.
 */
function vaguePhrases(language: SentenceFeatures['language']): ReadonlyMap<string, readonly VaguePhrase[]> {
  const lang = resourceLanguage(language);
  let byFirst = vagueLists.get(lang);
  if (!byFirst) {
    const map = new Map<string, VaguePhrase[]>();
    for (const line of loadResource(lang, 'synthesis-vague-quantities')) {
      const [phrase, range] = line.split(/:\s*/u, 2) as [string, string];
      const [least, most] = range.split(/\s+/u).map(Number) as [number, number];
      const words = phrase.trim().split(/\s+/u);
      map.set(words[0]!, [...(map.get(words[0]!) ?? []), { words, least, most }].sort((x, y) => y.words.length - x.words.length));
    }
    byFirst = map;
    vagueLists.set(lang, byFirst);
  }
  return byFirst;
}

const vagueCache = new WeakMap<SentenceFeatures, readonly VagueQuantity[]>();

/** Counts the sentence gives by magnitude, with the unit of the word after them ("dziesiątki tysięcy osób"). */
function vagueQuantities(s: SentenceFeatures): readonly VagueQuantity[] {
  const cached = vagueCache.get(s);
  if (cached) return cached;
  const out: VagueQuantity[] = [];
  const phrases = vaguePhrases(s.language);
  for (let i = 0; i < s.words.length; i++) {
    const p = phrases.get(s.words[i]!)?.find((x) => x.words.every((w, k) => s.words[i + k] === w));
    // "100 tysięcy" is a figure (numbers.ts), not thousands.
    if (!p || (i > 0 && mayStateFigures([s.words[i - 1]!], s.language))) continue;
    const next = s.lemmas[i + p.words.length];
    out.push({ least: p.least, most: p.most, unit: next ? unitOf(next, s.language) : '' });
    i += p.words.length - 1;
  }
  vagueCache.set(s, out);
  return out;
}

/**
 * A count by magnitude in one sentence and a figure of the same unit outside its range in the other:
 * "dziesiątki tysięcy osób" and "około 100 tys. osób" are two estimates, not one claim.
 */
function magnitudesDisagree(a: SentenceFeatures, b: SentenceFeatures): boolean {
  if (a.figures.length === 0 && b.figures.length === 0) return false;
  const check = (x: SentenceFeatures, y: SentenceFeatures): boolean =>
    vagueQuantities(x).some((q) => q.unit !== '' && y.figures.some((f) => f.unit === q.unit && (f.value < q.least || f.value > q.most)));
  return check(a, b) || check(b, a);
}

/** Figures of one unit or counts by magnitude that cannot be the same number, either way round. */
function numbersDisagree(a: SentenceFeatures, b: SentenceFeatures): boolean {
  return figuresDisagree(a, b) || figuresDisagree(b, a) || magnitudesDisagree(a, b);
}

function placesDisagree(a: SentenceFeatures, b: SentenceFeatures): boolean {
  return a.placeLists.length > 0 && b.placeLists.length > 0 && !a.placeLists.some((x) => b.placeLists.some((y) => sameSet(x.keys, y.keys)));
}

function shareFigure(a: SentenceFeatures, b: SentenceFeatures): boolean {
  return a.figures.some((fa) => isAnchorFigure(fa) && b.figures.some((fb) => fa.unit === fb.unit && sameFigure(fa, fb)));
}

/**
 * What keeps two wordings of different articles out of one claim in the wording step (step 3 above),
 * whatever their similarity: one is negated and the other not, their dates, figures (or counts by
 * magnitude) or lists of places disagree, or they share a figure (they meet through it in step 2,
 * not again through their words). Undefined when nothing does. The eval names it for each missed
 * citation (eval/lib/citation-misses.ts).
 */
export type WordingRefusal = 'polarity' | 'dates' | 'figures' | 'magnitudes' | 'places' | 'shared-figure';

export function wordingRefusal(x: SentenceFeatures, y: SentenceFeatures): WordingRefusal | undefined {
  if (x.negated !== y.negated) return 'polarity';
  if (!datesAligned(x, y)) return 'dates';
  if (figuresDisagree(x, y)) return 'figures';
  if (magnitudesDisagree(x, y)) return 'magnitudes';
  if (placesDisagree(x, y)) return 'places';
  if (shareFigure(x, y)) return 'shared-figure';
  return undefined;
}

/** The similarity two wordings must reach (CLAIM_SIMILARITY) to join one claim in the wording step. */
export function wordingSimilarity(x: SentenceFeatures, y: SentenceFeatures, idf: ReadonlyMap<string, number>): number {
  return containment(x, y, idf, OVERLAP_WEIGHT, MIN_SHARED);
}

/**
 * The frame links of a sentence as anchors (frames.ts): two reports of one act by one actor, or on
 * one object, meet through it even when they share too few words for the wording step ("Sąd
 * Najwyższy uniewinnił Asię Bibi" / "…którą uniewinnił Sąd Najwyższy"). Kept apart from
 * MAX_ANCHORS: a sentence's figures, places and days are not crowded out by its links.
 */
function frameAnchors(s: SentenceFeatures): Anchor[] {
  return frameOfSentence(s).links.map((link): Anchor => ({ kind: 'frame', link }));
}

const frameOfSentence = (s: SentenceFeatures): Frame => frameOf(s, derivationKey);

function anchorsOf(s: SentenceFeatures): Anchor[] {
  const days = new Set(s.times.map((t) => t.value).filter((v) => /^\d{4}-\d{2}-\d{2}/.test(v)).map((v) => v.slice(0, 10)));
  const anchors: Anchor[] = [
    ...s.figures.filter(isAnchorFigure).map((figure): Anchor => ({ kind: 'figure', figure })),
    ...s.placeLists.map((l): Anchor => ({ kind: 'places', keys: l.keys, labels: l.labels })),
    ...eventAnchor(s),
    ...[...days].map((value): Anchor => ({ kind: 'day', value })),
  ];
  return anchors.slice(0, MAX_ANCHORS);
}

/** An event word and two or more people named: "Putin spotkał się z Kimem", "do spotkania Kima z Putinem może dojść". */
function eventAnchor(s: SentenceFeatures): Anchor[] {
  const people = [...new Set(s.mentions.filter((m) => m.type === 'PER').map((m) => m.key))].sort();
  if (people.length < 2) return [];
  const { eventWords } = synthesisLexicon(s.language);
  if (!s.words.some((w) => eventWords.some((stem) => w.startsWith(stem)))) return [];
  return [{ kind: 'event', people: people.join('|') }];
}

/**
 * Two reports of one happening between the same people are at most this many days apart (their own
 * dates, else their articles'): talks of the same leaders a week later are another happening.
 */
const EVENT_DAYS = 3;

/** When a sentence's happening is: its own first time expression, else its article's publication date (as precise as known). */
function eventPeriod(s: SentenceFeatures): [number, number] | undefined {
  for (const v of timeValues(s)) {
    const p = periodOf(v);
    if (p) return p;
  }
  return periodOf(s.article.published?.value);
}

function sameEventDays(a: SentenceFeatures, b: SentenceFeatures): boolean {
  const pa = eventPeriod(a);
  const pb = eventPeriod(b);
  // An undated article is no evidence of another time (as in conflicts.ts `samePeriod`), but a
  // sentence dating its own happening ("w kwietniu 2019 r.") is: it meets only what overlaps it.
  if (pa === undefined || pb === undefined) return timeValues(pa === undefined ? b : a).length === 0;
  return Math.max(0, pa[0] - pb[1], pb[0] - pa[1]) <= EVENT_DAYS * DAY_MS;
}

/** The period an ISO value names ("2018", "2018-05", "2018-07-25", "2018-W30"), as [first, last] day in ms. */
export function periodOf(value: string | undefined): [number, number] | undefined {
  const week = value ? /^(\d{4})-W(\d{2})$/.exec(value) : null;
  if (week) {
    // ISO week: the week holding 4 January is week 1; weeks start on Monday.
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(week[2]) - 1) * 7 * DAY_MS;
    return [monday, monday + 6 * DAY_MS];
  }
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$/.exec(value) : null;
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
    return [d, d];
  }
  if (m[2]) return [Date.UTC(year, Number(m[2]) - 1, 1), Date.UTC(year, Number(m[2]), 0)];
  return [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)];
}



/** Figures meet by value (a bare "50 tysięcy" meets "50 tys. pasażerów"), lists by their places. */
function anchorBucket(a: Anchor): string {
  if (a.kind === 'event') return `e:${a.people}`;
  if (a.kind === 'frame') return `r:${a.link}`;
  return a.kind === 'figure' ? 'f' : a.kind === 'day' ? `d:${a.value}` : `p:${[...a.keys].sort().join('|')}`;
}

function anchorsMatch(a: Anchor, b: Anchor): boolean {
  if (a.kind === 'figure' && b.kind === 'figure') {
    const units = a.figure.unit === b.figure.unit || ((a.figure.unit === '' || b.figure.unit === '') && Math.max(a.figure.value, b.figure.value) >= BARE_FIGURE_MIN);
    return units && sameFigure(a.figure, b.figure);
  }
  if (a.kind === 'day' && b.kind === 'day') return a.value === b.value;
  if (a.kind === 'event' && b.kind === 'event') return a.people === b.people;
  if (a.kind === 'frame' && b.kind === 'frame') return a.link === b.link;
  return a.kind === 'places' && b.kind === 'places' && sameSet(a.keys, b.keys);
}

const figureOf = (u: Unit): number => (u.anchor?.kind === 'figure' ? u.anchor.figure.value : 0);

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Pairs of units from different articles that can reach CLAIM_SIMILARITY: `containment` is 0 unless
 * two sentences share MIN_SHARED_WORDS content words, so only pairs sharing that many are returned.
 * Shares are counted through an inverted index of the terms that are not too frequent (one counter
 * array per unit, not a set of pairs); a pair short of words there is completed by the frequent
 * terms the two share. Entity keys make no shared word: a pair met through them alone is walked to
 * only when frequent words could complete it; otherwise they, like frequent terms, are looked up
 * for the pairs the words found. With `bound`, the weight a pair shares is summed too, and a pair
 * whose `containment` falls short of the threshold by more than rounding is left out.
 */
export function candidatePairs(features: StoryFeatures, units: readonly Unit[], bound?: PairBound): [number, number][] {
  const weights = units.map((u) => claimWeights(u.sentence, features.idf));
  const postings = new Map<string, number[]>();
  // Where each unit stands in the posting of each of its terms: its walk reads only the units after it.
  const positions = weights.map((w, index) => Int32Array.from(w.terms, (t) => {
    const list = postings.get(t);
    if (!list) postings.set(t, [index]);
    else list.push(index);
    return list ? list.length - 1 : 0;
  }));
  const maxPosting = Math.max(MIN_POSTING_CAP, Math.ceil(units.length * MAX_POSTING_SHARE));
  const article = Int32Array.from(units, (u) => u.sentence.articleIndex);
  const words = new Int32Array(units.length);
  const dots = new Float64Array(units.length);
  const touched = new Uint8Array(units.length);
  const pairs: [number, number][] = [];
  const list: number[] = [];
  const deferred: number[] = [];
  for (let a = 0; a < units.length; a++) {
    const own = article[a];
    const { terms, weights: weight, words: isWord } = weights[a]!;
    let frequentWords = 0;
    for (let k = 0; k < terms.length; k++) if (isWord[k] && postings.get(terms[k]!)!.length > maxPosting) frequentWords++;
    const walkNames = frequentWords >= MIN_SHARED_WORDS;
    let deferredWeight = 0;
    for (let k = 0; k < terms.length; k++) {
      const posting = postings.get(terms[k]!)!;
      if (posting.length > maxPosting || (!isWord[k] && !walkNames)) {
        deferred.push(k);
        deferredWeight += weight[k]!;
        continue;
      }
      for (let i = positions[a]![k]! + 1; i < posting.length; i++) {
        const b = posting[i]!;
        if (article[b] === own) continue;
        if (touched[b] === 0) {
          touched[b] = 1;
          list.push(b);
        }
        words[b]! += isWord[k]!;
        dots[b]! += weight[k]!;
      }
    }
    // Unordered: the caller orders pairs by score and ids. The deferred terms are looked up only
    // for pairs that could pass if they shared all of them.
    for (const b of list) {
      const indexedWords = words[b]!;
      const indexedDot = dots[b]!;
      words[b] = 0;
      dots[b] = 0;
      touched[b] = 0;
      if (indexedWords + frequentWords < MIN_SHARED_WORDS) continue;
      if (bound && containmentOf(indexedDot + deferredWeight, indexedWords + frequentWords, weights[a]!, weights[b]!, bound.overlapWeight, bound.minShared) < bound.threshold - ROUNDING) continue;
      let shared = indexedWords;
      let dot = indexedDot;
      const other = units[b]!.sentence.terms;
      for (const k of deferred) {
        if (!other.has(terms[k]!)) continue;
        shared += isWord[k]!;
        dot += weight[k]!;
      }
      if (shared < MIN_SHARED_WORDS) continue;
      if (bound && containmentOf(dot, shared, weights[a]!, weights[b]!, bound.overlapWeight, bound.minShared) < bound.threshold - ROUNDING) continue;
      pairs.push([a, b]);
    }
    list.length = 0;
    deferred.length = 0;
  }
  return pairs;
}

/** The `containment` threshold (with its overlap settings) candidate pairs must be able to reach. */
export interface PairBound {
  readonly threshold: number;
  readonly overlapWeight: number;
  readonly minShared: number;
}

/** Far above the rounding of a sum of a few hundred weights, far below any difference of scores that matters. */
const ROUNDING = 1e-9;

/** Groups a story's claimable sentences into claims (most supported first). */
export function groupClaims(features: StoryFeatures, groupSimilarity = GROUP_SIMILARITY): SentenceGroup[] {
  return groupClaimsAt(features, [groupSimilarity])[0]!;
}

/**
 * The story's claims at each mean similarity of `groupSimilarities` (index.ts: the listed claims'
 * and the summary's): the candidate pairs and their similarities are found once and the greedy
 * joining is run once per threshold. Where `frameJoins` says so, sentences also meet through who
 * did what (`frameAnchors`): the listed and cited claims take those joins, the summary's stricter
 * claims do not (there they cost key facts: docs/QUALITY.md, "Tenth round: citations").
 */
export function groupClaimsAt(features: StoryFeatures, groupSimilarities: readonly number[], frameJoins: readonly boolean[] = []): SentenceGroup[][] {
  const withFrames = frameJoins.some(Boolean);
  // Step 1: identical sentences share their units.
  const copiesOf = new Map<number, SentenceFeatures[]>();
  const firstByText = new Map<string, SentenceFeatures>();
  const distinct: SentenceFeatures[] = [];
  for (const s of features.sentences) {
    if (!s.claimable) continue;
    const key = normalisedText(s);
    const first = firstByText.get(key);
    if (first) copiesOf.get(first.id)!.push(s);
    else {
      firstByText.set(key, s);
      copiesOf.set(s.id, [s]);
      distinct.push(s);
    }
  }
  const units: Unit[] = [];
  const wordingUnits: Unit[] = [];
  const anchorUnits = new Map<string, Unit[]>();
  for (const s of distinct) {
    const wording = { id: units.length, sentence: s };
    units.push(wording);
    wordingUnits.push(wording);
    for (const anchor of withFrames ? [...anchorsOf(s), ...frameAnchors(s)] : anchorsOf(s)) {
      const unit = { id: units.length, sentence: s, anchor };
      units.push(unit);
      const bucket = anchorBucket(anchor);
      const list = anchorUnits.get(bucket);
      if (list) list.push(unit);
      else anchorUnits.set(bucket, [unit]);
    }
  }
  const simCache = new Map<number, number>();
  const n = features.sentences.length;
  const sim = (a: Unit, b: Unit): number => {
    const [x, y] = a.sentence.id < b.sentence.id ? [a.sentence, b.sentence] : [b.sentence, a.sentence];
    const code = x.id * n + y.id;
    let value = simCache.get(code);
    if (value === undefined) {
      value = wordingSimilarity(x, y, features.idf);
      simCache.set(code, value);
    }
    return value;
  };
  // Step 2: figures and lists.
  const anchorPairs: { a: Unit; b: Unit; score: number }[] = [];
  for (const [bucket, list] of anchorUnits) {
    // Figures meet only within tolerance of each other: sorted by value, each looks ahead that far.
    const figures = bucket === 'f';
    if (figures) list.sort((x, y) => figureOf(x) - figureOf(y) || x.id - y.id);
    for (let i = 0; i < list.length; i++) {
      const reach = figures ? figureOf(list[i]!) / (1 - APPROXIMATE_TOLERANCE) : Infinity;
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (figureOf(b) > reach) break;
        if (a.sentence.articleIndex === b.sentence.articleIndex || !anchorsMatch(a.anchor!, b.anchor!)) continue;
        if (!datesAligned(a.sentence, b.sentence)) continue;
        if (a.anchor!.kind === 'event' && !sameEventDays(a.sentence, b.sentence)) continue;
        // One act of one actor said and denied are two claims, as in the wording step; so is one act
        // in two lists of places, or with other agents or themes (frames.ts `framesAgree`).
        if (a.anchor!.kind === 'frame' && (a.sentence.negated !== b.sentence.negated || placesDisagree(a.sentence, b.sentence) || !framesAgree(frameOfSentence(a.sentence), frameOfSentence(b.sentence), a.anchor!.link))) continue;
        // A day, a meeting or a list of places is shared by many facts: two sentences giving other
        // figures of one unit on it ("odwołano 600 lotów", "odwołanie czterech lotów") state two.
        // Through a figure they agree on that figure; another one may be a second fact of the sentence.
        if (a.anchor!.kind !== 'figure' && numbersDisagree(a.sentence, b.sentence)) continue;
        const score = similarity(a.sentence, b.sentence, features.idf);
        if (score >= (a.anchor!.kind === 'day' ? DAY_CONTEXT_SIMILARITY : CONTEXT_SIMILARITY)) anchorPairs.push(a.id < b.id ? { a, b, score } : { a: b, b: a, score });
      }
    }
  }
  anchorPairs.sort((x, y) => y.score - x.score || x.a.id - y.a.id || x.b.id - y.b.id);
  // Step 3: wordings.
  const bound = { threshold: CLAIM_SIMILARITY, overlapWeight: OVERLAP_WEIGHT, minShared: MIN_SHARED };
  const wordingPairs = candidatePairs(features, wordingUnits, bound)
    .map(([i, j]) => ({ a: wordingUnits[i]!, b: wordingUnits[j]! }))
    .filter(({ a, b }) => wordingRefusal(a.sentence, b.sentence) === undefined)
    .map((p) => ({ ...p, score: sim(p.a, p.b) }))
    .filter((p) => p.score >= CLAIM_SIMILARITY)
    .sort((x, y) => y.score - x.score || x.a.id - y.a.id || x.b.id - y.b.id);
  const partition = (groupSimilarity: number, frames: boolean): SentenceGroup[] => {
    const parent = units.map((_, i) => i);
    // Articles per group, through every copy of every member sentence.
    const articlesOf = new Map<number, Set<number>>(units.map((u) => [u.id, new Set(copiesOf.get(u.sentence.id)!.map((c) => c.articleIndex))]));
    const membersOf = new Map<number, Unit[]>(units.map((u) => [u.id, [u]]));
    const merge = (a: number, b: number, wording: boolean): void => {
      const ra = find(parent, a);
      const rb = find(parent, b);
      if (ra === rb) return;
      const sa = articlesOf.get(ra)!;
      const sb = articlesOf.get(rb)!;
      for (const x of sb) if (sa.has(x)) return;
      const ma = membersOf.get(ra)!;
      const mb = membersOf.get(rb)!;
      if (wording && ma.length + mb.length > 2) {
        let total = 0;
        for (const x of ma) for (const y of mb) total += sim(x, y);
        if (total / (ma.length * mb.length) < groupSimilarity) return;
      }
      parent[rb] = ra;
      for (const x of sb) sa.add(x);
      ma.push(...mb);
      articlesOf.delete(rb);
      membersOf.delete(rb);
    };
    for (const { a, b } of anchorPairs) if (frames || a.anchor!.kind !== 'frame') merge(a.id, b.id, false);
    for (const { a, b } of wordingPairs) merge(a.id, b.id, true);
    // Claims: every group of two or more distinct sentences. A sentence whose wording joined no group
    // is a claim of its own too when copies of it stand in several articles ("W środę 17 lipca linie
    // wysłały…" copied by two outlets, though its figure joined the 50-thousand claim), or when none
    // of its units joined any group.
    const inGroup = new Set<number>();
    const groups: SentenceGroup[] = [];
    for (const members of membersOf.values()) {
      if (members.length < 2) continue;
      const anchor = members.find((m) => m.anchor)?.anchor;
      const sentences = members.flatMap((m) => copiesOf.get(m.sentence.id)!).sort((x, y) => x.id - y.id);
      for (const m of members) inGroup.add(m.sentence.id);
      groups.push({ members: sentences, ...(anchor && members.every((m) => m.anchor) && { anchor }) });
    }
    for (const u of wordingUnits) {
      const alone = membersOf.get(find(parent, u.id))!.length === 1;
      const copies = copiesOf.get(u.sentence.id)!;
      if (alone && (!inGroup.has(u.sentence.id) || new Set(copies.map((c) => c.articleIndex)).size > 1)) groups.push({ members: copies });
    }
    return groups.sort((x, y) => y.members.length - x.members.length || x.members[0]!.id - y.members[0]!.id);
  };
  return groupSimilarities.map((similarity, k) => partition(similarity, frameJoins[k] ?? false));
}

// ---------------------------------------------------------------- citation completion

/*
 * Thresholds set on the nine labelled stories (eval/data/synthesis; per-split figures in
 * docs/QUALITY.md, "Third round: citations"). Citation precision / recall over all nine: without
 * completion 0.965 / 0.662; coverage 0.2 and pair 0.25 without the core rule 0.970 / 0.672; coverage
 * 0.15, pair 0.2 without it 0.932 / 0.710 (precision falls); with the core rule at 0.5 (below) and
 * coverage 0.12, pair 0.1: 0.975 / 0.686; core 0.6: 0.980 / 0.679. Swept again over every (fact,
 * uncited article) pair of all twelve stories (docs/QUALITY.md, "Fourth round: citations"): no lower
 * coverage, core, shared-word or pair setting gains more than 0.02 recall with precision ≥ 0.97.
 */
/** Share of a claim's profile (below) a sentence of an uncited article must cover to be cited for it. */
export const SUPPORT_COVERAGE = 0.12;
/** Content words or figures a supporting sentence shares with the claim's wordings at least. */
const SUPPORT_SHARED_WORDS = 3;
/** …its similarity (features.ts `containment`, full overlap weight) to one member at least… */
const SUPPORT_PAIR = 0.1;
/** …and the share of the claim's core (words and figures in CORE_SHARE of its wordings) it holds. */
const SUPPORT_CORE = 0.5;
const CORE_SHARE = 0.6;
/** Entity keys count at this share of a word of the same rarity in a claim's profile. */
const SUPPORT_ENTITY_WEIGHT = 0.25;
/** Terms in more than this share of a story's claimable sentences do not find candidates (speed only). */
const SUPPORT_POSTING_SHARE = 0.2;

interface Profile {
  /** Term → weight: rarity in the story (idf²) times the share of the claim's wordings holding it. */
  readonly weights: Map<string, number>;
  readonly norm: number;
  /** Content words and figures most wordings share (CORE_SHARE), with their rarity weights. */
  readonly core: Map<string, number>;
  readonly coreNorm: number;
}

/**
 * A sentence's terms for support: its names, its content words by derivation (`derivationKey`), plus
 * the figures it states ("#324": "324 posłów" and "stosunkiem głosów 324 do 295" share it) and the
 * days it names ("@2019-03-29"), which features.ts keeps out of the wording terms.
 */
function supportTerms(s: SentenceFeatures): Set<string> {
  const terms = new Set<string>();
  for (const t of s.terms) if (t.startsWith('e:')) terms.add(t);
  for (const lemma of s.lemmas) if (s.terms.has(stemOf(lemma))) terms.add(derivationKey(lemma, s.language));
  for (const f of s.figures) terms.add(`#${f.value}`);
  for (const t of s.times) if (/^\d{4}-\d{2}-\d{2}/.test(t.value)) terms.add(`@${t.value.slice(0, 10)}`);
  return terms;
}

/**
 * A content word by what it derives from: a verbal noun and its verb share the key ("omówienie
 * dostaw" and "omówić dostawy" → "~omów", "odwołanie"/"odwołać", "przyjęcie"/"przyjąć"), so a
 * sentence naming the action with a noun states the claim that names it with a verb. Endings are
 * data (resources/<lang>/synthesis-derivations.txt); a stem keeps DERIVATION_MIN_STEM letters.
 */
function derivationKey(lemma: string, language: SentenceFeatures['language']): string {
  // One cache per language: the endings differ, and a lemma may be spelled alike in both.
  const lang = resourceLanguage(language);
  let cache = derivationCache.get(lang);
  if (!cache) derivationCache.set(lang, (cache = new Map()));
  let key = cache.get(lemma);
  if (key === undefined) {
    const ending = synthesisDerivations(language).find((e) => lemma.endsWith(e) && lemma.length - e.length >= DERIVATION_MIN_STEM);
    key = `~${stemOf(ending ? lemma.slice(0, lemma.length - ending.length) : lemma)}`;
    cache.set(lemma, key);
  }
  return key;
}

const DERIVATION_MIN_STEM = 4;
const derivationCache = new Map<string, Map<string, string>>();

/** Derivational endings, longest first (resources/<lang>/synthesis-derivations.txt). */
const synthesisDerivations = perLanguage((lang): readonly string[] =>
  loadResource(lang, 'synthesis-derivations').flatMap((line) => line.split(/\s+/u)).filter(Boolean).sort((a, b) => b.length - a.length));

/** Weight of a term: figures and days count as content words of their rarity, names less. */
function supportWeight(t: string, idf: ReadonlyMap<string, number>): number {
  return (idf.get(t) ?? 0) ** 2 * (t.startsWith('e:') ? SUPPORT_ENTITY_WEIGHT : 1);
}

/** What a claim's wordings say, weighted by how many of them say it and how rare it is in the story. */
function claimProfile(wordings: readonly Set<string>[], idf: ReadonlyMap<string, number>): Profile {
  const counts = new Map<string, number>();
  for (const w of wordings) for (const t of w) counts.set(t, (counts.get(t) ?? 0) + 1);
  const weights = new Map<string, number>();
  const core = new Map<string, number>();
  let norm = 0;
  let coreNorm = 0;
  for (const [t, n] of counts) {
    const rarity = supportWeight(t, idf);
    const w = rarity * (n / wordings.length);
    weights.set(t, w);
    norm += w;
    if (n >= CORE_SHARE * wordings.length && !t.startsWith('e:') && !t.startsWith('@')) {
      core.set(t, rarity);
      coreNorm += rarity;
    }
  }
  return { weights, norm, core, coreNorm };
}

/** A figure of the claim's anchor stated by the sentence too (same value, compatible unit). */
function statesAnchor(s: SentenceFeatures, anchor: Anchor): boolean {
  if (anchor.kind === 'figure') return s.figures.some((f) => anchorsMatch(anchor, { kind: 'figure', figure: f }));
  if (anchor.kind === 'places') return s.placeLists.some((l) => sameSet(l.keys, anchor.keys));
  return true;
}

/**
 * Every article that states a claim is cited: a claim of two or more sentences looks in each article
 * it does not cite for the sentence covering most of its profile (its wordings' content stems, names,
 * figures and days, weighted by rarity in the story and by how many wordings share them) and cites it
 * when the sentence covers SUPPORT_COVERAGE of it, shares SUPPORT_SHARED_WORDS content words or
 * figures, holds SUPPORT_CORE of what most wordings share (the shortage in "brakuje amunicji", not
 * only the ammunition), is similar to one member (SUPPORT_PAIR), and agrees with every member on
 * polarity, dates, figures and places (and states the claim's own figure or list when the claim was
 * joined through one). A clause of a sentence may be that candidate, weighed alone (clauses.ts); the
 * sentence is cited. The sentence keeps its place in its own claim: one sentence may support two
 * claims ("odwołano 600 lotów, 200 do i z Hiszpanii"). Returns the sentences to cite by group index;
 * the groups themselves (and so conflicts, representatives and the summary) stay as grouped.
 */
export function completeCitations(features: StoryFeatures, groups: readonly SentenceGroup[]): Map<number, SentenceFeatures[]> {
  // Copies of a sentence (one text, one publication day) score alike: they are weighed once, as a
  // key, and each copy stands for its own article. A headline or a lede the page cut off ("W związku
  // z rozpoczętym w środę dwudniowym strajkiem … przewoźnik odwołał m.in. rejsy do...") is no claim's
  // wording but states its fact: it is a candidate (features.ts `citable`).
  // Each clause of a sentence (clauses.ts) is a candidate too, weighed with its own negation, dates,
  // figures and places: "…zapowiedziała, że za dwa tygodnie we wtorek rozpocznie 24-godzinny strajk,
  // a personel pokładowy … rozpoczął dwudniowy strajk" states the strike that began in its last
  // clause though its "że" clause names another day. A clause stands for its sentence's copies,
  // which are what is cited; rarities and the posting cap count sentences only.
  const keys = new Map<string, SentenceFeatures[]>();
  for (const s of features.sentences) {
    if (!s.citable) continue;
    const key = copyKey(s);
    const list = keys.get(key);
    if (list) list.push(s);
    else keys.set(key, [s]);
  }
  const keyCopies = [...keys.values()];
  const keyTerms = keyCopies.map((copies) => supportTerms(copies[0]!));
  const termsOf = new Map<SentenceFeatures, Set<string>>(keyCopies.map((copies, k) => [copies[0]!, keyTerms[k]!]));
  // Candidates by number, so that a claim's coverage of each is summed in a typed array (KeyCoverage):
  // each key's sentence, then its clauses (once per key: copies part alike).
  const weighed: SentenceFeatures[] = [];
  const copiesOf: SentenceFeatures[][] = [];
  const termsAt: Set<string>[] = [];
  const postings = new Map<string, number[]>();
  const counts = new Map<string, number>();
  let candidates = 0;
  const post = (s: SentenceFeatures, copies: SentenceFeatures[], terms: Set<string>): void => {
    const k = weighed.length;
    weighed.push(s);
    copiesOf.push(copies);
    termsAt.push(terms);
    for (const t of terms) {
      const list = postings.get(t);
      if (list) list.push(k);
      else postings.set(t, [k]);
    }
  };
  keyCopies.forEach((copies, k) => {
    candidates += copies.length;
    // A clause's terms are its sentence's: each is counted there only.
    for (const t of keyTerms[k]!) counts.set(t, (counts.get(t) ?? 0) + copies.length);
    post(copies[0]!, copies, keyTerms[k]!);
    for (const c of clausesOf(copies[0]!)) post(c, copies, supportTerms(c));
  });
  // Rarity of figures and days over the same sentences as the wording terms' (features.ts).
  const idf = new Map(features.idf);
  for (const [t, n] of counts) if (!idf.has(t)) idf.set(t, Math.log((features.sentences.length + 1) / n));
  const cap = Math.max(MIN_POSTING_CAP, Math.ceil(candidates * SUPPORT_POSTING_SHARE));
  const added = new Map<number, SentenceFeatures[]>();
  const walkable = (t: string): boolean => postings.has(t) && counts.get(t)! <= cap;
  const covering = new KeyCoverage(postings, weighed.length);
  groups.forEach((g, index) => {
    if (g.members.length < 2) return;
    const wordings = [...new Map(g.members.map((m) => [normalisedText(m), m])).values()];
    const profile = claimProfile(wordings.map((m) => termsOf.get(m) ?? supportTerms(m)), idf);
    if (profile.norm === 0) return;
    const cited = new Set(g.members.map((m) => m.articleIndex));
    const negated = g.members.filter(denies).length * 2 > g.members.length;
    const figures = g.anchor?.kind === 'figure' ? coreFigures(profile) : [];
    // Two shared figures make any coverage enough (below); otherwise a key needs SUPPORT_COVERAGE.
    const covered = covering.of(profile, walkable, figures.length >= 2 ? 0 : SUPPORT_COVERAGE * profile.norm);
    const best = new Map<number, { s: SentenceFeatures; score: number }>();
    for (const { key: k, weight: w } of covered) {
      const copies = copiesOf[k]!;
      const s = weighed[k]!;
      const terms = termsAt[k]!;
      // Two figures of one wording stated again are evidence enough ("324 posłów … 295" / "324 do 295").
      const figured = sharesFigures(terms, figures);
      const score = w / profile.norm + (figured ? 1 : 0);
      if (score < SUPPORT_COVERAGE) continue;
      const open = copies.filter((c) => !cited.has(c.articleIndex) && !((best.get(c.articleIndex)?.score ?? -1) >= score));
      if (open.length === 0) continue;
      // With two figures shared, a long wording's negation is usually in a side clause ("…, że rząd nie
      // przedstawił gwarancji"): only a negated or denying sentence is kept from a positive claim.
      if (!(figured ? agrees(s, g, wordings, denies(s) && negated) : supports(s, terms, g, wordings, profile, negated, idf))) continue;
      for (const c of open) best.set(c.articleIndex, { s: c, score });
    }
    if (best.size > 0) added.set(index, [...best.values()].map((b) => b.s).sort((x, y) => x.id - y.id));
  });
  return added;
}

/**
 * How much of a claim's profile each sentence key covers: the sum of the weights of the profile's
 * terms the key holds, over the terms whose postings are walked (`walkable`), added in the
 * profile's term order. Keys come in the order a walk of those postings in profile order first
 * meets them (ties in score go to the first met). Only keys that can cover `minimum` are wanted:
 * a key none of the heavier terms holds cannot reach it when the lightest terms together fall
 * short of it, so only keys the heavier terms meet are summed, and only those reaching it returned
 * (the long postings are those of frequent, light terms, which most keys meet only through).
 */
class KeyCoverage {
  /** 1: met by a heavier term; 2: and listed in `met`. */
  private readonly state: Uint8Array;
  private readonly sums: Float64Array;
  private readonly met: number[] = [];

  constructor(
    private readonly postings: ReadonlyMap<string, readonly number[]>,
    keys: number,
  ) {
    this.state = new Uint8Array(keys);
    this.sums = new Float64Array(keys);
  }

  of(profile: Profile, walkable: (t: string) => boolean, minimum: number): { key: number; weight: number }[] {
    const lists: (readonly number[])[] = [];
    const weights: number[] = [];
    for (const [t, w] of profile.weights) {
      if (!walkable(t)) continue;
      lists.push(this.postings.get(t)!);
      weights.push(w);
    }
    // Far below any difference of coverage that matters, far above the rounding of a sum of terms.
    const below = minimum * (1 - 1e-9);
    const light = new Uint8Array(lists.length);
    let lightTotal = 0;
    for (const i of weights.map((_, i) => i).sort((x, y) => weights[x]! - weights[y]!)) {
      if (lightTotal + weights[i]! >= below) break;
      lightTotal += weights[i]!;
      light[i] = 1;
    }
    const { state, sums, met } = this;
    for (let i = 0; i < lists.length; i++) if (!light[i]) for (const k of lists[i]!) state[k] = 1;
    met.length = 0;
    for (let i = 0; i < lists.length; i++) {
      const w = weights[i]!;
      for (const k of lists[i]!) {
        if (state[k] === 0) continue;
        if (state[k] === 1) {
          state[k] = 2;
          met.push(k);
        }
        sums[k]! += w;
      }
    }
    // Keys short of the minimum (most of those met) are left out here rather than by the caller:
    // `below` is under it by far more than the rounding of the caller's share, so none it keeps is lost.
    const out: { key: number; weight: number }[] = [];
    for (const key of met) {
      const weight = sums[key]!;
      sums[key] = 0;
      state[key] = 0;
      if (weight >= below) out.push({ key, weight });
    }
    return out;
  }
}

/**
 * The sentence states two figures most of the claim's wordings state (its core): "324 posłów … 295"
 * and "324 do 295". Asked only of claims joined through a figure: in a claim joined by wording, a
 * figure may belong to another fact of a long sentence ("324 posłów" in Labour's vote against).
 */
function sharesFigures(terms: ReadonlySet<string>, figures: readonly string[]): boolean {
  if (figures.length < 2) return false;
  let n = 0;
  for (const t of figures) if (terms.has(t)) n++;
  return n >= 2;
}

/** The figures of a claim's core ("#324"), listed once per claim rather than per sentence it is weighed against. */
function coreFigures(profile: Profile): string[] {
  return [...profile.core.keys()].filter((t) => t.startsWith('#'));
}

/** Polarity, figures, places and dates agree with every member. */
function agrees(s: SentenceFeatures, g: SentenceGroup, wordings: readonly SentenceFeatures[], negated: boolean): boolean {
  if (denies(s) !== negated) return false;
  // Figures and places are the wording's; dates also depend on the article's day when undated.
  if (!wordings.every((m) => !numbersDisagree(s, m) && !placesDisagree(s, m))) return false;
  return datedMembers(g).every((m) => datesAligned(s, m));
}

function supports(
  s: SentenceFeatures,
  terms: ReadonlySet<string>,
  g: SentenceGroup,
  wordings: readonly SentenceFeatures[],
  profile: Profile,
  negated: boolean,
  idf: ReadonlyMap<string, number>,
): boolean {
  if (denies(s) !== negated) return false;
  let shared = 0;
  for (const t of terms) if (!t.startsWith('e:') && !t.startsWith('@') && profile.weights.has(t)) shared++;
  if (shared < SUPPORT_SHARED_WORDS) return false;
  if (profile.coreNorm > 0) {
    let core = 0;
    for (const [t, w] of profile.core) if (terms.has(t)) core += w;
    if (core < SUPPORT_CORE * profile.coreNorm) return false;
  }
  if (g.anchor && !statesAnchor(s, g.anchor)) return false;
  if (!wordings.some((m) => containment(s, m, idf, 1, MIN_SHARED) >= SUPPORT_PAIR)) return false;
  return agrees(s, g, wordings, negated);
}

const datedCache = new WeakMap<SentenceGroup, SentenceFeatures[]>();

/** One member per wording and publication day: what `datesAligned` can tell apart. */
function datedMembers(g: SentenceGroup): SentenceFeatures[] {
  let list = datedCache.get(g);
  if (!list) {
    list = [...new Map(g.members.map((m) => [copyKey(m), m])).values()];
    datedCache.set(g, list);
  }
  return list;
}
