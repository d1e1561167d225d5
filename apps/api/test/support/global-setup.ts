import { startScratchServer } from '@holdfast/embedded-db';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/platform/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the server's `postgres` database; test files make their own databases there. */
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = `holdfast_test_template_${process.pid}`;

/**
 * One real PostgreSQL for the run: DATABASE_URL's server when set, otherwise an embedded throwaway cluster.
 * A migrated template database is made once; every test file clones it (CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const server = await startScratchServer('test');
  await server.dropDatabase(TEMPLATE);
  await server.createDatabase(TEMPLATE);
  await migrate(server.urlFor(TEMPLATE), createLogger('silent'));
  project.provide('databaseServerUrl', server.urlFor('postgres'));
  project.provide('templateDatabase', TEMPLATE);

  return async () => {
    await server.dropDatabase(TEMPLATE).catch(() => {});
    await server.stop();
  };
}
