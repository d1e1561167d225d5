import type { Booking } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { bookingNotFound, holdExpired, notPending } from './bookings.errors.js';
import { confirmHold, findOwnBooking } from './bookings.repository.js';

/** Turns a live hold into a confirmed booking; the places were already taken when the hold was made. */
export async function confirmBooking(
  deps: { db: Queryable; events: DomainEvents },
  input: { userId: number; bookingId: number },
): Promise<Booking> {
  const confirmed = await confirmHold(deps.db, input.bookingId, input.userId);
  if (confirmed) {
    deps.events.availabilityChanged({ showIds: [confirmed.showId] });
    return confirmed;
  }
  // Nothing changed: find out why, for an honest answer.
  const booking = await findOwnBooking(deps.db, input.bookingId, input.userId);
  if (!booking) throw bookingNotFound();
  if (booking.status === 'EXPIRED') throw holdExpired();
  throw notPending(booking.status);
}
