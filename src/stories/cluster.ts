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
 * 3. Near-duplicates (`duplicateOf`, decided once by the store: src/store/duplicates.ts) join their
 *    original's story and are not counted as independent sources.
 * 4. After a join, a story that now matches another candidate story strongly is merged into it; the
 *    merge is recorded and the old id keeps resolving.
 * The state lives in memory (`serialise` / `restoreClusterer` give it as plain JSON), or in rows of
 * a state backend read on first use and written as deltas (state.ts, rows.ts, engine.ts).
 *
 * This file decides (join, open, merge, consolidate) and keeps the parts in step; the parts are:
 * story-index.ts (step 1), similarity.ts (step 2), corpus.ts (document frequencies, TF-IDF),
 * centroid.ts (centroid sums and pruning), story.ts (story records), state.ts (stories, merges,
 * members and the index, loaded and tracked).
 */
import type { ArticleFeatures } from './features.ts';
import { presetFor, type ClusterOptions, type StoryLevel } from './options.ts';
import { addArticle, addCentroid, keepHeaviest } from './centroid.ts';
import { Corpus, type ArticleIds } from './corpus.ts';
import type { LevelMeta, StoryBackend } from './rows.ts';
import { articleGapDays, Scorer, type PrunedWeights } from './similarity.ts';
import { StoryCache } from './state.ts';
import type { StoryIndex } from './story-index.ts';
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
  /** Set when the article had been added before: nothing changed. */
  readonly repeat?: true;
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
  readonly nextSerial: number;
  /** Documents seen at the last consolidation: stories touched since are the ones it re-examines. */
  readonly consolidatedAt?: number;
}

/**
 * A clusterer for one level ('event' by default), optionally restored from saved state.
 * @example const c = createClusterer(); for (const f of features) c.add(f); c.stories()
 */
export function createClusterer(options: Partial<ClusterOptions> & { level?: StoryLevel } = {}): Clusterer {
  return new IncrementalClusterer(presetFor(options), new Corpus());
}

