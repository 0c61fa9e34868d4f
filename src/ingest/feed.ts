/**
 * Feed reader: RSS 2.0, Atom and RSS 1.0 (RDF) → one RawDocument per item. Item HTML becomes
 * paragraphs through the HTML fragment extractor. Pure: fetching a summary-only item's page
 * (`fetchLinked`) is left to the caller, which sees `summaryOnly`.
 */
import type { RawDocument, RemovedBlock } from '../types.ts';
import { isHttpUrl } from '../net/url.ts';
import { htmlFragmentParagraphs } from './html.ts';
import { parsePublished } from './published.ts';
import { parseXml, xmlList, xmlText, type XmlNode } from './xml.ts';

export type FeedKind = 'rss' | 'atom' | 'rdf';

export interface FeedItem {
  readonly document: RawDocument;
  /** The item's own identifier (RSS `<guid>`, Atom `<id>`, RSS 1.0 `rdf:about`), when it has one. */
  readonly guid?: string;
  /** The item carries no full content and only a short description: its page holds the article. */
  readonly summaryOnly: boolean;
}

export interface Feed {
  readonly kind: FeedKind;
  readonly title?: string;
  /** The site the feed belongs to (RSS channel `<link>`, Atom alternate link). */
  readonly link?: string;
  /** Declared language (RSS `<language>`, Atom `xml:lang`, RSS 1.0 `dc:language`), as written. */
  readonly language?: string;
  /** RSS `<ttl>`: minutes the publisher asks readers to wait between fetches. */
  readonly ttlMinutes?: number;
  readonly items: readonly FeedItem[];
}

/**
 * A description longer than this is taken as the article itself. An estimate, not measured on
 * real feeds: teasers run one to three sentences (the fixtures' are 50–250 characters); 90 % of
 * BSNLP-pl-dev articles are over ~900 bytes. Erring low only costs a fetch of a page that holds
 * the same article, and only with `fetchLinked`.
 */
export const SUMMARY_MAX_CHARS = 1000;

const ROOTS: Readonly<Record<string, FeedKind>> = { rss: 'rss', feed: 'atom', 'rdf:RDF': 'rdf' };

function atomLink(links: unknown[]): string | undefined {
  const nodes = links.filter((l): l is XmlNode => !!l && typeof l === 'object');
  const alternate = nodes.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? nodes[0];
  const href = alternate?.['@_href'];
  if (typeof href === 'string') return href.trim() || undefined;
  return xmlText(links[0]);
}

/** RSS 2.0 `<author>` is an e-mail, often with the name in parentheses (RSS 2.0 spec, "author"). */
function personName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const withEmail = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  if (withEmail) return withEmail[1].trim();
  return /^\S+@\S+$/.test(value) ? undefined : value;
}

function authorNames(values: unknown[]): string | undefined {
  const names = values
    .map((v) => personName(v && typeof v === 'object' && 'name' in (v as XmlNode) ? xmlText((v as XmlNode).name) : xmlText(v)))
    .filter((n): n is string => !!n);
  return names.length > 0 ? [...new Set(names)].join(', ') : undefined;
}

/** Text of an item body: HTML unless an Atom `type="text"` says otherwise. */
function bodyParagraphs(value: unknown, removed: RemovedBlock[], origin: string): string[] {
  const body = xmlText(value);
  if (!body) return [];
  const type = value && typeof value === 'object' ? (value as XmlNode)['@_type'] : undefined;
  if (type === 'text') return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return htmlFragmentParagraphs(body, removed, origin);
}

function readItem(item: XmlNode, kind: FeedKind, feedOrigin: string, outlet: string | undefined, index: number): FeedItem {
  const rawLink = kind === 'atom' ? atomLink(xmlList(item.link)) : xmlText(item.link);
  // Only a web address is an article's URL: a javascript: or data: <link> is dropped, never linked.
  const link = rawLink && isHttpUrl(rawLink) ? rawLink : undefined;
  const guid = xmlText(item.guid) ?? xmlText(item.id) ?? (typeof item['@_rdf:about'] === 'string' ? item['@_rdf:about'] : undefined);
  const full = item['content:encoded'] ?? (kind === 'atom' ? item.content : undefined);
  const summary = item.description ?? item.summary;
  const removed: RemovedBlock[] = [];
  const itemOrigin = link ?? `${feedOrigin}#${guid ?? index + 1}`;
  const fullParagraphs = bodyParagraphs(full, removed, itemOrigin);
  const paragraphs = fullParagraphs.length > 0 ? fullParagraphs : bodyParagraphs(summary, removed, itemOrigin);
  const text = paragraphs.join('\n\n');
  const published = parsePublished(
    xmlText(item.pubDate) ?? xmlText(item.published) ?? xmlText(item['dc:date']) ?? xmlText(item.updated),
  );
  const author = authorNames([...xmlList(item.author), ...xmlList(item['dc:creator'])]);
  const title = xmlText(item.title);
  const document: RawDocument = {
    origin: itemOrigin,
    format: 'feed',
    text,
    ...(title && { title: htmlFragmentText(title) }),
    ...(link && { url: link }),
    ...(published && { published }),
    ...(author && { author }),
    ...(outlet && { outlet }),
    removed,
  };
  const summaryOnly = fullParagraphs.length === 0 && text.length < SUMMARY_MAX_CHARS;
  return { document, ...(guid && { guid }), summaryOnly };
}

/** Titles may carry entities or tags ("Kim &amp; Putin", "<b>Pilne</b>"). */
function htmlFragmentText(html: string): string {
  return /[<&]/.test(html) ? htmlFragmentParagraphs(html).join(' ') : html.replace(/\s+/g, ' ').trim();
}

/**
 * Reads a feed. Throws IngestError (naming `origin`) for malformed or truncated XML.
 * @example readFeed(rssXml, 'news.rss').items[0].document.title // → 'Sejm uchwalił ustawę'
 */
export function readFeed(xml: string, origin: string): Feed {
  const [root, node] = parseXml(xml, origin, Object.keys(ROOTS));
  const kind = ROOTS[root];
  const channel = (kind === 'rss' ? xmlList(node.channel)[0] : kind === 'rdf' ? xmlList(node.channel)[0] : node) as XmlNode | undefined;
  const rawTitle = xmlText(channel?.title);
  const title = rawTitle ? htmlFragmentText(rawTitle) : undefined;
  const itemNodes = kind === 'atom' ? xmlList(node.entry) : kind === 'rss' ? xmlList(channel?.item) : xmlList(node.item);
  const items = itemNodes
    .filter((item): item is XmlNode => !!item && typeof item === 'object')
    .map((item, index) => readItem(item, kind, origin, title, index));
  // A feed-level Atom link is often only rel="self" (the feed itself), which is no home page.
  const link = kind === 'atom' ? atomLink(xmlList(node.link).filter((l) => (l as XmlNode)?.['@_rel'] !== 'self')) : xmlText(channel?.link);
  const language = xmlText(channel?.language) ?? xmlText(channel?.['dc:language']) ?? xmlText(node['@_xml:lang']);
  const ttlMinutes = Number(xmlText(channel?.ttl));
  return {
    kind,
    ...(title && { title }),
    ...(link && { link }),
    ...(language && { language }),
    ...(ttlMinutes > 0 && { ttlMinutes }),
    items,
  };
}
