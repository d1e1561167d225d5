import type { BookingEvent } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { getUsersById } from '../auth/index.js';
import type { StoredEvent } from './audit.repository.js';

/** Adds each actor's name as it is now (null for the system, or a user deleted since). */
export async function nameActors(deps: { db: Queryable }, events: StoredEvent[]): Promise<BookingEvent[]> {
  const ids = events.flatMap((event) => (event.actor.id === null ? [] : [event.actor.id]));
  const users = await getUsersById(deps, ids);
  return events.map((event) => ({
    ...event,
    actor: { ...event.actor, name: event.actor.id === null ? null : (users.get(event.actor.id)?.name ?? null) },
  })) as BookingEvent[];
}
