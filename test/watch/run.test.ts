import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runWatches, type Alert, type RetryOptions } from '../../src/watch/index.ts';
import { deadUrl, ingestSeeds, startReceiver, tempDb } from './helpers.ts';

/** Fast back-off so retries take milliseconds in tests; the production default is 0.5 s / 1 s. */
const FAST: RetryOptions = { attempts: 3, backoffMs: 5, timeoutMs: 2000 };
/** The receivers are on loopback, which webhooks reach only by opting in (src/net/http.ts). */
const LOOPBACK = { allowPrivate: true };
const WATCH_AT = new Date('2026-01-01T10:00:00Z');
const INGEST_AT = new Date('2026-01-01T11:00:00Z');

test('a stdout watch fires once per matching new article, with story and matched sentence', async () => {
  const db = tempDb();
  try {
    let store = db.open();
    let index = db.openIndex();
    const watch = store.addWatch({ query: 'Wostocznyj' }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, index, INGEST_AT);
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);

    const first = await runWatches(store, index, { articleIds: ids, print, baseUrl: 'https://news.example/' });
    assert.equal(first.matched, 1, 'one seed mentions Wostocznyj');
    assert.equal(lines.length, 1, 'one JSON line printed');
    const alert = JSON.parse(lines[0]!) as Alert;
    assert.equal(alert.watch, watch.id);
    assert.equal(alert.query, 'Wostocznyj');
    assert.match(alert.matchedSentence, /Wostocznyj/, 'matched sentence holds the word');
    assert.ok(ids.includes(alert.article.id), 'article is one of the ingested');
    assert.ok(alert.story?.id, 'the event the article joined');
    assert.equal(alert.story?.url, `https://news.example/stories/${alert.story?.id}`, 'story URL from the base URL');

    const again = await runWatches(store, index, { articleIds: ids, print });
    assert.equal(again.matched, 0, 'second run over the same articles records nothing');
    store.close();
    index.close();

    store = db.open();
    index = db.openIndex();
    const afterRestart = await runWatches(store, index, { print });
    assert.equal(afterRestart.matched, 0, 'no repeat after reopening the store');
    assert.equal(lines.length, 1, 'still one line in all');
    assert.equal(store.getWatch(watch.id)?.lastFired !== undefined, true, 'lastFired recorded');
    store.close();
    index.close();
  } finally {
    db.dispose();
  }
});

test('articles stored before the watch existed do not alert; a language filter applies', async () => {
  const db = tempDb();
  try {
    const store = db.open();
    const index = db.openIndex();
    await ingestSeeds(store, index, WATCH_AT);
    store.addWatch({ query: 'Kim Dzong Un' }, INGEST_AT.toISOString());
    const lines: string[] = [];
    const report = await runWatches(store, index, { print: (l) => lines.push(l) });
    assert.equal(report.matched, 0, 'old articles are not news');

    const db2 = tempDb();
    const store2 = db2.open();
    const index2 = db2.openIndex();
    store2.addWatch({ query: 'Kim Dzong Un', language: 'en' }, WATCH_AT.toISOString());
    store2.addWatch({ query: 'Kim Dzong Un', language: 'pl' }, WATCH_AT.toISOString());
    await ingestSeeds(store2, index2, INGEST_AT);
    const both = await runWatches(store2, index2, { print: (l) => lines.push(l) });
    assert.equal(both.matched, 5, 'only the Polish watch matches the five Polish seeds');
    store2.close();
    index2.close();
    db2.dispose();
    store.close();
    index.close();
  } finally {
    db.dispose();
  }
});

