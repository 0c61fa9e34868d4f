/** Loopback HTTP servers for the net and security tests, counting every TCP connection they get. */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TestServer {
  readonly base: string;
  readonly port: number;
  /** TCP connections accepted so far: an SSRF test asserts this stays 0. */
  readonly connections: () => number;
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a server on `host` (127.0.0.1 unless told), port 0. */
export async function startServer(handler: RequestListener, host = '127.0.0.1'): Promise<TestServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const requests: IncomingMessage[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req);
    handler(req, res);
  });
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${host}:${port}`,
    port,
    connections: () => connections,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A server holding a "secret" page: what an SSRF would steal. */
export function startSecretServer(host = '127.0.0.1'): Promise<TestServer> {
  return startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>SECRET internal admin page</p></body></html>'), host);
}
