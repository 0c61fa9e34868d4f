/**
 * Story records: the mutable per-story state the clusterer keeps, its plain-JSON form, and the
 * read-only `Story` it reports, with a headline picked as the member title closest to the centroid.
 * Members (which articles, in order) are kept beside the record (state.ts), not in it, so a story
 * of thousands of articles loads as fast as one of three.
 */
import type { Corpus } from './corpus.ts';
import { precisionSlackDays, type ArticleFeatures } from './features.ts';
import type { StoryLevel } from './options.ts';
import type { WeightedCentroid } from './similarity.ts';
import { toRecord, topOf, type Vec, type Vocabulary } from './vectors.ts';
import type { DatePrecision, Language } from '../types.ts';

/** A member headline kept to pick the story's title, with the member's top terms. */
export interface Representative {
  readonly articleId: string;
  readonly title: string;
  readonly terms: Record<string, number>;
}

/** The date span of a story (or of one article), with the precision of its ends. */
export interface DateSpan {
  first?: number;
  last?: number;
  /** Precision of the dates at `first` / `last`, so reports do not invent a day for a month. */
  firstPrecision?: DatePrecision;
  lastPrecision?: DatePrecision;
  /** Largest date uncertainty among members (month-precision dates: 15 days). */
  slackDays: number;
}

/** A story as the clusterer holds it: its record, centroid as id vectors, and index slot. */
export interface LiveStory extends DateSpan {
  id: string;
  level: StoryLevel;
  /** Articles in the story (members are kept by the story state). */
  size: number;
  /** Articles that are not near-duplicates of a member. */
  independent: number;
  /** Centroid: sum of members' unit log-TF vectors (IDF applied when compared), bounded. */
  terms: Vec;
  entities: Vec;
  languages: Partial<Record<Language, number>>;
  outlets: Record<string, number>;
  representatives: Representative[];
  /** Document count when last changed: what consolidation's "touched since" reads. */
  touched: number;
  /**
   * Ids merged into this story, in merge order each followed by its own (in memory only: stored
   * stories keep the merge edges instead, rows.ts, and readers rebuild this list from them).
   */
  mergedFrom?: string[];
  /** Dense number in the story index, never reused. */
  readonly slot: number;
  /** The centroid at some IDF, cached by the scorer (similarity.ts) until the story or the IDF moves. */
  weighted?: WeightedCentroid;
}

/** The plain-JSON form of a story (the JSON engine state, src/stories/cluster.ts `serialise`). */
export interface StoryState extends DateSpan {
  id: string;
  level: StoryLevel;
  articleIds: string[];
  independent: number;
  terms: Record<string, number>;
  entities: Record<string, number>;
  languages: Partial<Record<Language, number>>;
  outlets: Record<string, number>;
  representatives: Representative[];
  touched: number;
  mergedFrom?: string[];
}

/** The plain-JSON record of a live story with its members. */
export function toStoryState(s: LiveStory, articleIds: readonly string[], termVocab: Vocabulary, entityVocab: Vocabulary): StoryState {
  return {
    id: s.id,
    level: s.level,
    articleIds: [...articleIds],
    independent: s.independent,
    terms: toRecord(s.terms, termVocab),
    entities: toRecord(s.entities, entityVocab),
    ...copyRecord(s),
  };
}

/** A saved story made live again at `slot` (a copy: the state is not shared). */
export function toLiveStory(s: StoryState, termVocab: Vocabulary, entityVocab: Vocabulary, slot: number): LiveStory {
  return {
    id: s.id,
    level: s.level,
    size: s.articleIds.length,
    independent: s.independent,
    terms: toVec(s.terms, termVocab),
    entities: toVec(s.entities, entityVocab),
    ...copyRecord(s),
    slot,
  };
}

/** A copy of the record fields the live and the JSON form share. */
function copyRecord(s: LiveStory | StoryState) {
  return {
    languages: { ...s.languages },
    outlets: { ...s.outlets },
    ...spanOf(s),
    representatives: structuredClone(s.representatives),
    touched: s.touched,
    ...(s.mergedFrom ? { mergedFrom: [...s.mergedFrom] } : {}),
  };
}

