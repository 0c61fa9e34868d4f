/**
 * OPML 2.0 subscription lists, the format every feed reader imports and exports (FreshRSS,
 * Miniflux, NewsBlur…): outlines with `xmlUrl` (the feed), `htmlUrl` (the site) and `text` /
 * `title` (its name), nested in folders. Folders are flattened: Kronika has no categories.
 */
import { parseXml, xmlList, type XmlNode } from '../ingest/xml.ts';
import { outletOf } from './outlet.ts';
import type { Source } from './types.ts';

export interface OpmlFeed {
  readonly feedUrl: string;
  readonly title?: string;
  readonly homePage?: string;
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The feeds an OPML file lists, in document order, each once. Throws IngestError for XML that is
 * not OPML.
 * @example readOpmlFeeds(xml, 'feeds.opml')[0] // → { feedUrl: 'https://example.pl/rss', title: 'Example' }
 */
export function readOpmlFeeds(xml: string, origin: string): OpmlFeed[] {
  const [, root] = parseXml(xml, origin, ['opml']);
  const feeds = new Map<string, OpmlFeed>();
  const visit = (outlines: unknown[]) => {
    for (const outline of outlines) {
      if (!outline || typeof outline !== 'object') continue;
      const node = outline as XmlNode;
      const feedUrl = attribute(node, 'xmlUrl');
      if (feedUrl && !feeds.has(feedUrl)) {
        const title = attribute(node, 'title') ?? attribute(node, 'text');
        const homePage = attribute(node, 'htmlUrl');
        feeds.set(feedUrl, { feedUrl, ...(title && { title }), ...(homePage && { homePage }) });
      }
      visit(xmlList(node.outline));
    }
  };
  visit(xmlList((xmlList(root.body)[0] as XmlNode | undefined)?.outline));
  return [...feeds.values()];
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An OPML 2.0 document listing the sources, named as Kronika shows their outlets.
 * @example writeOpml(await sources.list(), new Date()) // → '<?xml version="1.0" …<opml version="2.0">…'
 */
export function writeOpml(sources: readonly Source[], created: Date): string {
  const outlines = sources.map((source) => {
    const name = escapeAttribute(outletOf(source));
    const site = source.homePage ? ` htmlUrl="${escapeAttribute(source.homePage)}"` : '';
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttribute(source.feedUrl)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>Kronika sources</title><dateCreated>${created.toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
