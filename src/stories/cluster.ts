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
 *
 * This file decides (join, open, merge, consolidate) and keeps the parts in step; the parts are:
 * story-index.ts (step 1), similarity.ts (step 2), near-duplicates.ts (step 3), corpus.ts (document
 * frequencies, TF-IDF), centroid.ts (centroid sums and pruning), story.ts (story records).
 */
import type { ArticleFeatures } from './features.ts';
import { presetFor, type ClusterOptions, type StoryLevel } from './options.ts';
import { addArticle, addCentroid, keepHeaviest } from './centroid.ts';
import { Corpus, type ArticleIds } from './corpus.ts';
import { NearDuplicateIndex } from './near-duplicates.ts';
import { articleGapDays, Scorer, type PrunedWeights } from './similarity.ts';
import { StoryIndex } from './story-index.ts';
import { IdScratch, topTermsRecord } from './vectors.ts';
import { addMember, mergeMembers, storyGapDays, toLiveStory, toStory, toStoryState, type LiveStory, type Story, type StoryState } from './story.ts';

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

/** Time order, undated articles last, equal times by article id: the order `clusterBatch` adds in. */
export function sortForBatch(features: readonly ArticleFeatures[]): ArticleFeatures[] {
  return [...features].sort((a, b) => {
    if (a.time === undefined || b.time === undefined) return a.time === undefined ? (b.time === undefined ? 0 : 1) : -1;
    return a.time - b.time || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);
  });
}

class IncrementalClusterer implements Clusterer {
  private readonly corpus = new Corpus();
  /** Indexed by vocabulary id, all zero between uses: the scorer's term marks and dot products, centroid updates. */
  private readonly scratch = new IdScratch();
  private readonly scorer: Scorer;
  private readonly index: StoryIndex;
  private readonly nearDuplicates = new NearDuplicateIndex();
  private readonly live = new Map<string, LiveStory>();
  private readonly mergedInto = new Map<string, string>();
  private readonly articleStory = new Map<string, string>();
  private nextSerial = 1;
  private consolidatedAt = 0;

  constructor(readonly options: ClusterOptions) {
    this.scorer = new Scorer(options, this.corpus, this.scratch);
    this.index = new StoryIndex(options, this.corpus.terms, this.corpus.entities);
  }