/** Rebuild a clusterer from `serialise()` output. */
export function restoreClusterer(state: ClustererState): Clusterer {
  // Options added since the state was saved take their preset values.
  const corpus = new Corpus();
  corpus.load(state.documents, state.termDf, state.entityDf);
  const c = new IncrementalClusterer(presetFor(state.options), corpus);
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

/**
 * One level's clusterer. The corpus may be shared with the other level (engine.ts), which then
 * counts each article once and calls `place`; `add` counts and places.
 */
export class IncrementalClusterer implements Clusterer {
  /** Indexed by vocabulary id, all zero between uses: the scorer's term marks and dot products, centroid updates. */
  private readonly scratch = new IdScratch();
  private readonly scorer: Scorer;
  private readonly index: StoryIndex;
  readonly state: StoryCache;

  /** `store`: the stored state to read from, the level's stored meta (engine.ts writes the deltas). */
  constructor(
    readonly options: ClusterOptions,
    private readonly corpus: Corpus,
    store?: { readonly backend: StoryBackend; readonly meta?: LevelMeta; readonly now?: () => number },
  ) {
    this.state = new StoryCache(options.level, options, corpus, store?.backend, store?.meta, store?.now);
    this.index = this.state.index;
    if (store) this.index.storedKeys = { term: corpus.terms.size, entity: corpus.entities.size };
    this.scorer = new Scorer(options, corpus, this.scratch, store ? (s) => this.state.weighed(s) : undefined);
  }

  add(f: ArticleFeatures): StoryAssignment {
    return this.known(f.articleId) ?? this.place(f, this.corpus.count(f));
  }

  /**
   * Reads in a few statements what placing these articles will look up first in a stored state:
   * whether each is assigned, and the posting lists of their keys (`ids`: the key ids the corpus
   * knows). Changes nothing a placement decides.
   */
  prefetch(articleIds: readonly string[], ids: { terms: readonly number[]; entities: readonly number[] }): void {
    if (!this.state.stored) return;
    this.state.prefetchArticles(articleIds);
    this.state.prefetchStories(articleIds.map((id) => this.newStoryId(id)));
    this.index.preload('term', ids.terms);
    this.index.preload('entity', ids.entities);
  }

  /** The assignment of an article added before (its current story), or undefined. */
  known(articleId: string): StoryAssignment | undefined {
    const at = this.state.storyOfArticle(articleId);
    return at === undefined ? undefined : { articleId, storyId: this.resolve(at)!, created: false, similarity: 1, repeat: true };
  }

  /**
   * Places an article already counted into the corpus (`ids`: its key ids):
   * 1. a near-duplicate joins its original's story; 2. else the candidates from the index (all
   * stories in the window when `exhaustive`) are scored and the best joins at `threshold`, or the
   * article opens a story; 3. candidates that now match strongly are merged into one story.
   */
  place(f: ArticleFeatures, ids: ArticleIds): StoryAssignment {
    this.fitScratch();
    const original = this.findOriginal(f);
    if (original) {
      const story = this.state.story(original)!;
      this.join(story, f, ids, false);
      return { articleId: f.articleId, storyId: story.id, created: false, similarity: 1 };
    }
    const article = this.scorer.weighArticle(f, ids);
    let best: LiveStory | undefined;
    let bestSim = 0;
    const close: { story: LiveStory; sim: number }[] = [];
    const candidates = this.options.exhaustive
      ? this.state.all().filter((s) => articleGapDays(f, s) <= this.options.windowDays)
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
        const other = this.state.story(r.id);
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
    return this.state.all()
      .map((s) => toStory(s, this.state.members(s), this.corpus, this.state.mergedFrom(s)))
      .sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
  }

  story(id: string): Story | undefined {
    const current = this.resolve(id);
    const state = current ? this.state.story(current) : undefined;
    return state ? toStory(state, this.state.members(state), this.corpus, this.state.mergedFrom(state)) : undefined;
  }

  resolve(id: string): string | undefined {
    return this.state.resolve(id);
  }

  storyOf(articleId: string): string | undefined {
    const at = this.state.storyOfArticle(articleId);
    return at ? this.resolve(at) : undefined;
  }

  related(storyId: string, w: RelatedWeights): { id: string; similarity: number }[] {
    const current = this.resolve(storyId);
    const story = current === undefined ? undefined : this.state.story(current);
    if (!story) return [];
    const { corpus } = this;
    const hits = this.index.neighbours(story, { terms: corpus.idfWeighted(story.terms, corpus.terms), entities: corpus.idfWeighted(story.entities, corpus.entities) });
    this.state.stories([...hits]);
    const out: { id: string; similarity: number }[] = [];
    for (const id of hits) {
      const other = this.state.story(id);
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
    const order = this.state.touchedSince(this.state.counters.consolidatedAt)
      .sort((a, b) => a.size - b.size || (a.id < b.id ? -1 : 1));
    for (const small of order) {
      if (!this.state.isLive(small)) continue;
      const best = this.related(small.id, { ...this.options, minSimilarity: this.options.mergeThreshold })[0];
      const other = best && this.state.story(best.id);
      if (!other) continue;
      const [big, gone] = other.size >= small.size ? [other, small] : [small, other];
      this.absorb(big, gone);
      merges.push({ from: gone.id, into: big.id });
    }
    if (this.options.attachFloor > 0) this.attachStragglers(order, merges);
    this.state.counters.consolidatedAt = this.corpus.documents;
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
    const established = this.state.largest(o.attachMaxSize, o.attachTargets);
    for (const small of ascending) {
      if (!this.state.isLive(small) || small.size > o.attachMaxSize) continue;
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
      const big = best && this.state.story(best.id);
      if (!big || big.size <= small.size) continue;
      if (best.similarity < o.attachDominance * Math.max(second?.similarity ?? 0, o.attachFloor)) continue;
      this.absorb(big, small);
      merges.push({ from: small.id, into: big.id });
    }
  }

  /** The whole state as plain JSON; with a backend, every stored story is loaded for it. */
  serialise(): ClustererState {
    const { corpus, state } = this;
    return {
      version: 1,
      options: this.options,
      documents: corpus.documents,
      termDf: corpus.terms.toRecord(),
      entityDf: corpus.entities.toRecord(),
      stories: state.all().map((s) => toStoryState(s, state.members(s), corpus.terms, corpus.entities)),
      mergedInto: Object.fromEntries(state.mergedEdges()),
      articleStory: Object.fromEntries(state.articleEdges()),
      nextSerial: state.counters.nextSerial,
      consolidatedAt: state.counters.consolidatedAt,
    };
  }

  /** Restores `serialise()` output (the corpus is loaded by the caller: it may be shared). */
  load(saved: ClustererState): void {
    this.state.restoreEdges(saved.mergedInto, saved.articleStory);
    this.state.counters.nextSerial = saved.nextSerial;
    this.state.counters.consolidatedAt = saved.consolidatedAt ?? 0;
    // Postings are derived data: rebuilt in story order, so restored lookups match the original's.
    for (const s of [...saved.stories].sort((a, b) => a.touched - b.touched)) {
      const story = toLiveStory(s, this.corpus.terms, this.corpus.entities, this.index.nextSlot);
      this.state.restore(story, s.articleIds);
      this.fitScratch();
      this.index.update(story, this.scorer.centroid(story));
    }
  }

  /** Room in the scratch arrays for every vocabulary id. */
  private fitScratch(): void {
    const size = this.corpus.keys;
    this.scratch.fit(size);
    this.scorer.fit(size);
  }

  /** The story of the article's original, when the store marked it a copy (`duplicateOf`) and the original is in. */
  private findOriginal(f: ArticleFeatures): string | undefined {
    return f.duplicateOf === undefined ? undefined : this.storyOf(f.duplicateOf);
  }

  // --- story bookkeeping --------------------------------------------------------------------

  /** The id a story opened by this article takes unless a story has it already. */
  private newStoryId(articleId: string): string {
    return `${this.options.level === 'event' ? 'ev' : 'sl'}-${articleId.slice(0, 16)}`;
  }

  private open(f: ArticleFeatures, ids: ArticleIds): LiveStory {
    const story: LiveStory = {
      id: this.newStoryId(f.articleId),
      level: this.options.level,
      size: 0,
      independent: 0,
      terms: { ids: [], vals: [] },
      entities: { ids: [], vals: [] },
      languages: {},
      outlets: {},
      slackDays: 0,
      representatives: [],
      touched: 0,
      slot: this.index.nextSlot,
    };
    if (this.state.exists(story.id)) story.id = `${story.id}-${this.state.counters.nextSerial++}`;
    this.state.create(story);
    this.join(story, f, ids, true);
    return story;
  }

  private join(story: LiveStory, f: ArticleFeatures, ids: ArticleIds, independent: boolean): void {
    this.state.addMember(story, f.articleId);
    addMember(story, f, independent, this.options.representatives, () => topTermsRecord(f.terms, ids.terms, this.corpus.terms, 12));
    addArticle(story.terms, f.terms, ids.terms, this.scratch.values);
    addArticle(story.entities, f.entities, ids.entities, this.scratch.values);
    this.touch(story, this.prune(story));
  }

  /** After a story changed: stamp it, drop its cached weights, re-post it in the index. */
  private touch(story: LiveStory, pruned: PrunedWeights): void {
    story.touched = this.corpus.documents;
    this.scorer.forget(story);
    this.state.touch(story);
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
      if (other.id === into.id || !this.state.isLive(other) || !this.state.isLive(into)) continue;
      const centroidSim = this.scorer.storySimilarity(into, other);
      if (centroidSim < this.options.mergeThreshold) continue;
      const [big, small] = other.size >= into.size ? [other, into] : [into, other];
      this.absorb(big, small);
      absorbed.push(small.id);
      into = big;
    }
    return { into: into.id, absorbed };
  }

  private absorb(big: LiveStory, small: LiveStory): void {
    this.state.absorb(big, small);
    mergeMembers(big, small, this.options.representatives, !this.state.stored);
    for (const field of ['terms', 'entities'] as const) addCentroid(big[field], small[field].ids, small[field].vals, this.scratch.values);
    this.scorer.forget(small);
    this.touch(big, this.prune(big));
  }
}
