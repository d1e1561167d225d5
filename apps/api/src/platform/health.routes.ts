import { endpoints, type HealthResponse } from '@holdfast/contracts';
import type { Db } from './db.js';
import type { Mount } from './routing.js';

/** Readiness asks the database on its own connection (at most 1 s); liveness asks nothing. */
export function mountHealthRoutes(mount: Mount, deps: { db: Db }) {
  mount(endpoints.health, async (): Promise<HealthResponse> => {
    await deps.db.ping();
    return { status: 'ok', database: 'up' };
  });
  mount(endpoints.liveness, async () => ({ status: 'ok' as const }));
}
