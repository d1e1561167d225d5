import type { ShowBooking } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { getUsersById } from '../auth/index.js';
import { getShow } from '../shows/index.js';
import { listBookingsOfShow } from './bookings.repository.js';

/** Everyone's bookings of one show, newest first, with who made them (admins only). */
export async function listShowBookings(deps: { db: Queryable }, showId: number): Promise<ShowBooking[]> {
  await getShow(deps, showId);
  const bookings = await listBookingsOfShow(deps.db, showId);
  const users = await getUsersById(
    deps,
    bookings.map((booking) => booking.userId),
  );
  // Deleting a user deletes their bookings (ON DELETE CASCADE), so every owner is found.
  return bookings.map((booking) => {
    const user = users.get(booking.userId)!;
    return { ...booking, userName: user.name, userEmail: user.email };
  });
}
