import cron from 'node-cron';
import type { Db } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import { purgeExpiredRateLimits } from '../platform/rate-limits.js';

/** Every ten minutes, deletes rate-limit counters whose window has passed; idempotent like every job. */
export function schedulePurgeRateLimits(deps: { db: Db; reporter: ErrorReporter }) {
  const task = cron.schedule(
    '*/10 * * * *',
    async () => {
      try {
        await purgeExpiredRateLimits(deps.db);
      } catch (error) {
        deps.reporter.report(error, { source: 'rate-limit purge' });
      }
    },
    { name: 'purge-rate-limits', noOverlap: true },
  );
  return { stop: async () => void (await task.stop()) };
}
