import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { lockShows } from '../shows/index.js';
import { findShowsWithLapsedHolds } from './bookings.repository.js';

/** Holds looked at per batch; their shows are locked and reclaimed in one transaction. */
const BATCH_SIZE = 500;

/**
 * Stores EXPIRED on PENDING holds past expires_at and gives their slots back, one transaction per batch of
 * shows. Locking a show reclaims all its lapsed holds, so a hold already expired, confirmed or reclaimed by a
 * booking is skipped and an overlapping or repeated run is harmless. Answers how many holds it expired.
 */
export async function expireHolds(deps: { db: Db; events: DomainEvents }): Promise<number> {
  let total = 0;
  for (;;) {
    const candidates = await findShowsWithLapsedHolds(deps.db, BATCH_SIZE);
    if (candidates.length === 0) return total;
    const shows = await deps.db.withTransaction((tx) => lockShows(tx, candidates));
    const expired = shows.reduce((sum, show) => sum + show.reclaimedHolds, 0);
    total += expired;
    const changed = shows.filter((show) => show.reclaimedHolds > 0).map((show) => show.id);
    deps.events.availabilityChanged({ showIds: changed });
    // Another sweeper (or bookings) took them all first: nothing is left for this run.
    if (expired === 0) return total;
  }
}
