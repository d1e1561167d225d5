import type { WaitlistEntry } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { findEntry, markLeft } from './waitlist.repository.js';

/** Leaves a show's waitlist; an offer not yet confirmed is cancelled and its places pass to the next in line. */
export async function leaveWaitlist(
  deps: { db: Transactional; events: DomainEvents },
  input: { showId: number; userId: number },
): Promise<WaitlistEntry> {
  const entry = await deps.db.withTransaction(async (tx) => findEntry(tx, await markLeft(tx, input)));
  deps.events.availabilityChanged({ showIds: [input.showId] });
  return entry;
}
