import { endpoints, type HealthResponse } from '@holdfast/contracts';
import type { Db } from './db.js';
import type { ReplicaReads } from './replica-reads.js';
import type { Mount } from './routing.js';

/**
 * Readiness asks the database on its own connection (at most 1 s); liveness asks nothing. A replica that is
 * down or lags is reported, not failed: its reads go to the primary, so the instance still serves everything.
 */
export function mountHealthRoutes(mount: Mount, deps: { db: Db; reads: ReplicaReads | null }) {
  mount(endpoints.health, async (): Promise<HealthResponse> => {
    const [, replica] = await Promise.all([deps.db.ping(), deps.reads?.health()]);
    return { status: 'ok', database: 'up', ...(replica && { replica }) };
  });
  mount(endpoints.liveness, async () => ({ status: 'ok' as const }));
}
