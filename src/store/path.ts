/**
 * Where the database lives when nobody says: the `--db` flag, else $KRONIKA_DB, else
 * `./kronika.db` in the current directory.
 *
 * The current directory (not ~/.local/share or similar) because Kronika is used per project:
 * a monitor for one client and a test corpus should not share a store by accident, and a file
 * next to the work is easy to find, back up and delete. Set KRONIKA_DB once to pin one store.
 */
import { resolve } from 'node:path';

export const DEFAULT_DB_FILE = 'kronika.db';

/** The default path, resolved against the current directory at call time. */
export const DEFAULT_DB_PATH = `./${DEFAULT_DB_FILE}`;

/**
 * Absolute database path from the flag, the environment, or the default, in that order.
 * Empty strings count as unset so `KRONIKA_DB= kronika …` falls back to the default.
 * @example resolveDbPath('data/news.db') // → '/home/me/project/data/news.db'
 */
export function resolveDbPath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.KRONIKA_DB || DEFAULT_DB_PATH;
  // SQLite's name for a private in-memory database, handy in tests; not a file.
  return chosen === ':memory:' ? chosen : resolve(chosen);
}
