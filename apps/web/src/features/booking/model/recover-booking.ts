import type { Booking } from '@holdfast/contracts';
import { getMyBookings } from '@/api/get-my-bookings';
import { hasCode } from '@/lib/api-error';
import { serverNow } from '@/lib/server-clock';
import { getBooking } from '../api/get-booking';
import type { InFlightBooking } from './in-flight-booking';

/** How much earlier than our request a server timestamp may look, given clock error and latency. */
const MATCH_TOLERANCE_MS = 60_000;

/**
 * The server's truth about an in-flight booking: the booking itself when we know its id, otherwise
 * the hold our lost request created (same show and quantity, created after we asked), or null when
 * nothing was booked. Network failures propagate: "unknown" is not the same as "nothing".
 */
export async function recoverBooking(inFlight: InFlightBooking): Promise<Booking | null> {
  if (inFlight.bookingId !== undefined) {
    try {
      return await getBooking(inFlight.bookingId);
    } catch (error) {
      if (hasCode(error, 'BOOKING_NOT_FOUND')) return null;
      throw error;
    }
  }
  const requestedAtServer = inFlight.requestedAt + (serverNow() - Date.now());
  const mine = await getMyBookings();
  const match = mine.find(
    (booking) =>
      booking.showId === inFlight.showId &&
      booking.quantity === inFlight.quantity &&
      Date.parse(booking.createdAt) >= requestedAtServer - MATCH_TOLERANCE_MS,
  );
  if (!match) return null;
  const { showName: _name, showStartTime: _start, ...booking } = match;
  return booking;
}
