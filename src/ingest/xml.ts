/**
 * The XML parser feeds and OPML share (fast-xml-parser), with a cheap truncation check: the
 * parser is lenient, so a cut-off download would otherwise come out as a silently shorter feed.
 */
import { XMLParser } from 'fast-xml-parser';
import { IngestError } from './errors.ts';

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat; always arrays so readers need not branch on one vs many. */
const REPEATED = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'category', 'outline']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

/**
 * Parses XML whose root element must be one of `roots`; returns [rootName, rootNode].
 * Throws IngestError for malformed or truncated XML (the root's closing tag must end the text).
 * @example parseXml('<rss><channel/></rss>', 'a.rss', ['rss']) // → ['rss', { channel: '' }]
 */
export function parseXml(xml: string, origin: string, roots: readonly string[]): [string, XmlNode] {
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    // The parser's message quotes the document over several lines: errors are one line.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    throw new IngestError(origin, `malformed or truncated XML: ${reason}`);
  }
  const root = roots.find((name) => name in document);
  if (!root) throw new IngestError(origin, `not a feed: root element is not ${roots.map((r) => `<${r}>`).join(', ')}`);
  const tail = xml.replace(/(\s|<!--[\s\S]*?-->)+$/, '');
  if (!tail.endsWith(`</${root}>`)) throw new IngestError(origin, `truncated XML: ends before </${root}>`);
  const node = document[root];
  return [root, node && typeof node === 'object' ? (node as XmlNode) : {}];
}

/** The text of a parsed node: a string, or an element's `#text` when it has attributes. */
export function xmlText(value: unknown): string | undefined {
  if (Array.isArray(value)) return xmlText(value[0]);
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') return xmlText((value as XmlNode)['#text']);
  return undefined;
}

/** Child nodes as an array, whatever the parser made of them. */
export function xmlList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
