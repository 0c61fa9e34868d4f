/**
 * One level's story state as the clusterer sees it: live stories by id, merges, which story each
 * article is in, member lists, and the story index, with every change tracked for writing.
 *
 * Without a backend everything lives here (eval, bench, tests, the JSON engine state). With one
 * (rows.ts `StoryBackend`), rows are read on first use and kept: this object is the process's cache
 * of the stored state, and `take` hands out what changed since the last write as a delta of rows.
 * Scans (stories touched since the last consolidation, the largest stories, all of them) write the
 * pending delta first and then ask the backend, which answers from indexes; they never walk the cache.
 */
import type { Corpus } from './corpus.ts';
import type { StoryLevel } from './options.ts';
import {
  centroidRow, EMPTY_DELTA, liveStoryFrom, mergedStoryRow, storyRow,
  type KeyKind, type LevelMeta, type MemberMove, type MemberRow, type StoryBackend, type StoryDelta,
} from './rows.ts';
import { StoryIndex, type IndexOptions, type IndexSource } from './story-index.ts';
import { toStory, type LiveStory, type Story } from './story.ts';

/** What a level keeps about its stories besides the stories. */
export interface LevelCounters {
  nextSerial: number;
  consolidatedAt: number;
  merges: number;
}

export class StoryCache implements IndexSource {
  readonly index: StoryIndex;
  /** Loaded live stories (without a backend: all of them, in creation order). */
  private readonly live = new Map<string, LiveStory>();
  /** Merged-away story id → the story it went into (loaded ones). */
  private readonly merged = new Map<string, string>();
  /** Article id → its story's id when it joined, or a later one (resolve() for the current one). */
  private readonly articles = new Map<string, string>();
  /** Articles a prefetch found not assigned (stored state only), until they are. */
  private readonly unassigned = new Set<string>();
  /**
   * Story ids the last prefetch found stored nowhere (stored state only), until a story takes
   * one: checking a new story's id costs no read of its own. Only this writer creates stories
   * while it holds the state (another writer's commit makes a fresh state), so absent stays absent.
   */
  private readonly absent = new Set<string>();
  /** Member lists by story id; without a backend only (with one, members are rows). */
  private readonly memberLists: Map<string, string[]> | undefined;
  // What changed since the last `take`.
  private readonly changed = new Set<LiveStory>();
  private readonly reweighed = new Set<LiveStory>();
  private dead: { story: LiveStory; into: string; seq: number }[] = [];
  private memberRows: MemberRow[] = [];
  private moves: MemberMove[] = [];
  readonly counters: LevelCounters;

  constructor(
    readonly level: StoryLevel,
    options: IndexOptions,
    private readonly corpus: Corpus,
    private readonly backend?: StoryBackend,
    meta?: LevelMeta,
    /** Clock for members' join times (ms since the epoch). */
    private readonly now: () => number = Date.now,
  ) {
    this.index = new StoryIndex(options, corpus.terms, corpus.entities, backend ? this : undefined, meta?.nextSlot ?? 0);
    this.memberLists = backend ? undefined : new Map();
    this.counters = { nextSerial: meta?.nextSerial ?? 1, consolidatedAt: meta?.consolidatedAt ?? 0, merges: meta?.merges ?? 0 };
  }

  /** True when the state is stored in a backend (not only here). */
  get stored(): boolean {
    return this.backend !== undefined;
  }

  /** The live story with this id (not following merges), loading it if stored. */
  story(id: string): LiveStory | undefined {
    const s = this.live.get(id);
    if (s || !this.backend || this.merged.has(id)) return s;
    this.stories([id]);
    return this.live.get(id);
  }

  /** True while `story` is live (not merged away). */
  isLive(story: LiveStory): boolean {
    return this.live.get(story.id) === story;
  }

  /** The current id of a story, following merges; undefined for ids never seen. */
  resolve(id: string): string | undefined {
    let current = id;
    for (let hops = 0; hops < 10_000; hops++) {
      if (this.story(current)) return current;
      const next = this.merged.get(current);
      if (!next) return undefined;
      current = next;
    }
    return undefined;
  }

  /** Whether a story (live or merged away) ever had this id. */
  exists(id: string): boolean {
    return this.story(id) !== undefined || this.merged.has(id);
  }

