/**
 * Bringing the stories up to date for a command. Apart from context.ts, which every command
 * loads, because it pulls in the story engine and the analysis behind it: `articles`, `stats`
 * or `--version` never need them (program.ts loads only the module of the command being run).
 */
import { syncStories, type StoriesSync } from '../app/stories.ts';
import type { Store } from '../store/store.ts';

/** Brings the stories up to date with the store, and says on stderr when saved stories had to be rebuilt. */
export function syncStoriesOf(store: Store): StoriesSync {
  const sync = syncStories(store);
  if (sync.recovered) process.stderr.write(`kronika: warning: ${sync.recovered}\n`);
  return sync;
}
