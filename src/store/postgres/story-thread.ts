/**
 * The story engine's thread (one worker thread per process, started by stories.ts at the first
 * story write, serving every store of the process). The engine is synchronous: it reads rows in the middle of clustering an article.
 * Here it runs over a backend whose every call is answered by the store's own thread on the
 * connection of the open transaction (story-backend.ts): the call is posted there and this thread
 * waits on a shared flag (Atomics.wait) until the answer is in its port. So the engine reads only
 * the rows it needs, sees what its transaction wrote, and writes deltas that commit or roll back
 * with the caller's transaction.
 *
 * The engine and the rows it loaded are kept between commands (a warm writer, as on SQLite:
 * src/store/sqlite/story-writer.ts); the store says when they no longer match what is stored
 * (`fresh`), and a failed command drops them.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { openStoryEngine, type PersistentStoryEngine, type StoryInput } from '../../stories/engine.ts';
import type { StoryBackend } from '../../stories/rows.ts';
import { STORY_BACKEND_METHODS } from './story-backend.ts';

/** What the store asks of this thread. */
export type StoryWork =
  | { readonly op: 'assign'; readonly inputs: readonly StoryInput[]; readonly consolidate: boolean; readonly fresh: boolean; readonly version: number }
  | { readonly op: 'consolidate'; readonly fresh: boolean; readonly version: number };

/** A command for one store's engine (`forget`: the store closed). */
export type StoryCommand = { readonly store: number } & (StoryWork | { readonly op: 'forget' });

export type StoryCommandResult = { readonly added: number } | { readonly error: string };

/** A backend call's answer, as the store's thread puts it in the port. */
export type BackendReply = { readonly value: unknown } | { readonly error: string };

interface ThreadData {
  readonly port: MessagePort;
  /** Int32 flag: 0 while a call is out, 1 once its answer is in the port. */
  readonly flag: SharedArrayBuffer;
}

if (parentPort) {
  const { port, flag } = workerData as ThreadData;
  const signal = new Int32Array(flag);
  const call = (method: string, args: unknown[]): unknown => {
    Atomics.store(signal, 0, 0);
    port.postMessage({ method, args });
    Atomics.wait(signal, 0, 0);
    const reply = receiveMessageOnPort(port)?.message as BackendReply | undefined;
    if (!reply) throw new Error('story backend: no answer from the store');
    if ('error' in reply) throw new Error(reply.error);
    return reply.value;
  };
  const backend = Object.fromEntries(STORY_BACKEND_METHODS.map((m) => [m, (...args: unknown[]) => call(m, args)])) as unknown as StoryBackend;
  // The engine writes what it has before every scan, often nothing: no round trip for that.
  const write = backend.write;
  backend.write = (delta) => {
    if (delta.meta || Object.values(delta).some((rows) => Array.isArray(rows) && rows.length > 0)) write(delta);
  };
  /** Each open store's engine (one thread serves every store of the process). */
  const engines = new Map<number, PersistentStoryEngine>();

  const run = (command: StoryCommand): { added: number } => {
    if (command.op === 'forget') {
      engines.delete(command.store);
      return { added: 0 };
    }
    let engine = engines.get(command.store);
    if (command.fresh || !engine) engines.set(command.store, (engine = openStoryEngine(backend, { version: command.version })));
    let added = 0;
    if (command.op === 'assign') {
      engine.prefetch(command.inputs);
      for (const { features, names } of command.inputs) {
        const assigned = engine.add(features);
        if (assigned.event.repeat) continue;
        if (names?.length) engine.countNames(names);
        added++;
      }
      if (command.consolidate && added > 0) engine.consolidate();
    } else engine.consolidate();
    engine.commit();
    return { added };
  };

  parentPort.on('message', (command: StoryCommand) => {
    let result: StoryCommandResult;
    try {
      result = run(command);
    } catch (error) {
      // The engine's objects may hold half the command: start afresh next time.
      engines.delete(command.store);
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(result);
  });
}
