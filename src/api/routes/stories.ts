/** GET /api/stories (events or storylines) and GET /api/stories/:id (story + synthesis report). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { RouteDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { StorySource } from '../stories.ts';
import { limitParam, OffsetParam, parseQueryParams } from '../validate.ts';

/** Story ids as src/stories makes them: `ev-`/`sl-`, the first article's id, maybe a serial. */
export const STORY_ID = /^(ev|sl)-[0-9a-f]{6,64}(-\d{1,9})?$/;
const DEFAULT_STORY_PAGE = 50;

const ListQuery = z.strictObject({
  level: z.enum(['event', 'storyline']).optional(),
  limit: limitParam(500),
  offset: OffsetParam,
});

export function storyRoutes(_deps: RouteDeps, stories: StorySource): Hono {
  return new Hono()
    .get('/', async (c) => {
      const q = parseQueryParams(c, ListQuery);
      const limit = q.limit ?? DEFAULT_STORY_PAGE;
      const offset = q.offset ?? 0;
      const all = await stories.listStories(q.level ?? 'event');
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
