/** GET /api/stories (events or storylines) and GET /api/stories/:id (story + report), read from the store. */
import { Hono } from 'hono';
import { z } from 'zod';
import { nameKey } from '../../analysis/entities/keys.ts';
import { entityKeysFor } from '../../app/entity-lookup.ts';
import { storyRecords } from '../../app/records.ts';
import { articleInStory, storyReport } from '../../app/stories.ts';
import { MAX_SEARCH_LIMIT } from '../../search/index.ts';
import type { Story } from '../../stories/story.ts';
import type { Store } from '../../store/store.ts';
import type { StoryReport } from '../../synthesis/types.ts';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { ARTICLE_ID, DatePrefix, LanguageParam, limitParam, OffsetParam, parseQueryParams } from '../validate.ts';

/** Story ids as src/stories makes them: `ev-`/`sl-`, the first article's id, maybe a serial. */
export const STORY_ID = /^(ev|sl)-[0-9a-f]{6,64}(-\d{1,9})?$/;
const DEFAULT_STORY_PAGE = 50;

export const StoryListQuery = z.strictObject({
  level: z.enum(['event', 'storyline']).describe('default event').optional(),
  sort: z.enum(['recent', 'articles']).describe('recent (default): newest activity first; articles: most articles first').optional(),
  since: DatePrefix.describe('active on or after (ISO prefix)').optional(),
  until: DatePrefix.describe('active on or before (ISO prefix)').optional(),
  lang: LanguageParam.optional(),
  entity: z.string().min(1).max(200).describe('an entity id (as in /api/entities) or any form of a name ("Tusk" finds Donald Tusk, "Putinem" Władimir Putin)').optional(),
  q: z.string().min(1).max(500).describe('full-text query: stories holding a matching article').optional(),
  limit: limitParam(500),
  offset: OffsetParam,
});

/** Articles a text filter looks at: enough for any story page, bounded for a busy corpus. */
const TEXT_FILTER_ARTICLES = 1000;

/** Reports kept in memory per process, each until its story's membership changes. */
const CACHED_REPORTS = 100;

/** Ids of articles matching a full-text query. */
async function matchingArticles(store: Store, query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < TEXT_FILTER_ARTICLES; offset += MAX_SEARCH_LIMIT) {
    const hits = await store.search.search(query, { limit: MAX_SEARCH_LIMIT, offset });
    ids.push(...hits.map((h) => h.articleId));
    if (hits.length < MAX_SEARCH_LIMIT) break;
  }
  return ids;
}

/**
 * A story's report, kept while the story keeps the same articles (a report of a big story takes
 * a moment even from stored analyses; readers reload it often).
 */
function reportCache(store: Store): (story: Story) => Promise<StoryReport> {
  const cache = new Map<string, { key: string; report: Promise<StoryReport> }>();
  return (story) => {
    const key = story.articleIds.join(',');
    const hit = cache.get(story.id);
    if (hit?.key === key) return hit.report;
    const report = storyReport(store, story).then((r) => r.report);
    report.catch(() => cache.delete(story.id));
    cache.delete(story.id);
    cache.set(story.id, { key, report });
    if (cache.size > CACHED_REPORTS) cache.delete(cache.keys().next().value!);
    return report;
  };
}

export function storyRoutes(deps: RouteDeps): Hono {
  const reportOf = reportCache(deps.store);
  return new Hono()
    .get('/', async (c) => {
      const q = parseQueryParams(c, StoryListQuery);
      const limit = q.limit ?? DEFAULT_STORY_PAGE;
      const offset = q.offset ?? 0;
      const level = q.level ?? 'event';
      const page = await deps.store.stories.list({
        level, limit, offset,
        ...(q.sort && { sort: q.sort }),
        ...(q.since && { since: q.since }),
        ...(q.until && { until: q.until }),
        ...(q.lang && { language: q.lang }),
        ...(q.entity && { entityKeys: [...await entityKeysFor(deps.store, q.entity), nameKey(q.entity, 'pl')] }),
        ...(q.q && { articleIds: await matchingArticles(deps.store, q.q) }),
      });
      return c.json({ level, total: page.total, stories: await storyRecords(deps.store, page.stories), limit, offset });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const named = !STORY_ID.test(id) && ARTICLE_ID.test(id) ? await articleInStory(deps.store, id) : undefined;
      if (named) {
        throw new ApiError('not_found', named.story
          ? `no story with id "${id}": that is an article id; its story is ${named.story.id} (/api/stories/${named.story.id})`
          : `no story with id "${id}": that is an article id, and the article is not in a story yet`);
      }
      if (!STORY_ID.test(id)) throw new ApiError('bad_request', 'story id must look like ev-<hex> or sl-<hex>');
      parseQueryParams(c, z.strictObject({}));
      const story = await deps.store.stories.get(id);
      if (!story) throw new ApiError('not_found', `no story with id "${id}"`);
      const [[record], report] = await Promise.all([storyRecords(deps.store, [story]), reportOf(story)]);
      return c.json({ story: record, report });
    });
}

export { reportCache };
