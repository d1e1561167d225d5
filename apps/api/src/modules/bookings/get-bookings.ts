import type { Booking, MyBooking } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { bookingNotFound } from './bookings.errors.js';
import { findOwnBooking, listUserBookings } from './bookings.repository.js';

export async function getOwnBooking(deps: { db: Queryable }, input: { userId: number; bookingId: number }): Promise<Booking> {
  const booking = await findOwnBooking(deps.db, input.bookingId, input.userId);
  if (!booking) throw bookingNotFound();
  return booking;
}

export const getMyBookings = (deps: { db: Queryable }, userId: number): Promise<MyBooking[]> => listUserBookings(deps.db, userId);
