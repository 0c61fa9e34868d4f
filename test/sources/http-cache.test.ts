import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStatus, failureOfStatus } from '../../src/sources/failures.ts';
import { conditionalHeaders, freshnessMs, retryAfterMs } from '../../src/sources/http-cache.ts';

const NOW = Date.parse('2026-03-02T06:00:00Z');
const h = (headers: Record<string, string>) => new Headers(headers);

test('freshness: max-age minus Age wins over Expires; no-cache and no-store mean none', () => {
  assert.equal(freshnessMs(h({ 'cache-control': 'public, max-age=600' }), NOW), 600_000);
  assert.equal(freshnessMs(h({ 'cache-control': 'max-age=600', age: '100' }), NOW), 500_000);
  assert.equal(freshnessMs(h({ 'cache-control': 'max-age=600', expires: 'Mon, 02 Mar 2026 09:00:00 GMT' }), NOW), 600_000);
  assert.equal(freshnessMs(h({ 'cache-control': 'no-cache, max-age=600' }), NOW), 0);
  assert.equal(freshnessMs(h({ 'cache-control': 'no-store' }), NOW), 0);
  assert.equal(freshnessMs(h({}), NOW), undefined);
});

test('freshness from Expires counts from the server\'s Date, so clock skew cancels', () => {
  assert.equal(freshnessMs(h({ expires: 'Mon, 02 Mar 2026 07:00:00 GMT' }), NOW), 3600_000);
  // The server's clock is two hours behind ours: its Expires is an hour after its own Date.
  assert.equal(freshnessMs(h({ expires: 'Mon, 02 Mar 2026 05:00:00 GMT', date: 'Mon, 02 Mar 2026 04:00:00 GMT' }), NOW), 3600_000);
  assert.equal(freshnessMs(h({ expires: '0' }), NOW), 0, 'an invalid date is already expired');
});

test('Retry-After as seconds or as an HTTP date', () => {
  assert.equal(retryAfterMs(h({ 'retry-after': '120' }), NOW), 120_000);
  assert.equal(retryAfterMs(h({ 'retry-after': 'Mon, 02 Mar 2026 08:00:00 GMT' }), NOW), 2 * 3600_000);
  assert.equal(retryAfterMs(h({ 'retry-after': 'Mon, 02 Mar 2026 05:00:00 GMT' }), NOW), 0, 'a date in the past');
  assert.equal(retryAfterMs(h({ 'retry-after': 'soon' }), NOW), undefined);
  assert.equal(retryAfterMs(h({}), NOW), undefined);
});

test('conditional headers carry the stored validators, and only those', () => {
  assert.deepEqual(conditionalHeaders({ etag: '"abc"', lastModified: 'Mon, 02 Mar 2026 05:00:00 GMT' }),
    { 'if-none-match': '"abc"', 'if-modified-since': 'Mon, 02 Mar 2026 05:00:00 GMT' });
  assert.deepEqual(conditionalHeaders({}), {});
});

test('statuses map to failure kinds', () => {
  assert.equal(failureOfStatus(200, false), undefined);
  assert.equal(failureOfStatus(304, false), undefined);
  assert.equal(failureOfStatus(429, false), 'rate-limited');
  assert.equal(failureOfStatus(503, true), 'rate-limited');
  assert.equal(failureOfStatus(503, false), 'server');
  assert.equal(failureOfStatus(500, false), 'server');
  assert.equal(failureOfStatus(410, false), 'gone');
  assert.equal(failureOfStatus(404, false), 'not-found');
  assert.equal(failureOfStatus(403, false), 'forbidden');
  assert.equal(failureOfStatus(418, false), 'client');
  assert.equal(failureOfStatus(300, false), 'protocol');
  assert.equal(describeStatus(503), 'HTTP 503 Service Unavailable');
});
