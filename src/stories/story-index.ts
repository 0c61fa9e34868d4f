/**
 * The clusterer's inverted index (issue 6, step 1): distinctive term and entity keys → the stories
 * whose centroids hold them, so an article is scored against a few candidate stories instead of
 * every stored one. It also mirrors each story's date span per slot, so the time-window test over
 * all index hits reads one typed array. Scoring the candidates, and weighting centroids, are left
 * to others.
 *
 * With a `source` (a stored state, state.ts), posting lists and slot spans are read on first use
 * and the changed lists are handed out for writing (`takeChanged`).
 */
import type { ArticleFeatures } from './features.ts';
import { precisionSlackDays } from './features.ts';
import type { ClusterOptions } from './options.ts';
import { decodeInts, encodeInts, type KeyKind, type PostingRow, type SlotRow } from './rows.ts';
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

/** Where the index reads what it has not loaded: stored postings, slots and stories. */
export interface IndexSource {
  postings(kind: KeyKind, keyIds: readonly number[]): readonly Pick<PostingRow, 'keyId' | 'slots'>[];
  slots(slots: readonly number[]): readonly SlotRow[];
  /** Loads these live stories (they come back through `attach`). */
  stories(ids: readonly string[]): void;
}

const UNKNOWN = 0;
const LIVE = 1;
const GONE = 2;

export class StoryIndex {
  /**
   * Term / entity id → story slots, most recently touched last, capped. Merged-away stories stay
   * until pushed out; lookups skip them.
   */
  private readonly termPostings = new Map<number, Set<number>>();
  private readonly entityPostings = new Map<number, Set<number>>();
  /** Lists changed since `takeChanged` (tracked only with a source). */
  private readonly changedTerms = new Set<number>();
  private readonly changedEntities = new Set<number>();
  /** Loaded live stories by slot (a dense number per story, never reused). */
  private readonly bySlot: (LiveStory | undefined)[] = [];
  /** Story id per known slot, and whether it is live (UNKNOWN: not loaded). */
  private readonly slotIds: (string | undefined)[] = [];
  private slotState: Uint8Array;
  /** Index overlap per story slot while an article's candidates are gathered; all zero otherwise. */
  private overlap: Float64Array;
  /**
   * first, last, slackDays per slot (NaN: undated), mirrored from the stories so the window test
   * over all index hits reads one array instead of each hit's story object.
   */
  private spans: Float64Array;
  /** Slots hit by the current article (reused: it is rebuilt for every article). */
  private readonly hits: number[] = [];
  private slots: number;
  /**
   * Per kind, the vocabulary size when the stored state was opened: ids from it on were made by
   * this engine, the only writer while it is open, so no stored posting list names them.
   */
  storedKeys: Record<KeyKind, number> = { term: Number.POSITIVE_INFINITY, entity: Number.POSITIVE_INFINITY };

  constructor(
    private readonly options: IndexOptions,
    private readonly termVocab: Vocabulary,
    private readonly entityVocab: Vocabulary,
    private readonly source?: IndexSource,
    nextSlot = 0,
  ) {
    this.slots = nextSlot;
    const room = Math.max(1024, 2 ** Math.ceil(Math.log2(nextSlot + 1)));
    this.overlap = new Float64Array(room);
    this.spans = new Float64Array(3 * room);
    this.slotState = new Uint8Array(room);
  }

  /** The slot the next added story must carry. */
  get nextSlot(): number {
    return this.slots;
  }

  /** Registers a new story (its `slot` is `nextSlot`); it is found once `update` posts its keys. */
  add(story: LiveStory): void {
    this.slots++;
    if (this.slots > this.overlap.length) {
      // Grown between articles only, when every entry is zero.
      this.overlap = new Float64Array(this.overlap.length * 2);
      const spans = new Float64Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
      const state = new Uint8Array(this.slotState.length * 2);
      state.set(this.slotState);
      this.slotState = state;
    }
    this.attach(story);
  }

  /** A stored live story loaded into memory: lookups return this object for its slot. */
  attach(story: LiveStory): void {
    while (this.bySlot.length <= story.slot) {
      this.bySlot.push(undefined);
      this.slotIds.push(undefined);
    }
    this.bySlot[story.slot] = story;
    this.slotIds[story.slot] = story.id;
    this.slotState[story.slot] = LIVE;
    this.syncSpan(story);
  }

  /** A story merged away: lookups stop returning it; its postings age out. */
  remove(story: LiveStory): void {
    this.bySlot[story.slot] = undefined;
    this.slotState[story.slot] = GONE;
  }

