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
import { precisionSlackDays, type ArticleFeatures } from './features.ts';
import { presetFor, type ClusterOptions, type StoryLevel } from './options.ts';
import { NearDuplicateIndex } from './near-duplicates.ts';
import { StoryIndex } from './story-index.ts';
import { mark, norm, topOf, topTermsRecord, truncate, unmark, Vocabulary, type Vec } from './vectors.ts';
import { extendRange, gapToRange, storyGapDays, toLiveStory, toStory, toStoryState, type LiveStory, type Story, type StoryState } from './story.ts';
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
   * of a batch and periodically (e.g. after each ingest run) in a stream; each pass looks at the
   * stories touched since the previous one. Returns the merges made.
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
  /** Documents seen at the last consolidation: stories touched since are the ones it re-examines. */
  readonly consolidatedAt?: number;
}

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
  readonly terms: Vec;
  readonly termNorm: number;
  readonly entities: Vec;
  readonly entityNorm: number;
  readonly touched: number;
  readonly documents: number;
}

/**
 * IDF drift tolerated before a cached centroid is re-weighted: 5% more documents changes ln(1 + N/df)
 * by under 0.05 for any df, well below the gaps between join and no-join similarities.
 */
const IDF_REFRESH = 0.05;

/** Weighted vectors of the centroid fields `prune()` just cut, in the centroid's key order. */
interface PrunedWeights {
  terms?: Vec;
  entities?: Vec;
}

/** Ids of an article's term and entity keys, in the order of its count maps. */
interface ArticleIds {
  readonly terms: number[];
  readonly entities: number[];
}

class IncrementalClusterer implements Clusterer {
  private documents = 0;
  private readonly termVocab = new Vocabulary();
  private readonly entityVocab = new Vocabulary();
  private readonly live = new Map<string, LiveStory>();
  private readonly mergedInto = new Map<string, string>();
  private readonly articleStory = new Map<string, string>();
  private readonly nearDuplicates = new NearDuplicateIndex();
  /** Positions (1-based) of the current article's entity ids while its candidates are scored; else zero. */
  private entityMarks = new Float64Array(1024);
  /** Per-position products of `markedCosine`, zero between uses. */
  private products = new Float64Array(64);
  private nextSerial = 1;
  private consolidatedAt = 0;
  private readonly weighted = new Map<string, WeightedCentroid>();
  /** Scratch indexed by vocabulary id, all zero between uses (dot products, centroid updates). */
  private scratch = new Float64Array(1024);

  private readonly index: StoryIndex;

  constructor(readonly options: ClusterOptions) {
    this.index = new StoryIndex(options, this.termVocab, this.entityVocab);
  }

  add(f: ArticleFeatures): StoryAssignment {
    if (this.articleStory.has(f.articleId)) {
      const storyId = this.resolve(this.articleStory.get(f.articleId)!)!;
      return { articleId: f.articleId, storyId, created: false, similarity: 1 };
    }
    const ids = this.countDocument(f);
    const original = this.findOriginal(f);
    if (original) {
      const story = this.live.get(original)!;
      this.join(story, f, ids, false);
      return { articleId: f.articleId, storyId: story.id, created: false, similarity: 1 };
    }
    const termVec = truncate(this.weigh(f.terms, ids.terms, this.termVocab), this.options.articleTerms, this.termVocab);
    const entityVec = truncate(this.weigh(f.entities, ids.entities, this.entityVocab), this.options.centroidEntities, this.entityVocab);
    const termNorm = norm(termVec);
    const entityNorm = norm(entityVec);
    let best: LiveStory | undefined;
    let bestSim = 0;
    const close: { story: LiveStory; sim: number }[] = [];
    const candidates = this.options.exhaustive
      ? [...this.live.values()].filter((s) => this.gapDays(f, s) <= this.options.windowDays)
      : this.index.candidates(f, termVec, entityVec);
    mark(termVec, this.scratch);
    mark(entityVec, this.entityMarks);
    for (const story of candidates) {
      const sim = this.similarity(f, termVec, termNorm, entityVec, entityNorm, story);
      if (sim >= this.options.mergeThreshold) close.push({ story, sim });
      if (sim > bestSim || (sim === bestSim && best && story.id < best.id)) {
        best = story;
        bestSim = sim;
      }
    }
    unmark(termVec, this.scratch);
    unmark(entityVec, this.entityMarks);
    if (!best || bestSim < this.options.threshold) {
      const story = this.open(f, ids);
      return { articleId: f.articleId, storyId: story.id, created: true, similarity: 1 };
    }
    this.join(best, f, ids, true);
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
      .map((s) => toStory(this.toState(s), this.termVocab, this.documents))
      .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
  }

