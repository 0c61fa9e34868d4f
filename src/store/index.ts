/**
 * Opening a store: the location picks the engine (src/store/store.ts says what every engine
 * offers). A file path is SQLite, the zero-setup default; a PostgreSQL URL is the PostgreSQL
 * engine (src/store/postgres/); anything else that looks like a URL is refused in one line rather
 * than turned into a file or a folder named after it.
 */
import { LOOKS_LIKE_URL } from './path.ts';
import { openSqliteStore } from './sqlite/index.ts';
import { StoreLocationError, type OpenStoreOptions, type Store } from './store.ts';

export * from './store.ts';
export { resolveStoreLocation, DEFAULT_DB_FILE, DEFAULT_DB_PATH } from './path.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** A location as it may be shown: a URL's password replaced by ***. */
export function displayLocation(location: string): string {
  if (!LOOKS_LIKE_URL.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location;
  }
}

/**
 * Opens the store at `location` (see resolveStoreLocation for where it comes from).
 * @example const store = await openStore(resolveStoreLocation(flags.db)); try { … } finally { await store.close() }
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(location)) {
    // Loaded only for PostgreSQL: the driver is not part of an SQLite command's start.
    const { openPostgresStore } = await import('./postgres/index.ts');
    return openPostgresStore(location, options, displayLocation(location));
  }
  if (LOOKS_LIKE_URL.test(location)) {
    const scheme = location.slice(0, location.indexOf(':'));
    throw new StoreLocationError(displayLocation(location),
      `unsupported store URL scheme "${scheme}:": give a file path (SQLite) or a postgres:// URL`);
  }
  return openSqliteStore(location, options);
}
