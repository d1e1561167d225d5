import { endpoints, type HealthResponse } from '@holdfast/contracts';
import type { Db } from './db.js';
import { AppError } from './errors.js';
import type { Mount } from './routing.js';

export function mountHealthRoute(mount: Mount, deps: { db: Db }) {
  mount(endpoints.health, async (): Promise<HealthResponse> => {
    try {
      await deps.db.ping();
    } catch (error) {
      throw new AppError('DATABASE_UNAVAILABLE', 'The database does not answer', 503, undefined, { cause: error });
    }
    return { status: 'ok', database: 'up' };
  });
}
