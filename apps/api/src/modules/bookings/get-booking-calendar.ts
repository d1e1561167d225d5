import type { Queryable } from '../../platform/db.js';
import { bookingCalendar, calendarNeedsConfirmation, findOwnMailData } from '../emails/index.js';
import { bookingNotFound } from './bookings.errors.js';
import { findOwnBooking } from './bookings.repository.js';

/** One's own confirmed booking as an iCalendar file: the same entry as the confirmation email's attachment. */
export async function getBookingCalendar(
  deps: { db: Queryable; webUrl: string },
  input: { userId: number; bookingId: number },
): Promise<string> {
  const booking = await findOwnBooking(deps.db, input.bookingId, input.userId);
  if (!booking) throw bookingNotFound();
  if (booking.status !== 'CONFIRMED') throw calendarNeedsConfirmation(booking.status);
  const found = await findOwnMailData(deps.db, { ...input, showId: booking.showId });
  if (!found) throw bookingNotFound();
  return bookingCalendar(found.payload, deps.webUrl);
}