/** The span fields of `s` that are set (absent ones stay absent, as in the JSON). */
export function spanOf(s: DateSpan): DateSpan {
  return {
    ...(s.first !== undefined ? { first: s.first } : {}),
    ...(s.last !== undefined ? { last: s.last } : {}),
    ...(s.firstPrecision ? { firstPrecision: s.firstPrecision } : {}),
    ...(s.lastPrecision ? { lastPrecision: s.lastPrecision } : {}),
    slackDays: s.slackDays,
  };
}

/** A centroid record as a vector, in the record's iteration order. */
function toVec(record: Record<string, number>, vocab: Vocabulary): Vec {
  const v: Vec = { ids: [], vals: [] };
  for (const k in record) {
    v.ids.push(vocab.id(k));
    v.vals.push(record[k]);
  }
  return v;
}

export interface Story {
  readonly id: string;
  readonly level: StoryLevel;
  readonly title?: string;
  readonly articleIds: readonly string[];
  readonly articles: number;
  /** Articles minus near-duplicates and syndicated copies. */
  readonly independentSources: number;
  /** ISO dates of the earliest and latest dated member, as precise as those dates are ("2023-09", "2023-09-15"). */
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** Entity keys by centroid weight; `name` is filled in where a caller knows the names (entity-names.ts). */
  readonly topEntities: readonly { readonly key: string; readonly weight: number; readonly name?: string }[];
  readonly topTerms: readonly string[];
  readonly languages: readonly Language[];
  readonly outlets: readonly string[];
  /** Story ids merged into this one (they resolve here). */
  readonly mergedFrom: readonly string[];
}

/** What a story list shows: a `Story` without its members (stored per story, read without the engine). */
export type StoryRecord = Omit<Story, 'articleIds'>;

const TOP = 8;

/**
 * The reported story: title, dates, top entities and terms at the corpus's current IDF.
 * @example toStory(live, members, corpus).title
 */
export function toStory(s: LiveStory, articleIds: readonly string[], corpus: Corpus, mergedFrom = s.mergedFrom ?? []): Story {
  const { terms: termVocab, entities: entityVocab, documents } = corpus;
  entityVocab.ensure(s.entities.ids);
  termVocab.prefetch(s.representatives.flatMap((r) => Object.keys(r.terms)));
  // Ranking by weight, equal weights by key, as the records' sort did.
  const weighted = corpus.idfWeighted(s.terms, termVocab, true);
  const entities = topOf(s.entities, TOP, entityVocab);
  const idf = (k: string) => Math.log(1 + documents / (termVocab.get(k) ?? 1));
  return {
    id: s.id,
    level: s.level,
    ...pickTitle(s, weighted, termVocab, idf),
    articleIds: [...articleIds],
    articles: s.size,
    independentSources: s.independent,
    ...(s.first !== undefined ? { firstSeen: isoDate(s.first, s.firstPrecision) } : {}),
    ...(s.last !== undefined ? { lastSeen: isoDate(s.last, s.lastPrecision) } : {}),
    topEntities: entities.ids.map((id, i) => ({ key: entityVocab.keys[id]!, weight: round(entities.vals[i]) })),
    topTerms: topOf(weighted, TOP, termVocab).ids.map((id) => termVocab.keys[id]!),
    languages: (Object.keys(s.languages) as Language[]).sort(),
    outlets: Object.entries(s.outlets).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k),
    mergedFrom: [...mergedFrom],
  };
}

/** The member headline whose terms sit closest to the (weighted) centroid: the most representative one. */
function pickTitle(s: Pick<LiveStory, 'representatives'>, centroid: Vec, vocab: Vocabulary, idf: (k: string) => number): { title?: string } {
  let weightOf: Map<number, number> | undefined;
  let best: string | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const r of s.representatives) {
    weightOf ??= new Map(centroid.ids.map((id, i) => [id, centroid.vals[i]]));
    let score = 0;
    let norm = 0;
    for (const [k, c] of Object.entries(r.terms)) {
      const w = (1 + Math.log(c)) * idf(k);
      norm += w * w;
      const id = vocab.find(k);
      score += w * ((id === undefined ? undefined : weightOf.get(id)) ?? 0);
    }
    // A headline cut with "…" (synthesis/title.ts) is the title only when no member's fits whole.
    score = (norm ? score / Math.sqrt(norm) : 0) - (r.title.endsWith('…') ? 2 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = r.title;
    }
  }
  return best ? { title: best } : {};
}

