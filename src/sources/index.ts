/**
 * Source monitoring: the feeds Kronika follows and polls politely.
 *
 *   subscribe.ts   add a feed, a site (its feed found by discover.ts) or an OPML list
 *   poll.ts        one polling cycle: conditional GET → new items → articles → next state
 *   schedule.ts    pure: (state, outcome, now) → next state (rate-adapted interval, back-off, disabling)
 *   failures.ts    failure kinds and their weights;  http-cache.ts  freshness and Retry-After
 *   items.ts       item identity and triage;  pages.ts  linked pages;  robots.ts  robots.txt
 *   store.ts       the persistence contract (src/store/sqlite/source-store.ts implements it)
 */
export { articleSink, type ArticleSink } from './articles.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST, Poller, type CycleReport, type PollerOptions, type SourcePollReport } from './poll.ts';
export { DEFAULT_POLICY, advance, type SchedulePolicy } from './schedule.ts';
export { DuplicateSourceError, type SourceChange, type SourceStore } from './store.ts';
export { follow, followOpml, followUrl, type FollowOptions, type FollowResult } from './subscribe.ts';
export { writeOpml } from './opml.ts';
export { outletOf } from './outlet.ts';
export type { Source, SourceState, FailureKind, PollLogEntry } from './types.ts';
