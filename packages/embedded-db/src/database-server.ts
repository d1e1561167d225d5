import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-cluster.js';

export interface DatabaseServer {
  urlFor(database: string): string;
  /** Creates the database unless it exists, optionally as a copy of `template`. */
  createDatabase(name: string, template?: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
}

/** Creates and drops databases on the server that `anyDatabaseUrl` points into (through its `postgres` database). */
export function databaseServer(anyDatabaseUrl: string): DatabaseServer {
  const urlFor = (database: string) => {
    const url = new URL(anyDatabaseUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const onServer = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    urlFor,
    createDatabase: (name, template) =>
      onServer(async (client) => {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount !== 0) return;
        const escape = (identifier: string) => client.escapeIdentifier(identifier);
        await client.query(`CREATE DATABASE ${escape(name)}${template ? ` TEMPLATE ${escape(template)}` : ''}`);
      }),
    dropDatabase: (name) =>
      onServer(
        async (client) =>
          void (await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)),
      ),
  };
}

/**
 * A server for throwaway databases (tests, benchmarks): DATABASE_URL's server when set, otherwise an embedded
 * cluster in a temporary folder, with fsync off, removed by stop().
 */
export async function startScratchServer(
  label: string,
): Promise<DatabaseServer & { embedded: boolean; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { ...databaseServer(process.env.DATABASE_URL), embedded: false, stop: async () => {} };
  const clusterDir = mkdtempSync(join(tmpdir(), `holdfast-${label}-pg-`));
  const cluster = await startEmbeddedPostgres({ dataDir: clusterDir, throwaway: true });
  return {
    ...databaseServer(cluster.serverUrl),
    embedded: true,
    async stop() {
      await cluster.stop();
      rmSync(clusterDir, { recursive: true, force: true });
    },
  };
}
