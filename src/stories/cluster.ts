/**
 * Incremental story clustering (issue 6): each arriving article joins the most similar open story
 * or starts one, without comparing with every stored article.
 *
 * 1. Candidates: an inverted index from distinctive lemmas and entity keys to the stories whose
 *    centroids hold them; the article looks up only its top-k terms by TF-IDF and its top entities.
 * 2. Similarity: TF-IDF cosine of the article to each candidate's centroid (IDF read at comparison
 *    time, so it follows the growing corpus), plus entity-key cosine, times a time kernel over the
 *    gap to the story's date range (undated articles: no time penalty, placed by content alone).
 *    Across languages only entity keys and numbers can match, so the entity share takes over.
 * 3. Near-duplicates (`duplicateOf`, or MinHash ≥ 0.9) join their original's story and are not
 *    counted as independent sources.
 * 4. After a join, a story that now matches another candidate story strongly is merged into it; the
 *    merge is recorded and the old id keeps resolving.
 * The whole state is plain JSON (`serialise` / `restoreClusterer`), so the CLI can persist it.
 */
import { bandKeys, NEAR_DUPLICATE_SIMILARITY, similarity as fingerprintSimilarity } from './fingerprint.ts';
import { precisionSlackDays, type ArticleFeatures } from './features.ts';
import { presetFor, type ClusterOptions, type StoryLevel } from './options.ts';
import { extendRange, toStory, type Story, type StoryState } from './story.ts';
import type { Language } from '../types.ts';

export type { ClusterOptions, StoryLevel } from './options.ts';
export type { Story } from './story.ts';

export interface StoryAssignment {
  readonly articleId: string;
  readonly storyId: string;
  readonly created: boolean;
  /** Similarity to the story joined (1 for a new story or a near-duplicate). */
  readonly similarity: number;
  /** Set when joining made this story merge into another one: the id that now holds it. */
  readonly mergedInto?: string;
  /** Stories merged away by this article (they now resolve to `storyId`). */
  readonly absorbed?: readonly string[];
}

export interface Clusterer {
  readonly options: ClusterOptions;
  add(features: ArticleFeatures): StoryAssignment;
  /** Current stories (merged-away ones excluded), largest first. */
  stories(): Story[];
  story(id: string): Story | undefined;
  /** The current id of a story, following merges; undefined for ids never seen. */
  resolve(id: string): string | undefined;
  /** The story an article is in now. */
  storyOf(articleId: string): string | undefined;
  /**
   * Stories related to `storyId` by centroid similarity under other weights (the storyline level
   * links events with this), found through the same index; best first.
   */
  related(storyId: string, weights: RelatedWeights): { id: string; similarity: number }[];
  /**
   * Merge stories whose centroids now match (smallest first): a story that started before its
   * subject's vocabulary settled never gets a join that would trigger the merge. Run it at the end
   * of a batch and periodically (e.g. after each ingest run) in a stream. Returns the merges made.
   */
  consolidate(): { from: string; into: string }[];
  serialise(): ClustererState;
}

/** How `related` scores two stories: entity-heavy, wide time scale for storylines. */
export interface RelatedWeights {
  readonly termWeight: number;
  readonly entityWeight: number;
  readonly timeScaleDays: number;
  readonly windowDays: number;
  readonly minSimilarity: number;
}

/** Plain-JSON state: what the CLI stores between runs. */
export interface ClustererState {
  readonly version: 1;
  readonly options: ClusterOptions;
  readonly documents: number;
  readonly termDf: Record<string, number>;
  readonly entityDf: Record<string, number>;
  readonly stories: StoryState[];
  /** Merged-away story id → the story it went into. */
  readonly mergedInto: Record<string, string>;
  /** Article id → story id at the time it was added (resolve() for the current one). */
  readonly articleStory: Record<string, string>;
  /** MinHash band key → the article that first had it (near-duplicate lookup). */
  readonly bands: Record<string, string>;
  readonly nextSerial: number;
}

const DAY_MS = 86_400_000;

/**
 * A clusterer for one level ('event' by default), optionally restored from saved state.
 * @example const c = createClusterer(); for (const f of features) c.add(f); c.stories()
 */
export function createClusterer(options: Partial<ClusterOptions> & { level?: StoryLevel } = {}): Clusterer {
  return new IncrementalClusterer(presetFor(options));
}

/** Rebuild a clusterer from `serialise()` output. */
export function restoreClusterer(state: ClustererState): Clusterer {
  // Options added since the state was saved take their preset values.
  const c = new IncrementalClusterer(presetFor(state.options));
  c.load(state);
  return c;
}

