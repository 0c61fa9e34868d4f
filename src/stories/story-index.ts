/**
 * The clusterer's inverted index (issue 6, step 1): distinctive term and entity keys → the stories
 * whose centroids hold them, so an article is scored against a few candidate stories instead of
 * every stored one. It also mirrors each story's date span, so the time-window test over all index
 * hits reads one typed array. Scoring the candidates, and weighting centroids, are left to others.
 */
import type { ArticleFeatures } from './features.ts';
import { precisionSlackDays } from './features.ts';
import type { ClusterOptions } from './options.ts';
import { gapToRange, type LiveStory } from './story.ts';
import { firstK } from './top-k.ts';
import { compareKeys, heavier, topOf, type Vec, type Vocabulary } from './vectors.ts';

/** The limits the index reads: how many keys it posts and looks up, the window, the caps. */
export type IndexOptions = Pick<ClusterOptions,
  'queryTerms' | 'queryEntities' | 'indexTerms' | 'indexEntities' | 'postingCap' | 'maxCandidates' | 'windowDays'>;

/** A story's centroid with the current IDF applied: what the index ranks its keys by. */
export interface WeightedFields {
  readonly terms: Vec;
  readonly entities: Vec;
}

export class StoryIndex {
  /**
   * Term / entity id → story slots, most recently touched last, capped. Merged-away stories stay
   * until pushed out; lookups skip them (their slot is emptied).
   */
  private readonly termPostings = new Map<number, Set<number>>();
  private readonly entityPostings = new Map<number, Set<number>>();
  /** Live stories by slot (a dense number per story, never reused); undefined once merged away. */
  private readonly bySlot: (LiveStory | undefined)[] = [];
  /** Index overlap per story slot while an article's candidates are gathered; all zero otherwise. */
  private overlap = new Float64Array(1024);
  /**
   * first, last, slackDays per slot (NaN: undated), mirrored from the stories so the window test
   * over all index hits reads one array instead of each hit's story object.
   */
  private spans = new Float64Array(3 * 1024);
  /** Slots hit by the current article (reused: it is rebuilt for every article). */
  private readonly hits: number[] = [];

  constructor(
    private readonly options: IndexOptions,
    private readonly termVocab: Vocabulary,
    private readonly entityVocab: Vocabulary,
  ) {}

  /** The slot the next added story must carry. */
  get nextSlot(): number {
    return this.bySlot.length;
  }

  /** Registers a new story (its `slot` is `nextSlot`); it is found once `update` posts its keys. */
  add(story: LiveStory): void {
    this.bySlot.push(story);
    if (this.bySlot.length > this.overlap.length) {
      // Grown between articles only, when every entry is zero.
      this.overlap = new Float64Array(this.overlap.length * 2);
      const spans = new Float64Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    this.syncSpan(story);
  }

  /** A story merged away: lookups stop returning it; its postings age out. */
  remove(story: LiveStory): void {
    this.bySlot[story.slot] = undefined;
  }

  /**
   * After a story changed: mirror its dates and post its top keys by `weights` (its centroid at the
   * current IDF), moving it to the recent end of each posting list.
   */
  update(story: LiveStory, weights: WeightedFields): void {
    this.syncSpan(story);
    const post = (postings: Map<number, Set<number>>, top: Vec) => {
      for (const key of top.ids) {
        let slots = postings.get(key);
        if (!slots) postings.set(key, (slots = new Set()));
        slots.delete(story.slot); // re-insert: most recently touched stories stay in a capped list
        slots.add(story.slot);
        if (slots.size > this.options.postingCap) slots.delete(slots.values().next().value!);
      }
    };
    post(this.termPostings, topOf(weights.terms, this.options.indexTerms, this.termVocab));
    post(this.entityPostings, topOf(weights.entities, this.options.indexEntities, this.entityVocab));
  }

  /**
   * Up to `maxCandidates` live stories sharing the article's top keys and within `windowDays` of
   * its date, most index overlap (summed key weight) first, equal overlap by story id.
   * @example index.candidates(f, termWeights, entityWeights) // → stories to score
   */
  candidates(f: ArticleFeatures, termVec: Vec, entityVec: Vec): LiveStory[] {
    const sum = this.overlap;
    const hits = this.hits;
    hits.length = 0;
    const look = (postings: Map<number, Set<number>>, top: Vec) => {
      for (let i = 0; i < top.ids.length; i++) {
        const slots = postings.get(top.ids[i]);
        if (!slots) continue;
        for (const slot of slots) {
          const before = sum[slot];
          if (before === 0) hits.push(slot); // weights are > 0: 0 means not hit yet
          sum[slot] = before + top.vals[i];
        }
      }
    };
    look(this.termPostings, topOf(termVec, this.options.queryTerms, this.termVocab));
    look(this.entityPostings, topOf(entityVec, this.options.queryEntities, this.entityVocab));
    // Best overlap first among the live stories in the window: select them, then sort only those.
    const open: LiveStory[] = [];
    const overlap: number[] = [];
    const spans = this.spans;
    const timeSlack = precisionSlackDays(f.timePrecision);
    for (const slot of hits) {
      const weight = sum[slot];
      sum[slot] = 0;
      if (gapToRange(f.time, timeSlack, spans[3 * slot], spans[3 * slot + 1], spans[3 * slot + 2]) > this.options.windowDays) continue;
      const story = this.bySlot[slot];
      if (story) {
        open.push(story);
        overlap.push(weight);
      }
    }
    const before = (a: number, b: number) => heavier(overlap[a], overlap[b]) || compareKeys(open[a].id, open[b].id);
    return firstK(open.length, this.options.maxCandidates, before).map((i) => open[i]);
  }

  /**
   * Ids of the live stories other than `story` posted under its top keys by `weights`, in lookup
   * order (terms, then entities), with no window or overlap ranking: `related` scores them all.
   */
  neighbours(story: LiveStory, weights: WeightedFields): Set<string> {
    const hits = new Set<string>();
    const look = (postings: Map<number, Set<number>>, top: Vec) => {
      for (const key of top.ids) {
        for (const slot of postings.get(key) ?? []) {
          const other = this.bySlot[slot];
          if (other && other.id !== story.id) hits.add(other.id);
        }
      }
    };
    look(this.termPostings, topOf(weights.terms, this.options.queryTerms, this.termVocab));
    look(this.entityPostings, topOf(weights.entities, this.options.queryEntities, this.entityVocab));
    return hits;
  }

  private syncSpan(story: LiveStory): void {
    const at = 3 * story.slot;
    this.spans[at] = story.first ?? Number.NaN;
    this.spans[at + 1] = story.last ?? Number.NaN;
    this.spans[at + 2] = story.slackDays;
  }
}
