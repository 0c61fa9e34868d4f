import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IngestError } from '../../src/ingest/errors.ts';
import { readFeed } from '../../src/ingest/feed.ts';
import { readOpml } from '../../src/ingest/opml.ts';
import { fixture, readFixture } from './helpers.ts';

test('feed-rss2-content-encoded: content:encoded paragraphs, metadata, RSS author e-mail', () => {
  const feed = readFeed(readFixture('feed-rss2-content-encoded', 'input.rss'), 'kraj.rss');
  assert.equal(feed.kind, 'rss');
  assert.equal(feed.items.length, 2);
  const [first, second] = feed.items.map((i) => i.document);
  assert.equal(first.text.split('\n\n')[0], 'Sejm uchwalił w czwartek ustawę o ochronie ludności i obronie cywilnej. Za głosowało 440 posłów, nikt nie był przeciw.');
  assert.equal(first.text.split('\n\n').length, 4, 'REKLAMA stays for the cleaner; the caption goes to removed');
  assert.deepEqual(first.removed, [{ kind: 'photo-credit', text: 'Sala posiedzeń Sejmu. Fot. PAP/Paweł Supernak' }]);
  assert.deepEqual(first.published, { value: '2024-11-21T08:15Z', precision: 'minute' });
  assert.equal(first.author, 'Anna Kowalska');
  assert.equal(first.outlet, 'Wiadomości Regionalne - Kraj');
  assert.equal(first.origin, 'https://www.wiadomosci-regionalne.example.pl/kraj/sejm-obrona-cywilna,123456.html');
  assert.equal(second.title, 'Kim & Putin: spotkanie we Władywostoku');
  assert.equal(second.author, 'Piotr Nowak');
  assert.equal(feed.items[0].summaryOnly, false);
});

test('feed-atom: html and text content, alternate link, several authors, updated as fallback date', () => {
  const feed = readFeed(readFixture('feed-atom', 'input.atom'), 'world.atom');
  assert.equal(feed.kind, 'atom');
  assert.equal(feed.title, 'The Daily Example – World');
  const [flood, geneva] = feed.items.map((i) => i.document);
  assert.equal(flood.url, 'https://www.dailyexample.co.uk/news/flood-defences-breached');
  assert.equal(flood.author, 'James Porter, Priya Shah');
  assert.deepEqual(flood.published, { value: '2024-02-10T06:45Z', precision: 'minute' });
  assert.equal(flood.text.split('\n\n').length, 3);
  assert.equal(geneva.text, 'Negotiators returned to Geneva on Friday for a third round of talks.\n\nDiplomats said the mood was cautious but constructive.');
  assert.deepEqual(geneva.published, { value: '2024-02-09T18:00Z', precision: 'minute' });
});

test('feed-rss1-rdf: RSS 1.0 items with dc:date and dc:creator', () => {
  const feed = readFeed(readFixture('feed-rss1-rdf', 'input.rdf'), 'biuletyn.rdf');
  assert.equal(feed.kind, 'rdf');
  const [item] = feed.items;
  assert.equal(item.document.title, 'Utrudnienia w ruchu na moście Grunwaldzkim');
  assert.deepEqual(item.document.published, { value: '2024-03-04', precision: 'day' });
  assert.equal(item.document.author, 'Wydział Komunikacji');
  assert.equal(item.document.outlet, 'Biuletyn Miejski');
  assert.ok(item.document.text.startsWith('Od poniedziałku 4 marca most Grunwaldzki'));
});

test('feed-summary-only: a short description marks the item summary-only', () => {
  const feed = readFeed(readFixture('feed-summary-only', 'input.rss'), 'portal.rss');
  assert.equal(feed.items[0].summaryOnly, true);
});

test('feed-truncated: one clear error naming the file', () => {
  assert.throws(
    () => readFeed(readFixture('feed-truncated', 'input.rss'), 'feeds/kraj.rss'),
    (error: unknown) => error instanceof IngestError && error.input === 'feeds/kraj.rss' && /truncated XML/.test(error.message),
  );
  // Cut right after a complete item the parser copes, so the missing root end tag must catch it.
  const xml = readFixture('feed-rss2-content-encoded', 'input.rss');
  const cut = xml.slice(0, xml.indexOf('</item>') + '</item>'.length);
  assert.throws(() => readFeed(cut, 'cut.rss'), /truncated XML: ends before <\/rss>/);
});

test('opml-feed-list: xmlUrl outlines in order, relative paths resolved', () => {
  const path = fixture('opml-feed-list', 'input.opml');
  assert.deepEqual(readOpml(readFixture('opml-feed-list', 'input.opml'), path), [
    fixture('feed-rss2-content-encoded', 'input.rss'),
    fixture('feed-rss1-rdf', 'input.rdf'),
    fixture('feed-atom', 'input.atom'),
    fixture('feed-truncated', 'input.rss'),
  ]);
  assert.deepEqual(
    readOpml('<opml version="2.0"><body><outline xmlUrl="/rss.xml"/></body></opml>', 'https://example.pl/feeds.opml'),
    ['https://example.pl/rss.xml'],
  );
});
