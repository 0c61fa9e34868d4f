/**
 * The loopback feed server of bench/poll.ts, in its own process so the benchmark's CPU figures
 * are the poller's alone. Serves `argv[2]` sources (test/helpers/feed-server.ts, ETag + 304),
 * prints `{"port":…}` once listening, and on a stdin line `advance <ms>` moves its fake clock
 * (new items appear) and answers `ok`.
 */
import { createInterface } from 'node:readline';
import { fakeClock, FeedServer } from '../test/helpers/feed-server.ts';

const count = Number(process.argv[2]);
const clock = fakeClock(Date.now());
const server = await FeedServer.start(clock, Array.from({ length: count }, (_, i) => ({
  name: `feed${i}`,
  behaviour: 'etag' as const,
  publishEveryMs: 3600_000,
  window: 3,
})));
process.stdout.write(JSON.stringify({ port: server.port }) + '\n');
for await (const line of createInterface({ input: process.stdin })) {
  const advance = /^advance (\d+)$/.exec(line.trim());
  if (advance) {
    clock.advance(Number(advance[1]));
    // The server keeps every request for tests; a benchmark only needs it not to grow forever.
    server.requests.length = 0;
    process.stdout.write('ok\n');
  }
}
await server.close();
