/**
 * Where the store lives when nobody says: the `--db` flag, else $KRONIKA_DB, else `./kronika.db`
 * in the current directory. A file path means SQLite; a URL (postgres://…) is handed to
 * openStore untouched (src/store/index.ts), never turned into a local path.
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
 * `scheme://` at the start: a URL, not a path. (A Windows drive, `C:\\…`, has no slashes after the
 * colon; `file.db` and `./data/k.db` have no scheme.)
 */
export const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The store location from the flag, the environment, or the default, in that order: an absolute
 * file path, `:memory:`, or a URL as given. Empty strings count as unset so `KRONIKA_DB= kronika …`
 * falls back to the default.
 * @example resolveStoreLocation('data/news.db') // → '/home/me/project/data/news.db'
 * @example resolveStoreLocation('postgres://db.example/kronika') // → 'postgres://db.example/kronika'
 */
export function resolveStoreLocation(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.KRONIKA_DB || DEFAULT_DB_PATH;
  // SQLite's name for a private in-memory database, handy in tests; not a file.
  if (chosen === ':memory:' || LOOKS_LIKE_URL.test(chosen)) return chosen;
  return resolve(chosen);
}
