import { actAs, type Actor } from '../../platform/actor.js';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showNotFound } from './shows.errors.js';
import { deleteShowRow } from './shows.repository.js';

/**
 * Deletes a show and its finished (cancelled or expired) bookings. A show that anyone still holds or has
 * confirmed slots on is refused, by the database itself: those bookings must be cancelled first. The audit
 * trail keeps the show's history, SHOW_DELETED last. People still waiting for it are emailed by the database
 * too, in this transaction (migration 15's trigger, which the series' deletion goes through as well).
 */
export async function deleteShow(
  deps: { db: Transactional; events: DomainEvents },
  id: number,
  actor: Actor,
): Promise<void> {
  const deleted = await deps.db.withTransaction(async (tx) => {
    await actAs(tx, actor);
    return deleteShowRow(tx, id);
  });
  if (!deleted) throw showNotFound();
  deps.events.availabilityChanged({ showIds: [id] });
}
