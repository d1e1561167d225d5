import type { Queryable } from '../../platform/db.js';
import { reclaimLapsedHolds } from './bookings.repository.js';

export interface PreciseSweep {
  /** Shows whose lapsed holds this call expired: the caller, and no one else, announces them. */
  reclaimed: number[];
  /** Shows another transaction had locked: look again a moment later. */
  busy: number[];
  /** Holds this call expired. */
  expired: number;
}

/**
 * Expires the lapsed holds of just these shows, in one statement that takes no show someone else holds. Run by
 * every API instance just after a hold it heard of lapses; the PENDING -> EXPIRED transition happens once, so
 * exactly one caller finds a show reclaimed (ADR 0015). expireHolds remains the sweep of everything.
 */
export async function sweepLapsedHolds(deps: { db: Queryable }, showIds: number[]): Promise<PreciseSweep> {
  const rows = await reclaimLapsedHolds(deps.db, showIds);
  return {
    reclaimed: rows.filter((row) => row.reclaimedHolds > 0).map((row) => row.showId),
    busy: rows.filter((row) => row.busy).map((row) => row.showId),
    expired: rows.reduce((sum, row) => sum + row.reclaimedHolds, 0),
  };
}
