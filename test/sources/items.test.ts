import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedItem } from '../../src/ingest/feed.ts';
import { canonicalUrl, keyItems, triageItems } from '../../src/sources/items.ts';
import type { SeenItem } from '../../src/sources/types.ts';

const item = (over: { guid?: string; url?: string; title?: string; text?: string }): FeedItem => ({
  document: { origin: over.url ?? 'feed', format: 'feed', text: over.text ?? 'Treść', ...(over.title && { title: over.title }), ...(over.url && { url: over.url }) },
  ...(over.guid && { guid: over.guid }),
  summaryOnly: false,
});

const seenRow = (over: Partial<SeenItem>): SeenItem => ({
  id: 1, sourceId: 's1', contentHash: 'x', firstSeenAt: '2026-03-02T06:00:00Z', lastChangedAt: '2026-03-02T06:00:00Z', ...over,
});

test('canonical URLs drop fragments, tracking parameters and default ports, and resolve relative links', () => {
  assert.equal(canonicalUrl('HTTPS://Example.PL:443/a/b?utm_source=rss&id=7&fbclid=x#comments'), 'https://example.pl/a/b?id=7');
  assert.equal(canonicalUrl('/news/1?utm_medium=feed', 'https://example.pl/rss.xml'), 'https://example.pl/news/1');
  assert.equal(canonicalUrl('mailto:redakcja@example.pl'), undefined);
  assert.equal(canonicalUrl('not a url'), undefined);
});

test('items are keyed by GUID and canonical URL; repeats within a feed are dropped', () => {
  const keyed = keyItems([
    item({ guid: 'g1', url: 'https://example.pl/1?utm_source=rss' }),
    item({ guid: 'g1', url: 'https://example.pl/1' }),
    item({ url: 'https://example.pl/2' }),
    item({ text: 'Bez linku i bez guid' }),
  ], 'https://example.pl/rss');
  assert.equal(keyed.length, 3);
  assert.deepEqual([keyed[0]!.guid, keyed[0]!.urlKey], ['g1', 'https://example.pl/1']);
  assert.deepEqual([keyed[1]!.guid, keyed[1]!.urlKey], [undefined, 'https://example.pl/2']);
  assert.match(keyed[2]!.guid!, /^sha:[0-9a-f]{16}$/, 'no GUID and no link: the content identifies it');
});

test('triage: a GUID match, else a URL match, is the same item; changed content is a revision of this source only', () => {
  const keyed = keyItems([
    item({ guid: 'g1', url: 'https://example.pl/1', text: 'A' }),
    item({ guid: 'new-guid-every-fetch', url: 'https://example.pl/2', text: 'B' }),
    item({ guid: 'g3', url: 'https://example.pl/3', text: 'C poprawione' }),
    item({ guid: 'g4', url: 'https://other.pl/shared', text: 'D inaczej' }),
    item({ guid: 'g5', url: 'https://example.pl/5', text: 'E' }),
  ], 'https://example.pl/rss');
  const [a, b, c] = keyed;
  const seen = [
    seenRow({ id: 1, guid: 'g1', urlKey: a!.urlKey, contentHash: a!.contentHash }),
    seenRow({ id: 2, guid: 'old-guid', urlKey: b!.urlKey, contentHash: b!.contentHash }),
    seenRow({ id: 3, guid: 'g3', urlKey: c!.urlKey, contentHash: 'before-correction', articleId: 'art3' }),
    seenRow({ id: 4, sourceId: 's2', guid: 'other', urlKey: 'https://other.pl/shared', contentHash: 'whatever' }),
  ];
  const triage = triageItems(keyed, seen, 's1');
  assert.deepEqual(triage.fresh.map((k) => k.guid), ['g5']);
  assert.deepEqual(triage.changed.map((c) => c.seen.id), [3]);
  assert.equal(triage.known, 3, 'g1 by GUID, the changed GUID by its URL, the shared URL of another source');
});
