/**
 * What story readers do with stored rows once they have them, the same on every engine
 * (src/store/sqlite/story-readers.ts, src/store/postgres/story-readers.ts): the merged-from list
 * from the merge edges, display records made whole, a storyline's events from member votes.
 */
import type { StoryRecord } from './story.ts';

/** A merge edge: `id` was merged into `parent` as that level's `seq`-th merge. */
export type MergeEdge = readonly [parent: string, id: string, seq: number];

/**
 * For each root, the ids merged into it: a depth-first walk of the merge edges below it, each
 * story's merges in merge order, each followed by the ids merged into it earlier — the order the
 * in-memory engine lists them in (story.ts `mergeMembers`). Roots without merges are left out.
 */
export function walkMerges(edges: readonly MergeEdge[], roots: readonly string[]): Map<string, string[]> {
  const children = new Map<string, [string, number][]>();
  for (const [parent, id, seq] of edges) {
    const list = children.get(parent);
    if (list) list.push([id, seq]);
    else children.set(parent, [[id, seq]]);
  }
  for (const list of children.values()) list.sort((a, b) => a[1] - b[1]);
  const out = new Map<string, string[]>();
  for (const root of roots) {
    const walked: string[] = [];
    // Pre-order with an explicit stack (merge chains can be thousands deep): children pushed last-first.
    const stack = [...(children.get(root) ?? [])].reverse().map(([id]) => id);
    while (stack.length) {
      const id = stack.pop()!;
      walked.push(id);
      const below = children.get(id);
      if (below) for (let i = below.length - 1; i >= 0; i--) stack.push(below[i][0]);
    }
    if (walked.length) out.set(root, walked);
  }
  return out;
}

/** Stored display records (JSON) made whole: top entities' display names where known, and the ids merged into each. */
export function completeRecords(stored: readonly string[], names: ReadonlyMap<string, string>, merged: ReadonlyMap<string, string[]>): StoryRecord[] {
  return stored.map((json) => {
    const r = JSON.parse(json) as Omit<StoryRecord, 'mergedFrom'>;
    return {
      ...r,
      topEntities: r.topEntities.map((e) => {
        const name = names.get(e.key);
        return name ? { ...e, name } : e;
      }),
      mergedFrom: merged.get(r.id) ?? [],
    };
  });
}

/** The entity keys of stored display records (whose display names a reader looks up). */
export function recordEntityKeys(stored: readonly string[]): { ids: string[]; keys: string[] } {
  const records = stored.map((json) => JSON.parse(json) as Pick<StoryRecord, 'id' | 'topEntities'>);
  return { ids: records.map((r) => r.id), keys: [...new Set(records.flatMap((r) => r.topEntities.map((e) => e.key)))] };
}

/**
 * The events whose home is `storylineId`, from (event, storyline, shared articles) votes: each
 * event belongs to the storyline holding most of its articles, equal counts to the smaller id.
 */
export function homeEvents(votes: readonly { event: string; storyline: string; n: number }[], storylineId: string): string[] {
  const home = new Map<string, { storyline: string; n: number }>();
  for (const v of votes) {
    const best = home.get(v.event);
    if (!best || v.n > best.n || (v.n === best.n && v.storyline < best.storyline)) home.set(v.event, v);
  }
  return [...home].filter(([, h]) => h.storyline === storylineId).map(([event]) => event);
}
