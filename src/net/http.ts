/**
 * The one outbound HTTP client: URL ingest, feeds, linked pages and webhooks all go through
 * `httpRequest`. Per request:
 *   1. only http(s) URLs; the host is resolved and every address checked (src/net/resolve.ts),
 *      loopback, private, link-local, CGNAT, multicast, ULA, unspecified and reserved ranges
 *      refused in any spelling unless `allowPrivate`;
 *   2. the socket connects to the checked address (no second DNS answer), Host and TLS SNI stay
 *      the name;
 *   3. redirects are followed by hand, each hop checked again from step 1, at most maxRedirects;
 *   4. the body is decoded (gzip, deflate, br) under a cap on its decoded size (src/net/body.ts);
 *   5. one timeout covers all of it. Any status is returned (304 and 404 alike): callers decide.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { classifyAddress } from './address.ts';
import { ACCEPT_ENCODING, readBody } from './body.ts';
import { NetError } from './errors.ts';
import { bareHost, pinnedLookup, resolveTarget, systemLookup, type Lookup } from './resolve.ts';

export { NetError, type NetErrorKind } from './errors.ts';
export { describeBytes } from './body.ts';
export type { Lookup } from './resolve.ts';

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'HEAD' | 'POST';
  /** Passed through, e.g. If-None-Match / If-Modified-Since, Content-Type, Accept. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** The whole request, every hop and the body included. Default 15 s. */
  readonly timeoutMs?: number;
  /** Cap on the decoded body. Default 10 MB. */
  readonly maxBytes?: number;
  /** Default 5; every hop is checked again. */
  readonly maxRedirects?: number;
  /** Allow internal addresses. Default: KRONIKA_ALLOW_PRIVATE=1 in the environment (set by --allow-private). */
  readonly allowPrivate?: boolean;
  /**
   * Internal addresses allowed without `allowPrivate`, e.g. the one intranet server a source lives
   * on. Matched against the resolved address in its plain form ('10.0.0.5', 'fd00::5').
   */
  readonly allowAddresses?: readonly string[];
  /** DNS, injectable for tests. Default: the system resolver. */
  readonly lookup?: Lookup;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  /** 304 etc. are returned, not thrown. */
  readonly status: number;
  /** The final URL after redirects. */
  readonly url: string;
  readonly headers: Headers;
  /** Decoded (gzip/deflate/br), at most maxBytes. */
  readonly bytes: Uint8Array;
  /** Each URL redirected to, in order; empty without redirects. */
  readonly redirects: readonly string[];
}

/** Real article pages are under 2 MB even with inline scripts; 10 MB leaves room for big feeds. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers the client sets itself; a caller's value would contradict the request actually sent. */
const OWN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'accept-encoding']);
/** Credentials that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0';
  } catch {
    return '0';
  }
}

/**
 * "Kronika/<version> (+<contact>)": honest and identifiable, so site owners can see who reads
 * them and reach the operator (RFC 9110 §10.1.5). The contact is an http(s) or mailto URL.
 * @example userAgent('https://newsroom.example/bot') // → 'Kronika/0.1.0 (+https://newsroom.example/bot)'
 */
export function userAgent(contact: string | undefined): string {
  let shown: string | undefined;
  try {
    const url = contact ? new URL(contact.trim()) : undefined;
    if (url && /^(https?|mailto):$/.test(url.protocol)) shown = url.href;
  } catch {
    // Not a URL: left out rather than sent as a header a server may choke on.
  }
  return `Kronika/${packageVersion()} (+${shown ?? 'self-hosted news engine; set KRONIKA_CONTACT_URL'})`;
}

export const USER_AGENT = userAgent(process.env.KRONIKA_CONTACT_URL);

/** The opt-in for internal addresses from the environment: KRONIKA_ALLOW_PRIVATE=1 (or true/yes). */
export function allowPrivateFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.KRONIKA_ALLOW_PRIVATE?.trim() ?? '');
}

/**
 * An http(s) URL, or NetError 'bad-url' naming `requested`.
 * @example httpUrl('file:///etc/passwd', 'file:///etc/passwd') // throws: refusing file: URL
 */
