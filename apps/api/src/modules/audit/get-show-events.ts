import type { BookingEvent, ListShowEventsQuery } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { getShow } from '../shows/index.js';
import { listShowEvents } from './audit.repository.js';
import { nameActors } from './name-actors.js';

/**
 * A page of a show's audit trail, newest first, and the `before` of the next page when there may be one. The
 * trail outlives the show: a deleted show's events are still answered; a show with neither is not found.
 */
export async function getShowEvents(
  deps: { db: Queryable },
  showId: number,
  query: ListShowEventsQuery,
): Promise<{ events: BookingEvent[]; nextBefore?: number }> {
  const stored = await listShowEvents(deps.db, showId, query);
  if (stored.length === 0 && query.before === undefined) await getShow(deps, showId);
  const events = await nameActors(deps, stored);
  return stored.length === query.limit ? { events, nextBefore: stored.at(-1)!.id } : { events };
}
