/**
 * From what a user types to a feed: a feed URL is checked and read for its title; a site URL's
 * page is searched for `<link rel="alternate">` feeds (the first RSS/Atom one is taken, the rest
 * reported), and a page that links none is tried at the paths feeds usually live at.
 */
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../ingest/charset.ts';
import { readFeed, type Feed } from '../ingest/feed.ts';
import { readMetadata } from '../ingest/html.ts';
import { sniffFormat } from '../ingest/index.ts';
import { get, type ClientOptions } from './client.ts';
import { UrlError } from './errors.ts';
import { describeStatus } from './failures.ts';
import { NetError } from '../net/http.ts';
import { primaryLanguage } from './outlet.ts';

/** A URL that leads to no readable feed; the message says why in one line. */
export class DiscoveryError extends UrlError {
  override readonly name = 'DiscoveryError';
}

export interface DiscoveredFeed {
  readonly feedUrl: string;
  readonly title?: string;
  readonly homePage?: string;
  readonly siteName?: string;
  readonly language?: string;
  /** The site page the feed was found on, when the user gave a site URL. */
  readonly foundOn?: string;
  /** Other feeds the site page lists, not added. */
  readonly alternatives: readonly string[];
}

/** Link types that name feeds Kronika reads (JSON Feed is not one of them). */
const FEED_TYPES = /^application\/(rss|atom|rdf)\+xml$/i;

/**
 * Where sites put feeds they do not link: WordPress (/feed), and the common static names.
 * Tried in order, only when the page links no feed.
 */
const USUAL_PATHS = ['/feed', '/rss', '/rss.xml', '/feed.xml', '/atom.xml'];

interface Fetched {
  readonly url: string;
  readonly text: string;
}

async function fetchText(client: ClientOptions, url: string, allowPrivate: boolean): Promise<Fetched> {
  let response;
  try {
    response = await get(client, url, { allowPrivate });
  } catch (error) {
    throw new DiscoveryError(url, error instanceof NetError ? error.message : String(error));
  }
  if (response.status < 200 || response.status >= 300) throw new DiscoveryError(url, describeStatus(response.status));
  try {
    const { text } = decodeBytes(response.bytes, { origin: url, contentType: response.headers.get('content-type') ?? undefined });
    return { url: response.url, text };
  } catch (error) {
    throw new DiscoveryError(url, (error as Error).message);
  }
}

function parseFeed(fetched: Fetched): Feed {
  try {
    return readFeed(fetched.text, fetched.url);
  } catch (error) {
    throw new DiscoveryError(fetched.url, (error as Error).message);
  }
}

function described(feed: Feed, feedUrl: string, extra: Partial<DiscoveredFeed> = {}): DiscoveredFeed {
  const homePage = feed.link ? safeUrl(feed.link, feedUrl) : undefined;
  const language = primaryLanguage(feed.language);
  return {
    feedUrl,
    ...(feed.title && { title: feed.title }),
    ...(homePage && { homePage }),
    ...(language && { language }),
    alternatives: [],
    ...extra,
  };
}

function safeUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Feed links a page declares, resolved against its `<base>` or URL, in document order. */
export function alternateFeeds(document: Document, pageUrl: string): string[] {
  const base = safeUrl(document.querySelector('base[href]')?.getAttribute('href') ?? '', pageUrl) ?? pageUrl;
  const feeds: string[] = [];
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') || !FEED_TYPES.test((link.getAttribute('type') ?? '').trim())) continue;
    const url = safeUrl(link.getAttribute('href') ?? '', base);
    if (url && !feeds.includes(url)) feeds.push(url);
  }
  return feeds;
}

/** The first candidate URL that answers with a readable feed. */
async function firstFeed(client: ClientOptions, candidates: readonly string[], allowPrivate: boolean): Promise<{ url: string; feed: Feed } | undefined> {
  for (const url of candidates) {
    const fetched = await fetchText(client, url, allowPrivate).catch(() => undefined);
    if (!fetched || sniffFormat(fetched.text) !== 'feed') continue;
    try {
      return { url, feed: readFeed(fetched.text, fetched.url) };
    } catch {
      // A broken feed is no answer; the next candidate may be fine.
    }
  }
  return undefined;
}

/**
 * The feed behind a URL. Throws DiscoveryError naming the URL when there is none.
 * @example (await discoverFeed('https://example.pl', {}, false)).feedUrl // → 'https://example.pl/rss.xml'
 */
export async function discoverFeed(url: string, client: ClientOptions, allowPrivate: boolean): Promise<DiscoveredFeed> {
  const page = await fetchText(client, url, allowPrivate);
  const format = sniffFormat(page.text);
  if (format === 'feed') return described(parseFeed(page), url);
  if (format === 'opml') throw new DiscoveryError(url, 'this is an OPML list of feeds: use `kronika sources import`');
  if (format !== 'html') throw new DiscoveryError(url, 'neither a feed nor a web page');

  const { document } = parseHTML(page.text);
  const linked = alternateFeeds(document, page.url);
  const usual = USUAL_PATHS.map((path) => new URL(path, page.url).href);
  const found = await firstFeed(client, linked.length > 0 ? linked : usual, allowPrivate);
  if (!found && linked.length > 0) throw new DiscoveryError(url, `the page links ${linked.length} feed(s), none readable: ${linked.join(', ')}`);
  if (!found) throw new DiscoveryError(url, `no feed found: the page links none (<link rel="alternate">) and none is at ${USUAL_PATHS.join(', ')}`);
  const siteName = readMetadata(document).outlet;
  const feed = described(found.feed, found.url);
  return {
    ...feed,
    homePage: feed.homePage ?? page.url,
    ...(siteName && { siteName }),
    foundOn: page.url,
    alternatives: linked.filter((l) => l !== found.url),
  };
}
