/**
 * `kronika serve`: the HTTP API (and web pages) over the store, until SIGINT/SIGTERM. The stages
 * run after its own ingests and whenever another process (a cron `kronika ingest`) stored articles
 * they have not seen (src/app/runner.ts); stored analyses of an older analyser are brought up to
 * date in the background. `kronika run` (run.ts) serves the same way and polls the sources too.
 */
import type { Command } from 'commander';
import { processLog, startServing, stopSignal, type ServeSettings } from '../../app/runtime.ts';
import { openStore, resolveStoreLocation } from '../../store/index.ts';
import { UsageError, withDb, type DbOptions } from '../context.ts';

export interface ServeFlags extends DbOptions {
  readonly port: string;
  readonly host: string;
  readonly publicHost?: string[];
  readonly publicReads?: boolean;
}

/** The options of a serving command (`serve`, `run`). */
export function withServeFlags(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 exposes it to the network; then the API token is required)', '127.0.0.1')
    .option('--public-host <name...>', 'host names the server answers to besides localhost (also $KRONIKA_HOSTS, comma-separated)')
    .option('--public-reads', 'beyond loopback, let reads (GET) through without the token');
}

/** The flags as settings; a bad port is a usage error. */
export function serveSettings(flags: ServeFlags): ServeSettings {
  const port = Number(flags.port);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port takes 0 to 65535');
  return { port, host: flags.host, publicHosts: flags.publicHost ?? [], publicReads: flags.publicReads === true };
}

export function register(program: Command): void {
  withServeFlags(withDb(program.command('serve')))
    .description('serve the JSON API (/api/…, /openapi.json) and the web pages over the store; runs the stages as articles arrive')
    .action(async (flags: ServeFlags) => {
      const settings = serveSettings(flags);
      const location = resolveStoreLocation(flags.db);
      const store = await openStore(location);
      const serving = await startServing(store, location, settings, processLog('serve'));
      await stopSignal();
      await serving.stop();
      await store.close();
    });
}
