/**
 * Reading stories without the engine: every story row carries its display record (written when the
 * story changed, src/stories/rows.ts `storyRow`), so listing is one indexed query and showing one
 * story is a few point lookups. Entity display names are joined in at read time, so a name that
 * settles later shows on every story. Readers see committed rows only and take no write lock.
 */
import type Database from 'better-sqlite3';
import type { StoryLevel } from '../../stories/options.ts';
import type { StoryQuery as ContractQuery } from '../store.ts';
import type { Story, StoryRecord } from '../../stories/story.ts';
import { mergedFromOf } from './story-backend.ts';
import { completeRecords, homeEvents, recordEntityKeys } from '../../stories/stored-records.ts';

/**
 * How a story list is ordered (ties end on the id): the contract's 'recent' and 'articles'
 * (src/store/store.ts StoryQuery), and 'growth': most articles joined since `growthSince` first,
 * then as 'recent'.
 */
export type StorySort = NonNullable<ContractQuery['sort']> | 'growth';

/** Which stories to list: the contract's filters and paging, and what only these readers offer. */
export interface StoryQuery extends Omit<ContractQuery, 'sort'> {
  readonly sort?: StorySort;
  /** For 'growth': members joined at or after this time (ms); default: a day before the latest join. */
  readonly growthSince?: number;
  /** Also read each story's members (`articleIds`). */
  readonly members?: boolean;
}

export interface StoryPage<T extends StoryRecord = StoryRecord> {
  /** Matching live stories before paging. */
  readonly total: number;
  readonly stories: T[];
}

/** A story with its members; a storyline also lists its events (each event in the storyline holding most of its articles). */
export type StoryWithMembers = Story & { readonly eventIds?: readonly string[] };

const DAY_MS = 86_400_000;
/** Upper bound of a prefix range: every id starting with `prefix` sorts below prefix + U+10FFFF. */
const PREFIX_END = '\u{10FFFF}';
/** Shortest story id prefix `getStory` accepts (as the JSON engine's lookup did). */
const MIN_STORY_PREFIX = 4;

const ORDER: Record<StorySort, string> = {
  recent: 's.last_seen DESC, s.size DESC, s.id',
  articles: 's.size DESC, s.last_seen DESC, s.id',
  growth: 'growth DESC, s.last_seen DESC, s.size DESC, s.id',
};

/** The SQL of each filter that is set; parameters are named after the query's fields. */
const FILTERS: readonly [keyof StoryQuery, string][] = [
  ['since', 's.last_seen IS NOT NULL AND substr(s.last_seen, 1, length(@since)) >= @since'],
  ['until', 's.first_seen IS NOT NULL AND substr(s.first_seen, 1, length(@until)) <= @until'],
  ['language', "EXISTS (SELECT 1 FROM json_each(s.record, '$.languages') WHERE value = @language)"],
  ['entityKeys', `EXISTS (SELECT 1 FROM json_each(s.record, '$.topEntities') e
    WHERE json_extract(e.value, '$.key') IN (SELECT value FROM json_each(@entityKeys)))`],
  ['articleIds', `s.id IN (SELECT story_id FROM story_members
    WHERE level = @level AND article_id IN (SELECT value FROM json_each(@articleIds)))`],
];

/**
 * One page of a level's live stories matching the query, with the total before paging. Without
 * filters the order is an index scan; filters read the matching rows' records.
 * @example listStories(db, { level: 'event', sort: 'recent', limit: 20 }) // → { total: 812, stories: [...] }
 */
