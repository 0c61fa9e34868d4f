import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import type { WatchRunReport } from '../../src/watch/index.ts';
import { getJson, postJson } from '../api/helpers.ts';
import { SEEDS, startReceiver } from './helpers.ts';

/** Seed 001's text without its leading date line, as a client would post it. */
const seedText = readFileSync(join(SEEDS, '001_0c56ce6a609955a6.txt'), 'utf8').replace(/^ date \S+ ?/, '');

async function emptyApp(onRun: (report: WatchRunReport) => void) {
  const store = await openStore(':memory:');
  const app = createApp({
    store, log: () => {}, now: () => new Date('2026-01-02T00:00:00Z'),
    alerts: { baseUrl: 'https://kronika.example', retry: { attempts: 2, backoffMs: 5, timeoutMs: 2000 }, net: { allowPrivate: true }, onRun },
  });
  return { app, store, close: () => store.close() };
}

test('/api/watches: POST validates and saves, GET lists, DELETE removes, errors in the JSON shape', async () => {
  const t = await emptyApp(() => {});
  try {
    const bad = await getJson(t.app, '/api/watches', postJson({ query: 'Putin', webhook: 'file:///etc/passwd' }));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'unprocessable');
    assert.equal(bad.body.error.details[0].path, 'webhook');
    const extra = await getJson(t.app, '/api/watches', postJson({ query: 'Putin', lang: 'pl' }));
    assert.equal(extra.status, 422, 'unknown field refused (strict)');
    const blank = await getJson(t.app, '/api/watches', postJson({ query: '!!!' }));
    assert.equal(blank.status, 422, 'query without a searchable word refused');

    const created = await getJson(t.app, '/api/watches', postJson({ query: 'Władywostok', language: 'pl' }));
    assert.equal(created.status, 201);
    assert.equal(created.body.watch.query, 'Władywostok');
    assert.equal(created.body.watch.pending, 0);
    const listed = await getJson(t.app, '/api/watches');
    assert.deepEqual(listed.body.watches.map((w: { id: string }) => w.id), [created.body.watch.id]);

    const gone = await getJson(t.app, `/api/watches/${created.body.watch.id}`, { method: 'DELETE' });
    assert.deepEqual(gone.body, { removed: created.body.watch.id });
    const again = await getJson(t.app, `/api/watches/${created.body.watch.id}`, { method: 'DELETE' });
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'not_found');
    const malformed = await getJson(t.app, '/api/watches/..%2Fx', { method: 'DELETE' });
    assert.equal(malformed.status, 400);
    const put = await getJson(t.app, '/api/watches', { method: 'PUT' });
    assert.equal(put.status, 405);

    const doc = await getJson(t.app, '/openapi.json');
    assert.ok(doc.body.paths['/api/watches'].post.requestBody, 'POST /api/watches documented');
    assert.ok(doc.body.paths['/api/watches/{id}'].delete, 'DELETE documented');
  } finally {
    await t.close();
  }
});

test('POST /api/ingest alerts a webhook watch once, with the story link', async () => {
  const receiver = await startReceiver([200]);
  let done!: (report: WatchRunReport) => void;
  const ran = new Promise<WatchRunReport>((resolve) => (done = resolve));
  const t = await emptyApp((report) => done(report));
  try {
    const watch = await getJson(t.app, '/api/watches', postJson({ query: 'wladywostok', webhook: receiver.url }));
    assert.equal(watch.status, 201);
    const ingested = await getJson(t.app, '/api/ingest', postJson({ text: seedText, outlet: 'Test' }));
    assert.equal(ingested.status, 201);
    const report = await ran;
    assert.equal(report.delivered, 1, JSON.stringify(report));
    assert.equal(receiver.requests.length, 1);
    const alert = receiver.requests[0] as { article: { id: string }; story: { id: string; url: string }; matchedSentence: string };
    assert.equal(alert.article.id, ingested.body.id);
    assert.match(alert.matchedSentence, /Władywostok/, 'folded query matched the Polish spelling');
    assert.equal(alert.story.url, `https://kronika.example/stories/${alert.story.id}`);

    const repeat = await getJson(t.app, '/api/ingest', postJson({ text: seedText, outlet: 'Test' }));
    assert.equal(repeat.status, 200, 'same article again: not stored, so no run');
    const listed = await getJson(t.app, '/api/watches');
    assert.ok(listed.body.watches[0].lastFired, 'lastFired visible over the API');
    assert.equal(receiver.requests.length, 1, 'alerted once');
  } finally {
    await receiver.close();
    await t.close();
  }
});

test('a server keeps the alerts of a watch without a webhook pending for `kronika watch run`', async () => {
  let done!: (report: WatchRunReport) => void;
  const ran = new Promise<WatchRunReport>((resolve) => (done = resolve));
  const t = await emptyApp((report) => done(report));
  try {
    const watch = await getJson(t.app, '/api/watches', postJson({ query: 'wladywostok' }));
    assert.equal(watch.status, 201);
    const ingested = await getJson(t.app, '/api/ingest', postJson({ text: seedText, outlet: 'Test' }));
    assert.equal(ingested.status, 201);
    const report = await ran;
    assert.equal(report.matched, 1, JSON.stringify(report));
    assert.equal(report.delivered, 0, 'nothing printed on the server or marked delivered');
    assert.equal(report.pending, 1);
    const pending = await t.store.watches.pending(watch.body.watch.id);
    assert.deepEqual(pending.map((m) => m.articleId), [ingested.body.id], 'still there for `kronika watch run`');
  } finally {
    await t.close();
  }
});
