import type { ShowBooking } from '@holdfast/contracts';
import type { Queryable } from '../../platform/db.js';
import { showNotFound } from '../shows/shows.errors.js';
import { findShow } from '../shows/shows.repository.js';
import { listBookingsOfShow } from './bookings.repository.js';

export async function listShowBookings(deps: { db: Queryable }, showId: number): Promise<ShowBooking[]> {
  if (!(await findShow(deps.db, showId))) throw showNotFound();
  return listBookingsOfShow(deps.db, showId);
}
