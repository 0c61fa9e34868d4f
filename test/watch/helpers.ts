/** A temp SQLite store with the seed articles ingested, and a local webhook receiver. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStages } from '../../src/app/stages.ts';
import { ingestBatch } from '../../src/ingest/batch.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

export const SEEDS = join(import.meta.dirname, '../../samples/kim-putin-2023');

export interface TempDb {
  readonly path: string;
  readonly open: () => Promise<Store>;
  readonly dispose: () => void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-watch-'));
  const path = join(dir, 'kronika.db');
  return {
    path,
    open: () => openStore(path),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Ingests the seeds as the CLI does, up to the alert stage (stored, analysed, indexed, clustered),
 * so each test runs the watches itself; returns the new ids.
 */
export async function ingestSeeds(store: Store, now: Date): Promise<readonly string[]> {
  const result = await ingestBatch(store, [SEEDS], { now: () => now });
  await runStages(store, { stages: ['analyse', 'index', 'cluster'] });
  return result.articleIds;
}

export interface Receiver {
  readonly url: string;
  /** Parsed JSON bodies of every request, in order of arrival (also the refused ones). */
  readonly requests: unknown[];
  close(): Promise<void>;
}

/**
 * A webhook on 127.0.0.1 answering each request with the next status of `statuses` (the last
 * one repeats), after `delayMs` (a slow receiver lets concurrent runs overlap).
 */
export async function startReceiver(statuses: readonly number[], port = 0, delayMs = 0): Promise<Receiver> {
  const requests: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push(JSON.parse(body));
      res.statusCode = statuses[Math.min(requests.length - 1, statuses.length - 1)]!;
      setTimeout(() => res.end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hook`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL nothing listens on: a port taken and released again at once. */
export async function deadUrl(): Promise<string> {
  const receiver = await startReceiver([200]);
  const url = receiver.url;
  await receiver.close();
  return url;
}
