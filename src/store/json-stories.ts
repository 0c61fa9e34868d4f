/**
 * The stories concern over today's story engine (src/stories/engine.ts), whose state is one JSON
 * value: every writer restores it, changes it and saves it whole. A stop-gap behind the
 * StoryStore interface until the story tables (src/store/sqlite/story-*.ts) replace it; engines
 * only supply the cell the JSON lives in. Restored state is kept in memory per process and reused
 * until another write changes the cell's revision.
 */
import { countNames, withEntityNames, type EntityNameCounts } from '../app/entity-names.ts';
import { createStoryEngine, restoreStoryEngine, type StoryEngine, type StoryEngineState } from '../stories/engine.ts';
import type { StoryLevel } from '../stories/options.ts';
import type { Story } from '../stories/story.ts';
import type { StoryAssignment, StoryCounts, StoryInput, StoryPage, StoryQuery, StoryStore } from './store.ts';
import { STORY_STATE_VERSION } from './story-version.ts';

export { STORY_STATE_VERSION };

interface SavedStories {
  readonly version: typeof STORY_STATE_VERSION;
  /** Articles the engine holds. */
  readonly known: number;
  readonly engine: StoryEngineState;
  /** Display names of entity keys. */
  readonly names?: EntityNameCounts;
}

/** Where the JSON lives (a row of the engine's state table). */
export interface StoryStateCell {
  /** The revision of the saved value: a fresh token at every write; undefined when nothing is saved. */
  revision(): Promise<string | undefined>;
  read(): Promise<{ readonly value: unknown; readonly revision: string } | undefined>;
  /**
   * Read-modify-write in one write transaction: `change` gets the current value (undefined at
   * first) with its revision and returns the next value; the cell stores it under `revision`.
   */
  update<T>(change: (current: { readonly value: unknown; readonly revision: string } | undefined) => { next: unknown; result: T }, revision: string): Promise<T>;
}

/** The saved stories could not be read back: they must be rebuilt (`kronika stories --rebuild`). */
export class StoryStateError extends Error {
  override readonly name = 'StoryStateError';
}

interface Loaded {
  readonly revision: string | undefined;
  readonly engine: StoryEngine;
  readonly names: EntityNameCounts;
  readonly known: number;
  readonly lists: Map<StoryLevel, Story[]>;
}

const fresh = (revision?: string): Loaded => ({ revision, engine: createStoryEngine(), names: {}, known: 0, lists: new Map() });

/** A live engine from the saved value, or why it cannot be one. */
function restore(value: unknown, revision: string): Loaded | { problem: string } {
  const saved = value as SavedStories | null;
  if (saved?.version !== STORY_STATE_VERSION) {
    const version = (saved as { version?: unknown } | null)?.version;
    return {
      problem: typeof version === 'number' && version < STORY_STATE_VERSION
        ? 'the saved stories were made by an older version'
        : 'the saved stories have an unknown format',
    };
  }
  try {
    const engine = restoreStoryEngine(saved.engine);
    engine.storylines(); // reads every story record of both levels: a broken one throws here, not in a reader
    return { revision, engine, names: saved.names ?? {}, known: saved.known, lists: new Map() };
  } catch (error) {
    return { problem: `the saved stories could not be restored (${error instanceof Error ? error.message : String(error)})` };
  }
}

function save(loaded: Loaded): SavedStories {
  return { version: STORY_STATE_VERSION, known: loaded.known, engine: loaded.engine.serialise(), names: loaded.names };
}

/** Newest activity first (undated last), then more articles, then id; or more articles first. */
function compare(sort: StoryQuery['sort']): (a: Story, b: Story) => number {
  const recent = (a: Story, b: Story) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '');
  const size = (a: Story, b: Story) => b.articles - a.articles;
  return sort === 'articles'
    ? (a, b) => size(a, b) || recent(a, b) || a.id.localeCompare(b.id)
    : (a, b) => recent(a, b) || size(a, b) || a.id.localeCompare(b.id);
}

/** The story filter of StoryQuery; dates compare as prefixes, so "2023-09" matches "2023-09-12". */
function matches(query: StoryQuery): (story: Story) => boolean {
  const entityKeys = query.entityKeys && new Set(query.entityKeys);
  const articleIds = query.articleIds && new Set(query.articleIds);
  const atLeast = (date: string | undefined, bound: string) => date !== undefined && date.slice(0, bound.length) >= bound;
  const atMost = (date: string | undefined, bound: string) => date !== undefined && date.slice(0, bound.length) <= bound;
  return (story) =>
    (!query.since || atLeast(story.lastSeen, query.since)) &&
    (!query.until || atMost(story.firstSeen, query.until)) &&
    (!query.language || story.languages.includes(query.language)) &&
    (!entityKeys || story.topEntities.some((e) => entityKeys.has(e.key))) &&
    (!articleIds || story.articleIds.some((id) => articleIds.has(id)));
}

const newRevision = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The engine as last read or written by this process, reused while the cell's revision is
 * unchanged; one per store, shared by the store's concern and every transaction handle's.
 */
export class StoryStateCache {
  loaded: Loaded | undefined;
}