  /** A story id the article was put in (resolve() for the current one); undefined when never added. */
  storyOfArticle(articleId: string): string | undefined {
    const known = this.articles.get(articleId);
    if (known !== undefined || !this.backend || this.unassigned.has(articleId)) return known;
    const [row] = this.backend.readArticleStories(this.level, [articleId]);
    if (row) this.articles.set(articleId, row.storyId);
    return row?.storyId;
  }

  /**
   * Reads in one go which of these articles are assigned already (what `storyOfArticle` would
   * read one by one), remembering the others as not assigned until they are.
   */
  prefetchArticles(articleIds: readonly string[]): void {
    if (!this.backend) return;
    const missing = articleIds.filter((id) => !this.articles.has(id) && !this.unassigned.has(id));
    if (missing.length === 0) return;
    for (const row of this.backend.readArticleStories(this.level, missing)) this.articles.set(row.articleId, row.storyId);
    for (const id of missing) if (!this.articles.has(id)) this.unassigned.add(id);
  }

  /**
   * Reads in one go the stored stories among these ids (what `story` would read one by one) and
   * remembers the ids stored nowhere, replacing the previous prefetch's: the clusterer checks the
   * id a new story would take for every article of a batch (cluster.ts `open`).
   */
  prefetchStories(ids: readonly string[]): void {
    if (!this.backend) return;
    this.absent.clear();
    const missing = ids.filter((id) => !this.live.has(id) && !this.merged.has(id));
    this.stories(missing);
    for (const id of missing) if (!this.live.has(id) && !this.merged.has(id)) this.absent.add(id);
  }

  /** A story made now (its slot is the index's next one). */
  create(story: LiveStory): void {
    this.absent.delete(story.id);
    this.live.set(story.id, story);
    this.memberLists?.set(story.id, []);
    this.index.add(story);
    if (this.backend) this.changed.add(story);
  }

  /** The story changed (members, counts, centroid): its rows are written with the next delta. */
  touch(story: LiveStory): void {
    if (this.backend) this.changed.add(story);
  }

  /** The scorer re-weighed the story's centroid at a new IDF: its centroid row is written. */
  weighed(story: LiveStory): void {
    if (this.backend) this.reweighed.add(story);
  }

  /** Records `articleId` as the next member of `story` (call before the story's size grows). */
  addMember(story: LiveStory, articleId: string): void {
    this.articles.set(articleId, story.id);
    this.unassigned.delete(articleId);
    if (this.memberLists) this.memberLists.get(story.id)!.push(articleId);
    else this.memberRows.push({ level: this.level, articleId, storyId: story.id, ord: story.size, addedAt: this.now() });
  }

  /** Moves `small`'s members to the end of `big`'s and merges `small` away (call before sizes are merged). */
  absorb(big: LiveStory, small: LiveStory): void {
    if (this.memberLists) {
      const into = this.memberLists.get(big.id)!;
      for (const id of this.memberLists.get(small.id)!) into.push(id);
      this.memberLists.delete(small.id);
    } else {
      this.moves.push({ level: this.level, from: small.id, to: big.id, offset: big.size });
    }
    this.live.delete(small.id);
    this.merged.set(small.id, big.id);
    this.index.remove(small);
    this.counters.merges++;
    if (this.backend) {
      this.changed.delete(small);
      this.reweighed.delete(small);
      this.dead.push({ story: small, into: big.id, seq: this.counters.merges });
    }
  }

  /** Members of a live story in order. */
  members(story: LiveStory): string[] {
    if (this.memberLists) return [...this.memberLists.get(story.id)!];
    this.flush();
    return this.backend!.readMembers(story.id);
  }

  /** Ids merged into a live story (Story.mergedFrom). */
  mergedFrom(story: LiveStory): string[] {
    if (!this.backend) return story.mergedFrom ?? [];
    this.flush();
    return this.backend.readMergedFrom(story.id);
  }

  /** Live stories changed after `documents`. */
  touchedSince(documents: number): LiveStory[] {
    if (!this.backend) return [...this.live.values()].filter((s) => s.touched > documents);
    this.flush();
    return this.loaded(this.backend.touchedSince(this.level, documents));
  }

