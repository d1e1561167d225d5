import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showHasBookings, showNotFound } from './shows.errors.js';
import { countActiveBookings, deleteShowRow, lockShow } from './shows.repository.js';

/**
 * Deletes a show and its finished (cancelled or expired) bookings. A show that anyone still holds or has
 * confirmed places on is refused: those bookings must be cancelled first, never silently dropped.
 */
export async function deleteShow(deps: { db: Db; events: DomainEvents }, id: number): Promise<void> {
  await deps.db.withTransaction(async (tx) => {
    if (!(await lockShow(tx, id))) throw showNotFound();
    const active = await countActiveBookings(tx, id);
    if (active > 0) throw showHasBookings(active);
    await deleteShowRow(tx, id);
  });
  deps.events.availabilityChanged({ showIds: [id] });
}
