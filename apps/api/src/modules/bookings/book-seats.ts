import type { Booking } from '@holdfast/contracts';
import type { Db } from '../../platform/db.js';
import type { DomainEvents } from '../../platform/events.js';
import { showNotFound } from '../shows/shows.errors.js';
import { lockShow } from '../shows/shows.repository.js';
import { showStarted, soldOut } from './bookings.errors.js';
import { holdPlaces } from './bookings.repository.js';

/**
 * Holds places on a show. The show's row lock serialises every booking of that show, so of many people
 * pressing "Book" for the last place exactly one gets it and the others get 409 SOLD_OUT.
 * Four round trips: BEGIN, lock, hold (one statement), COMMIT.
 */
export async function bookSeats(
  deps: { db: Db; events: DomainEvents; holdSeconds: number },
  input: { userId: number; showId: number; quantity: number },
): Promise<Booking> {
  const booking = await deps.db.withTransaction(async (tx) => {
    const show = await lockShow(tx, input.showId);
    if (!show) throw showNotFound();
    if (show.started) throw showStarted();
    const result = await holdPlaces(tx, { ...input, holdSeconds: deps.holdSeconds });
    if (!result.booking) throw soldOut(result.availableSlots);
    return result.booking;
  });
  deps.events.availabilityChanged({ showIds: [input.showId], holdExpiresAt: new Date(booking.expiresAt) });
  return booking;
}
