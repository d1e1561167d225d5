import type { Show, UpdateShowRequest } from '@holdfast/contracts';
import { actAs, type Actor } from '../../platform/actor.js';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showNotFound, slotsBelowTaken } from './shows.errors.js';
import { lockShows, updateShowRow } from './shows.repository.js';

/** Renames, reschedules or resizes a show; total slots never drop below the slots taken. */
export async function updateShow(
  deps: { db: Db; events: DomainEvents },
  id: number,
  changes: UpdateShowRequest,
  actor: Actor,
): Promise<Show> {
  const show = await deps.db.withTransaction(async (tx) => {
    await actAs(tx, actor);
    // Locking also reclaims lapsed holds, so `taken` counts live holds and confirmed bookings only.
    const [current] = await lockShows(tx, [id]);
    if (!current) throw showNotFound();
    const taken = current.totalSlots - current.availableSlots;
    if (changes.totalSlots !== undefined && changes.totalSlots < taken) throw slotsBelowTaken(taken);
    const updated = await updateShowRow(tx, id, changes);
    if (updated.availableSlots === 0) return updated;
    // Places a resize adds go to the waitlist first: lock_show (the lock is already ours) serves it.
    const [{ reclaimedHolds: _, ...served }] = (await lockShows(tx, [id])) as [Show & { reclaimedHolds: number }];
    return { ...updated, ...served };
  });
  deps.events.availabilityChanged({ showIds: [id] });
  return show;
}
