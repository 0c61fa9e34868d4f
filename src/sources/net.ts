/**
 * TEMPORARY stand-in for src/net/http.ts, the one outbound HTTP client (being written alongside):
 * the same names and shapes, so the switch is this file becoming `export * from '../net/http.ts'`.
 * It resolves every host through `lookup` (IP literals too) and connects to the address it got,
 * follows redirects by hand, decodes gzip/deflate/br under a size cap and returns every status.
 * It does NOT judge addresses: refusing internal ones is src/net/http.ts's job alone, so
 * `allowPrivate` is accepted and passed along but not enforced here.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type Lookup = (hostname: string) => Promise<readonly string[]>;

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'HEAD' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly allowPrivate?: boolean;
  readonly lookup?: Lookup;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly url: string;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly redirects: readonly string[];
}

export type NetErrorKind =
  | 'blocked-address' | 'dns' | 'connect' | 'timeout' | 'too-large' | 'too-many-redirects' | 'bad-url' | 'protocol';

export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(readonly kind: NetErrorKind, readonly url: string, message: string) {
    super(message);
  }
}

export const USER_AGENT = `Kronika/0.1.0 (+${process.env.KRONIKA_CONTACT_URL?.trim() || 'self-hosted news engine; set KRONIKA_CONTACT_URL'})`;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const systemLookup: Lookup = async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address);

function httpUrl(location: string, requested: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new NetError('bad-url', requested, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetError('bad-url', requested, `refusing ${url.protocol} URL: only http and https are fetched`);
  }
  return url;
}

async function resolve(url: URL, lookup: Lookup, requested: string): Promise<string> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  try {
    const addresses = await lookup(host);
    if (addresses[0]) return addresses[0];
  } catch {
    // Reported below.
  }
  throw new NetError('dns', requested, `cannot resolve ${host}`);
}

function send(url: URL, address: string, method: string, headers: Record<string, string>, signal: AbortSignal): Promise<http.IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolveResponse, reject) => {
    const request = transport.request({
      host: address,
      port: url.port || undefined,
      path: url.pathname + url.search,
      method,
      headers: { ...headers, host: url.host },
      ...(url.protocol === 'https:' && { servername: url.hostname }),
      agent: false,
      signal,
    });
    request.once('response', resolveResponse);
    request.once('error', reject);
    request.end();
  });
}

async function readBody(response: http.IncomingMessage, maxBytes: number, requested: string): Promise<Uint8Array> {
  const coding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = coding === 'gzip' || coding === 'x-gzip' ? zlib.createGunzip()
    : coding === 'deflate' ? zlib.createInflate()
    : coding === 'br' ? zlib.createBrotliDecompress()
    : undefined;
  const stream: Readable = decoder ? response.pipe(decoder) : response;
  if (decoder) response.once('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).byteLength;
      if (total > maxBytes) throw new NetError('too-large', requested, `response is over the ${maxBytes} byte limit`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    decoder?.destroy();
    if (error instanceof NetError) throw error;
    if (decoder && /^Z_|ERR_BROTLI|ERR__?ZLIB/.test((error as { code?: string }).code ?? '')) {
      throw new NetError('protocol', requested, `broken ${coding} body`);
    }
    throw error;
  }
  return Buffer.concat(chunks, total);
}

function toNetError(error: unknown, requested: string, timedOut: boolean, timeoutMs: number): NetError {
  if (error instanceof NetError) return error;
  if (timedOut) return new NetError('timeout', requested, `timed out after ${timeoutMs / 1000} s`);
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (/^HPE_|ERR_INVALID_HTTP|ERR_HTTP/.test(code)) return new NetError('protocol', requested, `malformed HTTP response: ${message}`);
  return new NetError('connect', requested, `connection failed: ${message}`);
}

/** Sends one request, following redirects, and reads the decoded body. Throws NetError. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  const maxBytes = request.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = request.maxRedirects ?? 5;
  const lookup = request.lookup ?? systemLookup;
  const requested = request.url;
  const method = request.method ?? 'GET';
  const headers = { 'user-agent': USER_AGENT, accept: '*/*', ...request.headers, 'accept-encoding': 'gzip, deflate, br' };
  let timedOut = false;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
  });
  aborted.catch(() => {});
  request.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let url = httpUrl(requested, requested);
  const redirects: string[] = [];
  try {
    for (;;) {
      const address = await Promise.race([resolve(url, lookup, requested), aborted]);
      const response = await Promise.race([send(url, address, method, headers, controller.signal), aborted]);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        const next = httpUrl(location, requested, url.href);
        if (next.href === url.href || redirects.includes(next.href) || redirects.length >= maxRedirects) {
          throw new NetError('too-many-redirects', requested, `too many redirects (more than ${maxRedirects}) or a loop`);
        }
        redirects.push(next.href);
        url = next;
        continue;
      }
      const bytes = method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304
        ? (response.resume(), new Uint8Array(0))
        : await Promise.race([readBody(response, maxBytes, requested), aborted]);
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) responseHeaders.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
      return { status: response.statusCode ?? 0, url: url.href, headers: responseHeaders, bytes, redirects };
    }
  } catch (error) {
    throw toNetError(error, requested, timedOut, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
