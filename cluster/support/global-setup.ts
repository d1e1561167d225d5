import { findNginx } from '@holdfast/api-process';
import { startScratchServer } from '@holdfast/embedded-db';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL into the shared PostgreSQL server: each test makes its own database there. */
    serverUrl: string;
    /** nginx is on PATH; without it the load-balancer tests skip (loudly) or, under CI=true, the run fails. */
    hasNginx: boolean;
  }
}

const MISSING_NGINX_MESSAGE = `
  ################################################################################
  #  No nginx on PATH: the load-balancer (cluster/) tests did NOT run.            #
  #  Install it:  apt-get install -y nginx    (Debian/Ubuntu)                     #
  #  With CI=true a missing nginx fails the run.                                  #
  ################################################################################
`;

/** One PostgreSQL for the run (DATABASE_URL's server, else embedded); each file runs its own instances and nginx. */
export default async function setup(project: TestProject) {
  const hasNginx = findNginx() !== null;
  if (!hasNginx) {
    console.warn(MISSING_NGINX_MESSAGE);
    if (process.env.CI === 'true') throw new Error('CI=true and no nginx on PATH: apt-get install nginx');
  }
  project.provide('hasNginx', hasNginx);
  const server = await startScratchServer('cluster');
  project.provide('serverUrl', server.urlFor('postgres'));
  return () => server.stop();
}