export function listStories(db: Database.Database, query: StoryQuery & { members: true }): StoryPage<Story>;
export function listStories(db: Database.Database, query?: StoryQuery): StoryPage;
export function listStories(db: Database.Database, query: StoryQuery = {}): StoryPage<StoryRecord> {
  const level = query.level ?? 'event';
  const sort = query.sort ?? 'recent';
  const active = FILTERS.filter(([field]) => query[field] !== undefined);
  const where = ['s.level = @level', 's.merged_into IS NULL', ...active.map(([, sql]) => sql)].join(' AND ');
  const params: Record<string, unknown> = { level, limit: query.limit ?? -1, offset: query.offset ?? 0 };
  for (const [field] of active) {
    const value = query[field];
    params[field] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  const total = db.prepare(`SELECT COUNT(*) FROM stories s WHERE ${where}`).pluck().get(params) as number;
  let growth = '';
  if (sort === 'growth') {
    params.growthSince = query.growthSince ?? latestJoin(db, level) - DAY_MS;
    growth = `LEFT JOIN (SELECT story_id, COUNT(*) AS n FROM story_members WHERE level = @level AND added_at >= @growthSince
      GROUP BY story_id) g ON g.story_id = s.id`;
  }
  const records = db.prepare(`SELECT s.record ${sort === 'growth' ? ', COALESCE(g.n, 0) AS growth' : ''} FROM stories s ${growth}
    WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`).pluck().all(params) as string[];
  const stories = complete(db, records);
  if (!query.members) return { total, stories };
  const members = membersOf(db, stories.map((s) => s.id));
  return { total, stories: stories.map((s) => ({ ...s, articleIds: members.get(s.id) ?? [] })) };
}

/**
 * A live story by id, by an id merged into it, or by a unique prefix of a live story's id (at least
 * four characters), with its members; undefined when none matches.
 */
export function getStory(db: Database.Database, idOrPrefix: string): StoryWithMembers | undefined {
  const id = resolveStory(db, idOrPrefix) ?? uniquePrefix(db, idOrPrefix);
  if (id === undefined) return undefined;
  const row = db.prepare('SELECT level, record FROM stories WHERE id = ?').get(id) as { level: StoryLevel; record: string };
  const [record] = complete(db, [row.record]);
  const story: Story = { ...record, articleIds: membersOf(db, [id]).get(id) ?? [] };
  return row.level === 'storyline' ? { ...story, eventIds: eventsOf(db, id) } : story;
}

/** The current id of a story (following merges), undefined for an unknown id. */
export function resolveStory(db: Database.Database, id: string): string | undefined {
  const step = db.prepare('SELECT merged_into FROM stories WHERE id = ?').pluck();
  let current = id;
  for (let hops = 0; hops < 10_000; hops++) {
    const next = step.get(current) as string | null | undefined;
    if (next === undefined) return undefined;
    if (next === null) return current;
    current = next;
  }
  return undefined;
}

/** The story of `level` an article is in now, as `getStory` gives it; undefined until it is clustered. */
export function getStoryOfArticle(db: Database.Database, articleId: string, level: StoryLevel = 'event'): StoryWithMembers | undefined {
  const id = storyOfArticle(db, articleId)[level];
  return id === undefined ? undefined : getStory(db, id);
}

/** Live stories per level. */
export function storyCounts(db: Database.Database): { events: number; storylines: number } {
  const count = db.prepare('SELECT COUNT(*) FROM stories WHERE level = ? AND merged_into IS NULL').pluck();
  return { events: count.get('event') as number, storylines: count.get('storyline') as number };
}

/** The event and storyline an article is in now (each absent until it is clustered). */
export function storyOfArticle(db: Database.Database, articleId: string): { event?: string; storyline?: string } {
  const rows = db.prepare('SELECT level, story_id FROM story_members WHERE level IN (\'event\', \'storyline\') AND article_id = ?')
    .all(articleId) as { level: StoryLevel; story_id: string }[];
  return Object.fromEntries(rows.map((r) => [r.level, r.story_id]));
}

/** Every article → its story at `level`, for callers that need all of them at once (eval, export). */
export function storyAssignments(db: Database.Database, level: StoryLevel): Map<string, string> {
  const rows = db.prepare('SELECT article_id, story_id FROM story_members WHERE level = ?').raw().all(level) as [string, string][];
  return new Map(rows);
}

/** A story's members in the order they joined (an id merged away answers for its survivor); undefined for an unknown id. */
export function storyMembers(db: Database.Database, storyId: string): string[] | undefined {
  const id = resolveStory(db, storyId);
  return id === undefined ? undefined : membersOf(db, [id]).get(id) ?? [];
}

/** Members of these live stories, each in order. */
function membersOf(db: Database.Database, ids: readonly string[]): Map<string, string[]> {
  const rows = db.prepare(`SELECT story_id, article_id FROM story_members WHERE story_id IN (SELECT value FROM json_each(?))
    ORDER BY story_id, ord`).raw().all(JSON.stringify(ids)) as [string, string][];
  const out = new Map<string, string[]>();
  for (const [story, article] of rows) {
    const list = out.get(story);
    if (list) list.push(article);
    else out.set(story, [article]);
  }
  return out;
}

/** The stored state's generation, features version and article count; undefined before the first commit. */
export function readStoryMeta(db: Database.Database): { generation: number; version: number; documents: number } | undefined {
  return db.prepare('SELECT generation, version, documents FROM story_meta WHERE id = 1').get() as
    { generation: number; version: number; documents: number } | undefined;
}

function latestJoin(db: Database.Database, level: StoryLevel): number {
  return (db.prepare('SELECT MAX(added_at) FROM story_members WHERE level = ?').pluck().get(level) as number | null) ?? 0;
}

function uniquePrefix(db: Database.Database, prefix: string): string | undefined {
  if (prefix.length < MIN_STORY_PREFIX) return undefined;
  const ids = db.prepare('SELECT id FROM stories WHERE id >= ? AND id < ? AND merged_into IS NULL LIMIT 2').pluck()
    .all(prefix, prefix + PREFIX_END) as string[];
  return ids.length === 1 ? ids[0] : undefined;
}

/**
 * Stored display records made whole: each top entity's display name where one is known, and the
 * ids merged into the story (in the place the engine's records have them).
 */
function complete(db: Database.Database, stored: readonly string[]): StoryRecord[] {
  const { ids, keys } = recordEntityKeys(stored);
  const names = new Map(keys.length === 0 ? [] : db.prepare(`SELECT key, name FROM entity_names
    WHERE name IS NOT NULL AND key IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(keys)) as [string, string][]);
  return completeRecords(stored, names, mergedFromOf(db, ids));
}

/**
 * The events of a storyline: each event belongs to the storyline holding most of its articles
 * (equal counts: the smaller storyline id), listed largest first, equal sizes by id.
 */
export function eventsOf(db: Database.Database, storylineId: string): string[] {
  const votes = db.prepare(`SELECT e.story_id AS event, s.story_id AS storyline, COUNT(*) AS n
    FROM story_members e JOIN story_members s ON s.level = 'storyline' AND s.article_id = e.article_id
    WHERE e.level = 'event' AND e.story_id IN (
      SELECT DISTINCT m.story_id FROM story_members l JOIN story_members m ON m.level = 'event' AND m.article_id = l.article_id
      WHERE l.story_id = ?)
    GROUP BY e.story_id, s.story_id`).all(storylineId) as { event: string; storyline: string; n: number }[];
  const events = homeEvents(votes, storylineId);
  if (events.length === 0) return [];
  return db.prepare(`SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?)) ORDER BY size DESC, id`).pluck()
    .all(JSON.stringify(events)) as string[];
}
