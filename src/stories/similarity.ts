/**
 * How alike an article and a story, or two stories, are (issue 6, step 2): TF-IDF cosine of the
 * article to the story's centroid plus entity-key cosine, times a time kernel over the gap between
 * their dates. Centroids are weighted with the current IDF and cached on the story until it changes
 * or the corpus grows by `IDF_REFRESH`; the cache is part of the stored state (state.ts), so a
 * process that loads a story weighs it exactly as the process that saved it would have. Which stories to score is the index's business; what to do with
 * the scores is the clusterer's.
 */
import type { ArticleIds, Corpus } from './corpus.ts';
import { precisionSlackDays, type ArticleFeatures } from './features.ts';
import type { ClusterOptions } from './options.ts';
import { gapToRange, storyGapDays, type LiveStory } from './story.ts';
import { IdScratch, mark, norm, truncate, unmark, type Vec } from './vectors.ts';

/**
 * A story's centroid with current IDF applied (the centroid's ids in its order), and its norms;
 * reused until the story or the IDF moves.
 */
export interface WeightedCentroid {
  readonly terms: Vec;
  readonly termNorm: number;
  readonly entities: Vec;
  readonly entityNorm: number;
  /** The story's `touched` when weighed. */
  readonly touched: number;
  /** The corpus's document count when weighed. */
  readonly documents: number;
}

/** Weighted vectors of the centroid fields pruning just cut, in the centroid's key order. */
export interface PrunedWeights {
  terms?: Vec;
  entities?: Vec;
}

/** An article's distinctive terms and entities by TF-IDF, with their norms: what is compared. */
export interface WeightedArticle {
  readonly terms: Vec;
  readonly termNorm: number;
  readonly entities: Vec;
  readonly entityNorm: number;
}

/** How two stories are compared: the clusterer's own weights, or `related`'s (storylines). */
export type StoryWeights = Pick<ClusterOptions, 'termWeight' | 'entityWeight' | 'timeScaleDays'>;

/**
 * IDF drift tolerated before a cached centroid is re-weighted: 5% more documents changes ln(1 + N/df)
 * by under 0.05 for any df, well below the gaps between join and no-join similarities.
 */
const IDF_REFRESH = 0.05;

export class Scorer {
  /** Positions (1-based) of the current article's entity ids while its candidates are scored; else zero. */
  private readonly entityMarks = new IdScratch();
  /** Per-position products of `markedCosine`, zero between uses. */
  private products = new Float64Array(64);

  /**
   * `scratch` is shared with the centroid updates (never in use by both at once); `weighed` hears
   * of every story whose cached weights changed (the state writes them).
   */
  constructor(
    private readonly options: ClusterOptions,
    private readonly corpus: Corpus,
    private readonly scratch: IdScratch,
    private readonly weighed?: (story: LiveStory) => void,
  ) {}

  /** Room for every vocabulary id in the scorer's own marks (the shared scratch is fitted by its owner). */
  fit(size: number): void {
    this.entityMarks.fit(size);
  }

  /** The article's top `articleTerms` terms and `centroidEntities` entities by current TF-IDF. */
  weighArticle(f: ArticleFeatures, ids: ArticleIds): WeightedArticle {
    const { corpus, options } = this;
    const terms = truncate(corpus.weigh(f.terms, ids.terms, corpus.terms), options.articleTerms, corpus.terms);
    const entities = truncate(corpus.weigh(f.entities, ids.entities, corpus.entities), options.centroidEntities, corpus.entities);
    return { terms, termNorm: norm(terms), entities, entityNorm: norm(entities) };
  }

  /** Marks the article's keys so `articleSimilarity` reads each centroid entry once; `unmark` after. */
  mark(a: WeightedArticle): void {
    mark(a.terms, this.scratch.values);
    mark(a.entities, this.entityMarks.values);
  }

  unmark(a: WeightedArticle): void {
    unmark(a.terms, this.scratch.values);
    unmark(a.entities, this.entityMarks.values);
  }

  /**
   * Similarity of a marked article to a story. Across languages only entity keys and numbers can
   * match, so the entity share takes over.
   */
  articleSimilarity(f: ArticleFeatures, a: WeightedArticle, story: LiveStory): number {
    const o = this.options;
    const w = this.centroid(story);
    const termCos = this.markedCosine(a.terms, a.termNorm, this.scratch.values, w.terms, w.termNorm);
    const entityCos = this.markedCosine(a.entities, a.entityNorm, this.entityMarks.values, w.entities, w.entityNorm);
    const sameLanguage = f.language === 'und' || story.languages[f.language] !== undefined
      || Object.keys(story.languages).every((l) => l === 'und');
    const content = sameLanguage
      ? o.termWeight * termCos + o.entityWeight * entityCos
      : o.crossEntityWeight * entityCos + (1 - o.crossEntityWeight) * termCos;
    const gap = articleGapDays(f, story);
    return gap === 0 ? content : content * Math.exp(-gap / o.timeScaleDays);
  }

  /** Centroid similarity of two stories under `o`, with the time kernel over the gap between them. */
  storySimilarity(a: LiveStory, b: LiveStory, o: StoryWeights = this.options): number {
    const wa = this.centroid(a);
    const wb = this.centroid(b);
    const termCos = this.cosine(wa.terms, wa.termNorm, wb.terms, wb.termNorm);
    const entityCos = this.cosine(wa.entities, wa.entityNorm, wb.entities, wb.entityNorm);
    return (o.termWeight * termCos + o.entityWeight * entityCos) * Math.exp(-storyGapDays(a, b) / o.timeScaleDays);
  }

  /**
   * The story's centroid at the current IDF (cached). `pruned`: weighted vectors pruning just
   * computed at the current IDF, reused instead of weighting again.
   */
  centroid(story: LiveStory, pruned?: PrunedWeights): WeightedCentroid {
    const { corpus } = this;
    const cached = story.weighted;
    if (cached && cached.touched === story.touched && corpus.documents - cached.documents <= cached.documents * IDF_REFRESH) return cached;
    const terms = pruned?.terms ?? corpus.idfWeighted(story.terms, corpus.terms);
    const entities = pruned?.entities ?? corpus.idfWeighted(story.entities, corpus.entities);
    const fresh = { terms, termNorm: norm(terms), entities, entityNorm: norm(entities), touched: story.touched, documents: corpus.documents };
    story.weighted = fresh;
    this.weighed?.(story);
    return fresh;
  }

  /** Drops a story's cached centroid: it changed, or was merged away. */
  forget(story: LiveStory): void {
    story.weighted = undefined;
  }

  /**
   * Cosine of `a` and `b` with both norms known. `b` is spread into the scratch so each of `a`'s
   * entries is one array read; the dot product sums in `a`'s order, as a lookup per entry would.
   */
  private cosine(a: Vec, aNorm: number, b: Vec, bNorm: number): number {
    if (a.ids.length === 0 || bNorm === 0) return 0;
    const scratch = this.scratch.values;
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
}

/** Days between the article and the story's date range, less what the dates' precision leaves open. */
export function articleGapDays(f: ArticleFeatures, story: LiveStory): number {
  return gapToRange(f.time, precisionSlackDays(f.timePrecision), story.first, story.last, story.slackDays);
}
