/**
 * Pure scorers for the synthesis eval (what each measures: eval/data/synthesis/GUIDELINE.md):
 * citations per fact counting one origin once, sentence statuses, conflicts against labelled pairs
 * and traps, key quotes among those shown, the summary's lead, and the first synthesis metrics
 * (verbatim, cited, redundancy, key-fact coverage). Kept apart from eval/synthesis.ts so tests can
 * call them on hand-made reports.
 */
import type { Conflict, StoryReport } from '../../src/synthesis/index.ts';
import { placeKey } from '../../src/synthesis/conflicts.ts';
import { findTimeExpressions } from '../../src/analysis/time/index.ts';
import type { Language, Span } from '../../src/types.ts';
import type { Located } from './synthesis-labels.ts';

export interface LabelledConflict {
  readonly slot: Conflict['slot'];
  readonly kind: string;
  readonly values: readonly string[];
}

export interface LabelledFact {
  readonly id: string;
  readonly anyOf: readonly string[];
}

/** A numerator and a denominator, summed over stories before dividing (micro-average). */
export interface Ratio {
  hit: number;
  of: number;
}

export const ratio = (r: Ratio, empty = 0): number => (r.of > 0 ? r.hit / r.of : empty);
export const addRatio = (into: Ratio, r: Ratio): void => {
  into.hit += r.hit;
  into.of += r.of;
};

// ---------------------------------------------------------------- values

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  jeden: 1, jedna: 1, dwa: 2, dwie: 2, dwóch: 2, dwoje: 2, dwojga: 2, trzy: 3, trzech: 3, troje: 3, trojga: 3,
  cztery: 4, czterech: 4, czworo: 4, czworga: 4, czwórki: 4, czwórka: 4, pięć: 5, pięciu: 5, pięcioro: 5, pięciorga: 5,
  sześć: 6, sześciu: 6, sześcioro: 6, siedem: 7, siedmiu: 7, osiem: 8, ośmiu: 8, dziewięć: 9, dziewięciu: 9,
  dziesięć: 10, dziesięciu: 10, milion: 1e6, miliona: 1e6, milionów: 1e6,
};
const MAGNITUDES: readonly (readonly [RegExp, number])[] = [
  [/^tys/u, 1e3], [/^mln|^milion/u, 1e6], [/^mld|^miliard/u, 1e9],
];

/** The number a labelled or reported value names: "100 tys. pasażerów" → 100000, "czworo dzieci" → 4, "10-12 mld" → 1e10. */
export function numericValue(value: string): number | undefined {
  // A range keeps its two ends in one word ("10-12 mld" → 10–12), so the magnitude after it applies.
  const words = value
    .toLocaleLowerCase('pl')
    .replace(/(\d)\s+(?=\d{3}\b)/gu, '$1')
    .replace(/(\d)\s*[-–]\s*(?=\d)/gu, '$1–')
    .split(/[\s-]+/u);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const digits = /^(\d+(?:[.,]\d+)?)/u.exec(w);
    const base = digits ? Number(digits[1]!.replace(',', '.')) : NUMBER_WORDS[w];
    if (base === undefined) continue;
    const next = words[i + 1] ?? '';
    const magnitude = MAGNITUDES.find(([re]) => re.test(next))?.[1] ?? 1;
    return base * (base === 1e6 ? 1 : magnitude);
  }
  return undefined;
}

function placeSet(value: string, language: Language): string[] {
  return value
    .split(/\s*(?:,|\bi\b|\boraz\b|\band\b)\s*/u)
    .map((v) => v.replace(/^(?:w|we|na|do|z|ze)\s+/iu, '').trim())
    .filter(Boolean)
    .map((v) => placeKey(v, language));
}

/** Place keys match when one is a word-prefix of the other ("dale wsch" ↔ "dale wsch rosj"). */
function samePlace(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}

