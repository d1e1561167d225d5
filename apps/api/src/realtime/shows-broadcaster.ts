import type { ShowAvailability } from '@holdfast/contracts';
import { sweepLapsedHolds } from '../modules/bookings/index.js';
import type { Queryable } from '../platform/db.js';
import type { ErrorReporter } from '../platform/error-reporter.js';
import type { DomainEvents } from '../platform/events.js';
import { createHoldExpiries } from './hold-expiries.js';
import { createLocalDelivery } from './local-delivery.js';
import { createShowChanges } from './show-changes.js';
import type { ClusterLink, ShowsSnapshot } from './shows-snapshot.js';

export interface ShowsBroadcaster {
  /** Resolves once everything announced here so far has been delivered here (tests, shutdown). */
  flushed(): Promise<void>;
  /** Expiry announcements waiting: timers and distinct due ticks (tests, diagnostics). */
  pendingExpiries(): { timers: number; ticks: number };
  /**
   * Sweeps these shows precisely at `at`, here only: for holds every instance hears of by itself (a waitlist
   * offer, NOTIFYed to all of them), so nothing needs to travel in a snapshot.
   */
  expectLapse(showIds: number[], at: Date): void;
  stop(): void;
}

/** A cluster of one: nothing to tell anyone else (tests of a single instance, and createServerStack's default). */
export const NO_CLUSTER: ClusterLink = { publish: () => {}, onSnapshot: () => () => {} };

/**
 * Turns "availability of shows X changed" into `showsUpdated` on every instance (ADR 0015): the instance where a
 * change happened reads it once (show-changes.ts) and publishes the snapshot to the others; every instance,
 * this one included, merges the snapshots it receives and delivers them to its own sockets (local-delivery.ts),
 * and sweeps the holds they say will lapse (hold-expiries.ts).
 */
export function createShowsBroadcaster(deps: {
  db: Queryable;
  events: DomainEvents;
  reporter: ErrorReporter;
  cluster?: ClusterLink;
  /** To this instance's own sockets; `added`: ids among `shows` that are new, for every audience. */
  deliver: (shows: ShowAvailability[], added: ReadonlySet<number>) => void;
  /** After each delivery: ms since the oldest change it carries was announced (metrics). */
  onDelivered?: (lagMs: number) => void;
}): ShowsBroadcaster {
  const cluster = deps.cluster ?? NO_CLUSTER;
  const delivery = createLocalDelivery(deps);
  const receive = (snapshot: ShowsSnapshot) => {
    delivery.receive(snapshot);
    for (const { at, showIds } of snapshot.expiries) expiries.add(showIds, new Date(at));
  };
  const changes = createShowChanges({
    ...deps,
    publish(snapshot) {
      cluster.publish(snapshot);
      receive(snapshot);
    },
  });
  const expiries = createHoldExpiries({
    sweep: (showIds) => sweepLapsedHolds(deps, showIds),
    announce: (showIds) => changes.announce(showIds),
    reporter: deps.reporter,
  });
  const stopListening = cluster.onSnapshot(receive);

  return {
    async flushed() {
      await expiries.idle();
      await changes.flushed();
      await delivery.flushed();
    },
    pendingExpiries: () => expiries.pending(),
    expectLapse: (showIds, at) => expiries.add(showIds, at),
    stop() {
      stopListening();
      changes.stop();
      expiries.stop();
      delivery.stop();
    },
  };
}
