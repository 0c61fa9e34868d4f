/**
 * `kronika serve`: the HTTP API (and web pages) over the store, until SIGINT/SIGTERM. The stages
 * run after its own ingests and whenever another process (a cron `kronika ingest`) stored articles
 * they have not seen (src/app/runner.ts); stored analyses of an older analyser are brought up to
 * date in the background.
 */
import type { Command } from 'commander';
import { appStages, createApp } from '../../api/app.ts';
import { isLoopbackListen, resolveApiToken } from '../../api/security.ts';
import { startServer } from '../../api/server.ts';
import { outdatedAnalyses, reanalyse } from '../../app/reanalyse.ts';
import { displayLocation, openStore, resolveStoreLocation } from '../../store/index.ts';
import { leftToWorkers, LEFT_TO_WORKERS, stagesRunInWorkers } from '../../worker/serving.ts';
import { UsageError, withDb, type DbOptions } from '../context.ts';

interface ServeFlags extends DbOptions {
  readonly port: string;
  readonly host: string;
  readonly publicHost?: string[];
  readonly publicReads?: boolean;
}

export function register(program: Command): void {
  withDb(program.command('serve'))
    .description('serve the JSON API (/api/…, /openapi.json) and the web pages over the store; runs the stages as articles arrive')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 exposes it to the network; then the API token is required)', '127.0.0.1')
    .option('--public-host <name...>', 'host names the server answers to besides localhost (also $KRONIKA_HOSTS, comma-separated)')
    .option('--public-reads', 'beyond loopback, let reads (GET) through without the token')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port takes 0 to 65535');
      const location = resolveStoreLocation(flags.db);
      const store = await openStore(location);
      const log = (error: unknown) => process.stderr.write(`kronika serve: ${error instanceof Error ? error.message : String(error)}\n`);
      const workers = stagesRunInWorkers(store);
      const stages = workers ? leftToWorkers() : appStages(store, {}, log);
      const security = securityOptions(flags, location);
      const server = await startServer(createApp({ store, stages, log, security }), { port, host: flags.host });
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
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      stopReanalysing.abort();
      await polling.stop();
      await reanalysing;
      await store.close();
    });
}

/**
 * Who may talk to the server (src/api/security.ts): its host names, and the API token — from
 * KRONIKA_TOKEN, else generated once and kept beside an SQLite store (printed when created).
 */
function securityOptions(flags: ServeFlags, location: string) {
  const tokenPath = location.includes('://') ? ':memory:' : location;
  const token = resolveApiToken(tokenPath);
  if (token.created) process.stderr.write(`kronika: API token${token.path ? ` (kept in ${token.path})` : ''}: ${token.token}\n`);
  const publicHosts = [...(flags.publicHost ?? []), ...(process.env.KRONIKA_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];
  if (!isLoopbackListen(flags.host)) publicHosts.push(flags.host);
  return { listenHost: flags.host, publicHosts, token: token.token, publicReads: flags.publicReads === true };
}