/** Times are period midpoints (features.ts), so cutting the ISO string keeps the right period. */
export function isoDate(ms: number, precision: DatePrecision | undefined): string {
  const iso = new Date(ms).toISOString();
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}

/**
 * Records an article as a member of `story`: counts, languages, outlets, date range, and a headline
 * while fewer than `maxRepresentatives` are kept (`representativeTerms` is only called then). The
 * member list, the centroid and the indexes are the clusterer's.
 */
export function addMember(
  story: LiveStory,
  f: ArticleFeatures,
  independent: boolean,
  maxRepresentatives: number,
  representativeTerms: () => Record<string, number>,
): void {
  story.size++;
  if (independent) story.independent++;
  story.languages[f.language] = (story.languages[f.language] ?? 0) + 1;
  if (f.outlet) story.outlets[f.outlet] = (story.outlets[f.outlet] ?? 0) + 1;
  if (f.time !== undefined) {
    extendRange(story, f.time, f.timePrecision);
    story.slackDays = Math.max(story.slackDays, precisionSlackDays(f.timePrecision));
  }
  if (f.title && story.representatives.length < maxRepresentatives) {
    story.representatives.push({ articleId: f.articleId, title: f.title, terms: representativeTerms() });
  }
}

/**
 * Adds `small`'s counts and record fields to `big` (`small` is then merged away); members and
 * centroids are the caller's. `listMerged`: extend `big.mergedFrom` (in-memory state only).
 */
export function mergeMembers(big: LiveStory, small: LiveStory, maxRepresentatives: number, listMerged: boolean): void {
  big.size += small.size;
  big.independent += small.independent;
  for (const [k, v] of Object.entries(small.languages)) big.languages[k as Language] = (big.languages[k as Language] ?? 0) + v;
  for (const [k, v] of Object.entries(small.outlets)) big.outlets[k] = (big.outlets[k] ?? 0) + v;
  if (small.first !== undefined) extendRange(big, small.first, small.firstPrecision);
  if (small.last !== undefined) extendRange(big, small.last, small.lastPrecision);
  big.slackDays = Math.max(big.slackDays, small.slackDays);
  for (const r of small.representatives) if (big.representatives.length < maxRepresentatives) big.representatives.push(r);
  if (listMerged) big.mergedFrom = [...(big.mergedFrom ?? []), small.id, ...(small.mergedFrom ?? [])];
}

const FINENESS: Record<DatePrecision, number> = { year: 0, month: 1, day: 2, minute: 3 };

/**
 * Widen a story's date range with one dated member (or another story's end). On a tie the finer
 * precision wins: a day inside the month says more than the month.
 */
export function extendRange(s: Omit<DateSpan, 'slackDays'>, time: number, precision: DatePrecision | undefined): void {
  const finer = (old: DatePrecision | undefined) => FINENESS[precision ?? 'minute'] > FINENESS[old ?? 'minute'];
  if (s.first === undefined || time < s.first || (time === s.first && finer(s.firstPrecision))) {
    s.first = time;
    if (precision) s.firstPrecision = precision;
    else delete s.firstPrecision;
  }
  if (s.last === undefined || time > s.last || (time === s.last && finer(s.lastPrecision))) {
    s.last = time;
    if (precision) s.lastPrecision = precision;
    else delete s.lastPrecision;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const DAY_MS = 86_400_000;

/** Days from `time` to the range [first, last], less both uncertainties; 0 when either is undated (undefined or NaN). */
export function gapToRange(time: number | undefined, timeSlack: number, first: number | undefined, last: number | undefined, slack: number): number {
  if (time === undefined || first === undefined || last === undefined || Number.isNaN(first) || Number.isNaN(last)) return 0;
  const raw = time < first ? first - time : time > last ? time - last : 0;
  return Math.max(0, raw / DAY_MS - timeSlack - slack);
}

/** Days between two stories' date ranges, less their date uncertainty; 0 when either is undated. */
export function storyGapDays(a: DateSpan, b: DateSpan): number {
  if (a.first === undefined || a.last === undefined || b.first === undefined || b.last === undefined) return 0;
  const raw = Math.max(0, a.first - b.last, b.first - a.last) / DAY_MS;
  return Math.max(0, raw - a.slackDays - b.slackDays);
}
