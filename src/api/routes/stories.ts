/** GET /api/stories (events or storylines) and GET /api/stories/:id (story + synthesis report). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { StorySource } from '../stories.ts';
import { DatePrefix, LanguageParam, limitParam, OffsetParam, parseQueryParams } from '../validate.ts';
import { nameKey } from '../../analysis/entities/keys.ts';
import { MAX_SEARCH_LIMIT, syncSearchIndex } from '../../search/index.ts';
import type { Story } from '../../stories/story.ts';

/** Story ids as src/stories makes them: `ev-`/`sl-`, the first article's id, maybe a serial. */
export const STORY_ID = /^(ev|sl)-[0-9a-f]{6,64}(-\d{1,9})?$/;
const DEFAULT_STORY_PAGE = 50;

const ListQuery = z.strictObject({
  level: z.enum(['event', 'storyline']).optional(),
  /** Stories active on or after / on or before this date (compared at the coarser precision). */
  since: DatePrefix.optional(),
  until: DatePrefix.optional(),
  lang: LanguageParam.optional(),
  /** An entity id (as in /api/entities) or a name, e.g. "Władimir Putin" or "Vladimir Putin". */
  entity: z.string().min(1).max(200).optional(),
  /** Full-text query: stories holding an article that matches it. */
  q: z.string().min(1).max(500).optional(),
  limit: limitParam(500),
  offset: OffsetParam,
});

/** Articles a text filter looks at: enough for any story page, bounded for a busy corpus. */
const TEXT_FILTER_ARTICLES = 1000;

type ListFilter = z.infer<typeof ListQuery>;

/** Ids of articles matching a full-text query, through the shared search implementation. */
function matchingArticles(deps: RouteDeps, query: string): Set<string> {
  syncSearchIndex(deps.store, deps.search);
  const ids = new Set<string>();
  for (let offset = 0; offset < TEXT_FILTER_ARTICLES; offset += MAX_SEARCH_LIMIT) {
    const hits = deps.search.search(query, { limit: MAX_SEARCH_LIMIT, offset });
    for (const hit of hits) ids.add(hit.articleId);
    if (hits.length < MAX_SEARCH_LIMIT) break;
  }
  return ids;
}

/** The story filter of GET /api/stories; dates compare as prefixes, so "2023-09" matches "2023-09-12". */
export function storyFilter(q: ListFilter, articlesMatching: (query: string) => Set<string>): (story: Story) => boolean {
  const entityKeys = q.entity ? new Set([q.entity, nameKey(q.entity, 'pl')]) : undefined;
  const textIds = q.q ? articlesMatching(q.q) : undefined;
  const atMost = (date: string | undefined, bound: string) => date !== undefined && date.slice(0, bound.length) <= bound;
  const atLeast = (date: string | undefined, bound: string) => date !== undefined && date.slice(0, bound.length) >= bound;
  return (story) =>
    (!q.since || atLeast(story.lastSeen, q.since)) &&
    (!q.until || atMost(story.firstSeen, q.until)) &&
    (!q.lang || story.languages.includes(q.lang)) &&
    (!entityKeys || story.topEntities.some((e) => entityKeys.has(e.key))) &&
    (!textIds || story.articleIds.some((id) => textIds.has(id)));
}

export function storyRoutes(deps: RouteDeps, stories: StorySource): Hono {
  return new Hono()
    .get('/', async (c) => {
      const q = parseQueryParams(c, ListQuery);
      const limit = q.limit ?? DEFAULT_STORY_PAGE;
      const offset = q.offset ?? 0;
      const all = (await stories.listStories(q.level ?? 'event')).filter(storyFilter(q, (query) => matchingArticles(deps, query)));
      return c.json({ level: q.level ?? 'event', total: all.length, stories: all.slice(offset, offset + limit), limit, offset });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      if (!STORY_ID.test(id)) throw new ApiError('bad_request', 'story id must look like ev-<hex> or sl-<hex>');
      parseQueryParams(c, z.strictObject({}));
      const found = await stories.storyReport(id);
      if (!found) throw new ApiError('not_found', `no story with id "${id}"`);
      return c.json(found);
    });
}
