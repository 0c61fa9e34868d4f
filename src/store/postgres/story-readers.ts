/**
 * Reading stories on PostgreSQL without the engine, as src/store/sqlite/story-readers.ts does on
 * SQLite and with the same answers: every story row carries its display record, so listing is one
 * indexed query and showing a story a few lookups; entity display names and the ids merged into a
 * story are joined in at read time. Readers see committed rows and take no lock.
 */
import type { StoryLevel } from '../../stories/options.ts';
import type { Story, StoryRecord } from '../../stories/story.ts';
import type { StoryCounts, StoryQuery } from '../store.ts';
import { completeRecords, homeEvents, recordEntityKeys, walkMerges } from '../../stories/stored-records.ts';
import type { Scope } from './scope.ts';

/** Where readers run their queries: the pool, or a transaction's connection (seeing its writes). */
export type Reader = Pick<Scope, 'rows'>;

/** A story with its members; a storyline also lists its events. */
export type StoryWithMembers = Story & { readonly eventIds?: readonly string[] };

/** Shortest story id prefix `getStory` accepts (as on SQLite). */
const MIN_STORY_PREFIX = 4;

/** Orders of the contract's sorts; undated stories last, as SQLite sorts NULL below every date. */
const ORDER: Record<NonNullable<StoryQuery['sort']>, string> = {
  recent: 's.last_seen DESC NULLS LAST, s.size DESC, s.id',
  articles: 's.size DESC, s.last_seen DESC NULLS LAST, s.id',
};

/** The SQL of each filter that is set, `$n` standing for its parameter. */
const FILTERS: readonly [keyof StoryQuery, string][] = [
  ['since', 's.last_seen IS NOT NULL AND substr(s.last_seen, 1, length($n)) >= $n'],
  ['until', 's.first_seen IS NOT NULL AND substr(s.first_seen, 1, length($n)) <= $n'],
  ['language', `EXISTS (SELECT 1 FROM json_array_elements_text(s.record::json -> 'languages') l WHERE l = $n)`],
  ['entityKeys', `EXISTS (SELECT 1 FROM json_array_elements(s.record::json -> 'topEntities') e WHERE (e ->> 'key') = ANY($n::text[]))`],
  ['articleIds', 's.id IN (SELECT story_id FROM story_members WHERE level = $1 AND article_id = ANY($n::text[]))'],
];

/**
 * One page of a level's live stories matching the query, each with its members, and the total
 * before paging.
 * @example await listStories(db, { level: 'event', limit: 20 }) // → { total: 812, stories: [...] }
 */
