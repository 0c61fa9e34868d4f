/**
 * The article page behind a summary-only feed item: asked of robots.txt first, fetched under
 * the per-host cap, read with the HTML reader. The feed item's own headline and date win over the
 * page's (they are the outlet's structured data); the page gives the text and its canonical URL.
 */
import { decodeBytes } from '../ingest/charset.ts';
import { readHtml } from '../ingest/html.ts';
import type { RawDocument } from '../types.ts';
import { get, type ClientOptions } from './client.ts';
import { UrlError } from './errors.ts';
import { describeStatus } from './failures.ts';
import type { HostLimiter } from './host-limit.ts';
import type { RobotsCache } from './robots.ts';

/** A linked page that could not be had; the summary from the feed is kept instead. */
export class PageError extends UrlError {
  override readonly name = 'PageError';
}

export interface PageDeps {
  readonly client: ClientOptions;
  readonly limiter: HostLimiter;
  readonly robots: RobotsCache;
}

/**
 * The feed item completed with its page. Throws PageError when robots.txt forbids the page or
 * it cannot be fetched or read.
 * @example const full = await fetchLinkedPage(item.document, link, deps, source.allowPrivate)
 */
export async function fetchLinkedPage(item: RawDocument, link: string, deps: PageDeps, allowPrivate: boolean): Promise<RawDocument> {
  const refusal = await deps.robots.refusal(link, allowPrivate);
  if (refusal) throw new PageError(link, refusal);
  let page: RawDocument;
  try {
    const response = await deps.limiter.run(link, () => get(deps.client, link, { allowPrivate }));
    if (response.status < 200 || response.status >= 300) throw new PageError(link, describeStatus(response.status));
    const { text } = decodeBytes(response.bytes, { origin: link, contentType: response.headers.get('content-type') ?? undefined });
    page = readHtml(text, { origin: link, url: response.url });
  } catch (error) {
    throw error instanceof PageError ? error : new PageError(link, (error as Error).message);
  }
  return {
    ...page,
    origin: link,
    format: 'feed',
    url: page.url ?? link,
    title: item.title ?? page.title,
    published: item.published ?? page.published,
    author: page.author ?? item.author,
  };
}
