/**
 * A state backend that keeps the rows in memory: for tests (reopen an engine over the same rows,
 * as a new process would) and for engines whose database is not synchronous (PostgreSQL loads every
 * row with one `write` at lease time, then forwards each delta to the database as well).
 * Scans walk every row: fine at the sizes a lease holds, where SQLite answers from indexes.
 */
import type { StoryLevel } from './options.ts';
import type {
  CentroidRow, KeyKind, KeyRow, MemberRow, MetaRow, NameRow, PostingRow, SlotRow, StoryBackend, StoryDelta, StoryRow,
} from './rows.ts';

export class MemoryBackend implements StoryBackend {
  private meta: MetaRow | undefined;
  private readonly keys = { term: new Map<number, KeyRow>(), entity: new Map<number, KeyRow>() };
  private readonly keyIds = { term: new Map<string, number>(), entity: new Map<string, number>() };
  private readonly storyRows = new Map<string, StoryRow>();
  private readonly slotIds = new Map<string, string>();
  private readonly centroids = new Map<string, CentroidRow>();
  /** Level → article → its member row; story → its member rows (any order; sorted by ord when read). */
  private readonly members = new Map<StoryLevel, Map<string, MemberRow>>([['event', new Map()], ['storyline', new Map()]]);
  private readonly storyMembers = new Map<string, MemberRow[]>();
  private readonly postings = new Map<string, PostingRow>();
  private readonly names = new Map<string, NameRow>();
  /** Deltas written so far (tests read what a write carried). */
  writes = 0;

  readMeta(): MetaRow | undefined {
    return this.meta;
  }

  readKeys(kind: KeyKind, keys: readonly string[]): KeyRow[] {
    return keys.map((k) => this.keyIds[kind].get(k)).filter((id) => id !== undefined).map((id) => this.keys[kind].get(id)!);
  }

  readKeyIds(kind: KeyKind, ids: readonly number[]): KeyRow[] {
    return ids.map((id) => this.keys[kind].get(id)).filter((row) => row !== undefined);
  }

  readStories(ids: readonly string[]): { story: StoryRow; centroid?: CentroidRow }[] {
    const out: { story: StoryRow; centroid?: CentroidRow }[] = [];
    for (const id of ids) {
      const story = this.storyRows.get(id);
      if (!story) continue;
      const centroid = this.centroids.get(id);
      out.push(centroid ? { story, centroid } : { story });
    }
    return out;
  }

  readSlots(level: StoryLevel, slots: readonly number[]): SlotRow[] {
    const out: SlotRow[] = [];
    for (const slot of slots) {
      const id = this.slotIds.get(`${level}:${slot}`);
      const row = id === undefined ? undefined : this.storyRows.get(id);
      if (row) out.push({ slot, id: row.id, live: row.mergedInto === null, firstMs: row.firstMs, lastMs: row.lastMs, slackDays: row.slackDays });
    }
    return out;
  }

  readPostings(level: StoryLevel, kind: KeyKind, keyIds: readonly number[]): PostingRow[] {
    return keyIds.map((k) => this.postings.get(`${level}:${kind}:${k}`)).filter((row) => row !== undefined);
  }

  readArticleStories(level: StoryLevel, articleIds: readonly string[]): { articleId: string; storyId: string }[] {
    const members = this.members.get(level)!;
    return articleIds.map((id) => members.get(id)).filter((m) => m !== undefined).map((m) => ({ articleId: m.articleId, storyId: m.storyId }));
  }

  readMembers(storyId: string): string[] {
    return [...(this.storyMembers.get(storyId) ?? [])].sort((a, b) => a.ord - b.ord).map((m) => m.articleId);
  }

  readMergedFrom(storyId: string): string[] {
    const children = [...this.storyRows.values()].filter((s) => s.mergedInto === storyId)
      .sort((a, b) => a.mergedSeq! - b.mergedSeq!);
    return children.flatMap((c) => [c.id, ...this.readMergedFrom(c.id)]);
  }

  touchedSince(level: StoryLevel, documents: number): string[] {
    return this.live(level).filter((s) => s.touched > documents).map((s) => s.id);
  }

  largest(level: StoryLevel, minSize: number, limit: number): string[] {
    return this.live(level).filter((s) => s.size > minSize)
      .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1)).slice(0, limit).map((s) => s.id);
  }

  liveStories(level: StoryLevel): string[] {
    return this.live(level).sort((a, b) => a.slot - b.slot).map((s) => s.id);
  }

  readNames(keys: readonly string[]): NameRow[] {
    return keys.map((k) => this.names.get(k)).filter((row) => row !== undefined);
  }

  write(delta: StoryDelta): void {
    this.writes++;
    if (delta.meta) this.meta = delta.meta;
    for (const [kind, rows] of [['term', delta.terms], ['entity', delta.entities]] as const) {
      for (const row of rows) {
        this.keys[kind].set(row.id, row);
        this.keyIds[kind].set(row.key, row.id);
      }
    }
    for (const row of delta.stories) {
      this.storyRows.set(row.id, row);
      this.slotIds.set(`${row.level}:${row.slot}`, row.id);
    }
    for (const id of delta.dropCentroids) this.centroids.delete(id);
    for (const row of delta.centroids) this.centroids.set(row.storyId, row);
    for (const row of delta.members) {
      this.members.get(row.level)!.set(row.articleId, row);
      this.membersOf(row.storyId).push(row);
    }
    for (const move of delta.moves) {
      const moved = (this.storyMembers.get(move.from) ?? []).map((m) => ({ ...m, storyId: move.to, ord: m.ord + move.offset }));
      this.storyMembers.delete(move.from);
      const into = this.membersOf(move.to);
      for (const m of moved) {
        into.push(m);
        this.members.get(m.level)!.set(m.articleId, m);
      }
    }
    for (const row of delta.postings) this.postings.set(`${row.level}:${row.kind}:${row.keyId}`, row);
    for (const row of delta.names) this.names.set(row.key, row);
  }

  /** Every row, as one delta: what another backend needs to hold the same state. */
  rows(): StoryDelta {
    return {
      ...(this.meta ? { meta: this.meta } : {}),
      terms: [...this.keys.term.values()],
      entities: [...this.keys.entity.values()],
      stories: [...this.storyRows.values()],
      centroids: [...this.centroids.values()],
      dropCentroids: [],
      members: [...this.storyMembers.values()].flat(),
      moves: [],
      postings: [...this.postings.values()],
      names: [...this.names.values()],
    };
  }

  private live(level: StoryLevel): StoryRow[] {
    return [...this.storyRows.values()].filter((s) => s.level === level && s.mergedInto === null);
  }

  private membersOf(storyId: string): MemberRow[] {
    let list = this.storyMembers.get(storyId);
    if (!list) this.storyMembers.set(storyId, (list = []));
    return list;
  }
}