  /**
   * 1. A repeat or a near-duplicate joins its story; 2. else the candidates from the index (all
   * stories in the window when `exhaustive`) are scored and the best joins at `threshold`, or the
   * article opens a story; 3. candidates that now match strongly are merged into one story.
   */
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
    const article = this.scorer.weighArticle(f, ids);
    let best: LiveStory | undefined;
    let bestSim = 0;
    const close: { story: LiveStory; sim: number }[] = [];
    const candidates = this.options.exhaustive
      ? [...this.live.values()].filter((s) => articleGapDays(f, s) <= this.options.windowDays)
      : this.index.candidates(f, article.terms, article.entities);
    this.scorer.mark(article);
    for (const story of candidates) {
      const sim = this.scorer.articleSimilarity(f, article, story);
      if (sim >= this.options.mergeThreshold) close.push({ story, sim });
      if (sim > bestSim || (sim === bestSim && best && story.id < best.id)) {
        best = story;
        bestSim = sim;
      }
    }
    this.scorer.unmark(article);
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
      .map((s) => toStory(this.toState(s), this.corpus.terms, this.corpus.documents))
      .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
  }

  story(id: string): Story | undefined {
    const current = this.resolve(id);
    const state = current ? this.live.get(current) : undefined;
    return state ? toStory(this.toState(state), this.corpus.terms, this.corpus.documents) : undefined;
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
    const { corpus } = this;
    const hits = this.index.neighbours(story, { terms: corpus.idfWeighted(story.terms, corpus.terms), entities: corpus.idfWeighted(story.entities, corpus.entities) });
    const out: { id: string; similarity: number }[] = [];
    for (const id of hits) {
      const other = this.live.get(id);
      if (!other) continue;
      const sim = this.scorer.storySimilarity(story, other, w);
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
    this.consolidatedAt = this.corpus.documents;
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
        const similarity = this.scorer.storySimilarity(small, other, o);
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
      documents: this.corpus.documents,
      termDf: this.corpus.terms.toRecord(),
      entityDf: this.corpus.entities.toRecord(),
      stories: [...this.live.values()].map((s) => structuredClone(this.toState(s))),
      mergedInto: Object.fromEntries(this.mergedInto),
      articleStory: Object.fromEntries(this.articleStory),
      bands: this.nearDuplicates.toRecord(),
      nextSerial: this.nextSerial,
      consolidatedAt: this.consolidatedAt,
    };
  }

  load(state: ClustererState): void {
    this.corpus.load(state.documents, state.termDf, state.entityDf);
    for (const [k, v] of Object.entries(state.mergedInto)) this.mergedInto.set(k, v);
    for (const [k, v] of Object.entries(state.articleStory)) this.articleStory.set(k, v);
    this.nearDuplicates.load(state.bands);
    this.nextSerial = state.nextSerial;
    this.consolidatedAt = state.consolidatedAt ?? 0;
    // Postings are derived data: rebuilt in story order, so restored lookups match the original's.
    for (const s of [...state.stories].sort((a, b) => a.touched - b.touched)) {
      const story = toLiveStory(s, this.corpus.terms, this.corpus.entities, this.index.nextSlot);
      this.live.set(story.id, story);
      this.index.add(story);
      this.fitScratch();
      this.index.update(story, this.scorer.centroid(story));
    }
  }

  /** The plain-JSON record of a live story. */
  private toState(s: LiveStory): StoryState {
    return toStoryState(s, this.corpus.terms, this.corpus.entities);
  }

  /** Counts the article into the corpus; returns its key ids (the scratch grows with the vocabulary). */
  private countDocument(f: ArticleFeatures): ArticleIds {
    const ids = this.corpus.count(f);
    this.fitScratch();
    return ids;
  }

  /** Room in the scratch arrays for every vocabulary id. */
  private fitScratch(): void {
    const size = this.corpus.keys;
    this.scratch.fit(size);
    this.scorer.fit(size);
  }

  /** The story of the article's original: `duplicateOf` when known, else by MinHash. */
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
    addMember(story, f, independent, this.options.representatives, () => topTermsRecord(f.terms, ids.terms, this.corpus.terms, 12));
    this.articleStory.set(f.articleId, story.id);
    if (f.fingerprint && independent) this.nearDuplicates.remember(f.articleId, f.fingerprint);
    addArticle(story.terms, f.terms, ids.terms, this.scratch.values);
    addArticle(story.entities, f.entities, ids.entities, this.scratch.values);
    this.touch(story, this.prune(story));
  }

  /** After a story changed: stamp it, drop its cached weights, re-post it in the index. */
  private touch(story: LiveStory, pruned: PrunedWeights): void {
    story.touched = this.corpus.documents;
    this.scorer.forget(story.id);
    this.index.update(story, this.scorer.centroid(story, pruned));
  }

  /**
   * Keep the centroid bounded: only the top terms by current TF-IDF survive. Returns the weighted
   * vectors of the pruned fields, which are what the scorer would compute next at this IDF.
   */
  private prune(story: LiveStory): PrunedWeights {
    const { corpus } = this;
    const weights: PrunedWeights = {};
    for (const [field, vocab, cap] of [['terms', corpus.terms, this.options.centroidTerms], ['entities', corpus.entities, this.options.centroidEntities]] as const) {
      const centroid = story[field];
      if (centroid.ids.length <= cap * 1.5) continue; // prune in batches, not on every add
      const kept = keepHeaviest(centroid, corpus.idfWeighted(centroid, vocab, true), cap, vocab, this.scratch.values);
      story[field] = kept.centroid;
      weights[field] = kept.weighted;
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
      const centroidSim = this.scorer.storySimilarity(into, other);
      if (centroidSim < this.options.mergeThreshold) continue;
      const [big, small] = other.articleIds.length >= into.articleIds.length ? [other, into] : [into, other];
      this.absorb(big, small);
      absorbed.push(small.id);
      into = big;
    }
    return { into: into.id, absorbed };
  }

  private absorb(big: LiveStory, small: LiveStory): void {
    mergeMembers(big, small, this.options.representatives);
    for (const field of ['terms', 'entities'] as const) addCentroid(big[field], small[field].ids, small[field].vals, this.scratch.values);
    this.live.delete(small.id);
    this.index.remove(small);
    this.scorer.forget(small.id);
    this.mergedInto.set(small.id, big.id);
    this.touch(big, this.prune(big));
  }
}