  /** The `limit` largest live stories of more than `minSize` articles, largest first, equal sizes by id. */
  largest(minSize: number, limit: number): LiveStory[] {
    if (!this.backend) {
      return [...this.live.values()].filter((s) => s.size > minSize)
        .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1)).slice(0, limit);
    }
    this.flush();
    return this.loaded(this.backend.largest(this.level, minSize, limit));
  }

  /** Every live story (without a backend in creation order, else by slot). */
  all(): LiveStory[] {
    if (!this.backend) return [...this.live.values()];
    this.flush();
    return this.loaded(this.backend.liveStories(this.level));
  }

  /** Merged-away id → survivor, for every merge this cache knows (all of them without a backend). */
  mergedEdges(): ReadonlyMap<string, string> {
    return this.merged;
  }

  /** Article → story id at join, for every article this cache knows (all of them without a backend). */
  articleEdges(): ReadonlyMap<string, string> {
    return this.articles;
  }

  /** Restores a JSON-state story with its members (the JSON engine state, cluster.ts `restoreClusterer`). */
  restore(story: LiveStory, articleIds: readonly string[]): void {
    this.live.set(story.id, story);
    this.memberLists?.set(story.id, [...articleIds]);
    this.index.add(story);
  }

  restoreEdges(merged: Record<string, string>, articles: Record<string, string>): void {
    for (const [k, v] of Object.entries(merged)) this.merged.set(k, v);
    for (const [k, v] of Object.entries(articles)) this.articles.set(k, v);
  }

  /** This level's meta as stored. */
  meta(options: LevelMeta['options']): LevelMeta {
    const { nextSerial, consolidatedAt, merges } = this.counters;
    return { options, nextSerial, merges, nextSlot: this.index.nextSlot, consolidatedAt };
  }

  /**
   * The rows changed since the last call: stories (with their display record at the current IDF),
   * centroids, members, merges and postings. Clears the change tracking.
   */
  take(): StoryDelta {
    const stories = [];
    const centroids = [];
    for (const s of this.changed) {
      stories.push(storyRow(s, displayRecord(toStory(s, [], this.corpus))));
      centroids.push(centroidRow(s));
      this.reweighed.delete(s);
    }
    for (const s of this.reweighed) if (this.isLive(s)) centroids.push(centroidRow(s));
    for (const { story, into, seq } of this.dead) stories.push(mergedStoryRow(story, into, seq));
    const delta: StoryDelta = {
      ...EMPTY_DELTA,
      stories,
      centroids,
      dropCentroids: this.dead.map((d) => d.story.id),
      members: this.memberRows,
      moves: this.moves,
      postings: this.index.takeChanged(this.level),
    };
    this.changed.clear();
    this.reweighed.clear();
    this.dead = [];
    this.memberRows = [];
    this.moves = [];
    return delta;
  }

  /** Writes what changed so far (inside the caller's transaction): scans then see it. */
  private flush(): void {
    this.backend!.write(this.take());
  }

  /** The live stories with these ids, loaded where needed, in the given order. */
  private loaded(ids: readonly string[]): LiveStory[] {
    this.stories(ids);
    return ids.map((id) => this.live.get(id)).filter((s): s is LiveStory => s !== undefined);
  }

  // --- IndexSource ----------------------------------------------------------------------------

  /** Loads the stored stories among `ids` that are not loaded yet. */
  stories(ids: readonly string[]): void {
    if (!this.backend) return;
    const missing = ids.filter((id) => !this.live.has(id) && !this.merged.has(id) && !this.absent.has(id));
    if (missing.length === 0) return;
    for (const { story, centroid } of this.backend.readStories(missing)) {
      if (story.level !== this.level) continue;
      if (story.mergedInto !== null) {
        this.merged.set(story.id, story.mergedInto);
        continue;
      }
      const live = liveStoryFrom(story, centroid!);
      this.live.set(live.id, live);
      this.index.attach(live);
    }
  }

  postings(kind: KeyKind, keyIds: readonly number[]) {
    return this.backend!.readPostings(this.level, kind, keyIds);
  }

  slots(slots: readonly number[]) {
    return this.backend!.readSlots(this.level, slots);
  }
}

/** What a story row stores for readers: the story without members and merges (readers add those). */
function displayRecord(story: Story): Omit<Story, 'articleIds' | 'mergedFrom'> {
  const { articleIds, mergedFrom, ...rest } = story;
  void articleIds;
  void mergedFrom;
  return rest;
}
