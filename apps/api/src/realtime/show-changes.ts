import { DELETED_SHOW_VERSION } from '@holdfast/contracts';
import { getShowsByIds } from '../modules/shows/index.js';
import type { Queryable } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { AvailabilityChange, DomainEvents } from '../platform/events.js';
import { TICK_MS as EXPIRY_TICK_MS } from './expiry-wheel.js';
import type { ShowsSnapshot } from './shows-snapshot.js';

/** A change waits this long, so that the other changes of the same moment join it. */
const GATHER_MS = 20;
/** Reads (and cluster messages) of one instance start at least this far apart: at most 5 a second. */
const MIN_GAP_MS = 200;

export interface ShowChanges {
  /** These shows changed here (or their holds lapsed and this instance reclaimed them). */
  announce(showIds: number[]): void;
  /** Resolves once every change announced so far has been read and published. */
  flushed(): Promise<void>;
  stop(): void;
}

/**
 * "What changed here -> a snapshot", on the instance where it changed: the shows are read from the primary once
 * per flush, after their changes committed, and the snapshot goes to `publish` (every instance, this one
 * included). Flushes run one at a time, so a later snapshot never carries an older state than an earlier one.
 */
export function createShowChanges(deps: {
  /** The primary: a replica's lagging read must never be what the cluster hears. */
  db: Queryable;
  events: DomainEvents;
  reporter: ErrorReporter;
  publish: (snapshot: ShowsSnapshot) => void;
}): ShowChanges {
  const pending = new Set<number>();
  const added = new Set<number>();
  const expiries = new Map<number, Set<number>>();
  let scheduled: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let oldestChangeAt = Date.now();

  const flush = async () => {
    scheduled = null;
    const ids = [...pending];
    const snapshot: ShowsSnapshot = {
      shows: [],
      added: [...added],
      changedAt: oldestChangeAt,
      expiries: [...expiries].map(([at, showIds]) => ({ at, showIds: [...showIds] })),
    };
    pending.clear();
    added.clear();
    expiries.clear();
    if (ids.length === 0) return;
    lastFlushAt = performance.now();
    const shows = await getShowsByIds(deps, ids);
    const found = new Set(shows.map((show) => show.id));
    const deleted = ids
      .filter((id) => !found.has(id))
      .map((id) => ({ id, totalSlots: 0, availableSlots: 0, version: DELETED_SHOW_VERSION, deleted: true }));
    snapshot.shows = [...shows, ...deleted];
    deps.publish(snapshot);
  };

  const announce = (showIds: number[]) => {
    if (pending.size === 0) oldestChangeAt = Date.now();
    for (const id of showIds) pending.add(id);
    if (scheduled) return;
    const wait = Math.max(GATHER_MS, lastFlushAt + MIN_GAP_MS - performance.now());
    scheduled = setTimeout(() => {
      running = running
        .then(flush)
        .catch((error: unknown) => deps.reporter.report(error, { source: 'showsUpdated broadcast' }));
    }, wait);
  };

  const onChange = (change: AvailabilityChange) => {
    if (change.added) for (const id of change.showIds) added.add(id);
    if (change.holdExpiresAt) {
      // Rounded up to the expiry wheel's 50 ms tick, which it would fall in anyway: one entry per tick, not per batch.
      const at = Math.ceil(change.holdExpiresAt.getTime() / EXPIRY_TICK_MS) * EXPIRY_TICK_MS;
      let shows = expiries.get(at);
      if (!shows) expiries.set(at, (shows = new Set()));
      for (const id of change.showIds) shows.add(id);
    }
    announce(change.showIds);
  };
  const unsubscribe = deps.events.onAvailabilityChanged(onChange);

  return {
    announce,
    async flushed() {
      while (scheduled || pending.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        await running;
      }
      await running;
    },
    stop() {
      unsubscribe();
      if (scheduled) clearTimeout(scheduled);
      scheduled = null;
    },
  };
}
