import type { Show, UpdateShowRequest } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showNotFound, slotsBelowTaken } from './shows.errors.js';
import { lockShow, reclaimLapsedHolds, updateShowRow } from './shows.repository.js';

/** Renames, reschedules or resizes a show; total places never drop below the places taken. */
export async function updateShow(
  deps: { db: Db; events: DomainEvents },
  id: number,
  changes: UpdateShowRequest,
): Promise<Show> {
  const show = await deps.db.withTransaction(async (tx) => {
    if (!(await lockShow(tx, id))) throw showNotFound();
    // Lapsed holds must not count as taken, so give their places back before measuring.
    const current = await reclaimLapsedHolds(tx, id);
    const taken = current.totalSlots - current.availableSlots;
    if (changes.totalSlots !== undefined && changes.totalSlots < taken) throw slotsBelowTaken(taken);
    return updateShowRow(tx, id, changes);
  });
  deps.events.availabilityChanged({ showIds: [id] });
  return show;
}
