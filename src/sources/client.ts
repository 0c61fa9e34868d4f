/**
 * How source monitoring reaches the network: always through the one HTTP client (net.ts), with
 * the knobs a caller may set once (timeout, size cap, a DNS stand-in for tests) and the ones a
 * source sets per request (allowPrivate, conditional headers).
 */
import { httpRequest, type HttpRequest, type HttpResponse, type Lookup } from '../net/http.ts';

export interface ClientOptions {
  /** The HTTP client; tests and benchmarks may wrap it. Default: httpRequest. */
  readonly request?: (request: HttpRequest) => Promise<HttpResponse>;
  /** DNS; tests map their host names to 127.0.0.1 here. Default: the system resolver. */
  readonly lookup?: Lookup;
  /** Per request. Default 15 s (the client's default). */
  readonly timeoutMs?: number;
  /** Decoded body cap. Default 10 MB (the client's default). */
  readonly maxBytes?: number;
}

export interface GetOptions {
  /** The source may reach internal addresses; false leaves it to the client's default (KRONIKA_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean;
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxBytes?: number;
}

/**
 * GET `url` with the caller's client settings and the source's own.
 * @example const response = await get({}, 'https://example.pl/rss', { allowPrivate: false })
 */
export function get(client: ClientOptions, url: string, options: GetOptions): Promise<HttpResponse> {
  const request = client.request ?? httpRequest;
  const maxBytes = options.maxBytes ?? client.maxBytes;
  return request({
    url,
    ...(options.allowPrivate && { allowPrivate: true }),
    ...(options.headers && { headers: options.headers }),
    ...(client.lookup && { lookup: client.lookup }),
    ...(client.timeoutMs !== undefined && { timeoutMs: client.timeoutMs }),
    ...(maxBytes !== undefined && { maxBytes }),
  });
}
