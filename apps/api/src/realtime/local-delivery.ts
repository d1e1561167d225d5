import { type ShowAvailability } from '@holdfast/contracts';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { ShowsSnapshot } from './shows-snapshot.js';

/**
 * Adaptive coalescing of what this instance's sockets hear (ADR 0011, kept across instances by ADR 0015). A
 * snapshot goes out at once, unless the previous delivery started less than `gap` ago, in which case it waits
 * for that, merged with every snapshot that arrives meanwhile, from any instance. `gap` is at least MIN_GAP_MS,
 * so no watcher ever gets more than 1000 / MIN_GAP_MS = 5 messages a second however many instances publish;
 * it grows to 1 / FAN_OUT_SHARE times what the last delivery cost the event loop (encode, queue a frame per
 * socket), up to MAX_GAP_MS, so fan-out takes at most about 30% of the event loop.
 */
const MIN_GAP_MS = 200;
const MAX_GAP_MS = 1_000;
const FAN_OUT_SHARE = 0.3;

export interface LocalDelivery {
  receive(snapshot: ShowsSnapshot): void;
  /** Resolves once everything received so far has been delivered. */
  flushed(): Promise<void>;
  stop(): void;
}

export function createLocalDelivery(deps: {
  reporter: ErrorReporter;
  /** `added`: ids among `shows` that are new, for every audience. */
  deliver: (shows: ShowAvailability[], added: ReadonlySet<number>) => void;
  /** After each delivery: ms since the oldest change it carries was announced, on whichever instance (metrics). */
  onDelivered?: (lagMs: number) => void;
}): LocalDelivery {
  // Two snapshots about one show (two instances, or two flushes of one) keep the higher version: deleted
  // (DELETED_SHOW_VERSION) beats everything, and a late snapshot never undoes a newer one.
  const pending = new Map<number, ShowAvailability>();
  const added = new Set<number>();
  let oldestChangeAt = Number.POSITIVE_INFINITY;
  let scheduled: NodeJS.Timeout | null = null;
  let lastDeliveryAt = Number.NEGATIVE_INFINITY;
  let gap = MIN_GAP_MS;

  const deliver = () => {
    scheduled = null;
    if (pending.size === 0) return;
    const shows = [...pending.values()];
    const fresh = new Set(added);
    const changedAt = oldestChangeAt;
    pending.clear();
    added.clear();
    oldestChangeAt = Number.POSITIVE_INFINITY;
    lastDeliveryAt = performance.now();
    try {
      deps.deliver(shows, fresh);
    } catch (error) {
      deps.reporter.report(error, { source: 'showsUpdated broadcast' });
    }
    // Only this synchronous part (encode, queue a frame per socket) is taken from the bookings.
    gap = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, (performance.now() - lastDeliveryAt) / FAN_OUT_SHARE));
    // Across machines this includes their clocks' skew (NTP keeps it to milliseconds).
    if (Number.isFinite(changedAt)) deps.onDelivered?.(Math.max(0, Date.now() - changedAt));
  };

  return {
    receive(snapshot) {
      for (const show of snapshot.shows) {
        const held = pending.get(show.id);
        if (!held || show.version >= held.version) pending.set(show.id, show);
      }
      for (const id of snapshot.added) added.add(id);
      oldestChangeAt = Math.min(oldestChangeAt, snapshot.changedAt);
      if (scheduled || pending.size === 0) return;
      scheduled = setTimeout(deliver, Math.max(0, lastDeliveryAt + gap - performance.now()));
    },
    async flushed() {
      while (scheduled) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    stop() {
      if (scheduled) clearTimeout(scheduled);
      scheduled = null;
      pending.clear();
    },
  };
}
