/**
 * When to poll a source next: a pure function of (state, outcome, now) → next state, with the
 * randomness for jitter passed in, so tests drive it with a fake clock and a fixed random.
 *
 * 1. Success (200 or 304): the interval follows the feed's publishing rate — about
 *    `checksPerItem` polls per item published — bounded by [minIntervalMs, maxIntervalMs], and
 *    never shorter than the freshness the server grants (Cache-Control, Expires) or the feed's
 *    `<ttl>` (still bounded by the maximum, as Miniflux does for misconfigured feeds). Failures
 *    are forgotten. Up to `jitter` of the interval is added (never past the maximum) so sources
 *    added together drift apart.
 * 2. Failure: the weight of its kind (failures.ts) joins the failure score, and the wait is the
 *    last regular interval doubled per point of score, up to `maxBackoffMs` (NewsBlur caps its
 *    geometric back-off at 7 days), plus up to `backoffJitter` of it. A rate limit without
 *    Retry-After waits at least an hour (NewsBlur's floor for 429).
 * 3. A Retry-After on any answer is a floor: the next check is never earlier (capped at
 *    `maxBackoffMs`, so a broken header cannot silence a source for a year).
 * 4. The source is disabled once its failure score reaches `disableAfter`, or after
 *    `disableAfterDays` of nothing but failures (Tiny Tiny RSS gives up after 30 days).
 *
 * Jitter only ever adds time: no source is polled sooner than its interval or Retry-After allows.
 */
import { FAILURE_WEIGHTS } from './failures.ts';
import type { PollOutcome, SourceState } from './types.ts';

