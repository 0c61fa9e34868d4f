/** OPML reader: the feeds (`xmlUrl`) an OPML subscription list names, in document order. */
import { isAbsolute, join, dirname } from 'node:path';
import { parseXml, xmlList, type XmlNode } from './xml.ts';

function resolveLocation(location: string, origin: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(location)) return location;
  if (/^https?:\/\//i.test(origin)) return new URL(location, origin).href;
  return isAbsolute(location) ? location : join(dirname(origin), location);
}

/**
 * Feed locations listed in an OPML file; relative local paths resolve against the OPML file.
 * @example readOpml(xml, 'feeds.opml') // → ['https://example.pl/rss.xml', …]
 */
export function readOpml(xml: string, origin: string): string[] {
  const [, root] = parseXml(xml, origin, ['opml']);
  const body = xmlList(root.body)[0] as XmlNode | undefined;
  const urls: string[] = [];
  const visit = (outlines: unknown[]) => {
    for (const outline of outlines) {
      if (!outline || typeof outline !== 'object') continue;
      const node = outline as XmlNode;
      const url = typeof node['@_xmlUrl'] === 'string' ? node['@_xmlUrl'].trim() : '';
      if (url) urls.push(resolveLocation(url, origin));
      visit(xmlList(node.outline));
    }
  };
  visit(xmlList(body?.outline));
  return [...new Set(urls)];
}
