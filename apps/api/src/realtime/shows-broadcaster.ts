import type { ShowAvailability } from '@holdfast/contracts';
import { getShowsByIds } from '../modules/shows/index.js';
import type { Queryable } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { AvailabilityChange, DomainEvents } from '../platform/events.js';

/** How long changes are gathered before one broadcast: a burst of bookings becomes one message. */
const COALESCE_MS = 20;
/** A lapsed hold frees its places at expiresAt; re-announce its show just after that moment. */
const EXPIRY_GRACE_MS = 50;

export interface ShowsBroadcaster {
  /** Resolves once everything announced so far has been delivered (tests, shutdown). */
  flushed(): Promise<void>;
  stop(): void;
}

/**
 * Turns "availability of shows X changed" into `showsUpdated` with the shows' current state, read after the
 * change committed. Flushes run one at a time, so the last message always carries the latest state.
 */
export function createShowsBroadcaster(deps: {
  db: Queryable;
  events: DomainEvents;
  reporter: ErrorReporter;
  emit: (shows: ShowAvailability[]) => void;
}): ShowsBroadcaster {
  const pending = new Set<number>();
  const expiryTimers = new Set<NodeJS.Timeout>();
  let scheduled: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const flush = async () => {
    scheduled = null;
    const ids = [...pending];
    pending.clear();
    if (ids.length === 0) return;
    const shows = await getShowsByIds(deps, ids);
    const found = new Set(shows.map((show) => show.id));
    const deleted = ids
      .filter((id) => !found.has(id))
      .map((id) => ({ id, totalSlots: 0, availableSlots: 0, deleted: true }));
    deps.emit([...shows, ...deleted]);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = setTimeout(() => {
      running = running
        .then(flush)
        .catch((error: unknown) => deps.reporter.report(error, { source: 'showsUpdated broadcast' }));
    }, COALESCE_MS);
  };

  const onChange = (change: AvailabilityChange) => {
    for (const id of change.showIds) pending.add(id);
    schedule();
    if (change.holdExpiresAt) {
      const timer = setTimeout(
        () => {
          expiryTimers.delete(timer);
          onChange({ showIds: change.showIds });
        },
        Math.max(0, change.holdExpiresAt.getTime() - Date.now()) + EXPIRY_GRACE_MS,
      );
      timer.unref();
      expiryTimers.add(timer);
    }
  };
  const unsubscribe = deps.events.onAvailabilityChanged(onChange);

  return {
    async flushed() {
      while (scheduled || pending.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
        await running;
      }
      await running;
    },
    stop() {
      unsubscribe();
      if (scheduled) clearTimeout(scheduled);
      for (const timer of expiryTimers) clearTimeout(timer);
      expiryTimers.clear();
    },
  };
}
