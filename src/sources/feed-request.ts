/**
 * One conditional GET of a source's feed, classified: a feed to read, "not modified" (a 304, or
 * the very bytes of last time from a server that ignores validators), or a failure of a kind
 * the scheduler weighs. Never throws for anything the source or network did.
 */
import { createHash } from 'node:crypto';
import { decodeBytes } from '../ingest/charset.ts';
import { IngestError } from '../ingest/errors.ts';
import { readFeed, type Feed } from '../ingest/feed.ts';
import { get, type ClientOptions } from './client.ts';
import { describeStatus, failureOfNetError, failureOfStatus } from './failures.ts';
import type { HostLimiter } from './host-limit.ts';
import { conditionalHeaders, freshnessMs, retryAfterMs } from './http-cache.ts';
import { NetError } from '../net/http.ts';
import type { FailureKind, Source } from './types.ts';

/** Feeds first; a server that only has HTML still answers (and the parse failure says so). */
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

interface Hints {
  readonly status: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly freshForMs?: number;
  readonly retryAfterMs?: number;
}

export type FeedAnswer =
  | (Hints & { readonly kind: 'fetched'; readonly feed: Feed; readonly url: string; readonly bodyHash: string })
  | (Hints & { readonly kind: 'not-modified' })
  | { readonly kind: 'failed'; readonly failure: FailureKind; readonly message: string; readonly status?: number; readonly retryAfterMs?: number };

export interface FeedRequestDeps {
  readonly client: ClientOptions;
  readonly limiter: HostLimiter;
  readonly now: () => number;
}

/**
 * Asks for a source's feed with its validators.
 * @example const answer = await requestFeed(source, { client: {}, limiter, now: Date.now })
 */
export async function requestFeed(source: Source, deps: FeedRequestDeps): Promise<FeedAnswer> {
  const url = source.feedUrl;
  let response;
  try {
    response = await deps.limiter.run(url, () => get(deps.client, url, {
      allowPrivate: source.allowPrivate,
      headers: { accept: FEED_ACCEPT, ...conditionalHeaders(source.state) },
    }));
  } catch (error) {
    if (error instanceof NetError) return { kind: 'failed', failure: failureOfNetError(error), message: error.message };
    throw error;
  }
  const now = deps.now();
  const { headers, status } = response;
  const retry = retryAfterMs(headers, now);
  const fresh = freshnessMs(headers, now);
  const hints: Hints = {
    status,
    ...(headers.get('etag') && { etag: headers.get('etag')! }),
    ...(headers.get('last-modified') && { lastModified: headers.get('last-modified')! }),
    ...(fresh !== undefined && { freshForMs: fresh }),
    ...(retry !== undefined && { retryAfterMs: retry }),
  };
  if (status === 304) return { kind: 'not-modified', ...hints };
  const failure = failureOfStatus(status, retry !== undefined);
  if (failure) return { kind: 'failed', failure, message: describeStatus(status), status, ...(retry !== undefined && { retryAfterMs: retry }) };
  const bodyHash = createHash('sha256').update(response.bytes).digest('hex').slice(0, 32);
  if (bodyHash === source.state.bodyHash) return { kind: 'not-modified', ...hints };
  try {
    const { text } = decodeBytes(response.bytes, { origin: url, contentType: headers.get('content-type') ?? undefined });
    return { kind: 'fetched', ...hints, feed: readFeed(text, response.url), url: response.url, bodyHash };
  } catch (error) {
    if (error instanceof IngestError) return { kind: 'failed', failure: 'parse', message: error.message, status };
    throw error;
  }
}
