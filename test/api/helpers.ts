/** An app over an in-memory store holding the five seeds, analysed, indexed and clustered by the stages. */
import { createApp, type AppOptions } from '../../src/api/app.ts';
import { runStages } from '../../src/app/stages.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { seedArticles } from '../search/helpers.ts';

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  close(): Promise<void>;
}

export async function seededApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const store = options.store ?? await openStore(':memory:');
  await store.articles.save(seedArticles());
  await runStages(store);
  const app = createApp({ log: () => {}, now: () => new Date('2026-01-02T00:00:00Z'), ...options, store });
  return { app, store, close: () => store.close() };
}

export async function getJson(app: TestApp['app'], path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path}: response is not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, headers: res.headers };
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
