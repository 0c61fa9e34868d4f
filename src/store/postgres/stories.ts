/**
 * The stories concern on PostgreSQL, over the story tables (migrations/006-story-tables.ts) as
 * SQLite's is (src/store/sqlite/story-store.ts): readers query the committed rows
 * (story-readers.ts) and never load the engine; the cluster stage's `assign` writes what each
 * batch changed, as deltas, in the caller's transaction.
 *
 * The story engine reads rows in the middle of clustering an article and is synchronous;
 * node-postgres is not. So the engine runs in a thread of its own (story-thread.ts) and each of
 * its reads is a query this thread runs on the transaction's connection (story-backend.ts) while
 * the engine's thread waits for the answer: the engine reads only the rows a batch needs, as on
 * SQLite, and keeps them between batches (the lease holder, src/worker/lease.ts, writes batch
 * after batch with what it loaded). Loading every row into memory before each batch, or at the
 * first one, was measured and dropped: docs/BENCHMARKS.md ("pgstories").
 *
 * Writers take the stories advisory lock (one writer at a time, any number of processes) and
 * compare the stored meta token with the one they wrote last: another writer's commit, or a
 * rolled-back transaction of their own, makes their thread start from the stored rows again.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { STORY_STATE_VERSION } from '../story-version.ts';
import type { StoryLevel } from '../../stories/options.ts';
import type { Story } from '../../stories/story.ts';
import type { StoryAssignment, StoryCounts, StoryInput, StoryPage, StoryQuery, StoryStore } from '../store.ts';
import { LOCK_CLASS, LOCKS } from './locks.ts';
import { rowsOf, type Queryable, type Scope } from './scope.ts';
import { PostgresStoryBackend, type AsyncStoryBackend } from './story-backend.ts';
import { getStory, getStoryOfArticle, listStories, storyCounts, storyMembers, type Reader, type StoryWithMembers } from './story-readers.ts';
import { clearStoryTables, readMeta, STORY_TABLES, type StoredMeta } from './story-tables.ts';
import type { BackendReply, StoryCommand, StoryCommandResult, StoryWork } from './story-thread.ts';

/** The engine's thread module, compiled or not (src/ runs through tsx, dist/ as JavaScript: scripts/build.mjs). */
const THREAD = new URL(`./story-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * The engine's thread, one per process, started at the first story write; it keeps an engine per
 * open store. Commands run one at a time, in the order given (each store's stories lock already
 * lets one of its writes through at a time; stores of other databases wait their turn here).
 */
class StoryThread {
  #queue: Promise<unknown> = Promise.resolve();
  #worker: Worker | undefined;
  #port: MessagePort | undefined;
  #signal: Int32Array | undefined;
  /** Answers the engine's calls while a command runs. */
  #backend: AsyncStoryBackend | undefined;

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const options = { workerData: { port: port2, flag }, transferList: [port2] };
    // From src/, the thread registers tsx before loading the TypeScript (Node 20 does not apply a
    // parent's --import loader hooks to a worker's entry module).
    const worker = THREAD.pathname.endsWith('.ts')
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(THREAD.href)}); })`, { ...options, eval: true })
      : new Worker(THREAD, options);
    worker.unref();
    port1.on('message', (call: { method: keyof AsyncStoryBackend; args: unknown[] }) => void this.#answer(call));
    port1.unref();
    this.#worker = worker;
    this.#port = port1;
    this.#signal = new Int32Array(flag);
    return worker;
  }

  async #answer(call: { method: keyof AsyncStoryBackend; args: unknown[] }): Promise<void> {
    let reply: BackendReply;
    try {
      if (!this.#backend) throw new Error('no story command is running');
      const method = this.#backend[call.method] as (...args: unknown[]) => Promise<unknown>;
      reply = { value: await method.apply(this.#backend, call.args) };
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    this.#port!.postMessage(reply);
    Atomics.store(this.#signal!, 0, 1);
    Atomics.notify(this.#signal!, 0);
  }

  /** Runs a command on the engine's thread, its reads and writes on `backend`, after the commands before it. */
  run(command: StoryCommand, backend?: AsyncStoryBackend): Promise<{ added: number }> {
    const run = this.#queue.then(() => this.#run(command, backend));
    this.#queue = run.catch(() => {});
    return run;
  }

  #run(command: StoryCommand, backend: AsyncStoryBackend | undefined): Promise<{ added: number }> {
    const worker = this.#start();
    this.#backend = backend;
    return new Promise<{ added: number }>((resolve, reject) => {
      const done = (result: StoryCommandResult) => {
        worker.off('error', failed);
        this.#backend = undefined;
        if ('error' in result) reject(new Error(`stories: ${result.error}`));
        else resolve(result);
      };
      const failed = (error: Error) => {
        worker.off('message', done);
        this.#backend = undefined;
        this.#worker = undefined;
        reject(error);
      };
      worker.once('message', done);
      worker.once('error', failed);
      worker.ref();
      worker.postMessage(command);
    }).finally(() => worker.unref());
  }

}

const thread = new StoryThread();
let stores = 0;

/** A store's engine on the thread and the token of the state it last wrote; shared by the store's transaction handles. */
export class StoryRowsCache {
  /** Which engine of the thread is this store's. */
  readonly store = ++stores;
  /** The stored token the engine matches (undefined: start from the stored rows). */
  token: string | undefined;
  /** Whether this store ever ran a command on the thread. */
  started = false;

  run(command: StoryWork, backend: AsyncStoryBackend): Promise<{ added: number }> {
    this.started = true;
    return thread.run({ ...command, store: this.store }, backend);
  }

  /** Drops the store's engine from the thread. */
  async close(): Promise<void> {
    if (this.started) await thread.run({ op: 'forget', store: this.store });
  }
}

/** A connection inside a write as a reader. */
function reader(db: Queryable): Reader {
  return { rows: (text, values) => rowsOf(db, text, values) };
}

/** Contract field order (id, level, title, articleIds, …, a storyline's eventIds last), as SQLite's (`kronika migrate` compares checksums). */
function contractStory(story: StoryWithMembers | undefined): Story | undefined {
  if (!story) return undefined;
  const { id, level, title, articleIds, eventIds, ...rest } = story;
  return { id, level, ...(title !== undefined && { title }), articleIds, ...rest, ...(eventIds && { eventIds }) };
}

/** Why stored rows cannot be extended (another features version), or undefined. */
function staleState(meta: StoredMeta | undefined): string | undefined {
  if (!meta || meta.version === STORY_STATE_VERSION) return undefined;
  return meta.version < STORY_STATE_VERSION ? 'the saved stories were made by an older version' : 'the saved stories were made by a newer version';
}

export class PostgresStoryStore implements StoryStore {
  constructor(private readonly scope: Scope, private readonly cache: StoryRowsCache) {}

  /** Reads run on the scope: the pool outside a transaction, its connection inside one (seeing its writes). */
  get #db(): Reader {
    return this.scope;
  }

  async list(query: StoryQuery = {}): Promise<StoryPage> {
    const page = await listStories(this.#db, query);
    return { total: page.total, stories: page.stories.map((s) => contractStory(s)!) };
  }

  async get(idOrPrefix: string): Promise<Story | undefined> {
    return contractStory(await getStory(this.#db, idOrPrefix));
  }

  async ofArticle(articleId: string, level: StoryLevel = 'event'): Promise<Story | undefined> {
    return contractStory(await getStoryOfArticle(this.#db, articleId, level));
  }

  members(storyId: string): Promise<readonly string[] | undefined> {
    return storyMembers(this.#db, storyId);
  }

  counts(): Promise<StoryCounts> {
    return storyCounts(this.#db);
  }

  assign(inputs: readonly StoryInput[], options: { readonly consolidate?: boolean } = {}): Promise<StoryAssignment> {
    return this.#write(async (db, meta) => {
      // Rows made for other features cannot take new articles: clear them and say so; the
      // cluster stage then clusters every article again (src/app/stages.ts).
      const recovered = staleState(meta);
      if (recovered) {
        await clearStoryTables(db);
        this.cache.token = undefined;
        return { added: 0, events: 0, storylines: 0, recovered };
      }
      if (inputs.length === 0 && !options.consolidate) return { added: 0, ...await storyCounts(reader(db)) };
      const { added } = await this.#run(db, meta, { op: 'assign', inputs, consolidate: options.consolidate ?? false });
      return { added, ...await storyCounts(reader(db)) };
    });
  }

  consolidate(): Promise<StoryCounts> {
    return this.#write(async (db, meta) => {
      await this.#run(db, meta, { op: 'consolidate' });
      return storyCounts(reader(db));
    });
  }

  async clear(): Promise<void> {
    await this.#write(async (db) => {
      await clearStoryTables(db);
      this.cache.token = undefined;
    });
  }

  /** A command on the engine's thread, starting from the stored rows unless they are what it wrote last. */
  async #run(db: Queryable, meta: StoredMeta | undefined, command: { op: 'assign'; inputs: readonly StoryInput[]; consolidate: boolean } | { op: 'consolidate' }) {
    const fresh = this.cache.token === undefined || this.cache.token !== meta?.token;
    this.cache.token = undefined;
    const backend = new PostgresStoryBackend(db);
    const result = await this.cache.run({ ...command, fresh, version: STORY_STATE_VERSION }, backend);
    this.cache.token = backend.written;
    return result;
  }

  /**
   * A write under the stories lock, given the stored meta row. A failure makes the next write
   * start from the stored rows; so does a transaction rolled back later, which leaves a token
   * that is not the stored one.
   */
  async #write<T>(work: (db: Queryable, meta: StoredMeta | undefined) => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await this.scope.write(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, LOCKS.stories]);
        return work(db, await readMeta(db));
      });
    } catch (error) {
      this.cache.token = undefined;
      throw error;
    }
    // A write updates rows in place (document counts, a story's state, its centroid: new TOAST
    // values each time), so every write leaves dead rows behind; vacuumed after each commit, the
    // next write reuses their space (the 10,000-article store clustered 50 a write: story tables
    // 2,147 → 1,248 B an article; docs/BENCHMARKS.md, bytes, ninth round).
    this.scope.vacuum(STORY_TABLES);
    return result;
  }
}
