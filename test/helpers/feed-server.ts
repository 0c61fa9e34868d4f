/**
 * A loopback web server that plays many news sources changing over time, for the source
 * monitoring tests and bench/poll.ts. Each simulated source publishes an item every
 * `publishEveryMs` of a FAKE clock and serves an RSS feed of its latest items, with the HTTP
 * behaviour its `behaviour` names (validators and 304s, 429 with Retry-After, 500s, timeouts,
 * trickled bytes, redirects, gzip, malformed XML, GUIDs that change on every fetch…).
 *
 * Sources have their own host names (`<name>.test`), all served by one server on 127.0.0.1:
 * `lookup` maps exactly those names to 127.0.0.1 and refuses every other one, so a test can
 * assert that no request ever went anywhere else. The server records every request (with the
 * fake time it arrived at) and counts connections.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export type Behaviour =
  | 'etag'             // ETag + Last-Modified; 304 on a matching conditional request
  | 'last-modified'    // Last-Modified only
  | 'no-validators'    // 200 with the same bytes while nothing changes
  | 'max-age'          // like etag, plus Cache-Control: max-age=7200
  | 'rate-limited'     // 429 Retry-After: 3600 on every request
  | 'unavailable-date' // 503 with Retry-After as an HTTP date 2 hours ahead
  | 'down'             // 500 on every request
  | 'flaky'            // 500 on every other request
  | 'gone'             // 410
  | 'timeout'          // accepts the request and never answers
  | 'trickle'          // answers 200 and sends one byte every 50 ms
  | 'redirect'         // 301 to /moved/feed.xml, which behaves like etag
  | 'gzip'             // like etag, body gzip-encoded
  | 'malformed'        // a truncated feed, status 200
  | 'changing-guids'   // like no-validators, but every fetch gives the items new GUIDs
  | 'summary-only'     // items carry a teaser; their page is on the same host
  | 'revised'          // like etag; item 0's text is corrected once the clock passes `reviseAt`
  | 'external-links';  // summary-only items linking to a host outside the test network

export interface SourceSpec {
  /** Host label: the source is served at http://<name>.test:<port>/feed.xml. */
  readonly name: string;
  readonly behaviour: Behaviour;
  /** Fake-clock interval between items. */
  readonly publishEveryMs: number;
  /** Items already published when the clock starts. */
  readonly backlog?: number;
  /** Items the feed lists (newest first). Default 5. */
  readonly window?: number;
  /** For 'revised': the fake time from which item 0 reads differently. */
  readonly reviseAt?: number;
  /** robots.txt body for this host. */
  readonly robots?: string;
  /** The home page links no feed (discovery must try the usual paths). */
  readonly bareHome?: boolean;
}

export interface RecordedRequest {
  readonly host: string;
  readonly path: string;
  readonly at: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly status: number;
}

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.parse('2026-03-02T06:00:00Z')): FakeClock {
  let now = start;
  return { now: () => now, advance: (ms) => { now += ms; } };
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Sentences of the bundled sample articles: real Polish text to build distinct items from. */
const SENTENCES: readonly string[] = (() => {
  const dir = join(ROOT, 'samples/kim-putin-2023');
  return readdirSync(dir).sort().flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.split(' ').length >= 6 && !/^Fot\./.test(s));
})();

