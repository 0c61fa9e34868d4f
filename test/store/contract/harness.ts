/** What the contract suite needs from an engine, and the helpers every concern's suite shares. */
import type { Store } from '../../../src/store/store.ts';

/** One fresh, empty database of an engine. */
export interface ContractDatabase {
  /** Opens a store over this database; again after `close()`, it must see the same data. */
  connect(): Promise<Store>;
  /** Deletes the database (after every store on it is closed). */
  drop(): Promise<void>;
}

export interface StoreUnderTest {
  /** The engine's name, as KRONIKA_STORES spells it: 'sqlite', 'postgres'. */
  readonly name: string;
  open(): Promise<ContractDatabase>;
}

/**
 * Runs `body` on a store over a fresh database, closes whatever it opened and drops the database.
 * `connect` opens another store over the same data (a second process, or a reopen).
 */
export async function withStore(
  engine: StoreUnderTest,
  body: (store: Store, connect: () => Promise<Store>) => Promise<void>,
): Promise<void> {
  const db = await engine.open();
  const opened: Store[] = [];
  const connect = async () => {
    const store = await db.connect();
    opened.push(store);
    return store;
  };
  try {
    await body(await connect(), connect);
  } finally {
    for (const store of opened) await store.close().catch(() => {});
    await db.drop();
  }
}