export class JsonStoryStore implements StoryStore {
  constructor(private readonly cell: StoryStateCell, private readonly cache: StoryStateCache) {}

  async #read(): Promise<Loaded> {
    const revision = await this.cell.revision();
    if (revision === undefined) return fresh();
    if (this.cache.loaded?.revision === revision) return this.cache.loaded;
    const saved = await this.cell.read();
    if (!saved) return fresh();
    const loaded = restore(saved.value, saved.revision);
    if ('problem' in loaded) throw new StoryStateError(`${loaded.problem}; \`kronika stories --rebuild\` re-clusters the articles`);
    this.cache.loaded = loaded;
    return loaded;
  }

  #sorted(loaded: Loaded, level: StoryLevel, sort: StoryQuery['sort']): Story[] {
    const key = `${level}:${sort ?? 'recent'}` as StoryLevel;
    let list = loaded.lists.get(key);
    if (!list) {
      const stories: Story[] = level === 'event' ? loaded.engine.events() : loaded.engine.storylines();
      list = stories.map((s) => withEntityNames(s, loaded.names)).sort(compare(sort));
      loaded.lists.set(key, list);
    }
    return list;
  }

  async list(query: StoryQuery = {}): Promise<StoryPage> {
    const all = this.#sorted(await this.#read(), query.level ?? 'event', query.sort).filter(matches(query));
    const offset = query.offset ?? 0;
    return { total: all.length, stories: all.slice(offset, query.limit === undefined ? undefined : offset + query.limit) };
  }

  async get(idOrPrefix: string): Promise<Story | undefined> {
    const { engine, names } = await this.#read();
    for (const clusterer of [engine.eventClusterer, engine.storylineClusterer]) {
      const resolved = clusterer.resolve(idOrPrefix);
      const story = resolved && clusterer.story(resolved);
      if (story) return withEntityNames(story, names);
    }
    if (idOrPrefix.length < 4) return undefined;
    const all = [...engine.events(), ...engine.storylineClusterer.stories()].filter((s) => s.id.startsWith(idOrPrefix));
    return all.length === 1 ? withEntityNames(all[0]!, names) : undefined;
  }

  async ofArticle(articleId: string, level: StoryLevel = 'event'): Promise<Story | undefined> {
    const { engine, names } = await this.#read();
    const clusterer = level === 'event' ? engine.eventClusterer : engine.storylineClusterer;
    const id = clusterer.storyOf(articleId);
    const story = id === undefined ? undefined : clusterer.story(id);
    return story && withEntityNames(story, names);
  }

  async members(storyId: string): Promise<readonly string[] | undefined> {
    return (await this.get(storyId))?.articleIds;
  }

  async counts(): Promise<StoryCounts> {
    const { engine } = await this.#read();
    return { events: engine.eventClusterer.stories().length, storylines: engine.storylineClusterer.stories().length };
  }

  assign(inputs: readonly StoryInput[], options: { readonly consolidate?: boolean } = {}): Promise<StoryAssignment> {
    return this.#write((loaded) => {
      let added = 0;
      for (const input of inputs) {
        if (loaded.engine.eventOf(input.features.articleId) !== undefined) continue;
        loaded.engine.add(input.features);
        countNames(loaded.names, input.names);
        added++;
      }
      if (options.consolidate && added > 0) loaded.engine.consolidate();
      return { loaded: { ...loaded, known: loaded.known + added }, result: { added } };
    }).then(({ result, counts, recovered }) => ({ ...result, ...counts, ...(recovered && { recovered }) }));
  }

  consolidate(): Promise<StoryCounts> {
    return this.#write((loaded) => {
      loaded.engine.consolidate();
      return { loaded, result: {} };
    }).then(({ counts }) => counts);
  }

  async clear(): Promise<void> {
    await this.#write(() => ({ loaded: fresh(), result: {} }));
  }

  /**
   * Restore (or reuse), change, save — in one write transaction. Saved stories that cannot be
   * restored are started afresh and the caller is told why (the cluster stage then re-clusters
   * every article, src/app/stages.ts).
   */
  async #write<T>(change: (loaded: Loaded) => { loaded: Loaded; result: T }): Promise<{ result: T; counts: StoryCounts; recovered?: string }> {
    const revision = newRevision();
    let recovered: string | undefined;
    let written: Loaded | undefined;
    try {
      const result = await this.cell.update((current) => {
        let loaded: Loaded;
        if (!current) loaded = fresh();
        else if (this.cache.loaded?.revision === current.revision) loaded = this.cache.loaded;
        else {
          const restored = restore(current.value, current.revision);
          if ('problem' in restored) {
            recovered = restored.problem;
            loaded = fresh();
          } else loaded = restored;
        }
        // The cached engine is changed in place: forget it until the write commits.
        this.cache.loaded = undefined;
        const next = change(loaded);
        written = { ...next.loaded, revision, lists: new Map() };
        return { next: save(written), result: next.result };
      }, revision);
      this.cache.loaded = written;
      const engine = written!.engine;
      return { result, counts: { events: engine.eventClusterer.stories().length, storylines: engine.storylineClusterer.stories().length }, ...(recovered && { recovered }) };
    } catch (error) {
      this.cache.loaded = undefined;
      throw error;
    }
  }
}
