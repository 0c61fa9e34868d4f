/**
 * Following sources, the use cases behind `kronika sources add` and `import` (and, later, the
 * API): a URL is resolved to its feed (discover.ts) and added due at once; an OPML list is added
 * as it stands, without fetching anything, so importing 500 feeds takes no 500 requests — the
 * first poll reads each feed. The first poll, not `add`, stores validators and items.
 */
import { readFile, stat } from 'node:fs/promises';
import { IngestError } from '../ingest/errors.ts';
import type { ClientOptions } from './client.ts';
import { discoverFeed, DiscoveryError, type DiscoveredFeed } from './discover.ts';
import { readOpmlFeeds } from './opml.ts';
import { DuplicateSourceError, type SourceStore } from './store.ts';
import type { NewSource, Source } from './types.ts';

export interface FollowOptions {
  /** The user's name for the outlet (not applied to every feed of an OPML list). */
  readonly name?: string;
  readonly fetchLinked?: boolean;
  readonly allowPrivate?: boolean;
  readonly now?: () => number;
  readonly client?: ClientOptions;
}

export type FollowResult =
  | { readonly kind: 'added'; readonly input: string; readonly source: Source; readonly discovered?: DiscoveredFeed }
  | { readonly kind: 'exists'; readonly input: string; readonly source: Source }
  | { readonly kind: 'failed'; readonly input: string; readonly message: string };

/** An http(s) URL in normal form, or undefined. */
export function feedUrlOf(input: string): string | undefined {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function insert(sources: SourceStore, input: string, source: NewSource): Promise<FollowResult> {
  try {
    return { kind: 'added', input, source: await sources.add(source) };
  } catch (error) {
    if (error instanceof DuplicateSourceError) return { kind: 'exists', input, source: error.existing };
    throw error;
  }
}

function settings(options: FollowOptions, at: string): Pick<NewSource, 'fetchLinked' | 'allowPrivate' | 'addedAt'> {
  return {
    ...(options.fetchLinked !== undefined && { fetchLinked: options.fetchLinked }),
    ...(options.allowPrivate !== undefined && { allowPrivate: options.allowPrivate }),
    addedAt: at,
  };
}

/**
 * Follows the feed at a URL, or the feed a site's page links.
 * @example await followUrl(sources, 'https://example.pl', {}) // → { kind: 'added', source, discovered }
 */
export async function followUrl(sources: SourceStore, input: string, options: FollowOptions = {}): Promise<FollowResult> {
  const url = feedUrlOf(input);
  if (!url) return { kind: 'failed', input, message: 'not an http(s) URL or a readable OPML file' };
  const known = await sources.get(url);
  if (known) return { kind: 'exists', input, source: known };
  let discovered: DiscoveredFeed;
  try {
    discovered = await discoverFeed(url, options.client ?? {}, options.allowPrivate ?? false);
  } catch (error) {
    if (error instanceof DiscoveryError) return { kind: 'failed', input, message: error.message };
    throw error;
  }
  const at = new Date((options.now ?? Date.now)()).toISOString();
  const { alternatives: _alternatives, foundOn: _foundOn, ...feed } = discovered;
  const result = await insert(sources, input, { ...feed, ...(options.name && { name: options.name }), ...settings(options, at) });
  return result.kind === 'added' ? { ...result, discovered } : result;
}

/**
 * Follows every feed an OPML document lists, without fetching them.
 * @example await followOpml(sources, xml, 'subscriptions.opml', {}) // → [{ kind: 'added', … }, …]
 */
export async function followOpml(sources: SourceStore, xml: string, origin: string, options: FollowOptions = {}): Promise<FollowResult[]> {
  let feeds;
  try {
    feeds = readOpmlFeeds(xml, origin);
  } catch (error) {
    if (error instanceof IngestError) return [{ kind: 'failed', input: origin, message: error.message }];
    throw error;
  }
  const at = new Date((options.now ?? Date.now)()).toISOString();
  const results: FollowResult[] = [];
  for (const feed of feeds) {
    const feedUrl = feedUrlOf(feed.feedUrl);
    if (!feedUrl) {
      results.push({ kind: 'failed', input: feed.feedUrl, message: 'not an http(s) URL' });
      continue;
    }
    // The list's name for a feed stands in as its title until the first poll reads the real one.
    results.push(await insert(sources, feed.feedUrl, { ...feed, feedUrl, ...settings(options, at) }));
  }
  return results;
}

/**
 * What `sources add` takes: an OPML file (by path), else a feed or site URL.
 * @example await follow(sources, 'subscriptions.opml', {})
 */
export async function follow(sources: SourceStore, input: string, options: FollowOptions = {}): Promise<FollowResult[]> {
  const isFile = await stat(input).then((s) => s.isFile(), () => false);
  if (!isFile) return [await followUrl(sources, input, options)];
  const text = await readFile(input, 'utf8');
  return followOpml(sources, text, input, { ...options, name: undefined });
}
