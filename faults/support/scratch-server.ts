import { startControllableServer, type ControllableServer } from '@holdfast/embedded-db';
import { afterAll, beforeAll, inject } from 'vitest';

/** A PostgreSQL of the test file's own, which its tests may restart or stop: answers a getter for it. */
export function useControllableServer(): () => ControllableServer {
  let server: ControllableServer | undefined;
  beforeAll(async () => {
    server = await startControllableServer('faults', { template: inject('clusterTemplate') });
  });
  afterAll(() => server?.stop());
  return () => {
    if (!server) throw new Error('the server has not started');
    return server;
  };
}
