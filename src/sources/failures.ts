/**
 * Failure kinds and what each weighs. A poll's failure adds its weight to the source's failure
 * score; the back-off doubles per point of score and the source is disabled when the score
 * reaches the policy's `disableAfter` (schedule.ts). So the weight says how much one failure of
 * that kind predicts the next: transient trouble weighs little, a permanent answer a lot.
 */
import { STATUS_CODES } from 'node:http';
import type { NetError } from '../net/http.ts';
import type { FailureKind } from './types.ts';

/**
 * Points per failure, tuned together with DEFAULT_POLICY.disableAfter (10) in schedule.ts:
 * 20 timeouts or 5xx in a row disable a source, 10 refused connections or parse errors,
 * 5 failed DNS lookups or 404s, one 410. Rate limiting barely counts: it is the server being
 * explicit, and a source that says "wait" forty times in a row is still worth a look by a human.
 * Choices, not measurements: they follow Miniflux (errors counted, feed skipped past a limit),
 * NewsBlur (410 deactivates; errors stretch the interval) and Tiny Tiny RSS (gives up on long failure).
 */
export const FAILURE_WEIGHTS: Readonly<Record<FailureKind, number>> = {
  'rate-limited': 0.25,
  timeout: 0.5,
  server: 0.5,
  connect: 1,
  protocol: 1,
  parse: 1,
  'too-large': 1,
  client: 1.5,
  dns: 2,
  'not-found': 2,
  forbidden: 2,
  redirects: 2,
  blocked: 5,
  gone: 10,
  'bad-url': 10,
};

/** The failure an HTTP status means, or undefined for 2xx and 304. */
export function failureOfStatus(status: number, hasRetryAfter: boolean): FailureKind | undefined {
  if ((status >= 200 && status < 300) || status === 304) return undefined;
  if (status === 429 || (status === 503 && hasRetryAfter)) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status === 410) return 'gone';
  if (status === 404) return 'not-found';
  if (status === 401 || status === 403) return 'forbidden';
  if (status >= 400) return 'client';
  // A 3xx left over: no Location, or a 300 Multiple Choices the client does not follow.
  return 'protocol';
}

const NET_FAILURES: Readonly<Record<NetError['kind'], FailureKind>> = {
  'blocked-address': 'blocked',
  dns: 'dns',
  connect: 'connect',
  timeout: 'timeout',
  'too-large': 'too-large',
  'too-many-redirects': 'redirects',
  'bad-url': 'bad-url',
  protocol: 'protocol',
};

export function failureOfNetError(error: NetError): FailureKind {
  return NET_FAILURES[error.kind];
}

/** A status with its standard reason phrase, for messages: "HTTP 503 Service Unavailable". */
export function describeStatus(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}