/**
 * Batch (`--rebuild`): the same algorithm over the stream sorted by time, undated articles last so
 * they are placed by content against every dated story, then one consolidation pass.
 */
export function clusterBatch(features: readonly ArticleFeatures[], options: Partial<ClusterOptions> & { level?: StoryLevel } = {}): Story[] {
  const c = createClusterer(options);
  for (const f of sortForBatch(features)) c.add(f);
  c.consolidate();
  return c.stories();
}

export function sortForBatch(features: readonly ArticleFeatures[]): ArticleFeatures[] {
  return [...features].sort((a, b) => {
    if (a.time === undefined || b.time === undefined) return a.time === undefined ? (b.time === undefined ? 0 : 1) : -1;
    return a.time - b.time || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);
  });
}

/** A story's centroid with current IDF applied, and its norm; reused until the story or the IDF moves. */
interface WeightedCentroid {
  readonly terms: Map<string, number>;
  readonly termNorm: number;
  readonly entities: Map<string, number>;
  readonly entityNorm: number;
  readonly touched: number;
  readonly documents: number;
}

/**
 * IDF drift tolerated before a cached centroid is re-weighted: 5% more documents changes ln(1 + N/df)
 * by under 0.05 for any df, well below the gaps between join and no-join similarities.
 */
const IDF_REFRESH = 0.05;

interface Weighted {
  readonly key: string;
  readonly weight: number;
}

class IncrementalClusterer implements Clusterer {
  private documents = 0;
  private readonly termDf = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private readonly live = new Map<string, StoryState>();
  private readonly mergedInto = new Map<string, string>();
  private readonly articleStory = new Map<string, string>();
  private readonly bands = new Map<string, string>();
  /** Index key (`t:` term / `e:` entity) → story ids, most recently touched last, capped. */
  private readonly postings = new Map<string, Set<string>>();
  private nextSerial = 1;
  private readonly weighted = new Map<string, WeightedCentroid>();

  constructor(readonly options: ClusterOptions) {}

  add(f: ArticleFeatures): StoryAssignment {
    if (this.articleStory.has(f.articleId)) {
      const storyId = this.resolve(this.articleStory.get(f.articleId)!)!;
      return { articleId: f.articleId, storyId, created: false, similarity: 1 };
    }
    this.countDocument(f);
    const original = this.findOriginal(f);
    if (original) {
      const story = this.live.get(original)!;
      this.join(story, f, false);
      return { articleId: f.articleId, storyId: story.id, created: false, similarity: 1 };
    }
    const termVec = truncate(this.weigh(f.terms, this.termDf), this.options.articleTerms);
    const entityVec = truncate(this.weigh(f.entities, this.entityDf), this.options.centroidEntities);
    let best: StoryState | undefined;
    let bestSim = 0;
    const close: { story: StoryState; sim: number }[] = [];
    for (const story of this.candidates(f, termVec, entityVec)) {
      const sim = this.similarity(f, termVec, entityVec, story);
      if (sim >= this.options.mergeThreshold) close.push({ story, sim });
      if (sim > bestSim || (sim === bestSim && best && story.id < best.id)) {
        best = story;
        bestSim = sim;
      }
    }
    if (!best || bestSim < this.options.threshold) {
      const story = this.open(f);
      return { articleId: f.articleId, storyId: story.id, created: true, similarity: 1 };
    }
    this.join(best, f, true);
    if (this.options.mergeByCentroid) {
      for (const r of this.related(best.id, { ...this.options, windowDays: this.options.windowDays, minSimilarity: this.options.mergeThreshold })) {
        const other = this.live.get(r.id);
        if (other && !close.some((c) => c.story.id === r.id)) close.push({ story: other, sim: r.similarity });
      }
    }
    const { into, absorbed } = this.mergeIfOneEvent(best, close);
    return {
      articleId: f.articleId,
      storyId: into,
      created: false,
      similarity: bestSim,
      ...(into !== best.id ? { mergedInto: into } : {}),
      ...(absorbed.length ? { absorbed } : {}),
    };
  }

  stories(): Story[] {
    return [...this.live.values()]
      .map((s) => toStory(s, this.termDf, this.documents))
      .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
  }

  story(id: string): Story | undefined {
    const current = this.resolve(id);
    const state = current ? this.live.get(current) : undefined;
    return state ? toStory(state, this.termDf, this.documents) : undefined;
  }

