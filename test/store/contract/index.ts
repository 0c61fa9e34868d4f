/**
 * The behaviour every store engine must show, concern by concern (as hono's routers share one
 * behaviour suite and kysely runs every test per dialect): an engine's folder under test/store/
 * calls `runStoreContract` with a way to make a fresh database, and nothing else. Narrow the
 * engines with KRONIKA_STORES (`KRONIKA_STORES=sqlite npm test`).
 */
import { describe } from 'node:test';
import { analysesContract } from './analyses.ts';
import { articlesContract } from './articles.ts';
import { cursorsContract } from './cursors.ts';
import type { StoreUnderTest } from './harness.ts';
import { searchContract } from './search.ts';
import { sourcesContract } from './sources.ts';
import { storiesContract } from './stories.ts';
import { transactionsContract } from './transactions.ts';
import { watchesContract } from './watches.ts';

export type { ContractDatabase, StoreUnderTest } from './harness.ts';

/** Engines named in KRONIKA_STORES (comma-separated), or every engine when it is unset or empty. */
export function engineWanted(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const wanted = (env.KRONIKA_STORES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return wanted.length === 0 || wanted.includes(name);
}

/**
 * Registers the whole contract for one engine; skipped (with the reason shown) when
 * KRONIKA_STORES leaves the engine out.
 * @example runStoreContract({ name: 'sqlite', open: async () => sqliteDatabase() })
 */
export function runStoreContract(engine: StoreUnderTest): void {
  const skip = engineWanted(engine.name) ? false : `KRONIKA_STORES=${process.env.KRONIKA_STORES} leaves out ${engine.name}`;
  describe(`store contract: ${engine.name}`, { skip }, () => {
    articlesContract(engine);
    analysesContract(engine);
    storiesContract(engine);
    watchesContract(engine);
    searchContract(engine);
    cursorsContract(engine);
    sourcesContract(engine);
    transactionsContract(engine);
  });
}
