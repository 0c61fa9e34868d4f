/**
 * The stories concern of the SQLite engine over the story tables (migration 006): the cluster
 * stage's `assign` writes what each batch changed through the writer (story-writer.ts), inside the
 * write transaction the stage opens for that batch and its cursor; every reader is a query over the
 * committed rows (story-readers.ts), so no reader restores the clusterer.
 *
 * One writer per store: its cache of story rows outlives a call, so the next batch reads only the
 * rows it touches. It is dropped whenever what it holds may not be what was committed (a failed
 * write, a rolled-back transaction, `clear`); another process's commit is caught by the writer's
 * generation check.
 */
import type Database from 'better-sqlite3';
import { STORY_STATE_VERSION } from '../story-version.ts';
import type { StoryLevel } from '../../stories/options.ts';
import type { Story } from '../../stories/story.ts';
import type { StoryAssignment, StoryCounts, StoryInput, StoryPage, StoryQuery, StoryStore } from '../store.ts';
import type { Scope } from './scope.ts';
import { eventsOf, getStory, getStoryOfArticle, listStories, readStoryMeta, storyCounts, storyMembers, type StoryWithMembers } from './story-readers.ts';
import type { StoryWriter } from './story-writer.ts';

type WriterModule = typeof import('./story-writer.ts');
let writerModule: Promise<WriterModule> | undefined;

/** The writer and the story engine under it, loaded by the first write: readers never need them. */
function loadWriter(): Promise<WriterModule> {
  return (writerModule ??= import('./story-writer.ts'));
}

/** The store's one story writer, shared by its stories concern and every transaction handle's. */
export class StoryWriterSlot {
  #writer: StoryWriter | undefined;
  #db: Database.Database | undefined;

  /** The writer on the write connection, opened on first use. */
  writer(db: Database.Database, { openStoryWriter }: WriterModule): StoryWriter {
    if (!this.#writer || this.#db !== db) {
      this.#writer = openStoryWriter(db, { version: STORY_STATE_VERSION });
      this.#db = db;
    }
    return this.#writer;
  }

  /** Forgets the writer's cache: the next batch reads the committed rows afresh. */
  forget(): void {
    this.#writer = undefined;
    this.#db = undefined;
  }
}

/**
 * The contract's Story, its fields in the engine's order (id, level, title, articleIds, …, and a
 * storyline's eventIds last) so a record serialises as the JSON state's does (`kronika migrate`
 * compares checksums).
 */
function contractStory(story: StoryWithMembers | undefined): Story | undefined {
  if (!story) return undefined;
  const { id, level, title, articleIds, eventIds, ...rest } = story;
  return { id, level, ...(title !== undefined && { title }), articleIds, ...rest, ...(eventIds && { eventIds }) };
}

/** Why stored story rows cannot be extended, or undefined when they can (or there are none). */
function staleState(db: Database.Database): string | undefined {
  const meta = readStoryMeta(db);
  if (!meta || meta.version === STORY_STATE_VERSION) return undefined;
  return meta.version < STORY_STATE_VERSION ? 'the saved stories were made by an older version' : 'the saved stories were made by a newer version';
}

export class SqliteStoryStore implements StoryStore {
  constructor(private readonly scope: Scope, private readonly slot: StoryWriterSlot) {}

  get #db(): Database.Database {
    return this.scope.read.db;
  }

  async list(query: StoryQuery = {}): Promise<StoryPage> {
    const page = listStories(this.#db, { ...query, members: true });
    const storylines = query.level === 'storyline';
    return { total: page.total, stories: page.stories.map((s) => contractStory(storylines ? { ...s, eventIds: eventsOf(this.#db, s.id) } : s)!) };
  }

  async get(idOrPrefix: string): Promise<Story | undefined> {
    return contractStory(getStory(this.#db, idOrPrefix));
  }

  async ofArticle(articleId: string, level: StoryLevel = 'event'): Promise<Story | undefined> {
    return contractStory(getStoryOfArticle(this.#db, articleId, level));
  }

  async members(storyId: string): Promise<readonly string[] | undefined> {
    return storyMembers(this.#db, storyId);
  }

  async counts(): Promise<StoryCounts> {
    return storyCounts(this.#db);
  }

  async assign(inputs: readonly StoryInput[], options: { readonly consolidate?: boolean } = {}): Promise<StoryAssignment> {
    const module = await loadWriter();
    return this.#write((db) => {
      // Rows made for other features (another version) cannot take new articles: clear them and
      // say so; the cluster stage then re-clusters every article (src/app/stages.ts).
      const recovered = staleState(db);
      if (recovered) {
        module.clearStoryTables(db);
        return { added: 0, events: 0, storylines: 0, recovered };
      }
      if (inputs.length === 0 && !options.consolidate) return { added: 0, ...storyCounts(db) };
      const writer = this.slot.writer(db, module);
      const added = writer.add(inputs).filter((a) => !a.event.repeat).length;
      if (options.consolidate && added > 0) writer.consolidate();
      writer.commit();
      return { added, ...storyCounts(db) };
    });
  }

  async consolidate(): Promise<StoryCounts> {
    const module = await loadWriter();
    return this.#write((db) => {
      const writer = this.slot.writer(db, module);
      writer.consolidate();
      writer.commit();
      return storyCounts(db);
    });
  }

  async clear(): Promise<void> {
    const { clearStoryTables } = await loadWriter();
    await this.#write((db) => {
      clearStoryTables(db);
      this.slot.forget();
    });
  }

  /** A write on the write connection; a failure drops the writer's cache with the rolled-back rows. */
  async #write<T>(work: (db: Database.Database) => T): Promise<T> {
    try {
      return await this.scope.write((statements) => work(statements.db));
    } catch (error) {
      this.slot.forget();
      throw error;
    }
  }
}