  resolve(id: string): string | undefined {
    let current = id;
    for (let hops = 0; hops < 10_000; hops++) {
      if (this.live.has(current)) return current;
      const next = this.mergedInto.get(current);
      if (!next) return undefined;
      current = next;
    }
    return undefined;
  }

  storyOf(articleId: string): string | undefined {
    const at = this.articleStory.get(articleId);
    return at ? this.resolve(at) : undefined;
  }

  related(storyId: string, w: RelatedWeights): { id: string; similarity: number }[] {
    const story = this.live.get(this.resolve(storyId) ?? '');
    if (!story) return [];
    const hits = new Set<string>();
    const keys = [
      ...topK(this.idfWeighted(story.terms, this.termDf), this.options.queryTerms).map((t) => `t:${t.key}`),
      ...topK(this.idfWeighted(story.entities, this.entityDf), this.options.queryEntities).map((e) => `e:${e.key}`),
    ];
    for (const key of keys) for (const id of this.postings.get(key) ?? []) if (id !== story.id) hits.add(id);
    const out: { id: string; similarity: number }[] = [];
    for (const id of hits) {
      const other = this.live.get(id);
      if (!other) continue;
      const sim = this.storySimilarity(story, other, w);
      if (sim >= w.minSimilarity && storyGapDays(story, other) <= w.windowDays) out.push({ id, similarity: sim });
    }
    return out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  }

  consolidate(): { from: string; into: string }[] {
    const merges: { from: string; into: string }[] = [];
    const order = [...this.live.values()].sort((a, b) => a.articleIds.length - b.articleIds.length || (a.id < b.id ? -1 : 1));
    for (const small of order) {
      if (!this.live.has(small.id)) continue;
      const best = this.related(small.id, { ...this.options, minSimilarity: this.options.mergeThreshold })[0];
      const other = best && this.live.get(best.id);
      if (!other) continue;
      const [big, gone] = other.articleIds.length >= small.articleIds.length ? [other, small] : [small, other];
      this.absorb(big, gone);
      merges.push({ from: gone.id, into: big.id });
    }
    if (this.options.attachFloor > 0) this.attachStragglers(order, merges);
    return merges;
  }

  /**
   * A small story whose centroid points clearly at one larger story joins it, even below
   * `mergeThreshold`: a broad storyline centroid is diluted by its many sub-events, so an on-topic
   * side story scores low against it in absolute terms, yet still far above every other story.
   * "Clearly" = at least `attachDominance` × both the runner-up and `attachFloor` (a lone candidate
   * must clear the floor by the same margin: being the only story in the window is weak evidence).
   */
  private attachStragglers(ascending: readonly StoryState[], merges: { from: string; into: string }[]): void {
    const o = this.options;
    const weights = { ...o, minSimilarity: o.attachFloor / o.attachDominance };
    // Bounded cost on a large store: only the biggest stories are attach targets beyond the index hits.
    const established = [...this.live.values()].filter((s) => s.articleIds.length > o.attachMaxSize)
      .sort((a, b) => b.articleIds.length - a.articleIds.length || (a.id < b.id ? -1 : 1)).slice(0, o.attachTargets);
    for (const small of ascending) {
      if (!this.live.has(small.id) || small.articleIds.length > o.attachMaxSize) continue;
      // Index keys find neighbours by rare terms, which a broad centroid does not rank among its
      // top keys: the largest established stories in the window are scored directly as well.
      const ranked = this.related(small.id, weights);
      for (const other of established) {
        if (ranked.some((r) => r.id === other.id) || storyGapDays(small, other) > o.windowDays) continue;
        const similarity = this.storySimilarity(small, other, o);
        if (similarity >= weights.minSimilarity) ranked.push({ id: other.id, similarity });
      }
      ranked.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
      const [best, second] = ranked;
      const big = best && this.live.get(best.id);
      if (!big || big.articleIds.length <= small.articleIds.length) continue;
      if (best.similarity < o.attachDominance * Math.max(second?.similarity ?? 0, o.attachFloor)) continue;
      this.absorb(big, small);
      merges.push({ from: small.id, into: big.id });
    }
  }

  serialise(): ClustererState {
    return {
      version: 1,
      options: this.options,
      documents: this.documents,
      termDf: Object.fromEntries(this.termDf),
      entityDf: Object.fromEntries(this.entityDf),
      stories: [...this.live.values()].map((s) => structuredClone(s)),
      mergedInto: Object.fromEntries(this.mergedInto),
      articleStory: Object.fromEntries(this.articleStory),
      bands: Object.fromEntries(this.bands),
      nextSerial: this.nextSerial,
    };
  }