test('a webhook answering 500 then 200 is retried and gets the alert once', async () => {
  const db = tempDb();
  const receiver = await startReceiver([500, 200]);
  try {
    const store = db.open();
    const index = db.openIndex();
    const watch = store.addWatch({ query: 'Wostocznyj', webhook: receiver.url }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, index, INGEST_AT);
    const report = await runWatches(store, index, { articleIds: ids, print: () => assert.fail('not stdout'), retry: FAST, net: LOOPBACK });
    assert.deepEqual({ delivered: report.delivered, failed: report.failed }, { delivered: 1, failed: 0 });
    assert.equal(receiver.requests.length, 2, 'first try refused, second accepted');
    const body = receiver.requests[1] as Alert;
    assert.equal(body.watch, watch.id);
    assert.match(body.matchedSentence, /Wostocznyj/);
    assert.ok(body.story?.id, 'story id in the webhook body');
    assert.equal(body.story?.url, undefined, 'no URL without a base URL');

    await runWatches(store, index, { print: () => {}, retry: FAST, net: LOOPBACK });
    assert.equal(receiver.requests.length, 2, 'delivered once: nothing more on the next run');
    const after = store.getWatch(watch.id)!;
    assert.equal(after.pending, 0);
    assert.equal(after.lastError, undefined, 'error cleared by the successful retry');
    store.close();
    index.close();
  } finally {
    await receiver.close();
    db.dispose();
  }
});

test('a dead webhook is recorded as a failure, stays pending, and is delivered by a later run', async () => {
  const db = tempDb();
  try {
    const store = db.open();
    const index = db.openIndex();
    const url = await deadUrl();
    const watch = store.addWatch({ query: 'Wostocznyj', webhook: url }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, index, INGEST_AT);
    const report = await runWatches(store, index, { articleIds: ids, print: () => {}, retry: FAST, net: LOOPBACK });
    assert.deepEqual({ matched: report.matched, delivered: report.delivered, failed: report.failed, pending: report.pending },
      { matched: 1, delivered: 0, failed: 1, pending: 1 });
    const failed = store.getWatch(watch.id)!;
    assert.equal(failed.failures, FAST.attempts, 'every try counted');
    assert.match(failed.lastError ?? '', /fetch failed|ECONNREFUSED/, 'error text kept');
    assert.equal(failed.pending, 1, 'alert kept for the next run');

    // The receiver comes back on the same address: the pending alert goes out on the next run.
    const receiver = await startReceiver([200], Number(new URL(url).port));
    try {
      const next = await runWatches(store, index, { articleIds: [], print: () => {}, retry: FAST, net: LOOPBACK });
      assert.equal(next.delivered, 1, 'pending alert delivered by the next run');
      assert.equal(receiver.requests.length, 1, 'exactly once');
      assert.equal((receiver.requests[0] as Alert).watch, watch.id);
      const healed = store.getWatch(watch.id)!;
      assert.deepEqual({ pending: healed.pending, failures: healed.failures, lastError: healed.lastError },
        { pending: 0, failures: FAST.attempts, lastError: undefined }, 'failures stay counted, error cleared');
    } finally {
      await receiver.close();
    }
    store.close();
    index.close();
  } finally {
    db.dispose();
  }
});

test('two runs at once (two processes on one database) deliver each alert once', async () => {
  const db = tempDb();
  const receiver = await startReceiver([200], 0, 50);
  try {
    const store = db.open();
    const index = db.openIndex();
    store.addWatch({ query: 'Kim Dzong Un', webhook: receiver.url }, WATCH_AT.toISOString());
    await ingestSeeds(store, index, INGEST_AT);
    const other = db.open();
    const otherIndex = db.openIndex();
    try {
      const reports = await Promise.all([
        runWatches(store, index, { print: () => {}, retry: FAST, net: LOOPBACK }),
        runWatches(other, otherIndex, { print: () => {}, retry: FAST, net: LOOPBACK }),
      ]);
      assert.equal(reports[0]!.matched + reports[1]!.matched, 5, 'each match recorded by one run');
      assert.equal(reports[0]!.delivered + reports[1]!.delivered, 5, 'each alert delivered by one run');
      const ids = receiver.requests.map((r) => (r as Alert).article.id);
      assert.equal(new Set(ids).size, 5, 'five different articles');
      assert.equal(ids.length, 5, 'no alert sent twice');
    } finally {
      other.close();
      otherIndex.close();
    }
    store.close();
    index.close();
  } finally {
    await receiver.close();
    db.dispose();
  }
});
