/**
 * Serving the app over HTTP on Node (@hono/node-server): listen, report the bound port (port 0
 * picks a free one, as tests and the bench do), and close cleanly.
 */
import type { AddressInfo } from 'node:net';
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
 * Starts listening; resolves once the port is bound.
 * @example const server = await startServer(createApp({ store, search }), { port: 0 }); await fetch(`${server.url}/health`)
 */
export function startServer(app: Hono, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info: AddressInfo) => {
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
  });
}