/** Whether a reported value and a labelled one name the same thing for their slot. */
export function sameValue(slot: Conflict['slot'], a: string, b: string, language: Language): boolean {
  if (slot === 'number') {
    const x = numericValue(a);
    const y = numericValue(b);
    return x !== undefined && x === y;
  }
  if (slot === 'place') {
    const x = placeSet(a, language);
    const y = placeSet(b, language);
    return x.length === y.length && x.every((p) => y.some((q) => samePlace(p, q))) && y.every((q) => x.some((p) => samePlace(p, q)));
  }
  const norm = (v: string): string => v.toLocaleLowerCase('pl').replace(/\s+/gu, ' ').trim();
  if (slot === 'event') return sameHappeningPhrase(norm(a), norm(b));
  if (slot === 'person') {
    const surname = (v: string): string => norm(v).split(' ').at(-1)!.slice(0, 5);
    return surname(a) === surname(b);
  }
  if (slot === 'date') {
    const [x, y] = [dateKey(norm(a), language), dateKey(norm(b), language)];
    return x === y;
  }
  return norm(a) === norm(b);
}

/**
 * A labelled date as the engine keys it: a label written in words with its year ("4 stycznia 2011",
 * "18 czerwca 2009") is the ISO value the time layer reads from it ("2011-01-04"), so the label's
 * wording and the engine's key ("2011-01-04") match; anything else (ISO already, no year: "30
 * lipca") stays as written.
 */
function dateKey(v: string, language: Language): string {
  const [t, ...rest] = findTimeExpressions({ text: v, language, sentences: [{ start: 0, end: v.length }] });
  return t && rest.length === 0 && t.start === 0 && t.end === v.length && t.relation === 'absolute' && /^\d{4}/u.test(t.value) ? t.value : v;
}

/**
 * Two phrases of an `event` value ("opuści Pakistan", "nie może opuścić Pakistanu") name one
 * outcome when they agree on negation and every content word of the shorter has a word of the
 * longer with the same four-letter start (inflection and aspect pairs share it: "opuści" ↔
 * "opuścić"); modal and auxiliary words do not count.
 */
function sameHappeningPhrase(a: string, b: string): boolean {
  const words = (v: string): string[] => v.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const negated = (v: string[]): boolean => v.includes('nie') || v.includes('not');
  const [x, y] = [words(a), words(b)];
  if (negated(x) !== negated(y)) return false;
  const content = (v: string[]): string[] => v.filter((w) => w.length > 3 && !EVENT_FUNCTION_WORDS.has(w)).map((w) => w.slice(0, 4));
  const [cx, cy] = [content(x), content(y)];
  const [short, long] = cx.length <= cy.length ? [cx, cy] : [cy, cx];
  return short.length > 0 && short.every((w) => long.includes(w));
}

const EVENT_FUNCTION_WORDS = new Set(['może', 'mogą', 'można', 'musi', 'muszą', 'będzie', 'będą', 'miała', 'miał', 'mają', 'should', 'will', 'would', 'could', 'must', 'cannot']);

// ---------------------------------------------------------------- conflicts

function samePair(found: Conflict, values: readonly string[], slot: Conflict['slot'], language: Language): boolean {
  if (found.slot !== slot || found.values.length !== 2 || values.length !== 2) return false;
  const [f1, f2] = found.values.map((v) => v.value);
  const [g1, g2] = values;
  const eq = (x: string, y: string): boolean => sameValue(slot, x, y, language);
  return (eq(f1!, g1!) && eq(f2!, g2!)) || (eq(f1!, g2!) && eq(f2!, g1!));
}

export interface ConflictScore {
  readonly truePositives: number;
  readonly found: number;
  readonly labelled: number;
  /** Of the matched pairs, how many have the labelled kind. */
  readonly kindAgree: number;
  /** Found conflicts pairing two values of different happenings (labelled traps). */
  readonly crossHappening: number;
  readonly unmatched: readonly Conflict[];
  readonly missed: readonly LabelledConflict[];
  /** Matched pairs whose kind is not the labelled one. */
  readonly wrongKind: readonly { readonly found: Conflict; readonly want: LabelledConflict }[];
}

