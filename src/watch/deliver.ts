/**
 * Webhook delivery: POST the alert as JSON through the one outbound client (src/net/http.ts),
 * so a webhook cannot reach loopback, private or metadata addresses unless the operator opted
 * in, and redirects are not followed (a receiver answers where it was registered). Failures
 * (network errors, timeouts, 5xx, 429) are retried with exponential back-off. A 4xx other than
 * 408/429 is the receiver refusing this body, and a refused address is refused again: both fail
 * at once. The outcome is returned, never thrown, so the caller can record it and keep the
 * alert pending.
 */
import { STATUS_CODES } from 'node:http';
import { httpRequest, NetError, type HttpRequest } from '../net/http.ts';
import type { DeliveryOutcome } from '../store/store.ts';
import type { Alert } from './alert.ts';

export interface RetryOptions {
  /** Tries in all (first attempt included). */
  readonly attempts: number;
  /** Wait before the second try; doubled before each further one. */
  readonly backoffMs: number;
  /** Per-try limit on the whole request. */
  readonly timeoutMs: number;
}

/**
 * 3 tries, waiting 0.5 s then 1 s: rides out a receiver restart or a dropped connection within
 * a couple of seconds without stalling an ingest for long when the receiver is down (issue 8).
 * 10 s per try is generous for a JSON POST; a slower receiver is treated as down.
 */
export const DEFAULT_RETRY: RetryOptions = Object.freeze({ attempts: 3, backoffMs: 500, timeoutMs: 10_000 });

/** The address policy for webhooks (default: KRONIKA_ALLOW_PRIVATE, src/net/http.ts). */
export type WebhookNet = Pick<HttpRequest, 'allowPrivate' | 'allowAddresses' | 'lookup'>;

/** A receiver's answer is not used (its status is all a delivery needs); a big one is still fine. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** Failures a retry cannot change: the address or URL is refused, the receiver redirects. */
const FINAL: ReadonlySet<NetError['kind']> = new Set(['blocked-address', 'bad-url', 'too-many-redirects']);

/** Statuses worth retrying: the receiver may answer differently in a moment. */
function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delivers one alert to a webhook.
 * @example await postAlert('http://127.0.0.1:9000/hook', alert) // → { status: 'delivered' }
 */
export async function postAlert(
  url: string,
  alert: Alert,
  retry: RetryOptions = DEFAULT_RETRY,
  net: WebhookNet = {},
): Promise<DeliveryOutcome> {
  let error = 'not attempted';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await sleep(retry.backoffMs * 2 ** (attempt - 2));
    try {
      const response = await httpRequest({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alert),
        timeoutMs: retry.timeoutMs,
        maxRedirects: 0,
        maxBytes: MAX_ANSWER_BYTES,
        ...net,
      });
      if (response.status >= 200 && response.status < 300) return { status: 'delivered' };
      error = `HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim();
      if (!retryable(response.status)) return { status: 'failed', error, attempts: attempt };
    } catch (caught) {
      if (!(caught instanceof NetError)) throw caught;
      error = caught.kind === 'timeout' ? 'timed out' : caught.message;
      if (FINAL.has(caught.kind)) return { status: 'failed', error, attempts: attempt };
    }
  }
  return { status: 'failed', error, attempts: retry.attempts };
}