export function httpUrl(location: string, requested: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new NetError('bad-url', requested, `not a valid URL${base ? ` in redirect: ${JSON.stringify(location.slice(0, 200))}` : ''}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetError('bad-url', requested, `refusing ${url.protocol} URL${base ? ' in redirect' : ''}: only http and https are fetched`);
  }
  return url;
}

function requestHeaders(headers: HttpRequest['headers']): Record<string, string> {
  const out: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (!OWN_HEADERS.has(key)) out[key] = value;
  }
  out['accept-encoding'] = ACCEPT_ENCODING;
  return out;
}

function responseHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header value the Fetch standard forbids is dropped, not fatal.
    }
  }
  return headers;
}

interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** Sends one request to the checked addresses; resolves with the response head. */
function send(hop: Hop, addresses: Parameters<typeof pinnedLookup>[0], signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = bareHost(hop.url);
  const transport = hop.url.protocol === 'https:' ? https : http;
  const length = hop.body === undefined ? undefined : typeof hop.body === 'string' ? Buffer.byteLength(hop.body) : hop.body.byteLength;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      protocol: hop.url.protocol,
      // An IP literal is connected to as checked; a name goes through the pinned lookup.
      host: isIP(host) ? addresses[0]!.address : host,
      port: hop.url.port || undefined,
      path: hop.url.pathname + hop.url.search,
      method: hop.method,
      headers: { ...hop.headers, host: hop.url.host, ...(length !== undefined && { 'content-length': String(length) }) },
      ...(hop.url.username && { auth: `${decodeURIComponent(hop.url.username)}:${decodeURIComponent(hop.url.password)}` }),
      lookup: pinnedLookup(addresses),
      ...(hop.url.protocol === 'https:' && !isIP(host) && { servername: host }),
      // No pooled sockets: a socket opened under one request's address policy is never reused by another.
      agent: false,
      signal,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end(hop.body);
  });
}

const CONNECT_CODES = /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|EPIPE|ETIMEDOUT|EPROTO|CERT_|ERR_TLS_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_SSL_)/;

/** Any failure as a NetError naming the URL asked for. */
function toNetError(error: unknown, requested: string, timedOut: boolean, timeoutMs: number): NetError {
  if (error instanceof NetError) return error;
  if (timedOut) return new NetError('timeout', requested, `timed out after ${timeoutMs / 1000} s`);
  const name = (error as { name?: string }).name;
  if (name === 'AbortError') return new NetError('timeout', requested, 'request aborted');
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (/^HPE_|ERR_INVALID_HTTP|ERR_HTTP/.test(code)) return new NetError('protocol', requested, `malformed HTTP response: ${message}`);
  if (CONNECT_CODES.test(code) || code === '') return new NetError('connect', requested, `connection failed: ${message}`);
  return new NetError('connect', requested, `connection failed: ${code} ${message}`.trim());
}

/**
 * Sends one request, following redirects, and reads the decoded body. Throws NetError.
 * @example const { status, bytes } = await httpRequest({ url: 'https://example.pl/rss.xml', headers: { 'if-none-match': etag } })
 */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowPrivate = request.allowPrivate ?? allowPrivateFromEnv();
  const lookup = request.lookup ?? systemLookup;
  const allowAddresses = new Set((request.allowAddresses ?? []).map((a) => classifyAddress(a).address));
  const requested = request.url;

  const first = httpUrl(requested, requested);
  let timedOut = false;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
  });
  aborted.catch(() => {});

  let hop: Hop = {
    url: first,
    method: request.method ?? 'GET',
    headers: requestHeaders(request.headers),
    ...(request.body !== undefined && { body: request.body }),
  };
  const redirects: string[] = [];
  const seen = new Set([hop.url.href]);
  try {
    if (request.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    for (;;) {
      const addresses = await Promise.race([resolveTarget(hop.url, { allowPrivate, allowAddresses, lookup, requested, redirected: redirects.length > 0 }), aborted]);
      const response = await Promise.race([send(hop, addresses, controller.signal), aborted]);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        const next = httpUrl(location, requested, hop.url.href);
        if (seen.has(next.href)) throw new NetError('too-many-redirects', requested, `redirect loop (${hop.url.href} → ${next.href})`);
        if (redirects.length >= maxRedirects) throw new NetError('too-many-redirects', requested, `too many redirects (more than ${maxRedirects})`);
        seen.add(next.href);
        redirects.push(next.href);
        hop = redirectedHop(hop, next, response.statusCode!);
        continue;
      }
      const bytes = hop.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304
        ? (response.resume(), new Uint8Array(0))
        : await Promise.race([readBody(response, { maxBytes, requested }), aborted]);
      return { status: response.statusCode ?? 0, url: hop.url.href, headers: responseHeaders(response.rawHeaders), bytes, redirects };
    }
  } catch (error) {
    throw toNetError(error, requested, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * The next hop: 303 (and 301/302 after a POST, as browsers do) turn into a body-less GET;
 * credentials are dropped when the origin changes.
 */
function redirectedHop(hop: Hop, next: URL, status: number): Hop {
  const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  const headers = { ...hop.headers };
  if (toGet) delete headers['content-type'];
  if (next.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  return {
    url: next,
    method: toGet ? 'GET' : hop.method,
    headers,
    ...(!toGet && hop.body !== undefined && { body: hop.body }),
  };
}
