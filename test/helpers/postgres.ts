/**
 * PostgreSQL for tests: a database of its own for every test file (and a fresh one per contract
 * test), in the server CI provides (KRONIKA_TEST_POSTGRES, a URL; .ci/run starts one) or else in
 * a throw-away cluster this process starts with Debian's initdb and pg_ctl and stops when it
 * exits. Where PostgreSQL is not installed, `postgresSkip` says so and the tests skip with it.
 *
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user
 * (Debian's postgresql package creates it); as anyone else it belongs to the current user.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/index.ts';
import { engineWanted } from '../store/contract/index.ts';

/** Where Debian installs the server binaries (initdb, pg_ctl, postgres). */
export const POSTGRES_BIN = process.env.KRONIKA_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Why the PostgreSQL tests of this run are skipped, or false when they run.
 * @example test('…', { skip: postgresSkip() }, async () => { … })
 */
export function postgresSkip(): string | false {
  if (!engineWanted('postgres')) return `KRONIKA_STORES=${process.env.KRONIKA_STORES} leaves out postgres`;
  if (process.env.KRONIKA_TEST_POSTGRES) return false;
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    return `PostgreSQL is not installed (no ${POSTGRES_BIN}/initdb; \`apt-get install postgresql\`, or set KRONIKA_TEST_POSTGRES to a server URL)`;
  }
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'running as root and there is no `postgres` user to own a throw-away cluster (set KRONIKA_TEST_POSTGRES)';
  }
  return false;
}

/** A free loopback port the OS hands out (the cluster binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function run(command: string, args: readonly string[], asPostgres: boolean): void {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

/** A running throw-away cluster. */
export interface Cluster {
  /** Superuser URL of the `postgres` database. */
  readonly url: string;
  stop(): void;
}

/**
 * Starts a cluster in a fresh folder under tmp/ (fsync off: nothing here must survive a crash;
 * `durable` keeps PostgreSQL's defaults, for benchmarks). `port` defaults to a free one.
 * @example const cluster = await startCluster(); try { … } finally { cluster.stop() }
 */
export async function startCluster(options: { port?: number; dir?: string; durable?: boolean } = {}): Promise<Cluster> {
  const asPostgres = process.getuid?.() === 0;
  const dir = options.dir ?? join(ROOT, 'tmp', `pg-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  if (asPostgres) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(POSTGRES_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], asPostgres);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? await freePort();
    try {
      run(join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o',
        `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='' -c max_connections=200${
          options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
        'start'], asPostgres);
      let stopped = false;
      const stop = () => {
        if (stopped) return;
        stopped = true;
        try {
          run(join(POSTGRES_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
        } catch {
          // Already stopped: nothing is left to end.
        }
        rmSync(dir, { recursive: true, force: true });
      };
      process.once('exit', stop);
      // Killed rather than ended (a timeout, Ctrl-C): stop the cluster too, then die as asked.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          stop();
          process.kill(process.pid, signal);
        });
      }
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
    } catch (error) {
      lastError = error;
      if (options.port !== undefined) break;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

let server: Promise<string> | undefined;

/** The admin URL of the server tests use: CI's, or this process's own throw-away cluster. */
function serverUrl(): Promise<string> {
  server ??= process.env.KRONIKA_TEST_POSTGRES
    ? Promise.resolve(process.env.KRONIKA_TEST_POSTGRES)
    : startCluster().then((cluster) => cluster.url);
  return server;
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs `work` on a connection of its own to `url`, closed after. */
export async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let template: Promise<string> | undefined;

/**
 * A database of this process with every migration applied, copied for each test: a copy is
 * cheaper than running the migrations again. Dropped when the process exits.
 */
function migratedTemplate(server: string): Promise<string> {
  template ??= (async () => {
    const name = `kronika_template_${process.pid}_${randomBytes(3).toString('hex')}`;
    await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 STRATEGY file_copy`));
    const store = await openPostgresStore(withDatabase(server, name));
    await store.close();
    process.once('exit', () => {
      // Best effort: a throw-away cluster goes with its folder anyway.
      spawnSync(process.execPath, ['-e', `const pg = require('pg'); const c = new pg.Client(${JSON.stringify(server)});
        c.connect().then(() => c.query('DROP DATABASE IF EXISTS ${name} WITH (FORCE)')).finally(() => c.end())`], { cwd: ROOT });
    });
    return name;
  })();
  return template;
}

/** A fresh, empty database and how to drop it. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database on the test server holding Kronika's empty tables (every migration applied).
 * @example const db = await createTestDatabase(); const store = await openStore(db.url); … await db.drop()
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = await serverUrl();
  const source = await migratedTemplate(server);
  const name = `kronika_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  // file_copy: with fsync off it is several times faster than the default WAL-logged copy.
  await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source} STRATEGY file_copy`));
  return {
    url: withDatabase(server, name),
    drop: () => admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
