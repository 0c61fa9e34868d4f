/**
 * Serving the app over HTTP on Node (@hono/node-server): listen, report the bound port (port 0
 * picks a free one, as tests and the bench do), and close cleanly. Requests Node's parser
 * rejects before the app sees them (headers over the limit, bytes that are not HTTP) get the
 * API's JSON error shape (src/api/errors.ts) too, not Node's bare status line.
 */
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  readonly port: number;
  readonly host: string;
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly port?: number;
  /** Loopback by default: exposing the API is an explicit choice (`--host 0.0.0.0`). */
  readonly host?: string;
}

/**
 * Request line plus headers. Node's 16 KB default answers a long search URL with a bare 431;
 * 128 KB lets such a request reach the app, whose validation explains the limit in JSON.
 */
export const MAX_HEADER_BYTES = 128 * 1024;

/** Answers a request Node could not parse, in the API's JSON error shape, and closes. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'header_too_large', message: `request line and headers are over ${MAX_HEADER_BYTES / 1024} KB` }
      : { code: 'bad_request', message: status === 408 ? 'request timed out' : 'malformed HTTP request' },
  });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * Starts listening; resolves once the port is bound.
 * @example const server = await startServer(createApp({ store, search }), { port: 0 }); await fetch(`${server.url}/health`)
 */
export function startServer(app: Hono, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } }, (info: AddressInfo) => {
      server.off('error', onError);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        port: info.port,
        host,
        url: `http://${shownHost}:${info.port}`,
        close: () => new Promise<void>((done, fail) => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          server.close((error) => (error ? fail(error) : done()));
        }),
      });
    });
    server.on('error', onError);
    server.on('clientError', answerClientError);
  });
}
