/**
 * Story use cases shared by the CLI and the API: stories with their articles, one story's report
 * from the stored analyses, and re-clustering everything from scratch. The stories themselves are
 * the store's (store.stories); the cluster stage (src/app/stages.ts) keeps them up to date.
 */
import type { Story } from '../stories/story.ts';
import type { Store, StoryAssignment, StoryInput } from '../store/store.ts';
import { synthesizeStory, type StoryReport, type SynthesisOptions } from '../synthesis/index.ts';
import type { Article } from '../types.ts';
import { readAnalyses } from './analyses.ts';
import { storyMonth, type AnchorOf } from './anchor.ts';

export { storyMonth } from './anchor.ts';

export interface ReportRun {
  readonly report: StoryReport;
  /** Articles analysed afresh for the report: their stored analysis was missing or outdated. */
  readonly fresh: number;
}

/**
 * The full report (summary, claims, conflicts, timeline, quotes…) of one story, from the stored
 * analyses of its articles; undated articles anchored by the one rule (src/app/anchor.ts).
 * @example const { report } = await storyReport(store, story, { summarySentences: 7 })
 */
export async function storyReport(store: Store, story: Story, options: SynthesisOptions = {}): Promise<ReportRun> {
  const articles = await store.articles.getMany(story.articleIds);
  // An event's undated articles all anchor on its month (src/app/anchor.ts): known here, with no
  // look-up of each article's event.
  const month = story.level === 'event' ? storyMonth(articles) : undefined;
  const anchorOf: AnchorOf | undefined = story.level === 'event' ? async (article) => (article.published ? undefined : month) : undefined;
  const { analyses, fresh } = await readAnalyses(store, articles, anchorOf);
  const report = synthesizeStory({ id: story.id, ...(story.title && { title: story.title }), articles: analyses }, options);
  return { report, fresh };
}

/** Articles read per page while gathering every article's clustering input. */
const PAGE = 500;

/**
 * Re-clusters every stored article from scratch in one batch pass (`kronika stories --rebuild`):
 * the same algorithm over the stream sorted by publication time, from the stored analyses.
 * @example await rebuildStories(store) // → { added: 885, events: 412, storylines: 9 }
 */
export async function rebuildStories(store: Store): Promise<StoryAssignment> {
  // The clusterer and the analyser are loaded here, not with the module: a report runs neither.
  const [{ sortForBatch }, { analysePayload, storyInput }] = await Promise.all([import('../stories/cluster.ts'), import('./analyse.ts')]);
  const inputs: StoryInput[] = [];
  let last = 0;
  for (;;) {
    const page = await store.articles.after(last, PAGE);
    if (page.length === 0) break;
    const stored = await store.analyses.getMany(page.map((a) => a.id));
    for (const article of page) inputs.push(storyInput(article, stored.get(article.id)?.payload ?? analysePayload(article as Article)));
    last = page[page.length - 1]!.seq;
  }
  const byId = new Map(inputs.map((i) => [i.features.articleId, i]));
  const ordered = sortForBatch(inputs.map((i) => i.features)).map((f) => byId.get(f.articleId)!);
  return store.transaction(async (tx) => {
    await tx.stories.clear();
    const assigned = await tx.stories.assign(ordered);
    const counts = await tx.stories.consolidate();
    await tx.cursors.reset('cluster', last);
    return { ...assigned, ...counts };
  });
}

/**
 * What an id given where a story id belongs names when it is no story: an article (id or unique
 * prefix), and the event it is in if it is in one yet. The CLI, the API and the web all answer
 * such an id by pointing at that event rather than with a bare "not found".
 * @example await articleInStory(store, '2948489c') // → { article: '2948489cf639e24d', story: Story ev-… }
 */
export async function articleInStory(store: Store, id: string): Promise<{ article: string; story?: Story } | undefined> {
  const article = await store.articles.find(id).catch(() => undefined);
  if (!article) return undefined;
  const story = await store.stories.ofArticle(article.id, 'event');
  return { article: article.id, ...(story && { story }) };
}
