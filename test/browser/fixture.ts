/**
 * What the browser tests and the screenshot script share: the app over a temp SQLite store with
 * the seed articles ingested (analysed, indexed, clustered), served on 127.0.0.1, and Chromium
 * launched headless through playwright-core: Debian's when present, else the one inside the npm
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

export async function launchChromium(): Promise<Browser> {
  const choice = chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, env: { ...process.env, ...choice.env }, args: [...CHROMIUM_ARGS] });
}
