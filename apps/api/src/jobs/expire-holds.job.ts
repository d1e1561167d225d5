import cron from 'node-cron';
import { expireHolds } from '../modules/bookings/index.js';
import type { Db } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { DomainEvents } from '../platform/events.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';

/** Schedules the expiry sweep; a run still going when the next is due is skipped, never doubled. */
export function scheduleExpireHolds(
  deps: { db: Db; events: DomainEvents; logger: Logger; reporter: ErrorReporter; metrics: Metrics },
  schedule: string,
) {
  const task = cron.schedule(
    schedule,
    async () => {
      try {
        const expired = await expireHolds(deps);
        deps.metrics.sweepFinished(expired);
        if (expired > 0) deps.logger.info({ expired }, 'expired lapsed holds');
      } catch (error) {
        // The next tick tries again; the run is idempotent.
        deps.metrics.sweepFailed();
        deps.reporter.report(error, { source: 'expiry sweep' });
      }
    },
    { name: 'expire-holds', noOverlap: true },
  );
  return { stop: async () => void (await task.stop()) };
}
