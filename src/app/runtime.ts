/**
 * The serving process, shared by `kronika serve` and `kronika run` (src/cli/commands/): the HTTP
 * API and web pages over the store, the stages running as articles arrive (runner.ts; none in
 * PostgreSQL mode, where `kronika worker`s run them), and analyses of an older analyser brought
 * up to date in the background. `stop` undoes it in order: no new requests, no new stage runs,
 * the ones in progress finished; the store stays open for the caller to close.
 */
import { appStages, createApp } from '../api/app.ts';
import { isLoopbackListen, resolveApiToken } from '../api/security.ts';
import { startServer } from '../api/server.ts';
import { displayLocation } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { leftToWorkers, LEFT_TO_WORKERS, stagesRunInWorkers } from '../worker/serving.ts';
import { outdatedAnalyses, reanalyse } from './reanalyse.ts';
import type { ServingStages } from './runner.ts';

export interface ServeSettings {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Address to listen on (default 127.0.0.1). */
  readonly host: string;
  /** Host names the server answers to besides localhost (also $KRONIKA_HOSTS). */
  readonly publicHosts?: readonly string[];
  /** Beyond loopback, let reads through without the token. */
  readonly publicReads?: boolean;
}

export interface Serving {
  readonly url: string;
  readonly stages: ServingStages;
  /** Closes the server, then waits for the stage run and re-analysis in progress. */
  stop(): Promise<void>;
}

/** Progress and errors of a serving process, one line each on stderr. */
export function processLog(name: string): (error: unknown) => void {
  return (error) => process.stderr.write(`kronika ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
}

/**
 * Starts serving `store` (opened at `location`) and says so on stderr.
 * @example const serving = await startServing(store, location, { port: 8080, host: '127.0.0.1' }, log); … await serving.stop(); await store.close()
 */
export async function startServing(store: Store, location: string, settings: ServeSettings, log: (error: unknown) => void): Promise<Serving> {
  const workers = stagesRunInWorkers(store);
  const stages = workers ? leftToWorkers() : appStages(store, {}, log);
  const security = securityOptions(settings, location);
  const server = await startServer(createApp({ store, stages, log, security }), { port: settings.port, host: settings.host });
  const stats = await store.articles.stats();
  process.stderr.write(`kronika: serving ${displayLocation(location)} at ${server.url} (${stats.articles} articles)${workers ? `; ${LEFT_TO_WORKERS}` : ''}\n`);
  const polling = stages.poll();
  const stopReanalysing = new AbortController();
  const outdated = await outdatedAnalyses(store);
  const reanalysing = outdated === 0 ? Promise.resolve() : (async () => {
    process.stderr.write(`kronika: re-analysing ${outdated} article(s) made by an older analyser, in the background\n`);
    const run = await reanalyse(store, { signal: stopReanalysing.signal });
    process.stderr.write(`kronika: re-analysed ${run.reanalysed} article(s); \`kronika stories --rebuild\` re-clusters them\n`);
  })().catch(log);
  return {
    url: server.url,
    stages,
    async stop() {
      await server.close();
      stopReanalysing.abort();
      await polling.stop();
      await reanalysing;
    },
  };
}

/**
 * Who may talk to the server (src/api/security.ts): its host names, and the API token — from
 * KRONIKA_TOKEN, else generated once and kept beside an SQLite store (printed when created).
 */
function securityOptions(settings: ServeSettings, location: string) {
  const tokenPath = location.includes('://') ? ':memory:' : location;
  const token = resolveApiToken(tokenPath);
  if (token.created) process.stderr.write(`kronika: API token${token.path ? ` (kept in ${token.path})` : ''}: ${token.token}\n`);
  const publicHosts = [...(settings.publicHosts ?? []), ...(process.env.KRONIKA_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];
  if (!isLoopbackListen(settings.host)) publicHosts.push(settings.host);
  return { listenHost: settings.host, publicHosts, token: token.token, publicReads: settings.publicReads === true };
}

/**
 * Resolves at the first SIGINT or SIGTERM (the listeners are removed again).
 * @example await stopSignal(); await serving.stop()
 */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
