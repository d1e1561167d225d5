import type { Booking } from '@holdfast/contracts';
import { getMyBookings } from '@/api/get-my-bookings';
import { hasCode } from '@/lib/api-error';
import { serverNow } from '@/lib/server-clock';
import { getBooking } from '../api/get-booking';

/**
 * The booking this show's page should show, from the server: the one named (a link, this tab's record)
 * in whatever state it is now, else the person's newest live hold on the show, made in any tab, else
 * null. Errors propagate: "could not ask" is not "nothing held".
 */
export async function findHold(showId: number, bookingId?: number): Promise<Booking | null> {
  if (bookingId !== undefined) {
    try {
      const booking = await getBooking(bookingId);
      if (booking.showId === showId) return booking;
    } catch (error) {
      if (!hasCode(error, 'BOOKING_NOT_FOUND')) throw error;
    }
  }
  const mine = await getMyBookings();
  // Newest first; a hold past its expiry is free for others even before the server sweeps it.
  const live = mine.find(
    (booking) =>
      booking.showId === showId && booking.status === 'PENDING' && Date.parse(booking.expiresAt) > serverNow(),
  );
  if (!live) return null;
  const { showName: _name, showStartTime: _start, showTimeZone: _zone, ...booking } = live;
  return booking;
}
