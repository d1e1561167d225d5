import type { Queryable } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showNotFound } from './shows.errors.js';
import { deleteShowRow } from './shows.repository.js';

/**
 * Deletes a show and its finished (cancelled or expired) bookings. A show that anyone still holds or has
 * confirmed slots on is refused, by the database itself: those bookings must be cancelled first.
 */
export async function deleteShow(deps: { db: Queryable; events: DomainEvents }, id: number): Promise<void> {
  if (!(await deleteShowRow(deps.db, id))) throw showNotFound();
  deps.events.availabilityChanged({ showIds: [id] });
}
