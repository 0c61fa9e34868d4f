import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postAlert, WatchSpecSchema, type Alert } from '../../src/watch/index.ts';
import { startReceiver } from './helpers.ts';

/** The receivers are on loopback, which webhooks reach only by opting in (src/net/http.ts). */
const LOOPBACK = { allowPrivate: true };

const alert: Alert = {
  watch: 'abcd1234', query: 'Władywostok',
  article: { id: '0c56ce6a609955a6', origin: 'samples/kim-putin-2023/001_0c56ce6a609955a6.txt' },
  matchedSentence: 'Do spotkania dojdzie we Władywostoku.',
};

test('a 4xx other than 408/429 is not retried: the receiver refuses this body', async () => {
  const receiver = await startReceiver([404]);
  try {
    const outcome = await postAlert(receiver.url, alert, { attempts: 3, backoffMs: 5, timeoutMs: 2000 }, LOOPBACK);
    assert.deepEqual(outcome, { status: 'failed', error: 'HTTP 404 Not Found', attempts: 1 });
    assert.equal(receiver.requests.length, 1);
    assert.deepEqual(receiver.requests[0], alert, 'the alert is the JSON body');
  } finally {
    await receiver.close();
  }
});

test('a receiver that never answers times out on every try', async () => {
  const server = createServer(() => { /* never responds */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const outcome = await postAlert(`http://127.0.0.1:${port}/`, alert, { attempts: 2, backoffMs: 5, timeoutMs: 100 }, LOOPBACK);
    assert.deepEqual(outcome, { status: 'failed', error: 'timed out', attempts: 2 });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('watch specs: a searchable query and an http(s) webhook are required', () => {
  assert.equal(WatchSpecSchema.safeParse({ query: 'Kim Dzong Un', webhook: 'https://hooks.example/x' }).success, true);
  for (const [spec, why] of [
    [{ query: '   ' }, 'blank query'],
    [{ query: '!!! ...' }, 'no searchable word'],
    [{ query: 'Putin', webhook: 'ftp://hooks.example/x' }, 'not http(s)'],
    [{ query: 'Putin', language: 'de' }, 'unknown language'],
    [{ query: 'Putin', hook: 'https://x' }, 'unknown field'],
  ] as const) {
    assert.equal(WatchSpecSchema.safeParse(spec).success, false, why);
  }
});