function seeded(seed: string): () => number {
  let x = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

/** Distinct article text for item `k` of a source: five sample sentences and a numbered lead. */
export function itemText(source: string, k: number, revised = false): string[] {
  const random = seeded(`${source}/${k}`);
  const picked = Array.from({ length: 5 }, () => SENTENCES[Math.floor(random() * SENTENCES.length)]!);
  const lead = `Serwis ${source} donosi w wiadomości numer ${k + 1}, że sprawa nabiera tempa.`;
  return revised ? [lead, 'Sprostowanie: w pierwszej wersji tekstu podaliśmy błędną datę spotkania.', ...picked] : [lead, ...picked];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface SimulatedSource extends SourceSpec {
  readonly host: string;
  fetches: number;
}

export class FeedServer {
  readonly port: number;
  readonly requests: RecordedRequest[] = [];
  /** Host names `lookup` was asked for, in order, known or not. */
  readonly lookups: string[] = [];
  connections = 0;
  readonly #server: Server;
  readonly #clock: FakeClock;
  readonly #start: number;
  readonly #sources = new Map<string, SimulatedSource>();
  readonly #sockets = new Set<Socket>();

  private constructor(server: Server, clock: FakeClock, specs: readonly SourceSpec[]) {
    this.#server = server;
    this.#clock = clock;
    this.#start = clock.now();
    this.port = (server.address() as AddressInfo).port;
    for (const spec of specs) this.#sources.set(`${spec.name}.test`, { ...spec, host: `${spec.name}.test`, fetches: 0 });
    server.on('connection', (socket) => {
      this.connections++;
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (req, res) => this.#handle(req, res));
  }

  static async start(clock: FakeClock, specs: readonly SourceSpec[]): Promise<FeedServer> {
    const server = createServer({ keepAlive: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FeedServer(server, clock, specs);
  }

  /** The feed URL of a simulated source. */
  feedUrl(name: string): string {
    return `http://${name}.test:${this.port}/feed.xml`;
  }

  /** DNS for the test network: the sources' names → 127.0.0.1, anything else does not resolve. */
  readonly lookup = async (hostname: string): Promise<readonly string[]> => {
    this.lookups.push(hostname);
    if (this.#sources.has(hostname.toLowerCase())) return ['127.0.0.1'];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };

  /** Items source `name` has published by now: index k at start + (k - backlog + 1) × interval. */
  published(name: string): number {
    const source = this.#sources.get(`${name}.test`)!;
    const elapsed = this.#clock.now() - this.#start;
    return (source.backlog ?? 1) + Math.max(0, Math.floor(elapsed / source.publishEveryMs));
  }

  /** Requests for one source's host. */
  requestsFor(name: string): RecordedRequest[] {
    return this.requests.filter((r) => r.host === `${name}.test`);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #itemTime(source: SimulatedSource, k: number): number {
    return this.#start + (k - (source.backlog ?? 1) + 1) * source.publishEveryMs;
  }

  #feed(source: SimulatedSource, base: string): { body: string; newest: number } {
    const count = this.published(source.name);
    const window = source.window ?? 5;
    const items: string[] = [];
    for (let k = count - 1; k >= Math.max(0, count - window); k--) {
      const revised = source.behaviour === 'revised' && k === 0 && source.reviseAt !== undefined && this.#clock.now() >= source.reviseAt;
      const paragraphs = itemText(source.name, k, revised);
      const guid = source.behaviour === 'changing-guids' ? `${base}/items/${k}?fetch=${source.fetches}` : `${base}/items/${k}`;
      const teaser = source.behaviour === 'summary-only' || source.behaviour === 'external-links';
      const link = source.behaviour === 'external-links' ? `http://news.external.example/${source.name}/${k}` : `${base}/articles/${k}`;
      const body = teaser
        ? `<description>${escapeXml(paragraphs[0]!)}</description>`
        : `<description>${escapeXml(paragraphs[0]!)}</description><content:encoded><![CDATA[${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')}]]></content:encoded>`;
      items.push(`<item><title>Wiadomość ${k + 1} (${source.name})</title><link>${link}</link>` +
        `<guid isPermaLink="false">${guid}</guid><pubDate>${new Date(this.#itemTime(source, k)).toUTCString()}</pubDate>${body}</item>`);
    }
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Serwis ${source.name}</title>` +
      `<link>${base}/</link><language>pl</language>\n${items.join('\n')}\n</channel></rss>\n`;
    return { body, newest: this.#itemTime(source, count - 1) };
  }

  #page(source: SimulatedSource, k: number): string {
    const paragraphs = itemText(source.name, k);
    return `<!doctype html><html lang="pl"><head><title>Wiadomość ${k + 1}</title>` +
      `<meta property="og:site_name" content="Serwis ${source.name}"></head><body><nav><a href="/">Start</a></nav>` +
      `<article><h1>Wiadomość ${k + 1}</h1>${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')}</article></body></html>`;
  }

  /**
   * The source a request is for: by host name (`<name>.test`), or, for clients that cannot use
   * the test DNS (the CLI in a child process), by the first path segment on 127.0.0.1.
   */
  #route(req: IncomingMessage): { host: string; path: string; base: string; source?: SimulatedSource } {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    const named = /^\/([a-z0-9-]+)(\/.*)$/.exec(path);
    if (host === '127.0.0.1' && named && this.#sources.has(`${named[1]}.test`)) {
      const source = this.#sources.get(`${named[1]}.test`)!;
      return { host: source.host, path: named[2]!, base: `http://127.0.0.1:${this.port}/${named[1]}`, source };
    }
    return { host, path, base: `http://${host}:${this.port}`, source: this.#sources.get(host) };
  }

  /** A source's feed URL on 127.0.0.1, for clients without the test DNS. */
  literalFeedUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/${name}/feed.xml`;
  }

  /** A source's home page on 127.0.0.1: it links its feed (and a second one) as alternates. */
  literalSiteUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/${name}/`;
  }

  #home(source: SimulatedSource, base: string): string {
    const links = source.bareHome ? '' :
      `<link rel="alternate" type="application/json" title="JSON" href="${base}/feed.json">` +
      `<link rel="alternate" type="application/rss+xml" title="Najnowsze" href="${base}/feed.xml">` +
      `<link rel="alternate" type="application/atom+xml" title="Komentarze" href="${base}/comments.xml">`;
    return `<!doctype html><html lang="pl"><head><title>Serwis ${source.name} — strona główna</title>` +
      `<meta property="og:site_name" content="Portal ${source.name}">${links}` +
      `</head><body><h1>Serwis ${source.name}</h1></body></html>`;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const { host, path, base, source } = this.#route(req);
    const record = (status: number) => this.requests.push({ host, path, at: this.#clock.now(), headers: { ...req.headers }, status });
    const send = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      record(status);
      res.writeHead(status, headers).end(body);
    };
    if (!source) return send(404, { 'content-type': 'text/plain' }, 'no such host');
    if (path === '/robots.txt') {
      return source.robots ? send(200, { 'content-type': 'text/plain' }, source.robots) : send(404, { 'content-type': 'text/plain' }, 'none');
    }
    if (path === '/') return send(200, { 'content-type': 'text/html; charset=utf-8' }, this.#home(source, base));
    const article = /^\/articles\/(\d+)$/.exec(path);
    if (article) return send(200, { 'content-type': 'text/html; charset=utf-8' }, this.#page(source, Number(article[1])));
    const feedPath = source.behaviour === 'redirect' ? '/moved/feed.xml' : '/feed.xml';
    if (source.behaviour === 'redirect' && path === '/feed.xml') return send(301, { location: `${base}${feedPath}` });
    if (path !== feedPath) return send(404, { 'content-type': 'text/plain' }, 'not found');
    source.fetches++;
    this.#answerFeed(source, base, req, send, record, res);
  }

  #answerFeed(
    source: SimulatedSource,
    base: string,
    req: IncomingMessage,
    send: (status: number, headers: Record<string, string>, body?: string | Buffer) => void,
    record: (status: number) => void,
    res: ServerResponse,
  ): void {
    const now = this.#clock.now();
    const date = new Date(now).toUTCString();
    switch (source.behaviour) {
      case 'rate-limited':
        return send(429, { 'retry-after': '3600', date });
      case 'unavailable-date':
        return send(503, { 'retry-after': new Date(now + 2 * 3600_000).toUTCString(), date });
      case 'down':
        return send(500, { 'content-type': 'text/plain', date }, 'internal error');
      case 'gone':
        return send(410, { 'content-type': 'text/plain', date }, 'gone');
      case 'flaky':
        if (source.fetches % 2 === 1) return send(500, { 'content-type': 'text/plain', date }, 'internal error');
        break;
      case 'timeout':
        record(0);
        return;
      case 'trickle': {
        record(200);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const { body } = this.#feed(source, base);
        let i = 0;
        const timer = setInterval(() => {
          if (res.destroyed || i >= body.length) {
            clearInterval(timer);
            if (!res.destroyed) res.end();
            return;
          }
          res.write(body[i++]);
        }, 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'malformed':
        return send(200, { 'content-type': 'application/rss+xml', date }, this.#feed(source, base).body.slice(0, 300));
      default:
        break;
    }
    const { body, newest } = this.#feed(source, base);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = new Date(newest).toUTCString();
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8', date };
    const validators = !['no-validators', 'changing-guids', 'last-modified'].includes(source.behaviour);
    if (validators) headers.etag = etag;
    if (validators || source.behaviour === 'last-modified') headers['last-modified'] = lastModified;
    if (source.behaviour === 'max-age') headers['cache-control'] = 'max-age=7200';
    const matches = validators && req.headers['if-none-match'] === etag
      || !validators && source.behaviour === 'last-modified' && req.headers['if-modified-since'] === lastModified;
    if (matches) return send(304, headers);
    if (source.behaviour === 'gzip') return send(200, { ...headers, 'content-encoding': 'gzip' }, gzipSync(body));
    send(200, headers, body);
  }
}
