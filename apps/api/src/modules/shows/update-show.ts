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
    return updateShowRow(tx, id, changes);
  });
  deps.events.availabilityChanged({ showIds: [id] });
  return show;
}
