import { MAX_BOOKING_EVENTS, type BookingEvent } from '@holdfast/contracts';
import type { AuthUser } from '../../platform/auth-user.js';
import type { Queryable } from '../../platform/db.js';
import { bookingNotFound, getBookingOwner } from '../bookings/index.js';
import { listBookingEvents } from './audit.repository.js';
import { nameActors } from './name-actors.js';

/**
 * A booking's history, for its owner or an administrator; anyone else hears it does not exist (404, as for
 * every booking id that is not theirs). A booking deleted with its show keeps its history and its owner there.
 */
export async function getBookingEvents(
  deps: { db: Queryable },
  bookingId: number,
  auth: AuthUser,
): Promise<BookingEvent[]> {
  const stored = await listBookingEvents(deps.db, bookingId, MAX_BOOKING_EVENTS);
  const owner = (await getBookingOwner(deps, bookingId)) ?? stored[0]?.userId;
  if (owner === undefined || owner === null) throw bookingNotFound();
  if (auth.role !== 'admin' && owner !== auth.userId) throw bookingNotFound();
  return nameActors(deps, stored);
}
