import { makeClusterTemplate } from '@holdfast/embedded-db';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An initialised PostgreSQL data folder that each test file copies for its own server. */
    clusterTemplate: string;
  }
}

/** initdb once for the run; each file then starts a copy it may restart or stop at will. */
export default async function setup(project: TestProject) {
  const template = await makeClusterTemplate('faults');
  project.provide('clusterTemplate', template.dataDir);
  return () => template.remove();
}
