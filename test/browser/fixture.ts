/**
 * What the browser tests and the screenshot script share: the app over a temp SQLite store with
 * the seed articles ingested (analysed, indexed, clustered), served on 127.0.0.1, and Chromium
 * launched headless through playwright-core (two followed feeds are recorded for the sources page): Debian's when present, else the one inside the npm
 * package @sparticuz/chromium (test/browser/chromium.ts). Browsers are never downloaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import { ingestInputs } from '../../src/app/ingest.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { CHROMIUM_ARGS, chooseChromium } from './chromium.ts';

const SEEDS = join(import.meta.dirname, '../../samples/kim-putin-2023');

export interface Site {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-browser-'));
  const path = join(dir, 'kronika.db');
  const store = await openStore(path);
  let server: RunningServer | undefined;
  try {
    await ingestInputs(store, [SEEDS]);
    await followSources(store);
    server = await startServer(createApp({ store, log: () => {} }), { port: 0, host: '127.0.0.1' });
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const running = server;
  return {
    url: running.url,
    store,
    close: async () => {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Two followed feeds for the sources page: one healthy, one failing with a server's message, so
 * its table is tried with real cells (no network: the states are written as a poller would).
 */
async function followSources(store: Store): Promise<void> {
  const { sources } = store;
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const healthy = await sources.add({ feedUrl: 'https://www.przyklad-dziennik.pl/rss/swiat.xml', title: 'Przykładowy Dziennik — Świat', language: 'pl', addedAt: at(-600) });
  const failing = await sources.add({ feedUrl: 'https://bardzo-dluga-nazwa-serwisu-informacyjnego.example/kanaly/wiadomosci/najnowsze.xml', addedAt: at(-600) });
  await sources.recordPoll({
    sourceId: healthy.id, items: [],
    state: { ...healthy.state, lastCheckAt: at(-5), lastSuccessAt: at(-5), lastStatus: 304, nextCheckAt: at(25) },
    log: { at: at(-5), status: 304, outcome: 'not-modified', newArticles: 0, durationMs: 40 },
  });
  await sources.recordPoll({
    sourceId: failing.id, items: [],
    state: { ...failing.state, lastCheckAt: at(-20), lastStatus: 503, consecutiveErrors: 4, failureScore: 4, lastErrorKind: 'server', lastErrorAt: at(-20), lastError: 'HTTP 503 Service Unavailable from bardzo-dluga-nazwa-serwisu-informacyjnego.example', nextCheckAt: at(100) },
    log: { at: at(-20), status: 503, outcome: 'failed', newArticles: 0, error: 'HTTP 503', durationMs: 900 },
  });
}

export async function launchChromium(): Promise<Browser> {
  const choice = chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, env: { ...process.env, ...choice.env }, args: [...CHROMIUM_ARGS] });
}