  load(state: ClustererState): void {
    this.documents = state.documents;
    for (const [k, v] of Object.entries(state.termDf)) this.termDf.set(k, v);
    for (const [k, v] of Object.entries(state.entityDf)) this.entityDf.set(k, v);
    for (const [k, v] of Object.entries(state.mergedInto)) this.mergedInto.set(k, v);
    for (const [k, v] of Object.entries(state.articleStory)) this.articleStory.set(k, v);
    for (const [k, v] of Object.entries(state.bands)) this.bands.set(k, v);
    this.nextSerial = state.nextSerial;
    // Postings are derived data: rebuilt in story order, so restored lookups match the original's.
    for (const s of [...state.stories].sort((a, b) => a.touched - b.touched)) {
      const story = structuredClone(s);
      this.live.set(story.id, story);
      this.index(story);
    }
  }

  // --- 1. candidates ------------------------------------------------------------------------

  private candidates(f: ArticleFeatures, termVec: Map<string, number>, entityVec: Map<string, number>): StoryState[] {
    if (this.options.exhaustive) return [...this.live.values()].filter((s) => this.gapDays(f, s) <= this.options.windowDays);
    const hits = new Map<string, number>();
    const look = (key: string, weight: number) => {
      const ids = this.postings.get(key);
      if (ids) for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + weight);
    };
    for (const t of topK(termVec, this.options.queryTerms)) look(`t:${t.key}`, t.weight);
    for (const e of topK(entityVec, this.options.queryEntities)) look(`e:${e.key}`, e.weight);
    const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const out: StoryState[] = [];
    for (const [id] of ranked) {
      const story = this.live.get(id);
      if (!story || this.gapDays(f, story) > this.options.windowDays) continue;
      out.push(story);
      if (out.length >= this.options.maxCandidates) break;
    }
    return out;
  }

  private index(story: StoryState): void {
    const w = this.centroid(story);
    const keys = [
      ...topK(w.terms, this.options.indexTerms).map((t) => `t:${t.key}`),
      ...topK(w.entities, this.options.indexEntities).map((e) => `e:${e.key}`),
    ];
    for (const key of keys) {
      let ids = this.postings.get(key);
      if (!ids) this.postings.set(key, (ids = new Set()));
      ids.delete(story.id); // re-insert: most recently touched stories stay in a capped list
      ids.add(story.id);
      if (ids.size > this.options.postingCap) ids.delete(ids.values().next().value!);
    }
  }

  // --- 2. similarity ------------------------------------------------------------------------

  private similarity(f: ArticleFeatures, termVec: Map<string, number>, entityVec: Map<string, number>, story: StoryState): number {
    const o = this.options;
    const w = this.centroid(story);
    const termCos = cosineWithNorm(termVec, w.terms, w.termNorm);
    const entityCos = cosineWithNorm(entityVec, w.entities, w.entityNorm);
    const sameLanguage = f.language === 'und' || story.languages[f.language] !== undefined
      || Object.keys(story.languages).every((l) => l === 'und');
    const content = sameLanguage
      ? o.termWeight * termCos + o.entityWeight * entityCos
      : o.crossEntityWeight * entityCos + (1 - o.crossEntityWeight) * termCos;
    const gap = this.gapDays(f, story);
    return gap === 0 ? content : content * Math.exp(-gap / o.timeScaleDays);
  }

  /** Days between the article and the story's date range, less what the dates' precision leaves open. */
  private gapDays(f: ArticleFeatures, story: StoryState): number {
    if (f.time === undefined || story.first === undefined || story.last === undefined) return 0;
    const raw = f.time < story.first ? story.first - f.time : f.time > story.last ? f.time - story.last : 0;
    return Math.max(0, raw / DAY_MS - precisionSlackDays(f.timePrecision) - story.slackDays);
  }

  private centroid(story: StoryState): WeightedCentroid {
    const cached = this.weighted.get(story.id);
    if (cached && cached.touched === story.touched && this.documents - cached.documents <= cached.documents * IDF_REFRESH) return cached;
    const terms = this.idfWeighted(story.terms, this.termDf);
    const entities = this.idfWeighted(story.entities, this.entityDf);
    const fresh = { terms, termNorm: norm(terms), entities, entityNorm: norm(entities), touched: story.touched, documents: this.documents };
    this.weighted.set(story.id, fresh);
    return fresh;
  }

  /** Log-scaled term frequency × current IDF, for a count map. */
  private weigh(counts: ReadonlyMap<string, number>, df: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const [k, c] of counts) out.set(k, (1 + Math.log(c)) * this.idf(k, df));
    return out;
  }

  private idfWeighted(centroid: Record<string, number>, df: Map<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const k in centroid) out.set(k, centroid[k] * this.idf(k, df));
    return out;
  }

  private idf(key: string, df: Map<string, number>): number {
    return Math.log(1 + this.documents / (df.get(key) ?? 1));
  }

  private countDocument(f: ArticleFeatures): void {
    this.documents++;
    for (const k of f.terms.keys()) this.termDf.set(k, (this.termDf.get(k) ?? 0) + 1);
    for (const k of f.entities.keys()) this.entityDf.set(k, (this.entityDf.get(k) ?? 0) + 1);
  }

  // --- 3. near-duplicates -------------------------------------------------------------------

  private findOriginal(f: ArticleFeatures): string | undefined {
    if (f.duplicateOf) {
      const story = this.storyOf(f.duplicateOf);
      if (story) return story;
    }
    if (!f.fingerprint) return undefined;
    for (const band of bandKeys(f.fingerprint)) {
      const other = this.bands.get(band);
      if (!other) continue;
      const story = this.storyOf(other);
      const state = story ? this.live.get(story) : undefined;
      const print = state?.fingerprints[other];
      if (state && print && fingerprintSimilarity(print, f.fingerprint) >= NEAR_DUPLICATE_SIMILARITY) return state.id;
    }
    return undefined;
  }

  // --- story bookkeeping --------------------------------------------------------------------

  private open(f: ArticleFeatures): StoryState {
    const story: StoryState = {
      id: `${this.options.level === 'event' ? 'ev' : 'sl'}-${f.articleId.slice(0, 16)}`,
      level: this.options.level,
      articleIds: [],
      independent: 0,
      terms: {},
      entities: {},
      languages: {},
      outlets: {},
      slackDays: 0,
      representatives: [],
      fingerprints: {},
      touched: 0,
    };
    if (this.live.has(story.id) || this.mergedInto.has(story.id)) story.id = `${story.id}-${this.nextSerial++}`;
    this.live.set(story.id, story);
    this.join(story, f, true);
    return story;
  }

  private join(story: StoryState, f: ArticleFeatures, independent: boolean): void {
    story.articleIds.push(f.articleId);
    if (independent) story.independent++;
    this.articleStory.set(f.articleId, story.id);
    addNormalised(story.terms, f.terms);
    addNormalised(story.entities, f.entities);
    this.prune(story);
    story.languages[f.language] = (story.languages[f.language] ?? 0) + 1;
    if (f.outlet) story.outlets[f.outlet] = (story.outlets[f.outlet] ?? 0) + 1;
    if (f.time !== undefined) {
      extendRange(story, f.time, f.timePrecision);
      story.slackDays = Math.max(story.slackDays, precisionSlackDays(f.timePrecision));
    }
    if (f.title && story.representatives.length < this.options.representatives) {
      story.representatives.push({ articleId: f.articleId, title: f.title, terms: topTermsRecord(f.terms, 12) });
    }
    if (f.fingerprint && independent) {
      story.fingerprints[f.articleId] = [...f.fingerprint];
      for (const band of bandKeys(f.fingerprint)) if (!this.bands.has(band)) this.bands.set(band, f.articleId);
    }
    story.touched = this.documents;
    this.weighted.delete(story.id);
    this.index(story);
  }

  /** Keep the centroid bounded: only the top terms by current TF-IDF survive. */
  private prune(story: StoryState): void {
    for (const [field, df, cap] of [['terms', this.termDf, this.options.centroidTerms], ['entities', this.entityDf, this.options.centroidEntities]] as const) {
      const centroid = story[field];
      const keys = Object.keys(centroid);
      if (keys.length <= cap * 1.5) continue; // prune in batches, not on every add
      const kept = topK(this.idfWeighted(centroid, df), cap);
      const next: Record<string, number> = {};
      for (const k of kept) next[k.key] = centroid[k.key];
      story[field] = next;
    }
  }

  // --- 4. merges ----------------------------------------------------------------------------

  /** Merge `story` with candidates the new article tied them to, when the centroids agree. */
  private mergeIfOneEvent(story: StoryState, close: readonly { story: StoryState; sim: number }[]): { into: string; absorbed: string[] } {
    let into: StoryState = story;
    const absorbed: string[] = [];
    for (const { story: other } of close) {
      if (other.id === into.id || !this.live.has(other.id) || !this.live.has(into.id)) continue;
      const centroidSim = this.storySimilarity(into, other);
      if (centroidSim < this.options.mergeThreshold) continue;
      const [big, small] = other.articleIds.length >= into.articleIds.length ? [other, into] : [into, other];
      this.absorb(big, small);
      absorbed.push(small.id);
      into = big;
    }
    return { into: into.id, absorbed };
  }

  private storySimilarity(a: StoryState, b: StoryState, o: Pick<ClusterOptions, 'termWeight' | 'entityWeight' | 'timeScaleDays'> = this.options): number {
    const wa = this.centroid(a);
    const wb = this.centroid(b);
    const termCos = cosineWithNorm(wa.terms, wb.terms, wb.termNorm, wa.termNorm);
    const entityCos = cosineWithNorm(wa.entities, wb.entities, wb.entityNorm, wa.entityNorm);
    return (o.termWeight * termCos + o.entityWeight * entityCos) * Math.exp(-storyGapDays(a, b) / o.timeScaleDays);
  }

  private absorb(big: StoryState, small: StoryState): void {
    for (const id of small.articleIds) big.articleIds.push(id);
    big.independent += small.independent;
    for (const field of ['terms', 'entities'] as const) {
      for (const [k, v] of Object.entries(small[field])) big[field][k] = (big[field][k] ?? 0) + v;
    }
    for (const [k, v] of Object.entries(small.languages)) big.languages[k as Language] = (big.languages[k as Language] ?? 0) + v;
    for (const [k, v] of Object.entries(small.outlets)) big.outlets[k] = (big.outlets[k] ?? 0) + v;
    if (small.first !== undefined) extendRange(big, small.first, small.firstPrecision);
    if (small.last !== undefined) extendRange(big, small.last, small.lastPrecision);
    big.slackDays = Math.max(big.slackDays, small.slackDays);
    for (const r of small.representatives) if (big.representatives.length < this.options.representatives) big.representatives.push(r);
    Object.assign(big.fingerprints, small.fingerprints);
    big.mergedFrom = [...(big.mergedFrom ?? []), small.id, ...(small.mergedFrom ?? [])];
    this.live.delete(small.id);
    this.weighted.delete(small.id);
    this.mergedInto.set(small.id, big.id);
    this.prune(big);
    big.touched = this.documents;
    this.weighted.delete(big.id);
    this.index(big);
  }
}