  story(id: string): Story | undefined {
    const current = this.resolve(id);
    const state = current ? this.live.get(current) : undefined;
    return state ? toStory(this.toState(state), this.termVocab, this.documents) : undefined;
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
    const hits = this.index.neighbours(story, { terms: this.idfWeighted(story.terms, this.termVocab), entities: this.idfWeighted(story.entities, this.entityVocab) });
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
    // Only stories touched since the last pass can newly match (untouched centroids have not moved;
    // their partners are still found through the index), so a pass after each ingest batch costs
    // what the batch changed, not the whole store.
    const since = this.consolidatedAt;
    const order = [...this.live.values()].filter((s) => s.touched > since)
      .sort((a, b) => a.articleIds.length - b.articleIds.length || (a.id < b.id ? -1 : 1));
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
    this.consolidatedAt = this.documents;
    return merges;
  }

  /**
   * A small story whose centroid points clearly at one larger story joins it, even below
   * `mergeThreshold`: a broad storyline centroid is diluted by its many sub-events, so an on-topic
   * side story scores low against it in absolute terms, yet still far above every other story.
   * "Clearly" = at least `attachDominance` × both the runner-up and `attachFloor` (a lone candidate
   * must clear the floor by the same margin: being the only story in the window is weak evidence).
   */
  private attachStragglers(ascending: readonly LiveStory[], merges: { from: string; into: string }[]): void {
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
      termDf: this.termVocab.toRecord(),
      entityDf: this.entityVocab.toRecord(),
      stories: [...this.live.values()].map((s) => structuredClone(this.toState(s))),
      mergedInto: Object.fromEntries(this.mergedInto),
      articleStory: Object.fromEntries(this.articleStory),
      bands: this.nearDuplicates.toRecord(),
      nextSerial: this.nextSerial,
      consolidatedAt: this.consolidatedAt,
    };
  }

  load(state: ClustererState): void {
    this.documents = state.documents;
    for (const [k, v] of Object.entries(state.termDf)) this.termVocab.df[this.termVocab.id(k)] = v;
    for (const [k, v] of Object.entries(state.entityDf)) this.entityVocab.df[this.entityVocab.id(k)] = v;
    for (const [k, v] of Object.entries(state.mergedInto)) this.mergedInto.set(k, v);
    for (const [k, v] of Object.entries(state.articleStory)) this.articleStory.set(k, v);
    this.nearDuplicates.load(state.bands);
    this.nextSerial = state.nextSerial;
    this.consolidatedAt = state.consolidatedAt ?? 0;
    // Postings are derived data: rebuilt in story order, so restored lookups match the original's.
    for (const s of [...state.stories].sort((a, b) => a.touched - b.touched)) {
      const story = toLiveStory(s, this.termVocab, this.entityVocab, this.index.nextSlot);
      this.live.set(story.id, story);
      this.index.add(story);
      this.growScratch();
      this.index.update(story, this.centroid(story));
    }
  }

  /** The plain-JSON record of a live story. */
  private toState(s: LiveStory): StoryState {
    return toStoryState(s, this.termVocab, this.entityVocab);
  }

  // --- 2. similarity ------------------------------------------------------------------------

  private similarity(f: ArticleFeatures, termVec: Vec, termNorm: number, entityVec: Vec, entityNorm: number, story: LiveStory): number {
    const o = this.options;
    const w = this.centroid(story);
    const termCos = this.markedCosine(termVec, termNorm, this.scratch, w.terms, w.termNorm);
    const entityCos = this.markedCosine(entityVec, entityNorm, this.entityMarks, w.entities, w.entityNorm);
    const sameLanguage = f.language === 'und' || story.languages[f.language] !== undefined
      || Object.keys(story.languages).every((l) => l === 'und');
    const content = sameLanguage
      ? o.termWeight * termCos + o.entityWeight * entityCos
      : o.crossEntityWeight * entityCos + (1 - o.crossEntityWeight) * termCos;
    const gap = this.gapDays(f, story);
    return gap === 0 ? content : content * Math.exp(-gap / o.timeScaleDays);
  }

  /** Days between the article and the story's date range, less what the dates' precision leaves open. */
  private gapDays(f: ArticleFeatures, story: LiveStory): number {
    return gapToRange(f.time, precisionSlackDays(f.timePrecision), story.first, story.last, story.slackDays);
  }

  /** `pruned`: weighted vectors `prune()` just computed at the current IDF (not cached yet). */
  private centroid(story: LiveStory, pruned?: PrunedWeights): WeightedCentroid {
    const cached = this.weighted.get(story.id);
    if (cached && cached.touched === story.touched && this.documents - cached.documents <= cached.documents * IDF_REFRESH) return cached;
    const terms = pruned?.terms ?? this.idfWeighted(story.terms, this.termVocab);
    const entities = pruned?.entities ?? this.idfWeighted(story.entities, this.entityVocab);
    const fresh = { terms, termNorm: norm(terms), entities, entityNorm: norm(entities), touched: story.touched, documents: this.documents };
    this.weighted.set(story.id, fresh);
    return fresh;
  }

  /**
   * Cosine of `a` and `b` with both norms known. `b` is spread into the scratch so each of `a`'s
   * entries is one array read; the dot product sums in `a`'s order, as a lookup per entry would.
   */
  private cosine(a: Vec, aNorm: number, b: Vec, bNorm: number): number {
    if (a.ids.length === 0 || bNorm === 0) return 0;
    const scratch = this.scratch;
    const bIds = b.ids;
    const bVals = b.vals;
    for (let i = 0; i < bIds.length; i++) scratch[bIds[i]] = bVals[i];
    let dot = 0;
    const aIds = a.ids;
    const aVals = a.vals;
    for (let i = 0; i < aIds.length; i++) {
      const w = scratch[aIds[i]];
      if (w !== 0) dot += aVals[i] * w; // centroid weights are > 0: 0 means absent
    }
    for (let i = 0; i < bIds.length; i++) scratch[bIds[i]] = 0;
    if (dot === 0) return 0;
    return dot / (aNorm * bNorm);
  }

  /**
   * `cosine()` for an article scored against many centroids: the article's positions are marked
   * once (`mark`), each centroid entry reads its mark, matching products land at the article's
   * position and are summed in the article's order, so the result has the same bits.
   */
  private markedCosine(a: Vec, aNorm: number, marks: Float64Array, b: Vec, bNorm: number): number {
    if (a.ids.length === 0 || bNorm === 0) return 0;
    if (this.products.length < a.ids.length) this.products = new Float64Array(a.ids.length);
    const products = this.products;
    const aVals = a.vals;
    const bIds = b.ids;
    const bVals = b.vals;
    let matched = false;
    for (let j = 0; j < bIds.length; j++) {
      const at = marks[bIds[j]];
      if (at !== 0) {
        products[at - 1] = aVals[at - 1] * bVals[j];
        matched = true;
      }
    }
    if (!matched) return 0;
    let dot = 0;
    for (let i = 0; i < aVals.length; i++) {
      const x = products[i];
      if (x !== 0) {
        dot += x; // weights are > 0: a zero product is an absent term (adding it would not change dot)
        products[i] = 0;
      }
    }
    if (dot === 0) return 0;
    return dot / (aNorm * bNorm);
  }

  /** Log-scaled term frequency × current IDF, for a count map whose keys have the ids `ids`. */
  private weigh(counts: ReadonlyMap<string, number>, ids: number[], vocab: Vocabulary): Vec {
    const vals: number[] = [];
    let i = 0;
    for (const c of counts.values()) vals.push((1 + Math.log(c)) * this.idf(ids[i++], vocab));
    return { ids, vals };
  }

  /** `shareIds`: the result is only read now, so it may share the centroid's (growing) id array. */
  private idfWeighted(centroid: Vec, vocab: Vocabulary, shareIds = false): Vec {
    const vals: number[] = new Array(centroid.ids.length);
    for (let i = 0; i < centroid.ids.length; i++) vals[i] = centroid.vals[i] * this.idf(centroid.ids[i], vocab);
    return { ids: shareIds ? centroid.ids : centroid.ids.slice(), vals };
  }

  private idf(id: number, vocab: Vocabulary): number {
    return Math.log(1 + this.documents / (vocab.df[id] || 1));
  }

  /** Counts the article's keys into the document frequencies; returns their ids. */
  private countDocument(f: ArticleFeatures): ArticleIds {
    this.documents++;
    const count = (counts: ReadonlyMap<string, number>, vocab: Vocabulary) => {
      const ids: number[] = [];
      for (const k of counts.keys()) {
        const id = vocab.id(k);
        vocab.df[id]++;
        ids.push(id);
      }
      return ids;
    };
    const ids = { terms: count(f.terms, this.termVocab), entities: count(f.entities, this.entityVocab) };
    this.growScratch();
    return ids;
  }

  /** Room in the scratch for every vocabulary id (a new array is all zero, as between uses). */
  private growScratch(): void {
    const size = Math.max(this.termVocab.keys.length, this.entityVocab.keys.length);
    if (size > this.scratch.length) {
      this.scratch = new Float64Array(Math.max(size, this.scratch.length * 2));
      this.entityMarks = new Float64Array(this.scratch.length);
    }
  }

  // --- 3. near-duplicates -------------------------------------------------------------------

  private findOriginal(f: ArticleFeatures): string | undefined {
    if (f.duplicateOf) {
      const story = this.storyOf(f.duplicateOf);
      if (story) return story;
    }
    if (!f.fingerprint) return undefined;
    return this.nearDuplicates.storyOfOriginal(f.fingerprint, (articleId) => {
      const story = this.storyOf(articleId);
      const state = story ? this.live.get(story) : undefined;
      return state && { storyId: state.id, fingerprint: state.fingerprints[articleId] };
    });
  }

  // --- story bookkeeping --------------------------------------------------------------------

  private open(f: ArticleFeatures, ids: ArticleIds): LiveStory {
    const story: LiveStory = {
      id: `${this.options.level === 'event' ? 'ev' : 'sl'}-${f.articleId.slice(0, 16)}`,
      level: this.options.level,
      articleIds: [],
      independent: 0,
      terms: { ids: [], vals: [] },
      entities: { ids: [], vals: [] },
      languages: {},
      outlets: {},
      slackDays: 0,
      representatives: [],
      fingerprints: {},
      touched: 0,
      slot: this.index.nextSlot,
    };
    if (this.live.has(story.id) || this.mergedInto.has(story.id)) story.id = `${story.id}-${this.nextSerial++}`;
    this.live.set(story.id, story);
    this.index.add(story);
    this.join(story, f, ids, true);
    return story;
  }

  private join(story: LiveStory, f: ArticleFeatures, ids: ArticleIds, independent: boolean): void {
    story.articleIds.push(f.articleId);
    if (independent) story.independent++;
    this.articleStory.set(f.articleId, story.id);
    this.addNormalised(story.terms, f.terms, ids.terms);
    this.addNormalised(story.entities, f.entities, ids.entities);
    const pruned = this.prune(story);
    story.languages[f.language] = (story.languages[f.language] ?? 0) + 1;
    if (f.outlet) story.outlets[f.outlet] = (story.outlets[f.outlet] ?? 0) + 1;
    if (f.time !== undefined) {
      extendRange(story, f.time, f.timePrecision);
      story.slackDays = Math.max(story.slackDays, precisionSlackDays(f.timePrecision));
    }
    if (f.title && story.representatives.length < this.options.representatives) {
      story.representatives.push({ articleId: f.articleId, title: f.title, terms: topTermsRecord(f.terms, ids.terms, this.termVocab, 12) });
    }
    if (f.fingerprint && independent) {
      story.fingerprints[f.articleId] = [...f.fingerprint];
      this.nearDuplicates.remember(f.articleId, f.fingerprint);
    }
    story.touched = this.documents;
    this.weighted.delete(story.id);
    this.index.update(story, this.centroid(story, pruned));
  }

  /** Add an article's counts to a centroid as a unit-length log-TF vector, so long articles do not dominate. */
  private addNormalised(centroid: Vec, counts: ReadonlyMap<string, number>, ids: number[]): void {
    let norm = 0;
    for (const c of counts.values()) norm += (1 + Math.log(c)) ** 2;
    norm = Math.sqrt(norm) || 1;
    const at = this.scratch;
    for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = i + 1;
    let i = 0;
    for (const c of counts.values()) {
      const id = ids[i++];
      const add = (1 + Math.log(c)) / norm;
      const pos = at[id];
      if (pos !== 0) centroid.vals[pos - 1] = centroid.vals[pos - 1] + add;
      else {
        centroid.ids.push(id);
        centroid.vals.push(0 + add);
        at[id] = centroid.ids.length;
      }
    }
    for (let j = 0; j < centroid.ids.length; j++) at[centroid.ids[j]] = 0;
  }

  /**
   * centroid[k] += add[k] for every key, new keys appended in `ids` order: what `+=` on a record
   * does. The scratch holds 1 + each present key's position while it runs.
   */
  private addInto(centroid: Vec, ids: readonly number[], add: readonly number[]): void {
    const at = this.scratch;
    for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = i + 1;
    for (let i = 0; i < ids.length; i++) {
      const pos = at[ids[i]];
      if (pos !== 0) centroid.vals[pos - 1] = centroid.vals[pos - 1] + add[i];
      else {
        centroid.ids.push(ids[i]);
        centroid.vals.push(0 + add[i]);
        at[ids[i]] = centroid.ids.length;
      }
    }
    for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = 0;
  }

  /**
   * Keep the centroid bounded: only the top terms by current TF-IDF survive. Returns the weighted
   * vectors of the pruned fields, which are what `centroid()` would compute next at this IDF.
   */
  private prune(story: LiveStory): PrunedWeights {
    const weights: PrunedWeights = {};
    for (const [field, vocab, cap] of [['terms', this.termVocab, this.options.centroidTerms], ['entities', this.entityVocab, this.options.centroidEntities]] as const) {
      const centroid = story[field];
      if (centroid.ids.length <= cap * 1.5) continue; // prune in batches, not on every add
      const at = this.scratch;
      for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = centroid.vals[i];
      const kept = topOf(this.idfWeighted(centroid, vocab, true), cap, vocab);
      const next: Vec = { ids: kept.ids.slice(), vals: kept.ids.map((id) => at[id]) };
      for (let i = 0; i < centroid.ids.length; i++) at[centroid.ids[i]] = 0;
      story[field] = next;
      weights[field] = kept;
    }
    return weights;
  }

  // --- 4. merges ----------------------------------------------------------------------------

  /** Merge `story` with candidates the new article tied them to, when the centroids agree. */
  private mergeIfOneEvent(story: LiveStory, close: readonly { story: LiveStory; sim: number }[]): { into: string; absorbed: string[] } {
    let into: LiveStory = story;
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

  private storySimilarity(a: LiveStory, b: LiveStory, o: Pick<ClusterOptions, 'termWeight' | 'entityWeight' | 'timeScaleDays'> = this.options): number {
    const wa = this.centroid(a);
    const wb = this.centroid(b);
    const termCos = this.cosine(wa.terms, wa.termNorm, wb.terms, wb.termNorm);
    const entityCos = this.cosine(wa.entities, wa.entityNorm, wb.entities, wb.entityNorm);
    return (o.termWeight * termCos + o.entityWeight * entityCos) * Math.exp(-storyGapDays(a, b) / o.timeScaleDays);
  }

  private absorb(big: LiveStory, small: LiveStory): void {
    for (const id of small.articleIds) big.articleIds.push(id);
    big.independent += small.independent;
    for (const field of ['terms', 'entities'] as const) this.addInto(big[field], small[field].ids, small[field].vals);
    for (const [k, v] of Object.entries(small.languages)) big.languages[k as Language] = (big.languages[k as Language] ?? 0) + v;
    for (const [k, v] of Object.entries(small.outlets)) big.outlets[k] = (big.outlets[k] ?? 0) + v;
    if (small.first !== undefined) extendRange(big, small.first, small.firstPrecision);
    if (small.last !== undefined) extendRange(big, small.last, small.lastPrecision);
    big.slackDays = Math.max(big.slackDays, small.slackDays);
    for (const r of small.representatives) if (big.representatives.length < this.options.representatives) big.representatives.push(r);
    Object.assign(big.fingerprints, small.fingerprints);
    big.mergedFrom = [...(big.mergedFrom ?? []), small.id, ...(small.mergedFrom ?? [])];
    this.live.delete(small.id);
    this.index.remove(small);
    this.weighted.delete(small.id);
    this.mergedInto.set(small.id, big.id);
    const pruned = this.prune(big);
    big.touched = this.documents;
    this.weighted.delete(big.id);
    this.index.update(big, this.centroid(big, pruned));
  }
}
