/**
 * The network edge of ingest: fetch one http(s) URL through the one outbound client
 * (src/net/http.ts: address checks on every hop, size cap, one timeout) and turn its failures
 * and HTTP error statuses into IngestErrors naming the URL asked for.
 */
import { STATUS_CODES } from 'node:http';
import { httpRequest, NetError, USER_AGENT, type HttpRequest } from '../net/http.ts';
import { IngestError } from './errors.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_REDIRECTS } from './limits.ts';

export { USER_AGENT };

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5';

/** How a URL is fetched; the address policy fields are those of src/net/http.ts. */
export interface FetchOptions extends Pick<HttpRequest, 'allowPrivate' | 'allowAddresses' | 'lookup' | 'signal'> {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
}

export interface FetchedResource {
  /** The URL after redirects. */
  readonly url: string;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

/** Throws unless the URL is http(s): file:, ftp:, data: and the rest are refused. */
export function assertFetchable(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IngestError(url, 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new IngestError(url, `refusing ${parsed.protocol} URL: only http and https are fetched`);
  }
  return parsed;
}

/**
 * Fetches a URL's bytes. Throws IngestError (naming the URL asked for) on a refused scheme or
 * address, timeout, redirect loop or excess, HTTP error status, or oversize body.
 * @example const { bytes, contentType } = await fetchResource('https://example.pl/rss.xml')
 */
export async function fetchResource(url: string, options: FetchOptions = {}): Promise<FetchedResource> {
  assertFetchable(url);
  let response;
  try {
    response = await httpRequest({
      url,
      headers: { accept: ACCEPT },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
      ...(options.allowPrivate !== undefined && { allowPrivate: options.allowPrivate }),
      ...(options.allowAddresses && { allowAddresses: options.allowAddresses }),
      ...(options.lookup && { lookup: options.lookup }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof NetError) throw new IngestError(url, error.message);
    throw error;
  }
  if (response.status >= 400) throw new IngestError(url, `HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim());
  if (response.status >= 300) throw new IngestError(url, `HTTP ${response.status} without a usable Location`);
  const contentType = response.headers.get('content-type') ?? undefined;
  return { url: response.url, bytes: response.bytes, ...(contentType && { contentType }) };
}