export async function listStories(db: Reader, query: StoryQuery = {}): Promise<{ total: number; stories: StoryWithMembers[] }> {
  const level = query.level ?? 'event';
  const params: unknown[] = [level];
  const where = ['s.level = $1', 's.merged_into IS NULL'];
  for (const [field, sql] of FILTERS) {
    const value = query[field];
    if (value === undefined) continue;
    params.push(value);
    where.push(sql.replaceAll('$n', `$${params.length}`));
  }
  const filter = where.join(' AND ');
  const [{ total }] = await db.rows<{ total: number }>(`SELECT COUNT(*) AS total FROM stories s WHERE ${filter}`, params);
  const paging = [query.limit ?? null, query.offset ?? 0];
  const records = await db.rows<{ record: string }>(`SELECT s.record FROM stories s WHERE ${filter}
    ORDER BY ${ORDER[query.sort ?? 'recent']} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, ...paging]);
  const stories = await complete(db, records.map((r) => r.record));
  const members = await membersOf(db, stories.map((s) => s.id));
  const withMembers: StoryWithMembers[] = stories.map((s) => ({ ...s, articleIds: members.get(s.id) ?? [] }));
  if (level !== 'storyline') return { total, stories: withMembers };
  const out: StoryWithMembers[] = [];
  for (const s of withMembers) out.push({ ...s, eventIds: await eventsOf(db, s.id) });
  return { total, stories: out };
}

/**
 * A live story by id, by an id merged into it, or by a unique prefix of a live story's id (at least
 * four characters), with its members; undefined when none matches.
 */
export async function getStory(db: Reader, idOrPrefix: string): Promise<StoryWithMembers | undefined> {
  const id = (await resolveStory(db, idOrPrefix)) ?? (await uniquePrefix(db, idOrPrefix));
  if (id === undefined) return undefined;
  const [row] = await db.rows<{ level: StoryLevel; record: string }>('SELECT level, record FROM stories WHERE id = $1', [id]);
  const [record] = await complete(db, [row.record]);
  const story: Story = { ...record, articleIds: (await membersOf(db, [id])).get(id) ?? [] };
  return row.level === 'storyline' ? { ...story, eventIds: await eventsOf(db, id) } : story;
}

/** The current id of a story (following merges), undefined for an unknown id. */
export async function resolveStory(db: Reader, id: string): Promise<string | undefined> {
  const [row] = await db.rows<{ id: string }>(`WITH RECURSIVE chain (id, merged_into, hops) AS (
      SELECT id, merged_into, 0 FROM stories WHERE id = $1
      UNION ALL
      SELECT s.id, s.merged_into, c.hops + 1 FROM stories s JOIN chain c ON s.id = c.merged_into WHERE c.hops < 10000
    ) SELECT id FROM chain WHERE merged_into IS NULL`, [id]);
  return row?.id;
}

/** The story of `level` an article is in now, as `getStory` gives it; undefined until it is clustered. */
export async function getStoryOfArticle(db: Reader, articleId: string, level: StoryLevel): Promise<StoryWithMembers | undefined> {
  const [row] = await db.rows<{ story_id: string }>('SELECT story_id FROM story_members WHERE level = $1 AND article_id = $2', [level, articleId]);
  return row === undefined ? undefined : getStory(db, row.story_id);
}

/** Live stories per level. */
export async function storyCounts(db: Reader): Promise<StoryCounts> {
  const rows = await db.rows<{ level: StoryLevel; n: number }>(`SELECT level, COUNT(*) AS n FROM stories
    WHERE merged_into IS NULL GROUP BY level`);
  const of = (level: StoryLevel) => rows.find((r) => r.level === level)?.n ?? 0;
  return { events: of('event'), storylines: of('storyline') };
}

/** A story's members in the order they joined (an id merged away answers for its survivor); undefined for an unknown id. */
export async function storyMembers(db: Reader, storyId: string): Promise<string[] | undefined> {
  const id = await resolveStory(db, storyId);
  return id === undefined ? undefined : (await membersOf(db, [id])).get(id) ?? [];
}

/** Members of these live stories, each in order. */
async function membersOf(db: Reader, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.rows<{ story_id: string; article_id: string }>(`SELECT story_id, article_id FROM story_members
    WHERE story_id = ANY($1::text[]) ORDER BY story_id, ord`, [ids]);
  for (const { story_id: story, article_id: article } of rows) {
    const list = out.get(story);
    if (list) list.push(article);
    else out.set(story, [article]);
  }
  return out;
}

async function uniquePrefix(db: Reader, prefix: string): Promise<string | undefined> {
  if (prefix.length < MIN_STORY_PREFIX) return undefined;
  const rows = await db.rows<{ id: string }>(`SELECT id FROM stories WHERE id >= $1 AND starts_with(id, $1) AND merged_into IS NULL
    ORDER BY id LIMIT 2`, [prefix]);
  return rows.length === 1 ? rows[0].id : undefined;
}

/**
 * Stored display records made whole: each top entity's display name where one is known, and the
 * ids merged into the story (in the place the engine's records have them).
 */
async function complete(db: Reader, stored: readonly string[]): Promise<StoryRecord[]> {
  const { ids, keys } = recordEntityKeys(stored);
  const names = new Map(keys.length === 0 ? [] : (await db.rows<{ key: string; name: string }>(`SELECT key, name FROM entity_names
    WHERE name IS NOT NULL AND key = ANY($1::text[])`, [keys])).map((r) => [r.key, r.name]));
  return completeRecords(stored, names, await mergedFromOf(db, ids));
}

/**
 * For each story id, the ids merged into it (src/stories/stored-records.ts `walkMerges`), the
 * edges below them read in one recursive query.
 */
export async function mergedFromOf(db: Reader, ids: readonly string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const edges = await db.rows<{ parent: string; id: string; seq: number }>(`WITH RECURSIVE tree (parent, id, seq) AS (
      SELECT merged_into, id, merged_seq FROM stories WHERE merged_into = ANY($1::text[])
      UNION ALL
      SELECT s.merged_into, s.id, s.merged_seq FROM stories s JOIN tree ON s.merged_into = tree.id
    ) SELECT parent, id, seq FROM tree`, [ids]);
  return walkMerges(edges.map((e) => [e.parent, e.id, e.seq] as const), ids);
}

/**
 * The events of a storyline: each event belongs to the storyline holding most of its articles
 * (equal counts: the smaller storyline id), listed largest first, equal sizes by id.
 */
async function eventsOf(db: Reader, storylineId: string): Promise<string[]> {
  const votes = await db.rows<{ event: string; storyline: string; n: number }>(`SELECT e.story_id AS event, s.story_id AS storyline, COUNT(*) AS n
    FROM story_members e JOIN story_members s ON s.level = 'storyline' AND s.article_id = e.article_id
    WHERE e.level = 'event' AND e.story_id IN (
      SELECT DISTINCT m.story_id FROM story_members l JOIN story_members m ON m.level = 'event' AND m.article_id = l.article_id
      WHERE l.story_id = $1)
    GROUP BY e.story_id, s.story_id`, [storylineId]);
  const events = homeEvents(votes, storylineId);
  if (events.length === 0) return [];
  return (await db.rows<{ id: string }>('SELECT id FROM stories WHERE id = ANY($1::text[]) ORDER BY size DESC, id', [events])).map((r) => r.id);
}
