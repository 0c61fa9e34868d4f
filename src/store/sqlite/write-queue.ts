/**
 * How the SQLite engine gives an honest async surface over a synchronous driver: all writes of a
 * process go through one connection, one transaction at a time (an async queue), and a writer
 * blocked by another process waits asynchronously — the event loop keeps answering readers —
 * until the other transaction ends or the busy limit passes ("writers queue rather than fail").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { StoreBusyError } from '../store.ts';

/**
 * Default for how long a writer waits for other writers before giving up. The longest legitimate
 * holder is the cluster stage on a big store (seconds per batch, src/app/stages.ts), so five
 * minutes only runs out if another process hangs with the database locked.
 */
export const DEFAULT_BUSY_LIMIT_MS = 5 * 60_000;

/** First and longest pause between two tries to take the write lock. */
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 100;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();
  readonly #inTransaction = new AsyncLocalStorage<true>();

  constructor(
    private readonly db: Database.Database,
    private readonly location: string,
    private readonly busyLimitMs: number,
  ) {}

  /** True inside `transaction`'s work (where writes must go through the tx handle). */
  get insideTransaction(): boolean {
    return this.#inTransaction.getStore() === true;
  }

  /**
   * Runs `work` in one IMMEDIATE transaction, after every earlier write of this process, once
   * other processes let go of the database. Commits when `work` resolves, rolls back when it throws.
   */
  transaction<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.insideTransaction) {
      return Promise.reject(new Error('a store write inside store.transaction: use its tx handle (the store itself would wait for the transaction to end)'));
    }
    const run = this.#tail.then(async () => {
      await this.#begin();
      try {
        const result = await this.#inTransaction.run(true, () => Promise.resolve(work()));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.#tail = run.catch(() => {});
    return run;
  }

  /** Resolves once every queued write has finished. */
  drain(): Promise<void> {
    return this.#tail.then(() => {});
  }

  /** BEGIN IMMEDIATE takes the write lock up front, so no transaction fails halfway on a lock upgrade. */
  async #begin(): Promise<void> {
    const started = Date.now();
    let pause = FIRST_PAUSE_MS;
    for (;;) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        const waited = Date.now() - started;
        if (waited >= this.busyLimitMs) throw new StoreBusyError(this.location, waited);
        await sleep(pause);
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      }
    }
  }
}
