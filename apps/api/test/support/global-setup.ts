import { startEmbeddedPostgres, type EmbeddedDatabase } from '@holdfast/embedded-db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/platform/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string with `{db}` where the database name goes. */
    databaseUrlPattern: string;
    templateDatabase: string;
  }
}

const TEMPLATE = `holdfast_test_template_${process.pid}`;

/** Withdraws the database name from a URL, so each test file can create and use its own database. */
const patternOf = (url: string) => {
  const parsed = new URL(url);
  parsed.pathname = '/{db}';
  return parsed.toString().replace('%7Bdb%7D', '{db}');
};

/**
 * One real PostgreSQL for the run: DATABASE_URL's server when set, otherwise an embedded throwaway cluster.
 * A migrated template database is made once; every test file clones it (CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let clusterDir: string | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    clusterDir = mkdtempSync(join(tmpdir(), 'holdfast-test-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: clusterDir, throwaway: true });
    adminUrl = embedded.serverUrl;
  }
  const pattern = patternOf(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await migrate(pattern.replace('{db}', TEMPLATE), createLogger('silent'));
  project.provide('databaseUrlPattern', pattern);
  project.provide('templateDatabase', TEMPLATE);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
  };
}
