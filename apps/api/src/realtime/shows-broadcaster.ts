import { DELETED_SHOW_VERSION, type ShowAvailability } from '@holdfast/contracts';
import { getShowsByIds } from '../modules/shows/index.js';
import type { Queryable } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { AvailabilityChange, DomainEvents } from '../platform/events.js';
import { createExpiryWheel } from './expiry-wheel.js';

/**
 * Adaptive coalescing. A change waits GATHER_MS (so the other changes of the same moment join it), then goes out,
 * unless the previous flush started less than `gap` ago, in which case it waits for that. `gap` is at least
 * MIN_GAP_MS, so no watcher ever gets more than 1000 / MIN_GAP_MS = 5 messages a second; it grows to
 * 1 / FAN_OUT_SHARE times what the last delivery cost the event loop (encode, queue a frame per socket), up to
 * MAX_GAP_MS, so fan-out takes at most about 30% of the event loop and bookings keep >= 0.7x of their rate
 * without watchers (the target). A quiet system answers a lone change in about GATHER_MS; a busy one
 * sends a message every `gap` carrying every show changed since the one before. Lag from a commit to the
 * message is at most gap + the flush's read and delivery. ADR 0011-bounded-fan-out.md.
 */
const GATHER_MS = 20;
const MIN_GAP_MS = 200;
const MAX_GAP_MS = 1_000;
const FAN_OUT_SHARE = 0.3;

export interface ShowsBroadcaster {
  /** Resolves once everything announced so far has been delivered (tests, shutdown). */
  flushed(): Promise<void>;
  /** Expiry announcements waiting: timers and distinct due ticks (tests, diagnostics). */
  pendingExpiries(): { timers: number; ticks: number };
  stop(): void;
}

/**
 * Turns "availability of shows X changed" into `showsUpdated` with the shows' current state, read once per flush
 * after the changes committed. Flushes run one at a time, so the last message always carries the latest state.
 */
export function createShowsBroadcaster(deps: {
  db: Queryable;
  events: DomainEvents;
  reporter: ErrorReporter;
  /** `added`: ids among `shows` that are new, for every audience. */
  deliver: (shows: ShowAvailability[], added: ReadonlySet<number>) => void;
  /** After each delivery: ms since the oldest change it carries was announced (metrics). */
  onDelivered?: (lagMs: number) => void;
}): ShowsBroadcaster {
  const pending = new Set<number>();
  const pendingAdded = new Set<number>();
  let scheduled: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let gap = MIN_GAP_MS;
  let oldestPendingAt: number | null = null;

  const flush = async () => {
    scheduled = null;
    const ids = [...pending];
    const added = new Set(pendingAdded);
    const announcedAt = oldestPendingAt;
    oldestPendingAt = null;
    pending.clear();
    pendingAdded.clear();
    if (ids.length === 0) return;
    lastFlushAt = performance.now();
    const shows = await getShowsByIds(deps, ids);
    const found = new Set(shows.map((show) => show.id));
    const deleted = ids
      .filter((id) => !found.has(id))
      .map((id) => ({ id, totalSlots: 0, availableSlots: 0, version: DELETED_SHOW_VERSION, deleted: true }));
    const delivering = performance.now();
    deps.deliver([...shows, ...deleted], added);
    if (announcedAt !== null) deps.onDelivered?.(performance.now() - announcedAt);
    // Only the synchronous part (encode, queue a frame per socket) is taken from the bookings; the read is I/O.
    const cost = performance.now() - delivering;
    gap = Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, cost / FAN_OUT_SHARE));
  };

  const schedule = () => {
    if (scheduled) return;
    const wait = Math.max(GATHER_MS, lastFlushAt + gap - performance.now());
    scheduled = setTimeout(() => {
      running = running
        .then(flush)
        .catch((error: unknown) => deps.reporter.report(error, { source: 'showsUpdated broadcast' }));
    }, wait);
  };

  const announce = (showIds: number[]) => {
    oldestPendingAt ??= performance.now();
    for (const id of showIds) pending.add(id);
    schedule();
  };
  const expiries = createExpiryWheel(announce);

  const onChange = (change: AvailabilityChange) => {
    if (change.added) for (const id of change.showIds) pendingAdded.add(id);
    announce(change.showIds);
    if (change.holdExpiresAt) expiries.add(change.showIds, change.holdExpiresAt);
  };
  const unsubscribe = deps.events.onAvailabilityChanged(onChange);

  return {
    async flushed() {
      while (scheduled || pending.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        await running;
      }
      await running;
    },
    pendingExpiries: () => expiries.pending(),
    stop() {
      unsubscribe();
      if (scheduled) clearTimeout(scheduled);
      expiries.stop();
    },
  };
}
