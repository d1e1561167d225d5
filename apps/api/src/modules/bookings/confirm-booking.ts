import type { Booking } from '@holdfast/contracts';
import type { Transactional } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { enqueueEmail } from '../emails/index.js';
import { bookingNotFound, holdExpired, notPending } from './bookings.errors.js';
import { confirmHold, findOwnBooking, findOwnBookingOfShow } from './bookings.repository.js';

/**
 * Turns a live hold into a confirmed booking; the places were already taken when the hold was made. The
 * confirmation email is queued in the same transaction, so a confirmed booking always has one (ADR 0020).
 */
export async function confirmBooking(
  deps: { db: Transactional; events: DomainEvents },
  input: { userId: number; bookingId: number },
): Promise<Booking> {
  // The client names the booking only: find its show once, so that the write below names it (ADR 0013).
  const found = await findOwnBooking(deps.db, input.bookingId, input.userId);
  if (!found) throw bookingNotFound();
  const ref = { ...input, showId: found.showId };
  const confirmed =
    found.status === 'PENDING'
      ? await deps.db.withTransaction(async (tx) => {
          const booking = await confirmHold(tx, ref);
          if (booking) await enqueueEmail(tx, 'BOOKING_CONFIRMED', booking);
          return booking;
        })
      : null;
  if (confirmed) {
    deps.events.availabilityChanged({ showIds: [confirmed.showId] });
    return confirmed;
  }
  // Nothing changed: say why, as the booking stands now (a pending one lapsed or was settled meanwhile).
  const booking = found.status === 'PENDING' ? await findOwnBookingOfShow(deps.db, ref) : found;
  if (!booking) throw bookingNotFound();
  if (booking.status === 'EXPIRED') throw holdExpired();
  throw notPending(booking.status);
}
