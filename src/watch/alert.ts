/**
 * The alert a watch sends for one matching article: a pure record built from the watch, the
 * article, its story and the matched sentence. Delivery (stdout, webhook) is left to deliver.ts.
 */
import type { Watch } from '../store/store.ts';
import type { Article } from '../types.ts';

/** The JSON body POSTed to a webhook and printed by `--stdout` watches (one line each). */
export interface Alert {
  readonly watch: string;
  readonly query: string;
  readonly article: {
    readonly id: string;
    readonly origin: string;
    readonly title?: string;
    readonly published?: string;
  };
  /** The event the article joined; absent when stories were not synced for it yet. */
  readonly story?: { readonly id: string; readonly title?: string; readonly url?: string };
  readonly matchedSentence: string;
}

export interface AlertStory {
  readonly id: string;
  readonly title?: string;
}

/**
 * Builds one alert; the story URL is given only with a base URL, since only the deployer knows
 * where the web UI is reachable.
 * @example buildAlert(watch, article, { id: 'e1a2' }, 'Kim przyjechał.', 'https://news.example') // story.url = 'https://news.example/stories/e1a2'
 */
export function buildAlert(
  watch: Watch,
  article: Article,
  story: AlertStory | undefined,
  matchedSentence: string,
  baseUrl?: string,
): Alert {
  return {
    watch: watch.id,
    query: watch.query,
    article: {
      id: article.id,
      origin: article.origin,
      ...(article.title && { title: article.title }),
      ...(article.published && { published: article.published.value }),
    },
    ...(story && {
      story: {
        id: story.id,
        ...(story.title && { title: story.title }),
        ...(baseUrl && { url: `${baseUrl.replace(/\/+$/, '')}/stories/${encodeURIComponent(story.id)}` }),
      },
    }),
    matchedSentence,
  };
}