export interface SchedulePolicy {
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Polls per item the feed publishes, at its recent rate: 2 halves the wait for a new item. */
  readonly checksPerItem: number;
  /** Half-life of the publishing-rate memory. */
  readonly rateHalfLifeHours: number;
  readonly maxBackoffMs: number;
  /** Failure score (failures.ts) at which a source is disabled. */
  readonly disableAfter: number;
  /** A source failing for this long, whatever its score, is disabled too. */
  readonly disableAfterDays: number;
  /** Largest share of a regular interval added at random. */
  readonly jitter: number;
  /** Largest share of a back-off added at random. */
  readonly backoffJitter: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_POLICY: SchedulePolicy = Object.freeze({
  minIntervalMs: 10 * MINUTE,
  maxIntervalMs: DAY,
  checksPerItem: 2,
  // A day's rhythm (busy mornings, quiet nights) moves the rate, a quiet weekend does not stop a feed.
  rateHalfLifeHours: 24,
  maxBackoffMs: 7 * DAY,
  disableAfter: 10,
  disableAfterDays: 30,
  jitter: 0.1,
  backoffJitter: 0.25,
});

/** A 429 without Retry-After waits at least this long (NewsBlur's floor). */
export const RATE_LIMIT_WAIT_MS = HOUR;

/**
 * Half an item added to the observed count: a feed with no history looks busy (polled at the
 * minimum) and each quiet poll stretches the interval, instead of one quiet poll after
 * subscribing jumping straight to the maximum.
 */
const PRIOR_ITEMS = 0.5;

/** The first poll seeds the rate from the items published in the last week. */
const SEED_WINDOW_MS = 7 * DAY;

/** Item dates further in the future than this are wrong clocks, not schedules. */
const FUTURE_SLACK_MS = HOUR;

/** A new source's state: due at `at`. */
export function initialState(at: string, policy: SchedulePolicy = DEFAULT_POLICY): SourceState {
  return { nextCheckAt: at, intervalMs: policy.minIntervalMs, rateItems: 0, rateHours: 0, failureScore: 0, consecutiveErrors: 0 };
}

/** The publishing rate, items per hour, the state has observed (Infinity before any observation). */
export function publishingRate(state: Pick<SourceState, 'rateItems' | 'rateHours'>): number {
  return state.rateHours > 0 ? (state.rateItems + PRIOR_ITEMS) / state.rateHours : Infinity;
}

/** Regular interval for a publishing rate, within the policy's bounds. */
export function intervalForRate(itemsPerHour: number, policy: SchedulePolicy): number {
  const wanted = HOUR / (itemsPerHour * policy.checksPerItem);
  return clamp(wanted, policy.minIntervalMs, policy.maxIntervalMs);
}

/**
 * The state after a poll that ended at `now` (ms).
 * @example advance(source.state, { kind: 'not-modified', status: 304 }, Date.now()).nextCheckAt
 */
export function advance(
  state: SourceState,
  outcome: PollOutcome,
  now: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
  random: () => number = Math.random,
): SourceState {
  const checked: SourceState = { ...state, lastCheckAt: iso(now), lastStatus: outcome.status };
  return outcome.kind === 'failed'
    ? afterFailure(checked, outcome, now, policy, random)
    : afterSuccess(checked, outcome, now, policy, random);
}

function afterSuccess(
  state: SourceState,
  outcome: Exclude<PollOutcome, { kind: 'failed' }>,
  now: number,
  policy: SchedulePolicy,
  random: () => number,
): SourceState {
  const rate = outcome.kind === 'fetched' && state.lastSuccessAt === undefined
    ? seedRate(outcome.itemTimes, now)
    : decayRate(state, outcome.kind === 'fetched' ? outcome.newItems : 0, now, policy);
  const hinted = Math.max(
    intervalForRate(publishingRate(rate), policy),
    outcome.freshForMs ?? 0,
    outcome.kind === 'fetched' ? outcome.ttlMs ?? 0 : 0,
  );
  const intervalMs = Math.min(hinted, policy.maxIntervalMs);
  // Jitter spreads sources out but never carries one past the maximum.
  const wait = Math.min(intervalMs * (1 + random() * policy.jitter), Math.max(intervalMs, policy.maxIntervalMs));
  // A 304 may carry new validators (RFC 9111 §4.3.4); a 200 replaces them, absent ones included.
  const validators = outcome.kind === 'fetched'
    ? { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash: outcome.bodyHash }
    : { etag: outcome.etag ?? state.etag, lastModified: outcome.lastModified ?? state.lastModified, bodyHash: state.bodyHash };
  return withRetryAfter({
    ...state,
    ...validators,
    ...rate,
    intervalMs,
    nextCheckAt: iso(now + wait),
    lastSuccessAt: iso(now),
    failureScore: 0,
    consecutiveErrors: 0,
    failingSince: undefined,
    retryAfterUntil: undefined,
    // Only a poll asked for by name reaches a disabled source; an answer means it works again.
    disabledReason: undefined,
  }, outcome.retryAfterMs, now, policy);
}

function afterFailure(
  state: SourceState,
  outcome: Extract<PollOutcome, { kind: 'failed' }>,
  now: number,
  policy: SchedulePolicy,
  random: () => number,
): SourceState {
  const failureScore = state.failureScore + FAILURE_WEIGHTS[outcome.failure];
  const consecutiveErrors = state.consecutiveErrors + 1;
  const failingSince = state.failingSince ?? iso(now);
  const base = Math.max(state.intervalMs, policy.minIntervalMs);
  let backoff = Math.min(policy.maxBackoffMs, base * 2 ** failureScore);
  if (outcome.failure === 'rate-limited' && outcome.retryAfterMs === undefined) backoff = Math.max(backoff, RATE_LIMIT_WAIT_MS);
  const wait = backoff * (1 + random() * policy.backoffJitter);
  const failingDays = (now - Date.parse(failingSince)) / DAY;
  const disabledReason = failureScore >= policy.disableAfter || failingDays >= policy.disableAfterDays
    ? `${consecutiveErrors} failed ${consecutiveErrors === 1 ? 'poll' : 'polls'} in a row since ${failingSince.slice(0, 16).replace('T', ' ')} UTC; last: ${outcome.message}`
    : undefined;
  return withRetryAfter({
    ...state,
    nextCheckAt: iso(now + wait),
    failureScore,
    consecutiveErrors,
    failingSince,
    lastError: outcome.message,
    lastErrorKind: outcome.failure,
    lastErrorAt: iso(now),
    retryAfterUntil: undefined,
    ...(disabledReason && { disabledReason }),
  }, outcome.retryAfterMs, now, policy);
}

/** Applies a Retry-After as a floor on the next check and remembers it. */
function withRetryAfter(state: SourceState, retryAfterMs: number | undefined, now: number, policy: SchedulePolicy): SourceState {
  if (retryAfterMs === undefined || retryAfterMs <= 0) return state;
  const until = now + Math.min(retryAfterMs, policy.maxBackoffMs);
  const next = Math.max(Date.parse(state.nextCheckAt), until);
  return { ...state, nextCheckAt: iso(next), retryAfterUntil: iso(until) };
}

/**
 * Decayed sums after `newItems` arrived since the last success: both sums fade by the same
 * factor, so their ratio is a rate weighted toward the recent past.
 */
function decayRate(state: SourceState, newItems: number, now: number, policy: SchedulePolicy): Pick<SourceState, 'rateItems' | 'rateHours'> {
  const since = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : now;
  const hours = Math.max(0, now - since) / HOUR;
  const fade = 0.5 ** (hours / policy.rateHalfLifeHours);
  return { rateItems: state.rateItems * fade + newItems, rateHours: state.rateHours * fade + hours };
}

/**
 * The first answer's items are a backlog, not arrivals: their publication times say the rate.
 * Items of the last week count over the span back to the oldest of them; undated feeds start
 * with no history (polled at the minimum, slowing down while nothing arrives).
 */
function seedRate(itemTimes: readonly number[], now: number): Pick<SourceState, 'rateItems' | 'rateHours'> {
  const recent = itemTimes.filter((t) => t <= now + FUTURE_SLACK_MS && t >= now - SEED_WINDOW_MS);
  if (itemTimes.length === 0) return { rateItems: 0, rateHours: 0 };
  if (recent.length === 0) return { rateItems: 0, rateHours: SEED_WINDOW_MS / HOUR };
  const oldest = Math.min(...recent);
  return { rateItems: recent.length, rateHours: Math.max(now - oldest, HOUR) / HOUR };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function iso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}
