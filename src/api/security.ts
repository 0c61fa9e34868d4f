/**
 * Who may use the API, checked before any route runs:
 *   1. Host: only names the server is configured to answer to (loopback names, plus
 *      --public-host / KRONIKA_HOSTS), so a page that rebinds its own DNS name to 127.0.0.1
 *      cannot drive the API from a user's browser. A write's Origin, when sent, must be one too.
 *   2. Token: `Authorization: Bearer <token>` (or HTTP Basic with the token as password, which
 *      browsers prompt for). Writes (POST/PUT/PATCH/DELETE) need it when the server listens
 *      beyond loopback; saving a watch with a webhook always needs it (the server will POST to
 *      that address); reads need it beyond loopback unless opened on purpose (`publicReads`).
 * The token is KRONIKA_TOKEN or one generated at first start and kept beside the database
 * (`resolveApiToken`). Secrets are never listed back: webhook URLs show their origin only.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { basename, isAbsolute, normalize } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { classifyAddress } from '../net/address.ts';
import { ApiError } from './errors.ts';

export interface SecurityOptions {
  /** Host names (or IP addresses) the server answers to, besides the loopback names. */
  readonly publicHosts?: readonly string[];
  /** The address the server listens on; anything but loopback makes it "exposed". */
  readonly listenHost: string;
  /** The API token; without one, nothing that needs a token can be done. */
  readonly token?: string;
  /** Reads without a token even when exposed: a public read-only instance. */
  readonly publicReads?: boolean;
}

/** Names every loopback server answers to. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Health checks carry no data and come from load balancers without credentials. */
const OPEN_PATHS = new Set(['/health']);

/** True when `host` (an address to listen on) reaches only this machine. */
export function isLoopbackListen(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare.toLowerCase() === 'localhost') return true;
  return isIP(bare) !== 0 && classifyAddress(bare).blocked === 'loopback';
}

/** "Example.com.", "[::1]:8080", "kronika.example:443" → "example.com", "::1", "kronika.example". */
function normaliseHost(value: string): string {
  const trimmed = value.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed);
  const bareIpv6 = !bracketed && trimmed.indexOf(':') !== trimmed.lastIndexOf(':');
  const host = bracketed ? bracketed[1]! : bareIpv6 ? trimmed : trimmed.replace(/:\d+$/, '');
  return host.replace(/\.$/, '');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The token a request presents: Bearer, or the password of HTTP Basic. */
