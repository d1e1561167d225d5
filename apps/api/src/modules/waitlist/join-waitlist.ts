import type { JoinWaitlistRequest, WaitlistEntry } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { findEntry, insertWaitingEntry } from './waitlist.repository.js';

/** Joins a show's waitlist for places it cannot fit now; the database refuses if they can be booked instead. */
export async function joinWaitlist(
  deps: { db: Transactional; events: DomainEvents },
  input: { showId: number; userId: number } & Required<JoinWaitlistRequest>,
): Promise<WaitlistEntry> {
  const entry = await deps.db.withTransaction(async (tx) => findEntry(tx, await insertWaitingEntry(tx, input)));
  // With someone waiting, the show's lapsed holds no longer count as free (live_shows): its list entry may change.
  deps.events.availabilityChanged({ showIds: [input.showId] });
  return entry;
}
