/**
 * Advisory lock keys of the PostgreSQL engine (two-int form: Kronika's class, then the purpose).
 * Advisory locks belong to one database, so stores in different databases never meet.
 */

/** 'KRO' as an int4: the class every Kronika advisory lock uses. */
export const LOCK_CLASS = 0x4b524f;

export const LOCKS = Object.freeze({
  /** Held while migrations run, so two processes opening a fresh database apply each once. */
  migrate: 1,
  /** Held from taking an article `seq` until commit (articles.ts says why). */
  articleSeq: 2,
  /** Held by a transaction that writes stories: the story state has one writer at a time. */
  stories: 3,
  /** Held while a process installs the job queue's schema and creates Kronika's queues (src/queue). */
  queueSetup: 4,
  /** Held by a transaction merging search segments (src/store/postgres/search-postings.ts). */
  searchMerge: 5,
  /** The cluster lease of a long-running worker (src/worker/lease.ts); plus the partition number. */
  clusterLease: 1000,
});