export function scoreConflicts(
  found: readonly Conflict[],
  gold: readonly LabelledConflict[],
  language: Language,
  traps: readonly { readonly kind: string; readonly slot: Conflict['slot']; readonly values: readonly string[] }[] = [],
): ConflictScore {
  let tp = 0;
  let kinds = 0;
  const used = new Set<number>();
  const unmatched: Conflict[] = [];
  const wrongKind: { found: Conflict; want: LabelledConflict }[] = [];
  for (const f of found) {
    const i = gold.findIndex((g, j) => !used.has(j) && samePair(f, g.values, g.slot, language));
    if (i < 0) {
      unmatched.push(f);
      continue;
    }
    used.add(i);
    tp++;
    if (gold[i]!.kind === f.kind) kinds++;
    else wrongKind.push({ found: f, want: gold[i]! });
  }
  const happenings = traps.filter((t) => t.kind === 'different-happening');
  const crossHappening = found.filter((f) =>
    f.values.length === 2 &&
    happenings.some((t) => {
      if (t.slot !== f.slot) return false;
      const a = t.values.findIndex((v) => sameValue(f.slot, f.values[0]!.value, v, language));
      const b = t.values.findIndex((v) => sameValue(f.slot, f.values[1]!.value, v, language));
      return a >= 0 && b >= 0 && a !== b;
    }),
  ).length;
  return {
    truePositives: tp,
    found: found.length,
    labelled: gold.length,
    kindAgree: kinds,
    crossHappening,
    unmatched,
    missed: gold.filter((_, j) => !used.has(j)),
    wrongKind,
  };
}

// ---------------------------------------------------------------- citations

export interface FactSupport {
  readonly id: string;
  /** Located supporting sentences; every supporting article has at least one. */
  readonly support: readonly Located[];
}

