import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { expireLapsedHoldsOf, findShowsWithLapsedHolds, lockShows } from './bookings.repository.js';

const BATCH_SIZE = 500;

/**
 * Marks PENDING holds past expires_at as EXPIRED and gives their places back, one transaction per batch.
 * Idempotent: a hold already expired, confirmed or reclaimed by a booking is skipped, so an overlapping or
 * repeated run is harmless. Answers how many holds it expired.
 */
export async function expireHolds(deps: { db: Db; events: DomainEvents }): Promise<number> {
  let total = 0;
  for (;;) {
    const candidates = await findShowsWithLapsedHolds(deps.db, BATCH_SIZE);
    if (candidates.length === 0) return total;
    const { expired, showIds } = await deps.db.withTransaction(async (tx) => {
      // Shows first, in id order: the same lock order as booking and cancelling, so no deadlock.
      const locked = await lockShows(tx, candidates);
      return { expired: await expireLapsedHoldsOf(tx, locked, BATCH_SIZE), showIds: locked };
    });
    total += expired;
    if (expired > 0) deps.events.availabilityChanged({ showIds });
    if (expired < BATCH_SIZE) return total;
  }
}