/** Days between two stories' date ranges, less their date uncertainty; 0 when either is undated. */
function storyGapDays(a: StoryState, b: StoryState): number {
  if (a.first === undefined || a.last === undefined || b.first === undefined || b.last === undefined) return 0;
  const raw = Math.max(0, a.first - b.last, b.first - a.last) / DAY_MS;
  return Math.max(0, raw - a.slackDays - b.slackDays);
}

/** Add an article's counts to a centroid as a unit-length log-TF vector, so long articles do not dominate. */
function addNormalised(centroid: Record<string, number>, counts: ReadonlyMap<string, number>): void {
  let norm = 0;
  for (const c of counts.values()) norm += (1 + Math.log(c)) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (const [k, c] of counts) centroid[k] = (centroid[k] ?? 0) + (1 + Math.log(c)) / norm;
}

function topTermsRecord(counts: ReadonlyMap<string, number>, k: number): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k));
}

export function topK(vec: ReadonlyMap<string, number>, k: number): Weighted[] {
  const all: Weighted[] = [];
  for (const [key, weight] of vec) all.push({ key, weight });
  all.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return all.slice(0, k);
}

/** The `k` heaviest entries: an article is compared by its distinctive terms only (cost and noise). */
function truncate(v: Map<string, number>, k: number): Map<string, number> {
  return v.size <= k ? v : new Map(topK(v, k).map((w) => [w.key, w.weight]));
}

function norm(v: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const x of v.values()) n += x * x;
  return Math.sqrt(n);
}

/** Cosine with `b`'s norm (and optionally `a`'s) known: iterates `a` only. */
function cosineWithNorm(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, bNorm: number, aNorm?: number): number {
  if (a.size === 0 || bNorm === 0) return 0;
  let dot = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  if (dot === 0) return 0;
  return dot / ((aNorm ?? norm(a)) * bNorm);
}
