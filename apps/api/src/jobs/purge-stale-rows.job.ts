import cron from 'node-cron';
import type { Db } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import { purgeOldIdempotencyKeys } from '../platform/idempotency.js';
import { purgeExpiredRateLimits } from '../platform/rate-limits.js';

/**
 * Every ten minutes, deletes rows that have served their time: rate-limit counters whose window has passed
 * and Idempotency-Keys older than 24 h. Idempotent like every job; one purge failing does not stop the other.
 */
export function schedulePurgeStaleRows(deps: { db: Db; reporter: ErrorReporter }) {
  const purges = { 'rate-limit purge': purgeExpiredRateLimits, 'idempotency-key purge': purgeOldIdempotencyKeys };
  const task = cron.schedule(
    '*/10 * * * *',
    async () => {
      for (const [source, purge] of Object.entries(purges)) {
        try {
          await purge(deps.db);
        } catch (error) {
          deps.reporter.report(error, { source });
        }
      }
    },
    { name: 'purge-stale-rows', noOverlap: true },
  );
  return { stop: async () => void (await task.stop()) };
}
