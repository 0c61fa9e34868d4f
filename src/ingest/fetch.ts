/**
 * The network edge of ingest: fetch one http(s) URL politely and defensively. Redirects are
 * followed by hand (so each hop is checked for scheme and loops), the body is streamed and cut
 * at the size cap, and one timeout covers the whole exchange.
 */
import { IngestError } from './errors.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_REDIRECTS, describeBytes } from './limits.ts';

/** Honest and identifiable, so site owners can see who reads them (RFC 9110 §10.1.5). */
export const USER_AGENT = 'Kronika/0.1 (+self-hosted news engine)';

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5';

export interface FetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** For tests; defaults to the global fetch. */
  readonly fetchImpl?: typeof fetch;
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

async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new IngestError(url, `response is ${describeBytes(declared)}, over the ${describeBytes(maxBytes)} limit`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new IngestError(url, `response is over the ${describeBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Fetches a URL's bytes. Throws IngestError (naming the URL asked for) on a refused scheme,
 * timeout, redirect loop or excess, HTTP error status, or oversize body.
 * @example const { bytes, contentType } = await fetchResource('https://example.pl/rss.xml')
 */
export async function fetchResource(url: string, options: FetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const fetchImpl = options.fetchImpl ?? fetch;
  let current = assertFetchable(url).href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen = new Set<string>();
  try {
    for (let hops = 0; ; hops++) {
      seen.add(current);
      const response = await fetchImpl(current, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, current).href;
        if (seen.has(next)) throw new IngestError(url, `redirect loop (${current} → ${next})`);
        if (hops + 1 > maxRedirects) throw new IngestError(url, `too many redirects (more than ${maxRedirects})`);
        current = assertFetchable(next).href;
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        const reason = response.statusText ? ` ${response.statusText}` : '';
        throw new IngestError(url, `HTTP ${response.status}${reason}`);
      }
      const bytes = await readCapped(response, url, maxBytes);
      const contentType = response.headers.get('content-type') ?? undefined;
      return { url: current, bytes, ...(contentType && { contentType }) };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (controller.signal.aborted) throw new IngestError(url, `timed out after ${timeoutMs / 1000} s`);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new IngestError(url, `fetch failed${cause || (error instanceof Error ? `: ${error.message}` : '')}`);
  } finally {
    clearTimeout(timer);
  }
}
