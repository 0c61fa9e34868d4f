/**
 * What the browser tests and the screenshot script share: the app over a temp SQLite store with
 * the seed articles ingested (analysed, indexed, clustered), served on 127.0.0.1, and the
 * Debian chromium launched headless through playwright-core. Browsers are never downloaded:
 * without /usr/bin/chromium this throws, so the tests fail with the reason (CI installs it).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import { ingestInputs } from '../../src/app/ingest.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

export const CHROMIUM = '/usr/bin/chromium';
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
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium); .ci/run does this in CI`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
