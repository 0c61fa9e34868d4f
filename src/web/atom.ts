/**
 * Atom 1.0 feeds (RFC 4287) of a story's articles and of a saved search's matches, so a feed
 * reader can follow them. Every value is XML-escaped, and characters XML 1.0 cannot carry
 * (control characters, lone surrogates) are dropped, so an article's text never breaks the feed.
 * Ids are URNs of Kronika's own ids: they stay the same whichever host name serves the feed.
 */
import type { Article, Published } from '../types.ts';
import { headlineOf } from './parts.ts';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text → XML character data or attribute value.
 * @example xmlText('Kim & Putin <"2023">') // → 'Kim &amp; Putin &lt;&quot;2023&quot;&gt;'
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** Characters of article text in an entry's summary. */
const SUMMARY_CHARS = 400;

export interface AtomFeed {
  /** A URN naming what the feed follows, e.g. urn:kronika:story:ev-…. */
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Absolute URLs of the feed itself and of the page it follows. */
  readonly self: string;
  readonly page: string;
  /** The base for article links (the server's origin). */
  readonly base: string;
  /** Newest first. */
  readonly articles: readonly Article[];
  /** When nothing is in the feed yet, its `updated` (RFC 3339). */
  readonly emptyUpdated: string;
}

/** A publication date as an RFC 3339 time, when it is at least a day: a month alone is no instant. */
function rfc3339(published: Published | undefined): string | undefined {
  if (!published || (published.precision !== 'day' && published.precision !== 'minute')) return undefined;
  const time = Date.parse(published.precision === 'day' ? `${published.value}T00:00:00Z` : published.value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function summary(text: string): string {
  const flat = text.slice(0, SUMMARY_CHARS * 2).replace(/\s+/g, ' ').trim();
  return flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS - 1)}…` : flat;
}

/**
 * The feed document; an entry's `updated` is when Kronika stored the article, `published` its
 * publication date when known to the day.
 * @example atomFeed({ id: 'urn:kronika:story:ev-1', title: 'Kim w Rosji', self, page, base, articles, emptyUpdated })
 */
export function atomFeed(feed: AtomFeed): string {
  const updated = feed.articles.reduce((latest, a) => (a.ingestedAt > latest ? a.ingestedAt : latest), '') || feed.emptyUpdated;
  const entries = feed.articles.map((a) => {
    const published = rfc3339(a.published);
    const link = `${feed.base}/articles/${a.id}`;
    return `  <entry xml:lang="${xmlText(a.language)}">
    <id>urn:kronika:article:${xmlText(a.id)}</id>
    <title>${xmlText(headlineOf(a.title, a.text, a.language))}</title>
    <updated>${xmlText(new Date(a.ingestedAt).toISOString())}</updated>${published ? `\n    <published>${published}</published>` : ''}
    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>${a.url && /^https?:\/\//i.test(a.url) ? `\n    <link rel="related" type="text/html" href="${xmlText(a.url)}"/>` : ''}
    <author><name>${xmlText(a.author ?? a.outlet ?? 'nieznany autor')}</name></author>${a.outlet ? `\n    <source><title>${xmlText(a.outlet)}</title></source>` : ''}
    <summary>${xmlText(summary(a.text))}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">
  <id>${xmlText(feed.id)}</id>
  <title>${xmlText(feed.title)}</title>${feed.subtitle ? `\n  <subtitle>${xmlText(feed.subtitle)}</subtitle>` : ''}
  <updated>${xmlText(new Date(updated).toISOString())}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.page)}"/>
  <author><name>Kronika</name></author>
  <generator>Kronika</generator>
${entries.join('\n')}
</feed>
`;
}
