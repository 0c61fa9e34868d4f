/**
 * Stories for the API: the two-level story engine persisted in the store (src/app/stories.ts),
 * and each story's report from src/synthesis.
 */
import type { ArticleAnalysis } from '../analysis/index.ts';
import { analyzeArticle } from '../analysis/index.ts';
import type { EntityNameCounts } from '../app/entity-names.ts';
import { findStoryIn, loadStoryEngine, storiesOf, storyArticles, syncStories } from '../app/stories.ts';
import type { StoryEngine } from '../stories/engine.ts';
import type { Story } from '../stories/story.ts';
import type { Store } from '../store/legacy.ts';
import { synthesizeStory } from '../synthesis/index.ts';
import type { StoryReport } from '../synthesis/types.ts';
import type { Article } from '../types.ts';

export type { StoryLevel } from '../stories/options.ts';
import type { StoryLevel } from '../stories/options.ts';

/** Where the story routes read from. */
export interface StorySource {
  /** Current stories of a level, most articles first. */
  listStories(level: StoryLevel): Promise<readonly Story[]>;
  /** One story (a merged-away id resolves to its survivor) and its report. */
  storyReport(id: string): Promise<{ readonly story: Story; readonly report: StoryReport } | undefined>;
}

/**
 * A StorySource over the story engine kept in the store (src/app/stories.ts): the same stories
 * the CLI shows. Articles stored since the last request (by this or another process) are
 * clustered and saved first; the restored engine and the sorted lists are kept until the
 * article count changes, and a report until its story's membership changes.
 * @example const stories = storedStories(store, analyze); await stories.listStories('event')
 */
export function storedStories(store: Store, analyze: (article: Article) => Promise<ArticleAnalysis>): StorySource {
  let cache: { known: number; engine: StoryEngine; names: EntityNameCounts; lists: Map<StoryLevel, readonly Story[]> } | undefined;
  const reports = new Map<string, { key: string; report: StoryReport }>();

  function current(): { engine: StoryEngine; names: EntityNameCounts; lists: Map<StoryLevel, readonly Story[]> } {
    const count = store.countArticles();
    if (!cache || cache.known !== count) {
      const sync = syncStories(store);
      if (sync.recovered) process.stderr.write(`kronika api: warning: ${sync.recovered}\n`);
      const { engine, known, names } = loadStoryEngine(store);
      cache = { known, engine, names, lists: new Map() };
    }
    return cache;
  }

  return {
    async listStories(level) {
      const { engine, names, lists } = current();
      let list = lists.get(level);
      if (!list) {
        list = storiesOf(engine, level, names);
        lists.set(level, list);
      }
      return list;
    },
    async storyReport(id) {
      const { engine, names } = current();
      const story = findStoryIn(engine, id, names);
      if (!story) return undefined;
      const key = story.articleIds.join(',');
      const cached = reports.get(story.id);
      if (cached?.key === key) return { story, report: cached.report };
      // Undated articles resolve relative dates against the story's month (not cached per article).
      const { articles: stored, fallbackDate } = storyArticles(store, story);
      const articles = await Promise.all(stored.map((a) => (a.published ? analyze(a) : analyzeArticle(a, { fallbackDate }))));
      const report = synthesizeStory({ id: story.id, ...(story.title && { title: story.title }), articles });
      reports.set(story.id, { key, report });
      return { story, report };
    },
  };
}
