import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, DEFAULT_POLICY, initialState, intervalForRate, RATE_LIMIT_WAIT_MS } from '../../src/sources/schedule.ts';
import type { PollOutcome, SourceState } from '../../src/sources/types.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T06:00:00Z');
const noJitter = () => 0;
const fullJitter = () => 0.999999;

const fetched = (over: Partial<Extract<PollOutcome, { kind: 'fetched' }>> = {}): PollOutcome =>
  ({ kind: 'fetched', status: 200, newItems: 0, itemTimes: [], ...over });
const notModified = (over: Partial<Extract<PollOutcome, { kind: 'not-modified' }>> = {}): PollOutcome =>
  ({ kind: 'not-modified', status: 304, ...over });
const failed = (failure: Extract<PollOutcome, { kind: 'failed' }>['failure'], over: Partial<Extract<PollOutcome, { kind: 'failed' }>> = {}): PollOutcome =>
  ({ kind: 'failed', failure, message: `boom (${failure})`, ...over });

const waitMs = (state: SourceState, now: number) => Date.parse(state.nextCheckAt) - now;

test('a new source is due at once, at the minimum interval', () => {
  const state = initialState(new Date(T0).toISOString());
  assert.equal(state.nextCheckAt, '2026-03-02T06:00:00.000Z');
  assert.equal(state.intervalMs, DEFAULT_POLICY.minIntervalMs);
  assert.equal(state.failureScore, 0);
});