function presentedToken(c: Context): string | undefined {
  const header = c.req.header('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

/** Whether a write's JSON body asks for a webhook (only POST /api/watches saves one). */
async function savesWebhook(c: Context): Promise<boolean> {
  if (c.req.method !== 'POST' || !/^\/api\/watches\/?$/.test(c.req.path)) return false;
  try {
    const body = JSON.parse(await c.req.text()) as { webhook?: unknown };
    return body !== null && typeof body === 'object' && body.webhook !== undefined && body.webhook !== null;
  } catch {
    return false; // not JSON: the route answers 400 and saves nothing
  }
}

/**
 * The middleware; install it after the body limit (it may read a watch's body) and before
 * the routes.
 * @example app.use('*', apiSecurity({ listenHost: '0.0.0.0', publicHosts: ['kronika.example'], token }))
 */
export function apiSecurity(options: SecurityOptions): MiddlewareHandler {
  const hosts = new Set([...LOOPBACK_HOSTS, ...(options.publicHosts ?? [])].map(normaliseHost));
  const exposed = !isLoopbackListen(options.listenHost);
  const expected = options.token ? digest(options.token) : undefined;
  const authorised = (c: Context) => {
    const token = presentedToken(c);
    return expected !== undefined && token !== undefined && timingSafeEqual(digest(token), expected);
  };
  const challenge = (c: Context, why: string): never => {
    // Browsers prompt for HTTP Basic; API clients read the Bearer scheme.
    c.header('WWW-Authenticate', 'Bearer realm="kronika", Basic realm="kronika"', { append: true });
    throw new ApiError('unauthorized', options.token ? why : `${why}, and this server has no token configured (set KRONIKA_TOKEN)`);
  };

  return async function security(c, next) {
    const host = normaliseHost(c.req.header('host') ?? new URL(c.req.url).host);
    if (!hosts.has(host)) {
      throw new ApiError('forbidden', `host "${host}" is not served here (add it with --public-host or KRONIKA_HOSTS)`);
    }
    const write = WRITES.has(c.req.method);
    const origin = c.req.header('origin');
    // A browser names the page a request comes from; a page on another site may not write here.
    if (write && origin !== undefined && !(URL.canParse(origin) && hosts.has(normaliseHost(new URL(origin).host)))) {
      throw new ApiError('forbidden', 'cross-origin writes are refused');
    }
    if (OPEN_PATHS.has(c.req.path)) return next();
    if (write) {
      if (exposed && !authorised(c)) challenge(c, 'writes need the API token (Authorization: Bearer …)');
      if ((await savesWebhook(c)) && !authorised(c)) challenge(c, 'a watch with a webhook needs the API token (Authorization: Bearer …)');
    } else if (exposed && !options.publicReads && !authorised(c)) {
      challenge(c, 'this server needs the API token (Authorization: Bearer …); reads can be opened with --public-reads');
    }
    return next();
  };
}

/**
 * A webhook as it may be shown back: its origin only. Paths and queries of webhook URLs carry
 * their secrets (https://hooks.example/services/T0/B0/XXXX), and so does user:password@.
 * @example redactWebhook('https://user:pw@hooks.example/services/T0/B0/XXXX') // → 'https://hooks.example/…'
 */
export function redactWebhook(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}/…`;
  } catch {
    return '…';
  }
}

/**
 * An article's origin as the API and web pages show it: URLs and relative paths as they are, an
 * absolute or upward path as its file name, so the server's folder layout is not given away.
 * @example publicOrigin('/home/ola/news/pap/001.txt') // → '001.txt'
 */
export function publicOrigin(origin: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return origin;
  const windowsAbsolute = /^[a-z]:[\\/]|^\\\\/i.test(origin);
  const upward = normalize(origin).split(/[\\/]/)[0] === '..';
  return isAbsolute(origin) || windowsAbsolute || upward || origin.startsWith('~') ? basename(origin.replace(/\\/g, '/')) : origin;
}

/** Replaces every `origin` string in a JSON value by its public form (publicOrigin). */
function publicOrigins(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(publicOrigins);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = key === 'origin' && typeof field === 'string' ? publicOrigin(field) : publicOrigins(field);
  return out;
}

/**
 * Rewrites the `origin` of every record in JSON answers with publicOrigin: articles, search
 * hits, stories and reports all carry one, and no route should be able to forget it.
 */
export function hideServerPaths(): MiddlewareHandler {
  return async function hideServerPaths(c, next) {
    await next();
    if (!/^application\/json/i.test(c.res.headers.get('content-type') ?? '')) return;
    const text = await c.res.clone().text();
    if (!text.includes('"origin"')) return;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(JSON.stringify(publicOrigins(JSON.parse(text))), { status: c.res.status, headers });
  };
}

/**
 * The API token: KRONIKA_TOKEN, else the one kept in `<database>.token`, else a new one written
 * there (mode 0600). `created` is true when it was just generated, so the caller prints it once.
 * An in-memory database has no place to keep one: it gets a fresh token each start.
 */
export function resolveApiToken(dbPath: string, env: NodeJS.ProcessEnv = process.env): { token: string; created: boolean; path?: string } {
  const configured = env.KRONIKA_TOKEN?.trim();
  if (configured) return { token: configured, created: false };
  const fresh = () => randomBytes(32).toString('base64url');
  if (dbPath === ':memory:') return { token: fresh(), created: true };
  const path = `${dbPath}.token`;
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept) return { token: kept, created: false, path };
  }
  const token = fresh();
  writeFileSync(path, token + '\n', { mode: 0o600 });
  return { token, created: true, path };
}
