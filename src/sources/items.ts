/**
 * Feed items as the poller sees them: an identity (GUID, else canonical URL, else a hash of the
 * content), a content hash that changes when the publisher corrects the item, and the split of a
 * feed into new items, changed items and items already seen. Pure.
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../ingest/feed.ts';
import type { SeenItem } from './types.ts';

/** Query parameters that only track who clicked (campaigns, ad clicks), never pick the article. */
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|ocid|at_medium|at_campaign)$/i;

/**
 * The form of a URL that identifies an article: lower-case host without a default port, no
 * fragment, no tracking parameters. Undefined for what is not an http(s) URL.
 * @example canonicalUrl('HTTPS://Example.pl:443/a?utm_source=rss&id=2#top') // → 'https://example.pl/a?id=2'
 */
export function canonicalUrl(link: string | undefined, base?: string): string | undefined {
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  // URL already lower-cases the host and drops a default port.
  return url.href.replace(/\?$/, '');
}

/** Hash of what the item says (title and text): a change means the publisher revised it. */
export function contentHash(item: FeedItem): string {
  const { title = '', text } = item.document;
  return createHash('sha256').update(`${title}\u0000${text}`).digest('hex').slice(0, 16);
}

/** An item with the identity keys the seen-items lookup uses. */
export interface KeyedItem {
  readonly item: FeedItem;
  /** The item's GUID; for an item with neither GUID nor link, its content hash stands in. */
  readonly guid?: string;
  readonly urlKey?: string;
  /** The link resolved against the feed URL (feeds may hold relative links). */
  readonly url?: string;
  readonly contentHash: string;
}

/** Identity keys of a feed's items; items repeated in one feed are kept once. */
export function keyItems(items: readonly FeedItem[], feedUrl: string): KeyedItem[] {
  const keyed: KeyedItem[] = [];
  const taken = new Set<string>();
  for (const item of items) {
    const hash = contentHash(item);
    const url = canonicalUrl(item.document.url, feedUrl);
    const guid = item.guid ?? (url ? undefined : `sha:${hash}`);
    const keys = [guid && `g ${guid}`, url && `u ${url}`].filter((k): k is string => !!k);
    if (keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    keyed.push({ item, ...(guid && { guid }), ...(url && { urlKey: url, url }), contentHash: hash });
  }
  return keyed;
}

export interface ItemTriage {
  /** Never seen: each becomes an article (its page fetched first when it is only a summary). */
  readonly fresh: readonly KeyedItem[];
  /** Seen with other content: a correction, stored as a revision when the article text changed. */
  readonly changed: readonly { readonly keyed: KeyedItem; readonly seen: SeenItem }[];
  /** Seen and unchanged: nothing is fetched or stored. */
  readonly known: number;
}

/**
 * Splits keyed items by what the seen items say. An item is the seen one with its GUID (in this
 * source), else the one at its URL (in any source): a feed that changes its GUIDs on every fetch
 * still matches by link, and an article two feeds share is fetched once.
 */
export function triageItems(keyed: readonly KeyedItem[], seen: readonly SeenItem[], sourceId: string): ItemTriage {
  const byGuid = new Map<string, SeenItem>();
  const byUrl = new Map<string, SeenItem>();
  for (const row of seen) {
    if (row.guid && row.sourceId === sourceId) byGuid.set(row.guid, row);
    // This source's own row wins over another source's row for the same URL.
    if (row.urlKey && (!byUrl.has(row.urlKey) || row.sourceId === sourceId)) byUrl.set(row.urlKey, row);
  }
  const fresh: KeyedItem[] = [];
  const changed: { keyed: KeyedItem; seen: SeenItem }[] = [];
  let known = 0;
  for (const item of keyed) {
    const match = (item.guid && byGuid.get(item.guid)) || (item.urlKey && byUrl.get(item.urlKey));
    if (!match) fresh.push(item);
    else if (match.contentHash !== item.contentHash && match.sourceId === sourceId) changed.push({ keyed: item, seen: match });
    else known++;
  }
  return { fresh, changed, known };
}