  /**
   * After a story changed: mirror its dates and post its top keys by `weights` (its centroid at the
   * current IDF), moving it to the recent end of each posting list.
   */
  update(story: LiveStory, weights: WeightedFields): void {
    this.syncSpan(story);
    const post = (kind: KeyKind, top: Vec) => {
      const postings = this.postingsOf(kind, top.ids);
      const changed = kind === 'term' ? this.changedTerms : this.changedEntities;
      for (const key of top.ids) {
        let slots = postings.get(key);
        if (!slots) postings.set(key, (slots = new Set()));
        slots.delete(story.slot); // re-insert: most recently touched stories stay in a capped list
        slots.add(story.slot);
        if (slots.size > this.options.postingCap) slots.delete(slots.values().next().value!);
        if (this.source) changed.add(key);
      }
    };
    post('term', topOf(weights.terms, this.options.indexTerms, this.termVocab));
    post('entity', topOf(weights.entities, this.options.indexEntities, this.entityVocab));
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
    const look = (kind: KeyKind, top: Vec) => {
      const postings = this.postingsOf(kind, top.ids);
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
    look('term', topOf(termVec, this.options.queryTerms, this.termVocab));
    look('entity', topOf(entityVec, this.options.queryEntities, this.entityVocab));
    this.loadSlots(hits);
    // Best overlap first among the live stories in the window: select them, then sort only those.
    const open: number[] = [];
    const overlap: number[] = [];
    const spans = this.spans;
    const timeSlack = precisionSlackDays(f.timePrecision);
    for (const slot of hits) {
      const weight = sum[slot];
      sum[slot] = 0;
      if (this.slotState[slot] !== LIVE) continue;
      if (gapToRange(f.time, timeSlack, spans[3 * slot], spans[3 * slot + 1], spans[3 * slot + 2]) > this.options.windowDays) continue;
      open.push(slot);
      overlap.push(weight);
    }
    const ids = this.slotIds as readonly string[];
    const before = (a: number, b: number) => heavier(overlap[a], overlap[b]) || compareKeys(ids[open[a]], ids[open[b]]);
    const picked = firstK(open.length, this.options.maxCandidates, before).map((i) => open[i]);
    return this.storiesAt(picked);
  }

  /**
   * Ids of the live stories other than `story` posted under its top keys by `weights`, in lookup
   * order (terms, then entities), with no window or overlap ranking: `related` scores them all.
   */
  neighbours(story: LiveStory, weights: WeightedFields): Set<string> {
    const slots: number[] = [];
    const look = (kind: KeyKind, top: Vec) => {
      const postings = this.postingsOf(kind, top.ids);
      for (const key of top.ids) for (const slot of postings.get(key) ?? []) slots.push(slot);
    };
    look('term', topOf(weights.terms, this.options.queryTerms, this.termVocab));
    look('entity', topOf(weights.entities, this.options.queryEntities, this.entityVocab));
    this.loadSlots(slots);
    const hits = new Set<string>();
    for (const slot of slots) {
      const id = this.slotIds[slot];
      if (this.slotState[slot] === LIVE && id !== story.id) hits.add(id!);
    }
    return hits;
  }

  /** Reads the stored posting lists of these keys not loaded yet, in one go (lookups then read none). */
  preload(kind: KeyKind, keyIds: readonly number[]): void {
    this.postingsOf(kind, keyIds);
  }

  /** The posting lists changed since the last call, as rows of `level`. */
  takeChanged(level: PostingRow['level']): PostingRow[] {
    const rows: PostingRow[] = [];
    for (const [kind, changed, postings] of [['term', this.changedTerms, this.termPostings], ['entity', this.changedEntities, this.entityPostings]] as const) {
      for (const keyId of changed) rows.push({ level, kind, keyId, slots: encodeInts([...postings.get(keyId)!]) });
      changed.clear();
    }
    return rows;
  }

  /** The loaded live stories at these slots, loading those that are not. */
  private storiesAt(slots: readonly number[]): LiveStory[] {
    const missing = slots.filter((slot) => !this.bySlot[slot]);
    if (missing.length) this.source!.stories(missing.map((slot) => this.slotIds[slot]!));
    return slots.map((slot) => this.bySlot[slot]!);
  }

  /** The posting lists of `kind`, with those of `keyIds` loaded. */
  private postingsOf(kind: KeyKind, keyIds: readonly number[]): Map<number, Set<number>> {
    const postings = kind === 'term' ? this.termPostings : this.entityPostings;
    if (!this.source) return postings;
    // Keys made after the stored state was opened have no stored list: nothing to read.
    const stored = this.storedKeys[kind];
    for (const k of keyIds) if (k >= stored && !postings.has(k)) postings.set(k, new Set());
    const missing = keyIds.filter((k) => !postings.has(k));
    if (missing.length === 0) return postings;
    for (const row of this.source.postings(kind, missing)) postings.set(row.keyId, new Set(decodeInts(row.slots)));
    for (const k of missing) if (!postings.has(k)) postings.set(k, new Set());
    return postings;
  }

  /** Spans, ids and liveness of these slots, read where not known. */
  private loadSlots(slots: readonly number[]): void {
    if (!this.source) return;
    const missing = slots.filter((slot) => this.slotState[slot] === UNKNOWN);
    if (missing.length === 0) return;
    for (const row of this.source.slots([...new Set(missing)])) {
      while (this.slotIds.length <= row.slot) {
        this.bySlot.push(undefined);
        this.slotIds.push(undefined);
      }
      this.slotIds[row.slot] = row.id;
      this.slotState[row.slot] = row.live ? LIVE : GONE;
      this.setSpan(row.slot, row.firstMs ?? undefined, row.lastMs ?? undefined, row.slackDays);
    }
  }

  private syncSpan(story: LiveStory): void {
    this.setSpan(story.slot, story.first, story.last, story.slackDays);
  }

  private setSpan(slot: number, first: number | undefined, last: number | undefined, slackDays: number): void {
    const at = 3 * slot;
    this.spans[at] = first ?? Number.NaN;
    this.spans[at + 1] = last ?? Number.NaN;
    this.spans[at + 2] = slackDays;
  }
}
