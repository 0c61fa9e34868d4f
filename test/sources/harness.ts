/**
 * A polling world for tests: the loopback feed server (test/helpers/feed-server.ts) on a fake
 * clock, a store in a temporary file, the sources added, and a Poller that reaches the server
 * only through the server's own DNS. `reopen` closes and reopens the store, as a restart would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleSink } from '../../src/sources/articles.ts';
import type { HttpRequest } from '../../src/net/http.ts';
import { Poller, type CycleReport, type PollerOptions } from '../../src/sources/poll.ts';
import type { SourceStore } from '../../src/sources/store.ts';
import type { Source } from '../../src/sources/types.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';
import type { Store } from '../../src/store/store.ts';
import { fakeClock, FeedServer, itemText, type FakeClock, type SourceSpec } from '../helpers/feed-server.ts';
import { toArticle } from '../../src/ingest/article.ts';
import { readHtml } from '../../src/ingest/html.ts';
import { httpRequest } from '../../src/net/http.ts';

export interface World {
  readonly clock: FakeClock;
  readonly server: FeedServer;
  readonly path: string;
  store: Store;
  /** The store's sources concern. */
  readonly sources: SourceStore;
  /** Every URL the poller asked the HTTP client for. */
  readonly requested: string[];
  /** Source id by simulated source name. */
  readonly ids: Map<string, string>;
  poller(options?: Partial<PollerOptions>): Poller;
  /** One cycle over the due sources, with the given options. */
  cycle(options?: Partial<PollerOptions>): Promise<CycleReport>;
  source(name: string): Promise<Source>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Loads what the first article costs (language profiles, cleaning rules, the HTML reader) before
 * the clock starts: the server shares this process, and a first load of a few hundred
 * milliseconds would otherwise time out the requests in flight alongside it.
 */
function warmUp(): void {
  const page = `<html><body><article>${itemText('warm-up', 0).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  toArticle(readHtml(page, { origin: 'warm-up.html' }), new Date(0).toISOString());
}

export interface WorldOptions extends Partial<PollerOptions> {
  /**
   * A request timeout per URL, over the poller's. The server shares the test's process, so a
   * normal answer can wait behind the poller's own CPU work: normal hosts get a generous timeout,
   * hosts that never answer a short one, and the suite stays fast.
   */
  readonly timeoutFor?: (url: string) => number | undefined;
}

export async function world(specs: readonly SourceSpec[], defaults: WorldOptions = {}): Promise<World> {
  warmUp();
  const clock = fakeClock();
  const server = await FeedServer.start(clock, specs);
  const path = join(mkdtempSync(join(tmpdir(), 'kronika-poll-')), 'test.db');
  const requested: string[] = [];
  const ids = new Map<string, string>();
  const store = await openSqliteStore(path);
  const w: World = {
    clock,
    server,
    path,
    store,
    get sources() {
      return w.store.sources;
    },
    requested,
    ids,
    poller(options = {}) {
      return new Poller({
        sources: w.sources,
        articles: articleSink(w.store),
        now: clock.now,
        random: () => 0.5,
        lookup: server.lookup,
        timeoutMs: 2000,
        request: (request: HttpRequest) => {
          requested.push(request.url);
          const timeoutMs = defaults.timeoutFor?.(request.url);
          return httpRequest(timeoutMs === undefined ? request : { ...request, timeoutMs });
        },
        ...defaults,
        ...options,
      });
    },
    cycle(options) {
      return w.poller(options).pollDue();
    },
    async source(name) {
      return (await w.sources.get(ids.get(name)!))!;
    },
    async reopen() {
      await w.store.close();
      w.store = await openSqliteStore(path);
    },
    async close() {
      await w.store.close();
      await server.close();
    },
  };
  for (const spec of specs) {
    const source = await w.sources.add({ feedUrl: server.feedUrl(spec.name), allowPrivate: true, addedAt: new Date(clock.now()).toISOString() });
    ids.set(spec.name, source.id);
  }
  return w;
}