const inside = (s: Span, at: number): boolean => s.start <= at && at < s.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Where a missed origin's supporting sentences sit in the report: in another claim that also holds
 * the fact from two or more origins (the fact is split over claims), in another claim of two or more
 * articles (its sentence's claim is another fact), only in a claim of its own article, or in none.
 */
export type MissPlace = 'split' | 'other' | 'alone' | 'none';

export interface CitationMiss {
  readonly origin: string;
  readonly place: MissPlace;
}

export interface CitationScore {
  readonly precision: Ratio;
  readonly recall: Ratio;
  /**
   * Per fact: supporting origins missed (`misses`: where their sentences sit) and cited origins that
   * do not state the fact; `alone` when the fact's claim cites one article only (citation completion
   * leaves such claims as they are: src/synthesis/claims.ts `completeCitations`). `claim` is the
   * report's claim scored for the fact, `support` the fact's labelled sentences (to print them).
   */
  readonly details: readonly {
    readonly id: string;
    readonly missed: readonly string[];
    readonly misses: readonly CitationMiss[];
    readonly wrong: readonly string[];
    readonly found: boolean;
    readonly alone: boolean;
    readonly claim?: StoryReport['claims'][number];
    readonly support: readonly Located[];
  }[];
}

const holds = (claim: StoryReport['claims'][number], support: readonly Located[]): typeof claim.sentences =>
  claim.sentences.filter((s) => support.some((l) => l.article === s.article && inside(s, l.at)));

/** Where the sentences of a missed origin sit (`MissPlace`), the fact's own claim left out. */
function missPlace(report: StoryReport, chosen: StoryReport['claims'][number] | undefined, ofOrigin: readonly Located[], support: readonly Located[], originOf: ReadonlyMap<string, string>): MissPlace {
  const others = report.claims.filter((c) => c !== chosen && holds(c, ofOrigin).length > 0);
  const origins = (c: StoryReport['claims'][number]): number => new Set(holds(c, support).map((s) => originOf.get(s.article) ?? s.article)).size;
  if (others.some((c) => c.articles.length >= 2 && origins(c) >= 2)) return 'split';
  if (others.some((c) => c.articles.length >= 2)) return 'other';
  return others.length > 0 ? 'alone' : 'none';
}

/**
 * Citations of each fact's claim, counting one origin once. The fact's claim is the report's claim
 * holding the most supporting sentences (ties: the one citing fewer other articles); a cited origin
 * is right when every article of it that the claim cites states the fact.
 */
export function scoreCitations(report: StoryReport, facts: readonly FactSupport[], originOf: ReadonlyMap<string, string>): CitationScore {
  const precision: Ratio = { hit: 0, of: 0 };
  const recall: Ratio = { hit: 0, of: 0 };
  const details: CitationScore['details'][number][] = [];
  for (const fact of facts) {
    const supporting = new Set(fact.support.map((l) => l.article));
    const goldOrigins = new Set([...supporting].map((a) => originOf.get(a) ?? a));
    let best: { held: number; extra: number; articles: readonly string[]; claim: StoryReport['claims'][number] } | undefined;
    for (const claim of report.claims) {
      const held = new Set(holds(claim, fact.support).map((s) => s.article)).size;
      if (held === 0) continue;
      const extra = claim.articles.filter((a) => !supporting.has(a)).length;
      if (!best || held > best.held || (held === best.held && extra < best.extra)) best = { held, extra, articles: claim.articles, claim };
    }
    recall.of += goldOrigins.size;
    const misses = (missed: readonly string[]): CitationMiss[] =>
      missed.map((origin) => ({
        origin,
        place: missPlace(report, best?.claim, fact.support.filter((l) => (originOf.get(l.article) ?? l.article) === origin), fact.support, originOf),
      }));
    if (!best) {
      details.push({ id: fact.id, missed: [...goldOrigins], misses: misses([...goldOrigins]), wrong: [], found: false, alone: false, support: fact.support });
      continue;
    }
    const citedByOrigin = new Map<string, string[]>();
    for (const a of best.articles) {
      const o = originOf.get(a) ?? a;
      citedByOrigin.set(o, [...(citedByOrigin.get(o) ?? []), a]);
    }
    const wrong = [...citedByOrigin].filter(([, articles]) => !articles.every((a) => supporting.has(a))).map(([o]) => o);
    precision.of += citedByOrigin.size;
    precision.hit += citedByOrigin.size - wrong.length;
    const citedGold = new Set(best.articles.filter((a) => supporting.has(a)).map((a) => originOf.get(a) ?? a));
    recall.hit += citedGold.size;
    const missed = [...goldOrigins].filter((o) => !citedGold.has(o));
    details.push({ id: fact.id, missed, misses: misses(missed), wrong, found: true, alone: best.articles.length === 1, claim: best.claim, support: fact.support });
  }
  return { precision, recall, details };
}

// ---------------------------------------------------------------- statuses

/** The status the report shows for the sentence at `at` (its claim sentence's), or undefined. */
export function reportedStatus(report: StoryReport, located: Located): string | undefined {
  for (const claim of report.claims) {
    for (const s of claim.sentences) {
      if (s.article === located.article && inside(s, located.at)) {
        return (s as { readonly status?: string }).status ?? s.epistemic;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- quotes

export interface QuoteTarget {
  readonly located: Located;
  readonly phrase: string;
  readonly speakers: readonly string[];
  /** The located article's text: a phrase that is only the attribution is read against what follows it. */
  readonly text?: string;
}

/**
 * What may stand between an attribution and the words it introduces: a comma or colon, the
 * complementiser ("powiedział, że …") and an opening mark ("nazwał żądania „bezcelowymi”").
 */
const ATTRIBUTION_GLUE = /^[\s,:]*(?:(?:że|iż)\s+)?[„"“«]?$/u;

/**
 * Whether a shown quote starts right where a labelled attribution ends ("Rzecznik … powiedział" +
 * ", że " + the quote): the guideline lets a phrase locate the quote by its speaker and verb, and
 * an indirect quote's span is its reported words only, so overlap alone never sees such a phrase.
 */
function introducedBy(c: { readonly article: string; readonly start: number }, target: QuoteTarget, phrase: { readonly start: number; readonly end: number }): boolean {
  return target.text !== undefined && c.article === target.located.article && c.start >= phrase.end && c.start < target.located.sentence.end && ATTRIBUTION_GLUE.test(target.text.slice(phrase.end, c.start));
}

/**
 * A name as compared: case, spacing and the apostrophe's typography aside — the engine shows a name
 * as its article types it ("O’Leary"), the labels one spelling ("O'Leary").
 */
const normName = (s: string): string => s.toLocaleLowerCase('pl').replace(/[’‘ʼ`]/gu, "'").replace(/\s+/gu, ' ').trim();

/** Whether a key quote is among the shown quotes with a right speaker name (exact, case aside). */
export function keyQuoteShown(shown: StoryReport['quotes'], target: QuoteTarget): { text: boolean; speaker: boolean; shownAs: string[] } {
  // A quote shown once for several articles ("also in") counts where any of them holds the phrase.
  // The phrase may start before the quote's own span ("Ryanair uważa, że …" locates the indirect
  // quote after "że"), so any overlap with the located phrase counts, not only its first character.
  const phrase = { start: target.located.at, end: target.located.at + target.phrase.length };
  const matches = shown.filter((q) =>
    [q.citation, ...(q.alsoIn ?? [])].some((c) => (c.article === target.located.article && overlaps(c, phrase)) || introducedBy(c, target, phrase)) || q.text.includes(target.phrase),
  );
  return {
    text: matches.length > 0,
    speaker: matches.some((q) => q.speaker !== undefined && target.speakers.some((s) => normName(s) === normName(q.speaker!))),
    shownAs: matches.map((q) => q.speaker ?? '(no speaker)'),
  };
}

// ---------------------------------------------------------------- summary

/** Whether the summary's first sentence states one of the lead facts. */
export function leadCovered(report: StoryReport, lead: readonly FactSupport[], phrases: readonly string[]): boolean {
  const first = report.summary[0];
  if (!first) return false;
  const own = first.citations[0];
  return (
    phrases.some((p) => first.text.includes(p)) ||
    (own !== undefined && lead.some((f) => f.support.some((l) => l.article === own.article && inside(own, l.at))))
  );
}

/** Share of summary sentences equal to their first citation's span in the cited article. */
export function verbatimShare(report: StoryReport, texts: ReadonlyMap<string, string>): number {
  if (report.summary.length === 0) return 0;
  const ok = report.summary.filter((s) => {
    const first = s.citations[0];
    const text = first && texts.get(first.article);
    return text !== undefined && text.slice(first.start, first.end) === s.text && s.citations.every((c) => texts.has(c.article) && c.end > c.start);
  });
  return ok.length / report.summary.length;
}

export function citedShare(report: StoryReport): number {
  if (report.summary.length === 0) return 0;
  return report.summary.filter((s) => s.citations.length > 0).length / report.summary.length;
}

function stems(text: string): Set<string> {
  return new Set([...text.toLocaleLowerCase('pl').matchAll(/\p{L}{4,}/gu)].map((m) => m[0].slice(0, 6)));
}

/** Largest Jaccard overlap of 6-letter word stems between two summary sentences (0 = none shared). */
export function redundancy(report: StoryReport): number {
  const sets = report.summary.map((s) => stems(s.text));
  let max = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const inter = [...a].filter((x) => b.has(x)).length;
      const union = a.size + b.size - inter;
      if (union > 0) max = Math.max(max, inter / union);
    }
  }
  return max;
}

/** Labelled facts stated by at least one summary sentence (a phrase of the fact in its text). */
export function coveredFacts(report: StoryReport, facts: readonly LabelledFact[]): string[] {
  return facts.filter((f) => report.summary.some((s) => f.anyOf.some((p) => s.text.includes(p)))).map((f) => f.id);
}
