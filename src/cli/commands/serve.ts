/** `kronika serve`: the HTTP API (and web pages) over the database, until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { createApp } from '../../api/app.ts';
import { isLoopbackListen, resolveApiToken } from '../../api/security.ts';
import { startServer } from '../../api/server.ts';
import { openSqliteSearchIndex, syncSearchIndex } from '../../search/index.ts';
import { resolveDbPath } from '../../store/path.ts';
import { openSqliteStore } from '../../store/sqlite/index.ts';
import { UsageError, withDb, type DbOptions } from '../context.ts';

interface ServeFlags extends DbOptions {
  readonly port: string;
  readonly host: string;
  readonly publicHost?: string[];
  readonly publicReads?: boolean;
}

export function register(program: Command): void {
  withDb(program.command('serve'))
    .description('serve the JSON API (/api/…, /openapi.json) over the database')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 exposes it to the network; then the API token is required)', '127.0.0.1')
    .option('--public-host <name...>', 'host names the server answers to besides localhost (also $KRONIKA_HOSTS, comma-separated)')
    .option('--public-reads', 'beyond loopback, let reads (GET) through without the token')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port takes 0 to 65535');
      const path = resolveDbPath(flags.db);
      const store = openSqliteStore(path);
      const search = openSqliteSearchIndex(path);
      const added = syncSearchIndex(store, search);
      const token = resolveApiToken(path);
      if (token.created) process.stderr.write(`kronika: API token${token.path ? ` (kept in ${token.path})` : ''}: ${token.token}\n`);
      const publicHosts = [...(flags.publicHost ?? []), ...(process.env.KRONIKA_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)];
      if (!isLoopbackListen(flags.host)) publicHosts.push(flags.host);
      const security = { listenHost: flags.host, publicHosts, token: token.token, publicReads: flags.publicReads === true };
      const server = await startServer(createApp({ store, search, security }), { port, host: flags.host });
      process.stderr.write(`kronika: serving ${path} at ${server.url} (${store.countArticles()} articles; ${added} newly indexed for search)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      search.close();
      store.close();
    });
}