test('the first answer seeds the rate from the items published in the last week', () => {
  const start = initialState(new Date(T0).toISOString());
  // Ten items in the last five hours: about two an hour, so polled about every quarter hour.
  const busy = advance(start, fetched({ itemTimes: Array.from({ length: 10 }, (_, i) => T0 - i * 30 * MIN), newItems: 10 }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(busy.intervalMs >= 10 * MIN && busy.intervalMs <= 20 * MIN, `busy interval ${busy.intervalMs / MIN} min`);
  // Five items in the last week: a few a day, polled every few hours.
  const slow = advance(start, fetched({ itemTimes: [1, 2, 3, 4, 5].map((d) => T0 - d * DAY), newItems: 5 }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(slow.intervalMs >= 6 * HOUR && slow.intervalMs < DAY, `slow interval ${slow.intervalMs / HOUR} h`);
  // Nothing for a month: the maximum.
  const dead = advance(start, fetched({ itemTimes: [T0 - 40 * DAY], newItems: 1 }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(dead.intervalMs, DEFAULT_POLICY.maxIntervalMs);
});

test('a quiet feed is polled less and less often, up to the maximum; a busy one stays at the minimum', () => {
  let quiet = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  let busy = quiet;
  let now = T0;
  const quietIntervals: number[] = [];
  for (let poll = 0; poll < 40; poll++) {
    now = Date.parse(quiet.nextCheckAt);
    quiet = advance(quiet, notModified(), now, DEFAULT_POLICY, noJitter);
    quietIntervals.push(quiet.intervalMs);
  }
  for (let i = 1; i < quietIntervals.length; i++) assert.ok(quietIntervals[i]! >= quietIntervals[i - 1]!, 'intervals never shrink while nothing arrives');
  assert.equal(quietIntervals.at(-1), DEFAULT_POLICY.maxIntervalMs);

  now = T0;
  for (let poll = 0; poll < 40; poll++) {
    now = Date.parse(busy.nextCheckAt);
    busy = advance(busy, fetched({ newItems: 3 }), now, DEFAULT_POLICY, noJitter);
  }
  assert.equal(busy.intervalMs, DEFAULT_POLICY.minIntervalMs);
});

test('the interval follows a change of pace: a feed that slows down is polled less often', () => {
  let state = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  let now = T0;
  for (let i = 0; i < 30; i++) {
    now += 30 * MIN;
    state = advance(state, fetched({ newItems: 1 }), now, DEFAULT_POLICY, noJitter);
  }
  const lively = state.intervalMs;
  for (let i = 0; i < 8; i++) {
    now += 3 * HOUR;
    state = advance(state, fetched({ newItems: 1 }), now, DEFAULT_POLICY, noJitter);
  }
  assert.ok(state.intervalMs > 2 * lively, `${lively / MIN} min → ${state.intervalMs / MIN} min`);
});

test('jitter only ever adds: never polled sooner than the interval, at most jitter later', () => {
  const start = initialState(new Date(T0).toISOString());
  for (const random of [noJitter, () => 0.5, fullJitter]) {
    const state = advance(start, fetched({ itemTimes: [T0 - HOUR, T0 - 2 * HOUR], newItems: 2 }), T0, DEFAULT_POLICY, random);
    const wait = waitMs(state, T0);
    assert.ok(wait >= state.intervalMs, 'not sooner than the interval');
    assert.ok(wait <= state.intervalMs * (1 + DEFAULT_POLICY.jitter) + 1, 'at most the jitter later');
  }
  const slowest = advance(start, fetched({ itemTimes: [T0 - 30 * DAY] }), T0, DEFAULT_POLICY, fullJitter);
  assert.equal(waitMs(slowest, T0), DEFAULT_POLICY.maxIntervalMs, 'jitter never carries a source past the maximum');
});

test('Cache-Control freshness and the feed ttl stretch the interval, within the maximum', () => {
  const start = initialState(new Date(T0).toISOString());
  const busyTimes = Array.from({ length: 20 }, (_, i) => T0 - i * 10 * MIN);
  const fresh2h = advance(start, fetched({ itemTimes: busyTimes, freshForMs: 2 * HOUR }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(fresh2h.intervalMs, 2 * HOUR);
  const ttl3h = advance(start, fetched({ itemTimes: busyTimes, ttlMs: 3 * HOUR }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(ttl3h.intervalMs, 3 * HOUR);
  const fresh3d = advance(start, fetched({ itemTimes: busyTimes, freshForMs: 3 * DAY }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(fresh3d.intervalMs, DEFAULT_POLICY.maxIntervalMs);
  // A short max-age never shortens the interval below the minimum.
  const fresh1m = advance(start, fetched({ itemTimes: busyTimes, freshForMs: MIN }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(fresh1m.intervalMs, DEFAULT_POLICY.minIntervalMs);
});

test('validators: a 200 replaces them, a 304 keeps the old ones unless it sends new ones', () => {
  const start = initialState(new Date(T0).toISOString());
  const first = advance(start, fetched({ etag: '"a"', lastModified: 'Mon, 02 Mar 2026 05:00:00 GMT', bodyHash: 'h1' }), T0);
  assert.equal(first.etag, '"a"');
  const kept = advance(first, notModified(), T0 + HOUR);
  assert.equal(kept.etag, '"a"');
  assert.equal(kept.lastModified, 'Mon, 02 Mar 2026 05:00:00 GMT');
  assert.equal(kept.bodyHash, 'h1');
  const renewed = advance(kept, notModified({ etag: '"b"' }), T0 + 2 * HOUR);
  assert.equal(renewed.etag, '"b"');
  const dropped = advance(renewed, fetched({ bodyHash: 'h2' }), T0 + 3 * HOUR);
  assert.equal(dropped.etag, undefined, 'a 200 without an ETag drops the old one');
});

test('back-off doubles per point of failure score, weighted by kind, up to 7 days plus jitter', () => {
  const ok = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  const waitsAfter = (kind: Parameters<typeof failed>[0], count: number) => {
    let state = ok;
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < count; i++) {
      now = Date.parse(state.nextCheckAt);
      state = advance(state, failed(kind), now, DEFAULT_POLICY, noJitter);
      waits.push(waitMs(state, now));
    }
    return { waits, state };
  };
  const server = waitsAfter('server', 6).waits;
  for (let i = 1; i < server.length; i++) assert.ok(Math.abs(server[i]! / server[i - 1]! - Math.SQRT2) < 0.01, '5xx: ×√2 per failure (weight ½)');
  const dns = waitsAfter('dns', 3).waits;
  assert.ok(Math.abs(dns[1]! / dns[0]! - 4) < 0.01, 'DNS: ×4 per failure (weight 2)');
  assert.ok(dns[0]! > server[0]!, 'one DNS failure waits longer than one 5xx');
  // Back-off is capped, and jitter adds at most a quarter.
  let state = ok;
  let now = T0;
  const patient = { ...DEFAULT_POLICY, disableAfter: 100 };
  for (let i = 0; i < 12; i++) {
    now = Date.parse(state.nextCheckAt);
    state = advance(state, failed('connect'), now, patient, fullJitter);
  }
  assert.ok(waitMs(state, now) <= DEFAULT_POLICY.maxBackoffMs * (1 + DEFAULT_POLICY.backoffJitter));
  assert.ok(waitMs(state, now) >= DEFAULT_POLICY.maxBackoffMs);
});

test('a source is disabled once its weighted failures reach the limit, with the reason', () => {
  const ok = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  const failuresUntilDisabled = (kind: Parameters<typeof failed>[0]) => {
    let state = ok;
    let now = T0;
    for (let i = 1; i <= 100; i++) {
      now = Date.parse(state.nextCheckAt);
      state = advance(state, failed(kind), now, { ...DEFAULT_POLICY, disableAfterDays: 10_000 }, noJitter);
      if (state.disabledReason) return { count: i, state };
    }
    return { count: Infinity, state };
  };
  assert.equal(failuresUntilDisabled('server').count, 20);
  assert.equal(failuresUntilDisabled('timeout').count, 20);
  assert.equal(failuresUntilDisabled('connect').count, 10);
  assert.equal(failuresUntilDisabled('parse').count, 10);
  assert.equal(failuresUntilDisabled('dns').count, 5);
  assert.equal(failuresUntilDisabled('not-found').count, 5);
  assert.equal(failuresUntilDisabled('gone').count, 1);
  const { state } = failuresUntilDisabled('dns');
  assert.match(state.disabledReason!, /^5 failed polls in a row since 2026-03-02 \d\d:\d\d UTC; last: boom \(dns\)$/);
  assert.equal(state.consecutiveErrors, 5);
  assert.equal(state.lastErrorKind, 'dns');

  const strict = { ...DEFAULT_POLICY, disableAfter: 3 };
  let few = ok;
  for (let i = 0; i < 3; i++) few = advance(few, failed('connect'), T0 + i * HOUR, strict, noJitter);
  assert.ok(few.disabledReason, 'the limit is configurable');
});

test('a month of nothing but failures disables a source whatever their weight', () => {
  let state = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  let now = T0;
  for (const day of [1, 10, 20, 29]) {
    now = T0 + day * DAY;
    state = advance(state, failed('rate-limited'), now, DEFAULT_POLICY, noJitter);
    assert.equal(state.disabledReason, undefined, `day ${day}`);
  }
  state = advance(state, failed('rate-limited'), T0 + 31 * DAY, DEFAULT_POLICY, noJitter);
  assert.ok(state.disabledReason);
});

test('success forgets failures and re-enables a source polled by name', () => {
  let state = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  state = advance(state, failed('gone'), T0 + HOUR, DEFAULT_POLICY, noJitter);
  assert.ok(state.disabledReason);
  state = advance(state, notModified(), T0 + 2 * HOUR, DEFAULT_POLICY, noJitter);
  assert.equal(state.disabledReason, undefined);
  assert.equal(state.failureScore, 0);
  assert.equal(state.consecutiveErrors, 0);
  assert.equal(state.failingSince, undefined);
  assert.equal(state.lastError, 'boom (gone)', 'the last error stays on record');
});

test('Retry-After is a floor on the next check, on failures and successes alike, capped at the back-off maximum', () => {
  const ok = advance(initialState(new Date(T0).toISOString()), fetched(), T0, DEFAULT_POLICY, noJitter);
  const limited = advance(ok, failed('rate-limited', { status: 429, retryAfterMs: 5 * HOUR }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(waitMs(limited, T0) >= 5 * HOUR);
  assert.equal(limited.retryAfterUntil, new Date(T0 + 5 * HOUR).toISOString());
  const noHeader = advance(ok, failed('rate-limited', { status: 429 }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(waitMs(noHeader, T0) >= RATE_LIMIT_WAIT_MS, 'a 429 without Retry-After waits at least an hour');
  const shortAsk = advance(ok, failed('rate-limited', { status: 429, retryAfterMs: 60_000 }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(waitMs(shortAsk, T0) >= DEFAULT_POLICY.minIntervalMs, 'a short Retry-After does not make polling faster');
  const onSuccess = advance(ok, notModified({ retryAfterMs: 3 * HOUR }), T0, DEFAULT_POLICY, noJitter);
  assert.ok(waitMs(onSuccess, T0) >= 3 * HOUR);
  const absurd = advance(ok, failed('rate-limited', { retryAfterMs: 365 * DAY }), T0, DEFAULT_POLICY, noJitter);
  assert.equal(absurd.retryAfterUntil, new Date(T0 + DEFAULT_POLICY.maxBackoffMs).toISOString());
});

test('intervalForRate stays within the bounds', () => {
  assert.equal(intervalForRate(Infinity, DEFAULT_POLICY), DEFAULT_POLICY.minIntervalMs);
  assert.equal(intervalForRate(0, DEFAULT_POLICY), DEFAULT_POLICY.maxIntervalMs);
  assert.equal(intervalForRate(1, DEFAULT_POLICY), 30 * MIN, 'one item an hour, two checks per item');
});
