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
    let store = await db.open();
    const watch = await store.watches.add({ query: 'Wostocznyj' }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, INGEST_AT);
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);

    const first = await runWatches(store, { articleIds: ids, print, baseUrl: 'https://news.example/' });
    assert.equal(first.matched, 1, 'one seed mentions Wostocznyj');
    assert.equal(lines.length, 1, 'one JSON line printed');
    const alert = JSON.parse(lines[0]!) as Alert;
    assert.equal(alert.watch, watch.id);
    assert.equal(alert.query, 'Wostocznyj');
    assert.match(alert.matchedSentence, /Wostocznyj/, 'matched sentence holds the word');
    assert.ok(ids.includes(alert.article.id), 'article is one of the ingested');
    assert.ok(alert.story?.id, 'the event the article joined');
    assert.equal(alert.story?.url, `https://news.example/stories/${alert.story?.id}`, 'story URL from the base URL');

    const again = await runWatches(store, { articleIds: ids, print });
    assert.equal(again.matched, 0, 'second run over the same articles records nothing');
    await store.close();

    store = await db.open();
    const afterRestart = await runWatches(store, { print });
    assert.equal(afterRestart.matched, 0, 'no repeat after reopening the store');
    assert.equal(lines.length, 1, 'still one line in all');
    assert.equal((await store.watches.get(watch.id))?.lastFired !== undefined, true, 'lastFired recorded');
    await store.close();
  } finally {
    db.dispose();
  }
});

test('articles stored before the watch existed do not alert; a language filter applies', async () => {
  const db = tempDb();
  try {
    const store = await db.open();
    await ingestSeeds(store, WATCH_AT);
    await store.watches.add({ query: 'Kim Dzong Un' }, INGEST_AT.toISOString());
    const lines: string[] = [];
    const report = await runWatches(store, { print: (l) => lines.push(l) });
    assert.equal(report.matched, 0, 'old articles are not news');

    const db2 = tempDb();
    const store2 = await db2.open();
    await store2.watches.add({ query: 'Kim Dzong Un', language: 'en' }, WATCH_AT.toISOString());
    await store2.watches.add({ query: 'Kim Dzong Un', language: 'pl' }, WATCH_AT.toISOString());
    await ingestSeeds(store2, INGEST_AT);
    const both = await runWatches(store2, { print: (l) => lines.push(l) });
    assert.equal(both.matched, 5, 'only the Polish watch matches the five Polish seeds');
    await store2.close();
    db2.dispose();
    await store.close();
  } finally {
    db.dispose();
  }
});

test('a webhook answering 500 then 200 is retried and gets the alert once', async () => {
  const db = tempDb();
  const receiver = await startReceiver([500, 200]);
  try {
    const store = await db.open();
    const watch = await store.watches.add({ query: 'Wostocznyj', webhook: receiver.url }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, INGEST_AT);
    const report = await runWatches(store, { articleIds: ids, print: () => assert.fail('not stdout'), retry: FAST , net: LOOPBACK });
    assert.deepEqual({ delivered: report.delivered, failed: report.failed }, { delivered: 1, failed: 0 });
    assert.equal(receiver.requests.length, 2, 'first try refused, second accepted');
    const body = receiver.requests[1] as Alert;
    assert.equal(body.watch, watch.id);
    assert.match(body.matchedSentence, /Wostocznyj/);
    assert.ok(body.story?.id, 'story id in the webhook body');
    assert.equal(body.story?.url, undefined, 'no URL without a base URL');

    await runWatches(store, { print: () => {}, retry: FAST , net: LOOPBACK });
    assert.equal(receiver.requests.length, 2, 'delivered once: nothing more on the next run');
    const after = (await store.watches.get(watch.id))!;
    assert.equal(after.pending, 0);
    assert.equal(after.lastError, undefined, 'error cleared by the successful retry');
    await store.close();
  } finally {
    await receiver.close();
    db.dispose();
  }
});

test('a dead webhook is recorded as a failure, stays pending, and is delivered by a later run', async () => {
  const db = tempDb();
  try {
    const store = await db.open();
    const url = await deadUrl();
    const watch = await store.watches.add({ query: 'Wostocznyj', webhook: url }, WATCH_AT.toISOString());
    const ids = await ingestSeeds(store, INGEST_AT);
    const report = await runWatches(store, { articleIds: ids, print: () => {}, retry: FAST , net: LOOPBACK });
    assert.deepEqual({ matched: report.matched, delivered: report.delivered, failed: report.failed, pending: report.pending },
      { matched: 1, delivered: 0, failed: 1, pending: 1 });
    const failed = (await store.watches.get(watch.id))!;
    assert.equal(failed.failures, FAST.attempts, 'every try counted');
    assert.match(failed.lastError ?? '', /fetch failed|ECONNREFUSED/, 'error text kept');
    assert.equal(failed.pending, 1, 'alert kept for the next run');

    // The receiver comes back on the same address: the pending alert goes out on the next run.
    const receiver = await startReceiver([200], Number(new URL(url).port));
    try {
      const next = await runWatches(store, { articleIds: [], print: () => {}, retry: FAST , net: LOOPBACK });
      assert.equal(next.delivered, 1, 'pending alert delivered by the next run');
      assert.equal(receiver.requests.length, 1, 'exactly once');
      assert.equal((receiver.requests[0] as Alert).watch, watch.id);
      const healed = (await store.watches.get(watch.id))!;
      assert.deepEqual({ pending: healed.pending, failures: healed.failures, lastError: healed.lastError },
        { pending: 0, failures: FAST.attempts, lastError: undefined }, 'failures stay counted, error cleared');
    } finally {
      await receiver.close();
    }
    await store.close();
  } finally {
    db.dispose();
  }
});

test('two runs at once (two processes on one database) deliver each alert once', async () => {
  const db = tempDb();
  const receiver = await startReceiver([200], 0, 50);
  try {
    const store = await db.open();
    await store.watches.add({ query: 'Kim Dzong Un', webhook: receiver.url }, WATCH_AT.toISOString());
    await ingestSeeds(store, INGEST_AT);
    const other = await db.open();
    try {
      const reports = await Promise.all([
        runWatches(store, { print: () => {}, retry: FAST , net: LOOPBACK }),
        runWatches(other, { print: () => {}, retry: FAST , net: LOOPBACK }),
      ]);
      assert.equal(reports[0]!.matched + reports[1]!.matched, 5, 'each match recorded by one run');
      assert.equal(reports[0]!.delivered + reports[1]!.delivered, 5, 'each alert delivered by one run');
      const ids = receiver.requests.map((r) => (r as Alert).article.id);
      assert.equal(new Set(ids).size, 5, 'five different articles');
      assert.equal(ids.length, 5, 'no alert sent twice');
    } finally {
      await other.close();
    }
    await store.close();
  } finally {
    await receiver.close();
    db.dispose();
  }
});
