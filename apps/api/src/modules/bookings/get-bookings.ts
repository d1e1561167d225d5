import type { Booking, MyBooking } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { getShowsByIds } from '../shows/index.js';
import { bookingNotFound } from './bookings.errors.js';
import { findBookingOwner, findOwnBooking, listUserBookings } from './bookings.repository.js';

export async function getOwnBooking(
  deps: { db: Queryable },
  input: { userId: number; bookingId: number },
): Promise<Booking> {
  const booking = await findOwnBooking(deps.db, input.bookingId, input.userId);
  if (!booking) throw bookingNotFound();
  return booking;
}

/** The user's bookings, newest first, each with its show's name and time. */
export async function getMyBookings(deps: { db: Queryable }, userId: number): Promise<MyBooking[]> {
  const bookings = await listUserBookings(deps.db, userId);
  const shows = new Map((await getShowsByIds(deps, [...new Set(bookings.map((b) => b.showId))])).map((s) => [s.id, s]));
  // A booking's show always exists: deleting a show deletes its bookings in the same statement.
  return bookings.map((booking) => {
    const show = shows.get(booking.showId)!;
    return { ...booking, showName: show.name, showStartTime: show.startTime, showTimeZone: show.timeZone };
  });
}

/** The id of the user a booking belongs to, or null when there is no such booking (another module's check). */
export const getBookingOwner = (deps: { db: Queryable }, bookingId: number) => findBookingOwner(deps.db, bookingId);
