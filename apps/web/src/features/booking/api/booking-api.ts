import { endpoints } from '@holdfast/contracts';
import { call } from '@/lib/api-client';
import { observeServerTime } from '@/lib/server-clock';

/** Holds places; the new booking's createdAt is the server's "now", which calibrates our countdown. */
export async function holdPlaces(showId: number, quantity: number) {
  const sentAt = Date.now();
  const booking = await call(endpoints.createBooking, { body: { showId, quantity } });
  observeServerTime(Date.parse(booking.createdAt), sentAt, Date.now());
  return booking;
}

export const confirmHold = (bookingId: number) => call(endpoints.confirmBooking, { body: { bookingId } });
export const releaseHold = (bookingId: number) => call(endpoints.cancelBooking, { params: { id: bookingId } });
export const fetchBooking = (bookingId: number) => call(endpoints.getBooking, { params: { id: bookingId } });
export const fetchMyBookings = () => call(endpoints.myBookings, {});
