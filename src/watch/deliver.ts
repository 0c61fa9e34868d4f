/**
 * Webhook delivery: POST the alert as JSON, retrying failures (network errors, timeouts, 5xx,
 * 429) with exponential back-off. A 4xx other than 408/429 is the receiver refusing this body,
 * which a retry would not change, so it fails at once. The outcome is returned, never thrown,
 * so the caller can record it and keep the alert pending.
 */
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

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

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
  fetchImpl: Fetch = fetch,
): Promise<DeliveryOutcome> {
  let error = 'not attempted';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    if (attempt > 1) await sleep(retry.backoffMs * 2 ** (attempt - 2));
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'kronika-watch' },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(retry.timeoutMs),
        redirect: 'error',
      });
      await response.body?.cancel();
      if (response.ok) return { status: 'delivered' };
      error = `HTTP ${response.status} ${response.statusText}`.trim();
      if (!retryable(response.status)) return { status: 'failed', error, attempts: attempt };
    } catch (caught) {
      error = describe(caught);
    }
  }
  return { status: 'failed', error, attempts: retry.attempts };
}

/** A one-line reason: fetch hides the socket error in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
