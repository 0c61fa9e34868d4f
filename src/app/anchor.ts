/**
 * The one rule for the relative dates of undated articles ("pod koniec lipca", "we wtorek"): they
 * resolve against the month most of the articles of the article's event were published in.
 * Every reader (analysis commands, the article API, story reports) applies it through here, so
 * an undated article's timeline reads the same wherever it is shown.
 */
import type { Store } from '../store/store.ts';
import type { Article, Published } from '../types.ts';

/**
 * The month most of these articles were published in (month, day or minute precision; years do
 * not vote), earliest on ties. Month precision: no invented day.
 * @example storyMonth([{ published: { value: '2023-09-12', precision: 'day' } }, …]) // → { value: '2023-09', precision: 'month' }
 */
export function storyMonth(articles: readonly Pick<Article, 'published'>[]): Published | undefined {
  const counts = new Map<string, number>();
  for (const a of articles) {
    if (a.published && a.published.precision !== 'year') {
      const month = a.published.value.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
  }
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return best && { value: best[0], precision: 'month' };
}

/** The anchor of an undated article, or undefined for a dated one (it anchors on its own date). */
export type AnchorOf = (article: Article) => Promise<Published | undefined>;

/**
 * The anchors of undated articles, looking each article's event up once and each event's month
 * once: make one per request or command.
 * @example const anchorOf = undatedAnchors(store); hydrateAnalysis(a, payload, { fallbackDate: await anchorOf(a) })
 */
export function undatedAnchors(store: Store): AnchorOf {
  const months = new Map<string, Promise<Published | undefined>>();
  return async (article) => {
    if (article.published) return undefined;
    const event = await store.stories.ofArticle(article.id, 'event');
    if (!event) return undefined;
    let month = months.get(event.id);
    if (!month) {
      month = store.articles.getMany(event.articleIds).then(storyMonth);
      months.set(event.id, month);
    }
    return month;
  };
}
